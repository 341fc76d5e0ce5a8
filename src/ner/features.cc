// Feature templates of the entity tagger.
#include "ner/features.h"

#include <string_view>
#include <unordered_map>

#include "common/hash.h"
#include "common/utf8.h"

namespace kg::ner {
namespace {

// Template ids. Never renumber (they are hashed into model files); add new ones at the end.
enum Template : uint64_t {
  kBias = 1,
  kForm,
  kLower,
  kShape,
  kShortShape,
  kPrefix,
  kSuffix,
  kLowerM1,
  kLowerP1,
  kLowerM2,
  kLowerP2,
  kFormM1,
  kFormP1,
  kShortShapeM1,
  kShortShapeP1,
  kShortShapeM2,
  kShortShapeP2,
  kBigramM1,
  kBigramP1,
  kShapeTrigram,
  kInitialShape,
  kSentenceCaseShape,
  kCueM2,
  kCueM1,
  kCue,
  kCueP1,
  kCueP2,
  kPos,
  kPosM1,
  kPosP1,
  kPosBigram,
  kRunPosition,
  kRunAfter,
  kRunBefore,
  kSuffixM1,
  kSuffixP1,
  kLowerShapeM1,
  // history
  kPrev1,
  kPrev2,
  kPrev1Lower,
  kPrev1Shape,
  kPrev1ShapeP1,
  kPrev1CueM1,
};

enum Cue : uint8_t {
  kNoCue = 0,
  kTitle,
  kOrgWord,
  kPlaceWord,
  kDirection,
  kMonthDay,
  kPronoun,
  kGreeting,
  kPlacePrep,
};

uint64_t mix64(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

uint64_t feat(uint64_t tid, uint64_t a, uint64_t b = 0, uint64_t c = 0) {
  uint64_t h = mix64(tid * 0x9e3779b97f4a7c15ULL + a);
  if (b) h = mix64(h ^ b);
  if (c) h = mix64(h ^ (c + 0x632be59bd9b4e019ULL));
  return h ? h : 1;  // 0 marks an empty slot in the feature index
}

uint64_t hstr(std::string_view s) { return hash64(s, 0x6e6572); }

char32_t lower_cp(char32_t c) {
  if (c < 0x80) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 32;
  if (c >= 0x100 && c <= 0x17F && c != 0x130 && c != 0x138 && c != 0x149 && c != 0x17F) {
    bool odd_upper = (c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E);
    if (odd_upper ? (c % 2 == 1) : (c % 2 == 0)) return c + 1;
    return c;
  }
  if (c >= 0x391 && c <= 0x3A9) return c + 32;
  if (c >= 0x410 && c <= 0x42F) return c + 32;
  if (c >= 0x400 && c <= 0x40F) return c + 80;
  return c;
}

bool is_upper_cp(char32_t c) { return lower_cp(c) != c; }

bool is_lower_cp(char32_t c) {
  if (c < 0x80) return c >= 'a' && c <= 'z';
  if (c >= 0xDF && c <= 0xFF && c != 0xF7) return true;
  if (c >= 0x100 && c <= 0x17F) return !is_upper_cp(c);
  return (c >= 0x3B1 && c <= 0x3C9) || (c >= 0x430 && c <= 0x45F);
}

char shape_char(char32_t c) {
  if (c >= '0' && c <= '9') return 'd';
  if (is_upper_cp(c)) return 'X';
  if (is_lower_cp(c)) return 'x';
  if (c < 0x80) return static_cast<char>(c);
  if (c >= 0x2000 && c <= 0x206F) return '"';  // general punctuation: quotes, dashes
  return 'o';
}

const std::unordered_map<std::string_view, Cue>& cue_table() {
  static const auto* table = [] {
    auto* t = new std::unordered_map<std::string_view, Cue>();
    for (std::string_view w :
         {"mr",       "mr.",        "mrs",         "mrs.",     "ms",         "ms.",
          "miss",     "dr",         "dr.",         "prof",     "prof.",      "president",
          "minister", "ambassador", "senator",     "sen.",     "rep.",       "representative",
          "gov.",     "governor",   "secretary",   "chairman", "chairwoman", "chancellor",
          "premier",  "king",       "queen",       "prince",   "princess",   "pope",
          "sheikh",   "shaikh",     "imam",        "mullah",   "ayatollah",  "cleric",
          "general",  "gen.",       "col.",        "colonel",  "lt.",        "sgt.",
          "capt.",    "captain",    "commander",   "judge",    "justice",    "mayor",
          "ceo",      "spokesman",  "spokeswoman", "sir",      "lord",       "lady",
          "saint",    "rev.",       "reverend",    "father",   "brother",    "sister",
          "uncle",    "aunt",       "officer",     "leader"}) {
      (*t)[w] = kTitle;
    }
    for (std::string_view w : {"inc",           "inc.",         "corp",
                               "corp.",         "co",           "co.",
                               "ltd",           "ltd.",         "llc",
                               "plc",           "company",      "corporation",
                               "council",       "organization", "organisation",
                               "association",   "university",   "college",
                               "institute",     "ministry",     "department",
                               "agency",        "bank",         "group",
                               "party",         "committee",    "commission",
                               "union",         "foundation",   "society",
                               "club",          "times",        "news",
                               "airlines",      "airways",      "army",
                               "forces",        "court",        "school",
                               "hospital",      "church",       "center",
                               "centre",        "services",     "systems",
                               "energy",        "team",         "board",
                               "office",        "network",      "press",
                               "post",          "journal",      "fund",
                               "federation",    "authority",    "administration",
                               "brigade",       "front",        "movement",
                               "restaurant",    "hotel",        "store",
                               "shop",          "cafe",         "motors",
                               "international", "holdings"}) {
      (*t)[w] = kOrgWord;
    }
    for (std::string_view w :
         {"city",   "county",  "state",     "province", "river",   "mountain", "mountains",
          "mount",  "mt.",     "lake",      "island",   "islands", "street",   "st.",
          "avenue", "ave.",    "ave",       "road",     "rd.",     "rd",       "boulevard",
          "blvd.",  "valley",  "bay",       "beach",    "park",    "republic", "kingdom",
          "sea",    "ocean",   "gulf",      "district", "region",  "village",  "town",
          "square", "bridge",  "airport",   "station",  "coast",   "desert",   "peninsula",
          "strait", "canal",   "border",    "capital",  "highway", "hwy",      "drive",
          "dr",     "lane",    "ln",        "place",    "heights", "springs",  "falls",
          "hills",  "country", "territory", "camp",     "base"}) {
      (*t)[w] = kPlaceWord;
    }
    for (std::string_view w :
         {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
          "upper", "lower", "new", "northeast", "northwest", "southeast", "southwest"}) {
      (*t)[w] = kDirection;
    }
    for (std::string_view w :
         {"january", "february",  "march",   "april",    "may",      "june",      "july",
          "august",  "september", "october", "november", "december", "jan",       "feb",
          "mar",     "apr",       "jun",     "jul",      "aug",      "sep",       "sept",
          "oct",     "nov",       "dec",     "monday",   "tuesday",  "wednesday", "thursday",
          "friday",  "saturday",  "sunday",  "mon",      "tue",      "wed",       "thu",
          "fri",     "sat",       "sun"}) {
      (*t)[w] = kMonthDay;
    }
    for (std::string_view w : {"i", "he", "she", "they", "we", "you", "it", "his", "her", "their",
                               "our", "my", "your", "its", "him", "them", "us", "me"}) {
      (*t)[w] = kPronoun;
    }
    for (std::string_view w : {"dear", "hi", "hello", "hey", "thanks", "thank", "regards", "cc",
                               "attn", "love", "cheers", "sincerely"}) {
      (*t)[w] = kGreeting;
    }
    for (std::string_view w : {"in", "at", "near", "from", "to", "into", "across", "outside",
                               "inside", "visit", "visited", "visiting"}) {
      (*t)[w] = kPlacePrep;
    }
    return t;
  }();
  return *table;
}

Cue cue_of(std::string_view lower) {
  const auto& table = cue_table();
  auto it = table.find(lower);
  return it == table.end() ? kNoCue : it->second;
}

// Byte offsets where each code point of `s` starts, plus s.size().
std::vector<size_t> cp_starts(std::string_view s) {
  std::vector<size_t> starts;
  for (size_t pos = 0; pos < s.size();) {
    starts.push_back(pos);
    utf8::decode(s, pos);
  }
  starts.push_back(s.size());
  return starts;
}

// 0 mixed, 1 no uppercase at all, 2 mostly ALL-CAPS words, 3 mostly Title-Case words.
uint64_t sentence_case(const std::vector<std::string>& forms) {
  int alpha = 0, caps = 0, title = 0, any_upper = 0;
  for (const std::string& f : forms) {
    int up = 0, low = 0;
    for (size_t pos = 0; pos < f.size();) {
      char32_t c = utf8::decode(f, pos);
      if (is_upper_cp(c)) ++up;
      if (is_lower_cp(c)) ++low;
    }
    if (up + low == 0) continue;
    ++alpha;
    if (up) ++any_upper;
    if (up >= 2 && low == 0) ++caps;
    if (up && low && f.size() > 3) ++title;
  }
  if (alpha == 0) return 0;
  if (any_upper == 0) return 1;
  if (caps * 10 >= alpha * 8 && alpha >= 3) return 2;
  if (title * 10 >= alpha * 7 && alpha >= 4) return 3;
  return 0;
}

}  // namespace

std::string lowercase(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (size_t pos = 0; pos < s.size();) {
    char32_t c = utf8::decode(s, pos);
    utf8::append(out, lower_cp(c));
  }
  return out;
}

std::string word_shape(const std::string& s) {
  std::string out;
  char last = 0;
  int run = 0;
  for (size_t pos = 0; pos < s.size();) {
    char c = shape_char(utf8::decode(s, pos));
    run = c == last ? run + 1 : 1;
    last = c;
    if (run <= 4) out += c;
  }
  return out;
}

SentenceFeatures::SentenceFeatures(const Sentence& s, bool use_pos) {
  const size_t n = s.tokens.size();
  info_.resize(n);
  std::vector<std::string> lowers(n), forms(n);
  for (size_t i = 0; i < n; ++i) {
    const std::string& form = s.tokens[i].form;
    forms[i] = form;
    TokenInfo& t = info_[i];
    std::string lower = lowercase(form);
    std::string shape = word_shape(form);
    std::string short_shape;
    for (char c : shape) {
      if (short_shape.empty() || short_shape.back() != c) short_shape += c;
    }
    t.form = hstr(form);
    t.lower = hstr(lower);
    t.shape = hstr(shape);
    t.short_shape = hstr(short_shape);
    t.pos = use_pos ? hstr(s.tokens[i].upos) : 0;
    std::vector<size_t> starts = cp_starts(lower);
    size_t chars = starts.size() - 1;
    for (size_t k = 1; k <= 4; ++k) {
      size_t m = k < chars ? k : chars;
      t.prefix[k - 1] = hstr(std::string_view(lower).substr(0, starts[m]));
      t.suffix[k - 1] = hstr(std::string_view(lower).substr(starts[chars - m]));
    }
    t.cue = cue_of(lower);
    t.capitalized = !shape.empty() && shape[0] == 'X';
    lowers[i] = std::move(lower);
  }
  begin_pad_.form = begin_pad_.lower = begin_pad_.shape = begin_pad_.short_shape = hstr("<s>");
  end_pad_.form = end_pad_.lower = end_pad_.shape = end_pad_.short_shape = hstr("</s>");
  begin_pad_.pos = hstr("<s>");
  end_pad_.pos = hstr("</s>");

  // Runs of capitalized tokens: position in the run and the words just outside it.
  std::vector<uint64_t> run_pos(n, 0), run_after(n, 0), run_before(n, 0);
  for (size_t i = 0; i < n;) {
    if (!info_[i].capitalized) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < n && info_[j].capitalized) ++j;
    size_t len = j - i;
    uint64_t after = j < n ? info_[j].lower : end_pad_.lower;
    uint64_t before = i > 0 ? info_[i - 1].lower : begin_pad_.lower;
    for (size_t k = i; k < j; ++k) {
      uint64_t where = len == 1 ? 1 : (k == i ? 2 : (k + 1 == j ? 3 : 4));
      run_pos[k] = where * 8 + (len < 5 ? len : 5);
      run_after[k] = after;
      run_before[k] = before;
    }
    i = j;
  }

