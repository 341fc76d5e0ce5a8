// The extractor's word lists.
#include "extract/lexicon.h"

#include "common/titles.h"

#include <algorithm>
#include <string>
#include <unordered_set>

namespace kg::extract {
namespace {

using Set = std::unordered_set<std::string_view>;

bool in(const Set& s, std::string_view w) { return s.count(w) > 0; }

std::string_view strip_period(std::string_view w) {
  if (!w.empty() && w.back() == '.') w.remove_suffix(1);
  return w;
}

const Set& honorifics() {
  static const Set s = {"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "prof", "madam",
                        "madame", "lord", "lady", "mister", "messrs", "mme", "mlle", "herr"};
  return s;
}

const Set& male_titles() {
  static const Set s = {"mr", "mister", "sir", "lord", "king", "prince", "duke", "emperor",
                        "pope", "father", "brother", "chairman", "spokesman", "congressman",
                        "count", "baron", "sultan", "emir", "sheikh", "councilman",
                        "assemblyman", "herr", "messrs"};
  return s;
}

const Set& female_titles() {
  static const Set s = {"mrs", "ms", "miss", "madam", "madame", "dame", "lady", "queen",
                        "princess", "duchess", "empress", "sister", "chairwoman", "spokeswoman",
                        "congresswoman", "countess", "councilwoman", "assemblywoman", "mme",
                        "mlle"};
  return s;
}

const Set& male_names() {
  static const Set s = {
      "joe", "joseph", "john", "james", "robert", "michael", "william", "david", "richard",
      "charles", "thomas", "christopher", "daniel", "matthew", "anthony", "antony", "mark",
      "donald", "steven", "stephen", "paul", "andrew", "joshua", "kenneth", "kevin", "brian",
      "george", "timothy", "ronald", "edward", "jason", "jeffrey", "ryan", "jacob", "gary",
      "nicholas", "eric", "jonathan", "larry", "justin", "scott", "brandon", "benjamin",
      "samuel", "gregory", "frank", "alexander", "raymond", "patrick", "jack", "dennis",
      "jerry", "tyler", "aaron", "jose", "adam", "henry", "nathan", "douglas", "zachary",
      "peter", "kyle", "walter", "ethan", "jeremy", "harold", "keith", "christian", "roger",
      "noah", "gerald", "carl", "terry", "sean", "austin", "arthur", "lawrence", "jesse",
      "dylan", "bryan", "joe", "jordan", "billy", "bruce", "albert", "willie", "gabriel",
      "logan", "alan", "juan", "wayne", "roy", "ralph", "randy", "eugene", "vincent", "russell",
      "elijah", "louis", "bobby", "philip", "johnny", "bill", "barack", "vladimir", "sergei",
      "sergey", "emmanuel", "boris", "dmitry", "dmitri", "alexei", "alexey", "ivan", "igor",
      "volodymyr", "viktor", "victor", "olaf", "angelo", "xi", "recep", "benjamin", "mohammed",
      "muhammad", "ahmed", "ali", "hassan", "omar", "abdullah", "narendra", "rishi", "justin",
      "jair", "luiz", "andres", "pedro", "carlos", "luis", "jorge", "miguel", "antonio",
      "francesco", "giuseppe", "giorgio", "hans", "klaus", "jurgen", "friedrich", "helmut",
      "gerhard", "wolfgang", "jean", "pierre", "jacques", "francois", "nicolas", "emmanuel",
      "mikhail", "nikita", "leonid", "yuri", "kim", "shinzo", "fumio", "yoshihide", "hu",
      "mike", "tom", "jim", "bob", "dick", "ted", "ron", "chuck", "rick", "dan", "dave", "ken",
      "tony", "nick", "chris", "matt", "steve", "andy", "greg", "jeff", "jon", "ben", "sam",
      "lloyd", "antonio", "rex", "hunter", "jake", "marco", "lindsey", "mitch", "rand", "ted",
      "kevin", "chuck", "nancy_", "hakeem", "lavrov", "tayyip", "ned", "dmytro", "oleksii",
      "vitali", "vitaly", "petro", "leon", "lee", "martin", "simon", "graham", "keir", "gordon",
      "tony", "winston", "neville", "harry", "charlie", "oliver", "liam", "lucas", "mason",
      "elon", "jeff", "warren", "tim", "sundar", "satya", "mark", "larry", "sergey", "steve",
  };
  return s;
}

const Set& female_names() {
  static const Set s = {
      "mary", "patricia", "jennifer", "jen", "jenny", "linda", "elizabeth", "barbara", "susan",
      "jessica", "sarah", "karen", "nancy", "lisa", "betty", "margaret", "sandra", "ashley",
      "kimberly", "emily", "donna", "michelle", "dorothy", "carol", "amanda", "melissa",
      "deborah", "stephanie", "rebecca", "sharon", "laura", "cynthia", "kathleen", "amy",
      "shirley", "angela", "helen", "anna", "brenda", "pamela", "nicole", "emma", "samantha",
      "katherine", "kate", "christine", "debra", "rachel", "catherine", "carolyn", "janet",
      "ruth", "maria", "heather", "diane", "virginia", "julie", "joyce", "victoria", "olivia",
      "kelly", "christina", "lauren", "joan", "evelyn", "judith", "megan", "cheryl", "andrea",
      "hannah", "martha", "jacqueline", "frances", "gloria", "ann", "anne", "teresa",
      "kathryn", "sara", "janice", "jean_", "alice", "madison", "doris", "abigail", "julia",
      "judy", "grace", "denise", "amber", "marilyn", "beverly", "danielle", "theresa", "sophia",
      "marie", "diana", "brittany", "natalie", "isabella", "charlotte", "rose", "alexis",
      "kayla", "hillary", "kamala", "angela", "ursula", "theresa", "margaret", "indira",
      "golda", "benazir", "jacinda", "liz", "nicola", "sanna", "annalena", "christine",
      "bathsheba", "linda", "samantha", "condoleezza", "madeleine", "nikki", "jill", "melania",
      "ivanka", "michele", "nancy", "kirsten", "elizabeth", "elise", "marjorie", "lauren",
      "maxine", "ilhan", "alexandria", "tulsi", "amy", "kristi", "sarah", "liz", "kay",
      "valentina", "maria", "olga", "natalia", "tatiana", "svetlana", "yulia", "irina",
      "anastasia", "elena", "marine", "segolene", "edith", "brigitte", "ingrid", "giorgia",
      "ana", "carmen", "sofia", "lucia", "isabel", "beatriz", "fatima", "aisha", "leila",
      "meera", "priya", "sonia", "yoko", "mei", "tsai", "ing-wen", "dilma", "cristina",
      "gina", "janet", "jen", "karine", "avril", "wendy", "kathy", "katie", "susanne",
      "claudia", "mette", "ursula", "roberta", "kaja", "ellen", "deb", "debbie", "tammy",
  };
  return s;
}

const Set& speech_verbs() {
  static const Set s = {
      "say", "add", "tell", "state", "claim", "announce", "report", "allege", "note", "explain",
      "argue", "insist", "warn", "write", "declare", "confirm", "deny", "suggest", "believe",
      "think", "assert", "acknowledge", "reply", "respond", "comment", "testify", "indicate",
      "stress", "emphasize", "emphasise", "contend", "maintain", "predict", "estimate",
      "conclude", "admit", "reveal", "disclose", "caution", "recall", "remark", "observe",
      "mention", "tweet", "post", "assure", "promise", "vow", "pledge", "hint", "signal",
      "complain", "concede", "reiterate", "affirm", "urge", "agree_", "accuse", "charge",
      "suspect", "fear", "hope", "expect", "know", "feel", "find", "show", "understand",
  };
  return s;
}

const Set& modals() {
  static const Set s = {"will", "would", "can", "could", "may", "might", "shall", "should",
                        "must", "ought", "wo", "ca", "'ll", "'d"};
  return s;
}

const Set& hedges() {
  static const Set s = {"likely", "probably", "possibly", "perhaps", "maybe", "reportedly",
                        "allegedly", "apparently", "presumably", "potentially", "supposedly",
                        "unlikely"};
  return s;
}

const Set& condition_markers() {
  static const Set s = {"if", "unless", "provided", "providing", "as long as", "so long as",
                        "in case", "whether", "assuming", "only if", "even if", "once"};
  return s;
}

const Set& temporal() {
  static const Set s = {
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
      "february", "march", "april", "may_", "june", "july", "august", "september", "october",
      "november", "december", "today", "yesterday", "tomorrow", "tonight", "week", "month",
      "year", "day", "morning", "afternoon", "evening", "night", "weekend", "decade",
      "century", "time", "moment", "hour", "minute", "second_", "season", "spring", "summer",
      "autumn", "winter", "quarter", "period", "weekday", "era", "jan", "feb", "mar", "apr",
      "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "wed", "thu",
      "fri", "sat", "sun_", "noon", "midnight", "dawn", "daybreak", "overnight",
  };
  return s;
}

const Set& org_cues() {
  static const Set s = {
      "house", "kremlin", "council", "ministry", "department", "office", "committee",
      "organization", "organisation", "organizations", "organisations", "agency",
      "administration", "company", "corp", "corporation", "inc", "ltd", "llc", "plc", "party",
      "union", "association", "university", "college", "bank", "court", "congress", "senate",
      "parliament", "army", "navy", "forces", "government", "nations", "commission",
      "institute", "foundation", "bureau", "pentagon", "club", "group", "times", "post",
      "news", "network", "federation", "alliance", "nato", "fund", "board", "authority",
      "service", "police", "guard", "church", "school", "hospital", "airlines", "motors",
      "industries", "systems", "technologies", "team", "league", "assembly", "cabinet",
      "secretariat", "tribunal", "embassy", "consulate", "co", "co.", "corp.", "inc.", "ltd.",
  };
  return s;
}

const Set& places() {
  static const Set s = {
      "ukraine", "russia", "europe", "asia", "africa", "america", "americas", "australia",
      "ecuador", "bolivia", "paraguay", "uruguay", "panama", "guatemala", "honduras",
      "nicaragua", "el salvador", "costa rica", "jamaica", "haiti", "zambia", "zaire",
      "zimbabwe", "ghana", "tanzania", "uganda", "angola", "mozambique", "senegal", "cameroon",
      "liberia", "gabon", "sri lanka", "nepal", "burma", "myanmar", "cambodia", "laos",
      "new zealand", "iceland", "luxembourg", "cyprus", "malta", "bahrain", "brunei",
      "antarctica", "china", "japan", "india", "germany", "france", "britain", "england",
      "scotland", "wales", "ireland", "italy", "spain", "portugal", "poland", "belarus",
      "canada", "mexico", "brazil", "argentina", "chile", "peru", "colombia", "venezuela",
      "cuba", "iran", "iraq", "syria", "israel", "palestine", "gaza", "lebanon", "jordan_",
      "egypt", "libya", "tunisia", "algeria", "morocco", "nigeria", "kenya", "ethiopia",
      "sudan", "somalia", "afghanistan", "pakistan", "bangladesh", "turkey", "greece",
      "sweden", "norway", "finland", "denmark", "netherlands", "belgium", "switzerland",
      "austria", "hungary", "romania", "bulgaria", "serbia", "croatia", "moldova", "georgia_",
      "armenia", "azerbaijan", "kazakhstan", "uzbekistan", "korea", "vietnam", "thailand",
      "indonesia", "malaysia", "singapore", "philippines", "taiwan", "mongolia", "saudi",
      "arabia", "qatar", "yemen", "oman", "kuwait", "emirates", "lithuania", "latvia",
      "estonia", "czechia", "slovakia", "slovenia", "crimea", "donbas", "donetsk", "luhansk",
      "kyiv", "kiev", "moscow", "washington", "london", "paris", "berlin", "geneva", "brussels",
      "beijing", "tokyo", "rome", "madrid", "vienna", "warsaw", "minsk", "kharkiv", "odessa",
      "odesa", "mariupol", "munich", "new york", "chicago", "boston", "los angeles", "texas",
      "california", "florida", "york", "jerusalem", "tehran", "baghdad", "damascus", "cairo",
      "istanbul", "ankara", "delhi", "mumbai", "shanghai", "hong kong", "seoul", "sydney",
      "toronto", "ottawa", "sochi", "st. petersburg", "new zealand", "south africa",
      "north korea", "south korea", "united states", "united kingdom", "us", "u.s.", "uk",
      "u.k.", "usa", "eu", "middle east", "balkans", "baltic", "caucasus", "siberia",
  };
  return s;
}

const Set& light_verbs() {
  static const Set s = {"have", "make", "take", "give", "hold", "send", "do", "get", "pay",
                        "issue", "launch", "convene", "reach", "sign", "accept", "offer",
                        "file", "conduct", "host", "place", "put", "raise", "set"};
  return s;
}

// Currencies as news write them (Reuters: "dlrs", "stg", "cts"), singular and plural.
const Set& currency_words() {
  static const Set s = {
      "$", "us$", "c$", "a$", "hk$", "nz$", "£", "¥", "€", "dlr", "dlrs", "dollar", "dollars",
      "ct", "cts", "cent", "cents", "yen", "stg", "sterling", "pound", "pounds", "mark", "marks",
      "franc", "francs", "lira", "lire", "guilder", "guilders", "peso", "pesos", "rupee", "rupees",
      "ecu", "ecus", "rand", "crown", "crowns", "krona", "kronor", "krone", "kroner", "riyal",
      "riyals", "dinar", "dinars", "yuan", "won", "baht", "schilling", "schillings", "peseta",
      "pesetas", "escudo", "escudos", "drachma", "drachmas", "ringgit", "rouble", "roubles",
      "ruble", "rubles", "euro", "euros", "cruzado", "cruzados", "austral", "australs", "shekel",
      "shekels", "naira", "rupiah", "zloty", "forint"};
  return s;
}

const Set& percent_words() {
  static const Set s = {"pct", "percent", "%", "pc", "per-cent"};
  return s;
}

// Units a quantity is counted in.
const Set& unit_words() {
  static const Set s = {
      "tonne", "tonnes", "ton", "tons", "barrel", "barrels", "bpd", "ounce", "ounces", "oz",
      "bushel", "bushels", "kilo", "kilos", "kg", "kilogram", "kilograms", "gram", "grams",
      "metre", "metres", "meter", "meters", "km", "kilometre", "kilometres", "kilometer",
      "kilometers", "mile", "miles", "acre", "acres", "hectare", "hectares", "lb", "lbs",
      "gallon", "gallons", "litre", "litres", "liter", "liters", "carat", "carats", "bale",
      "bales", "share", "shares", "point", "points", "megawatt", "megawatts", "mw", "kilowatt",
      "kwh", "foot", "feet", "yard", "yards", "cubic", "bag", "bags", "head", "mt"};
  return s;
}

// Time zones: a number with one is a time of day ("0900 GMT").
const Set& time_zone_words() {
  static const Set s = {"gmt", "utc", "est", "edt", "cst", "cdt", "pst", "pdt", "bst", "cet", "jst"};
  return s;
}

// Words that multiply a number ("5 mln", "1.5 billion").
const Set& multiplier_words() {
  static const Set s = {"mln",      "million", "millions", "bln",  "billion", "billions",
                        "trillion", "thousand", "thousands", "hundred", "mn",     "bn"};
  return s;
}

}  // namespace

bool is_title_word(std::string_view w) { return kg::is_title_word(strip_period(w)); }
bool is_honorific(std::string_view w) { return in(honorifics(), strip_period(w)); }

Gender title_gender(std::string_view w) {
  w = strip_period(w);
  if (in(male_titles(), w)) return Gender::kMale;
  if (in(female_titles(), w)) return Gender::kFemale;
  return Gender::kUnknown;
}

Gender first_name_gender(std::string_view w) {
  if (in(male_names(), w)) return Gender::kMale;
  if (in(female_names(), w)) return Gender::kFemale;
  return Gender::kUnknown;
}

bool is_speech_verb(std::string_view lemma) { return in(speech_verbs(), lemma); }
bool is_modal(std::string_view lemma) { return in(modals(), lemma); }
bool is_hedge_adverb(std::string_view lemma) { return in(hedges(), lemma); }
bool is_negation(std::string_view lemma) {
  return lemma == "not" || lemma == "n't" || lemma == "never" || lemma == "nt";
}
bool is_condition_marker(std::string_view w) { return in(condition_markers(), w); }
bool is_relative_pronoun(std::string_view w) {
  return w == "who" || w == "whom" || w == "which" || w == "that" || w == "whose";
}

bool is_idiom_pp(std::string_view prep, std::string_view noun) {
  static const Set s = {"in principle", "in fact", "in part", "at least", "in particular",
                        "of course", "in general", "at all", "in addition", "for example",
                        "for instance", "in turn", "at last", "at first", "in effect",
                        "in theory", "in practice", "in short", "by far", "in total",
                        "at most", "in person", "on purpose", "in advance", "by chance",
                        "in public", "in private", "at once", "in vain", "for sure",
                        "in particular", "on average", "at times", "by contrast",
                        "in response", "in order", "in accordance", "in line", "on behalf",
                        "in favor", "in favour", "in spite", "in charge", "in view",
                        "in terms", "in light", "at risk", "in place", "in time", "on time"};
  std::string key;
  key.reserve(prep.size() + noun.size() + 1);
  key.append(prep).append(" ").append(noun);
  return in(s, key);
}

bool is_temporal_noun(std::string_view lemma) { return in(temporal(), lemma); }
bool is_org_cue(std::string_view w) { return in(org_cues(), w); }

bool is_non_entity_name(std::string_view w) {
  static const Set s = {
      "january", "february", "march", "april", "june", "july", "august", "september", "october",
      "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
      "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
      "sunday", "co", "co.", "cos", "corp", "corp.", "inc", "inc.", "ltd", "ltd.", "plc", "llc",
      "ag", "sa", "nv", "bv", "gmbh", "spa", "ct", "record", "pay", "div", "vs", "dlrs", "dlr",
      "mln", "billion", "pct", "note", "prior", "net"};
  return in(s, w) || is_table_word(w);
}

bool is_table_word(std::string_view w) {
  static const Set s = {"shr", "shrs", "revs", "rev", "cts", "oper", "qtr", "qtly", "avg", "mths",
                        "mth"};
  return in(s, w);
}

bool is_corporate_suffix(std::string_view w) {
  static const Set s = {"co",  "co.",  "cos", "corp", "corp.", "inc", "inc.", "ltd", "ltd.",
                        "plc", "llc",  "ag",  "sa",   "nv",    "bv",  "gmbh", "spa", "limited",
                        "incorporated", "corporation"};
  return in(s, w);
}

bool is_org_name_end(std::string_view w) {
  static const Set s = {"brothers", "exchange", "holdings", "partners", "associates",
                        "bancorp", "bancshares", "securities", "airways", "trust", "sons"};
  return is_org_cue(w) || is_corporate_suffix(w) || in(s, w);
}

bool is_known_coordinated_org(std::string_view w) {
  static const Set s = {"procter and gamble", "standard and poor's", "standard and poor",
                        "johnson and johnson", "marks and spencer", "dun and bradstreet",
                        "black and decker", "smith and wesson", "barnes and noble",
                        "ernst and whinney", "ernst and young", "arthur young and co",
                        "peat marwick and mitchell", "touche ross and co", "saatchi and saatchi",
                        "stop and shop", "ways and means"};
  return in(s, w);
}

bool is_date_word(std::string_view w) {
  static const Set s = {"january", "february", "march", "april", "june", "july", "august",
                        "september", "october", "november", "december", "monday", "tuesday",
                        "wednesday", "thursday", "friday", "saturday", "sunday"};
  return in(s, w);
}

bool is_dating_word(std::string_view w) {
  return is_date_word(w) || w == "today" || w == "yesterday" || w == "tomorrow";
}

bool is_month(std::string_view w) {
  if (is_date_word(w)) return !w.ends_with("day");
  if (w.ends_with('.')) w.remove_suffix(1);
  static const Set s = {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
                        "nov", "dec"};
  return in(s, w);
}

ValueWord value_word(std::string_view w) {
  if (in(currency_words(), w)) return ValueWord::kCurrency;
  if (in(percent_words(), w)) return ValueWord::kPercent;
  if (in(unit_words(), w)) return ValueWord::kUnit;
  if (in(multiplier_words(), w)) return ValueWord::kMultiplier;
  if (in(time_zone_words(), w)) return ValueWord::kTimeZone;
  return ValueWord::kNone;
}

std::string_view common_country_name(std::string_view w) {
  static const std::pair<const char*, const char*> names[] = {
      {"us", "United States"},           {"u.s.", "United States"},
      {"u.s", "United States"},          {"usa", "United States"},
      {"u.s.a.", "United States"},       {"america", "United States"},
      {"united states", "United States"}, {"united states of america", "United States"},
      {"uk", "Britain"},                 {"u.k.", "Britain"},
      {"britain", "Britain"},            {"great britain", "Britain"},
      {"united kingdom", "Britain"},     {"ussr", "Soviet Union"},
      {"u.s.s.r.", "Soviet Union"},      {"soviet union", "Soviet Union"}};
  for (const auto& [alias, name] : names) {
    if (w == alias) return name;
  }
  return {};
}

bool is_generic_org_head(std::string_view w) { return kg::is_generic_org_head(w); }
bool is_place_name(std::string_view w) { return in(places(), w); }
bool is_light_verb(std::string_view lemma) { return in(light_verbs(), lemma); }

bool pronoun_info(std::string_view w, PronounInfo* info) {
  PronounInfo p;
  if (w == "he" || w == "him" || w == "his" || w == "himself") {
    p.gender = Gender::kMale;
    p.person_only = true;
  } else if (w == "she" || w == "her" || w == "hers" || w == "herself") {
    p.gender = Gender::kFemale;
    p.person_only = true;
  } else if (w == "it" || w == "its" || w == "itself") {
  } else if (w == "they" || w == "them" || w == "their" || w == "theirs" || w == "themselves") {
    p.plural = true;
  } else if (w == "i" || w == "me" || w == "my" || w == "we" || w == "us" || w == "our" ||
             w == "you" || w == "your" || w == "myself" || w == "ourselves" ||
             w == "yourself") {
    p.third_person = false;
    p.plural = (w == "we" || w == "us" || w == "our" || w == "ourselves");
  } else {
    return false;
  }
  *info = p;
  return true;
}

}  // namespace kg::extract
