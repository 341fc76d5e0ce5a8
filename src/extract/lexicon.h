// Closed word lists the extractor relies on: titles, honorifics, speech verbs, modals, condition
// markers, pronouns, name gender cues, organisation and place cues. All lookups take lowercase words.
#pragma once

#include <string_view>

namespace kg::extract {

enum class Gender { kUnknown, kMale, kFemale };

bool is_title_word(std::string_view w);       // president, secretary, minister, ambassador, ...
bool is_honorific(std::string_view w);        // mr, mrs, dr, ... (with or without the period)
Gender title_gender(std::string_view w);      // mr/king -> male, mrs/queen -> female
Gender first_name_gender(std::string_view w); // common first names
bool is_speech_verb(std::string_view lemma);  // say, add, tell, allege, ...
bool is_modal(std::string_view lemma);        // would, could, may, will, ...
bool is_hedge_adverb(std::string_view lemma); // likely, probably, possibly, ...
bool is_negation(std::string_view lemma);     // not, n't, never
bool is_condition_marker(std::string_view w); // if, unless, provided, as long as, ...
bool is_relative_pronoun(std::string_view w); // who, whom, which, that, whose
bool is_idiom_pp(std::string_view prep, std::string_view noun);  // "in principle", "of course"
bool is_temporal_noun(std::string_view lemma);  // sunday, week, january, ...
bool is_org_cue(std::string_view w);          // house, council, ministry, ...
bool is_place_name(std::string_view w);       // countries, continents, major cities
bool is_light_verb(std::string_view lemma);   // have, make, take, give, hold, send, ...
// A one-word "name" that names no entity: months, weekdays, lone corporate suffixes (co, inc),
// words of financial tables (shr, revs, cts, oper, qtr, record, pay).
bool is_non_entity_name(std::string_view w);
// A word of financial tables that opens a row ("Shr loss", "Revs", "Oper net"): shr, revs, cts,
// oper, qtr, avg, mths.
bool is_table_word(std::string_view w);
// A one-word organisation head that names many organisations ("bank", "commission", "group"):
// alone it is a concept, never a name shared across documents.
bool is_generic_org_head(std::string_view w);
// A corporate suffix ending an organisation's name: co, corp, inc, ltd, plc, ... (with or
// without the period).
bool is_corporate_suffix(std::string_view w);
// The last word of a name that makes it an organisation's: an organisation word (is_org_cue), a
// corporate suffix, or a word that ends company names ("brothers", "exchange", "holdings").
bool is_org_name_end(std::string_view w);
// A name with "and" inside that is one organisation though no word of it says so ("procter and
// gamble", "standard and poor's"); takes the lowercased name with "&" written "and".
bool is_known_coordinated_org(std::string_view lowercased);
// A word that dates a name it opens ("Last month Brazil", "March Hu"): months (not "may"),
// weekdays, and last/next/this/early/late before a temporal noun are checked by the caller.
bool is_date_word(std::string_view w);
// A date word, or "today", "yesterday", "tomorrow": a word dating the name it opens or ends.
bool is_dating_word(std::string_view w);
// A month, written out or abbreviated ("december", "dec.", "sept"; not "may" alone).
bool is_month(std::string_view w);

// What a word makes of a number beside it (values.h): a currency ("dlrs", "stg", "$"), a
// percentage ("pct"), a unit a quantity is counted in ("tonnes", "shares"), a multiplier ("mln"),
// a time zone ("gmt": a time of day); kNone for any other word.
enum class ValueWord { kNone, kCurrency, kPercent, kUnit, kMultiplier, kTimeZone };
ValueWord value_word(std::string_view w);

// The one name of a country known by several ("U.S.", "US", "America" -> "United States";
// "UK", "Britain" -> "Britain"), from its lowercased name; empty for any other name.
std::string_view common_country_name(std::string_view lowercased);

// Personal pronouns: person 3 singular/plural and gender; returns false for other words.
struct PronounInfo {
  Gender gender = Gender::kUnknown;
  bool plural = false;
  bool person_only = false;  // he/she are people; it is not
  bool third_person = true;
};
bool pronoun_info(std::string_view w, PronounInfo* info);

}  // namespace kg::extract