  const uint64_t scase = sentence_case(forms) + 1;
  offsets_.reserve(n + 1);
  offsets_.push_back(0);
  static_.reserve(n * 40);
  for (size_t i = 0; i < n; ++i) {
    const long li = static_cast<long>(i);
    const TokenInfo& t = info_[i];
    const TokenInfo& m1 = at(li - 1);
    const TokenInfo& m2 = at(li - 2);
    const TokenInfo& p1 = at(li + 1);
    const TokenInfo& p2 = at(li + 2);
    auto add = [&](uint64_t f) { static_.push_back(f); };
    add(feat(kBias, 1));
    add(feat(kForm, t.form));
    add(feat(kLower, t.lower));
    add(feat(kShape, t.shape));
    add(feat(kShortShape, t.short_shape));
    for (uint64_t k = 0; k < 4; ++k) {
      add(feat(kPrefix, k + 1, t.prefix[k]));
      add(feat(kSuffix, k + 1, t.suffix[k]));
    }
    add(feat(kLowerM1, m1.lower));
    add(feat(kLowerP1, p1.lower));
    add(feat(kLowerM2, m2.lower));
    add(feat(kLowerP2, p2.lower));
    add(feat(kFormM1, m1.form));
    add(feat(kFormP1, p1.form));
    add(feat(kShortShapeM1, m1.short_shape));
    add(feat(kShortShapeP1, p1.short_shape));
    add(feat(kShortShapeM2, m2.short_shape));
    add(feat(kShortShapeP2, p2.short_shape));
    add(feat(kBigramM1, m1.lower, t.lower));
    add(feat(kBigramP1, t.lower, p1.lower));
    add(feat(kShapeTrigram, m1.short_shape, t.short_shape, p1.short_shape));
    add(feat(kInitialShape, i == 0 ? 2 : 1, t.short_shape));
    add(feat(kSentenceCaseShape, scase, t.short_shape));
    add(feat(kCueM2, m2.cue + 1));
    add(feat(kCueM1, m1.cue + 1));
    add(feat(kCue, t.cue + 1, t.short_shape));
    add(feat(kCueP1, p1.cue + 1));
    add(feat(kCueP2, p2.cue + 1));
    if (use_pos) {
      add(feat(kPos, t.pos));
      add(feat(kPosM1, m1.pos));
      add(feat(kPosP1, p1.pos));
      add(feat(kPosBigram, m1.pos, t.pos));
    }
    add(feat(kRunPosition, run_pos[i] + 1));
    if (run_pos[i]) {
      add(feat(kRunAfter, run_after[i]));
      add(feat(kRunBefore, run_before[i]));
    }
    add(feat(kSuffixM1, m1.suffix[2]));
    add(feat(kSuffixP1, p1.suffix[2]));
    add(feat(kLowerShapeM1, t.lower, m1.short_shape));
    offsets_.push_back(static_.size());
  }
}

const TokenInfo& SentenceFeatures::at(long i) const {
  if (i < 0) return begin_pad_;
  if (i >= static_cast<long>(info_.size())) return end_pad_;
  return info_[i];
}

std::array<uint64_t, kHistoryFeatures> SentenceFeatures::history_features(size_t i, int prev1,
                                                                          int prev2) const {
  const long li = static_cast<long>(i);
  const uint64_t l1 = static_cast<uint64_t>(prev1 + 2);
  const uint64_t l2 = static_cast<uint64_t>(prev2 + 2);
  const TokenInfo& t = info_[i];
  return {
      feat(kPrev1, l1),
      feat(kPrev2, l2, l1),
      feat(kPrev1Lower, l1, t.lower),
      feat(kPrev1Shape, l1, t.short_shape),
      feat(kPrev1ShapeP1, l1, at(li + 1).short_shape),
      feat(kPrev1CueM1, l1, at(li - 1).cue + 1),
  };
}

}  // namespace kg::ner
