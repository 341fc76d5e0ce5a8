// The tokenizer's word lists (abbreviations from news style guides and UD English-EWT train).
#include "text/lexicon.h"

#include <string>
#include <unordered_set>

namespace kg::text {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return out;
}

bool contains(const std::unordered_set<std::string_view>& set, std::string_view w) {
  return set.count(w) > 0;
}

// Titles before names, matched case-insensitively ("Mr", "MR", "mr").
const std::unordered_set<std::string_view> kTitles = {
    "adm",  "amb",   "atty",  "brig", "capt", "cdr",  "cmdr", "col",   "cpl",  "det",
    "dr",   "fr",    "gen",   "gens", "gov",  "hon",  "insp", "lt",    "maj",  "messrs",
    "mlle", "mme",   "mr",    "mrs",  "ms",   "msgr", "mssrs", "mt",   "pfc",  "pres",
    "prof", "pvt",   "rep",   "reps", "rev",  "revd", "sen",  "sens",  "sgt",  "spc",
    "sr",   "st",    "supt",  "ft",   "gov",  "jr",   "lieut", "cmdr"};

// Other abbreviations, case-insensitive.
const std::unordered_set<std::string_view> kOthers = {
    "al",    "ala",   "alta",  "approx", "appt",  "apr",   "apt",   "ariz",  "ark",   "assn",
    "assoc", "attn",  "aug",   "ave",    "bldg",  "blvd",  "bros",  "ca",    "calif", "cf",
    "co",    "colo",  "conn",  "corp",   "cos",   "dec",   "dept",  "eg",    "esp",   "est",
    "etc",   "ext",   "feb",   "fla",    "govt",  "hwy",   "ie",    "inc",   "incl",  "intl",
    "jan",   "jul",   "jun",   "kans",   "ky",    "ln",    "ltd",   "md",    "mfg",   "mich",
    "minn",  "mins",  "mont",  "natl",   "neb",   "nebr",  "nev",   "nov",   "oct",   "okla",
    "ont",   "penn",  "plc",   "pp",     "que",   "rd",    "sept",  "sep",   "sq",    "ste",
    "tel",   "tenn",  "tex",   "thur",   "thurs", "tues",  "univ",  "viz",   "vs",    "vt",
    "wis",   "wisc",  "wyo",   "yr",     "yrs",   "hrs",   "min",   "lbs",   "oz",    "ft",
    "sec",   "secs"};

// Abbreviations that are also ordinary words: only in exactly this spelling ("Sun." yes, "sun."
// no).
const std::unordered_set<std::string_view> kExactCase = {
    "Art", "Del", "Fig", "Fri",  "Ga",  "Ill",  "Ind", "La",   "Mar", "Mass",
    "Miss", "Mo", "Mon",  "No",  "Ore",  "Pa",  "Sat",  "Thu",  "Tue", "Va",
    "Wash", "Wed", "Op",  "Ref", "Vol",  "Ch",  "Pt",   "Pl",  "Ct"};

// Abbreviations only before a number ("No. 5", "pp. 12").
const std::unordered_set<std::string_view> kBeforeNumber = {"art", "c", "ch",  "fig", "nos", "no",
                                                            "op",  "pp",  "p",   "vol", "vols"};

const std::unordered_set<std::string_view> kPrefixes = {
    "anti",  "auto",   "bi",    "co",    "counter", "cross", "e",     "ex",     "extra", "hyper",
    "infra", "inter",  "intra", "macro", "mega",    "meh",   "meta",  "micro",  "mid",   "mini",
    "multi", "neo",    "non",   "over",  "post",    "pre",   "pro",   "pseudo", "psycho", "quasi",
    "re",    "semi",   "socio", "sub",   "super",   "trans", "tri",   "ultra",  "un"};

const std::unordered_set<std::string_view> kUnits = {
    "am",  "bn",   "cc",  "cm",   "ft",   "gb",  "ghz",  "hp",  "hr",  "hrs",
    "hz",  "in",   "k",   "kb",   "kg",   "kgs", "km",  "kph",  "kw",  "kwh", "l",
    "lb",  "lbs",  "m",   "mb",   "mg",   "mhz", "mi",  "min",  "mins", "ml", "mm",
    "mn",  "mph",  "ms",  "oz",   "p",   "pm",   "sec", "tb",  "watt", "yd",  "yrs"};

const std::unordered_set<std::string_view> kEmoticons = {
    ":'(", ":(",  ":)",  ":-(", ":-)", ":-/", ":-D", ":-P", ":-p", ":-|", ":/",  ":D",  ":O",  ":P",
    ":o",  ":p",  ":|",  ":3",  ";)",  ";-)", ";D",  "<3",  "=(",  "=)",  "=D",  "^^",  "^_^",
    "-_-", "(:",  "):",  ":-*", ":*",  ":]"};

}  // namespace

AbbreviationKind abbreviation_kind(std::string_view word) {
  if (word.empty() || word.size() > 12) return AbbreviationKind::kNone;
  std::string l = lower(word);
  if (word.find('.') != std::string_view::npos) {
    return l == "e.g" || l == "i.e" || l == "a.k.a" ? AbbreviationKind::kTitle
                                                     : AbbreviationKind::kOther;
  }
  if (l == "vs" || l == "cf" || l == "viz" || l == "eg" || l == "ie") return AbbreviationKind::kTitle;
  if (contains(kTitles, l)) return AbbreviationKind::kTitle;
  if (contains(kExactCase, word)) {
    if (contains(kBeforeNumber, l)) return AbbreviationKind::kNumber;
    return AbbreviationKind::kOther;
  }
  if (contains(kBeforeNumber, l)) return AbbreviationKind::kNumber;
  if (contains(kOthers, l)) return AbbreviationKind::kOther;
  return AbbreviationKind::kNone;
}

bool is_hyphen_prefix(std::string_view word) {
  if (word.size() > 8) return false;
  return contains(kPrefixes, lower(word));
}

bool is_unit(std::string_view letters) {
  if (letters.size() > 4) return false;
  return contains(kUnits, lower(letters));
}

size_t emoticon_length(std::string_view s) {
  for (size_t n = 3; n >= 2; --n) {
    if (s.size() >= n && contains(kEmoticons, s.substr(0, n))) return n;
  }
  return 0;
}

}  // namespace kg::text
