// Canonical relations: modal lead-ins stripped, then the groups of relation_groups.tsv (curated)
// and relation_groups_wordnet.tsv (from WordNet, scripts/relation-groups-wordnet.py).
#include "query/relations.h"

#include "store/store.h"

#include <algorithm>
#include <cctype>
#include <sstream>
#include <unordered_map>
#include <unordered_set>

namespace kg {
namespace query_internal {
extern const char kRelationGroupsTsv[];
extern const char kRelationGroupsWordnetTsv[];
}  // namespace query_internal

namespace {

struct Groups {
  std::vector<std::vector<std::string>> groups;            // canonical first, then its labels
  std::unordered_map<std::string, std::string> canonical;  // label -> group
  std::unordered_set<std::string> first_words, words;      // of the labels and group names
};

std::vector<std::string> split(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

// Reads one TSV of groups into `g`. A label already grouped keeps its group (the curated file is
// read first, so it wins); a row whose name is already grouped adds its labels to that group.
void read_groups(const char* tsv, Groups& g) {
  std::unordered_map<std::string, size_t> index;  // group name -> g.groups position
  for (size_t i = 0; i < g.groups.size(); ++i) index.emplace(g.groups[i][0], i);
  std::istringstream in(tsv);
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    const size_t tab = line.find('\t');
    if (tab == std::string::npos) continue;
    std::vector<std::string> labels{fold_name(line.substr(0, tab))};
    std::istringstream list(line.substr(tab + 1));
    for (std::string label; std::getline(list, label, ',');) {
      label = fold_name(label);
      if (!label.empty()) labels.push_back(label);
    }
    auto known = g.canonical.find(labels[0]);
    const std::string name = known != g.canonical.end() ? known->second : labels[0];
    auto [at, added] = index.emplace(name, g.groups.size());
    if (added) g.groups.push_back({});
    for (const std::string& label : labels) {
      if (!g.canonical.emplace(label, name).second) continue;
      g.groups[at->second].push_back(label);
      const std::vector<std::string> w = split(label);
      if (!w.empty()) g.first_words.insert(w[0]);
      g.words.insert(w.begin(), w.end());
    }
  }
}

const Groups& groups() {
  static const Groups g = [] {
    Groups g;
    read_groups(query_internal::kRelationGroupsTsv, g);
    read_groups(query_internal::kRelationGroupsWordnetTsv, g);
    return g;
  }();
  return g;
}

// Lead-ins that put the fact in a mood, not a relation of their own: "agree to acquire" is an
// acquisition agreed to. Longest first where one is the start of another.
constexpr std::string_view kLeadIns[] = {
    "be expected to", "be forecast to", "be set to",      "be likely to",  "be able to",
    "be ready to",    "be due to",      "be willing to",  "be poised to",  "be scheduled to",
    "be going to",    "be prepared to", "be allowed to",  "be unable to",  "be about to",
    "would like to",  "agree to",       "plan to",        "want to",       "seek to",
    "expect to",      "intend to",      "hope to",        "try to",        "decide to",
    "fail to",        "threaten to",    "offer to",       "propose to",    "vote to",
    "continue to",    "begin to",       "start to",       "move to",       "aim to",
    "prepare to",     "have to",        "need to",        "wish to",       "refuse to"};

const std::unordered_map<std::string_view, std::string_view>& irregular() {
  static const std::unordered_map<std::string_view, std::string_view> m = {
      {"met", "meet"},     {"bought", "buy"},   {"sold", "sell"},      {"said", "say"},
      {"told", "tell"},    {"held", "hold"},    {"made", "make"},      {"took", "take"},
      {"taken", "take"},   {"gave", "give"},    {"given", "give"},     {"went", "go"},
      {"gone", "go"},      {"won", "win"},      {"led", "lead"},       {"ran", "run"},
      {"paid", "pay"},     {"lent", "lend"},    {"struck", "strike"},  {"sought", "seek"},
      {"fell", "fall"},    {"fallen", "fall"},  {"rose", "rise"},      {"risen", "rise"},
      {"grew", "grow"},    {"grown", "grow"},   {"became", "become"},  {"began", "begin"},
      {"begun", "begin"},  {"saw", "see"},      {"seen", "see"},       {"sat", "sit"},
      {"brought", "bring"}, {"spoke", "speak"}, {"wrote", "write"},    {"chose", "choose"},
      {"drew", "draw"},    {"got", "get"},      {"left", "leave"},     {"lost", "lose"},
      {"kept", "keep"},    {"meant", "mean"},   {"flew", "fly"},       {"drove", "drive"},
      {"stood", "stand"},  {"withdrew", "withdraw"}, {"was", "be"},    {"were", "be"},
      {"is", "be"},        {"are", "be"},       {"been", "be"},        {"had", "have"},
      {"has", "have"},     {"did", "do"},       {"done", "do"},        {"shook", "shake"},
      {"slid", "slide"},   {"undertook", "undertake"}, {"overtook", "overtake"},
      {"sent", "send"},    {"spent", "spend"},  {"built", "build"},    {"found", "find"},
      {"felt", "feel"},    {"heard", "hear"},   {"bore", "bear"},      {"wore", "wear"},
      {"hid", "hide"},     {"bid", "bid"},      {"fought", "fight"},   {"caught", "catch"},
      {"taught", "teach"}, {"sank", "sink"},    {"shot", "shoot"},     {"swore", "swear"}};
  return m;
}

// The lemmas English inflection allows for `w`, most likely first (w itself last).
std::vector<std::string> lemma_candidates(const std::string& w) {
  std::vector<std::string> out;
  if (auto it = irregular().find(w); it != irregular().end()) out.emplace_back(it->second);
  auto ends = [&](std::string_view suffix) {
    return w.size() > suffix.size() + 1 && w.compare(w.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  auto stem = [&](size_t n) { return w.substr(0, w.size() - n); };
  auto undouble = [](std::string s) {  // "bann" -> "ban"
    if (s.size() >= 3 && s.back() == s[s.size() - 2] && std::string_view("aeiou").find(s.back()) == std::string_view::npos) s.pop_back();
    return s;
  };
  if (ends("ies") || ends("ied")) out.push_back(stem(3) + "y");
  if (ends("ing")) {
    out.push_back(stem(3));
    out.push_back(stem(3) + "e");
    out.push_back(undouble(stem(3)));
  }
  if (ends("ed")) {
    out.push_back(stem(1));  // "acquired" -> "acquire"
    out.push_back(stem(2));
    out.push_back(undouble(stem(2)));
  }
  if (ends("es")) out.push_back(stem(2));
  if (ends("s")) out.push_back(stem(1));
  out.push_back(w);
  return out;
}

}  // namespace

CanonicalRelation canonical_relation(std::string_view label) {
  CanonicalRelation c;
  std::string rest = fold_name(label);
  for (bool stripped = true; stripped;) {
    stripped = false;
    for (std::string_view lead : kLeadIns) {
      if (rest.size() > lead.size() + 1 && rest.compare(0, lead.size(), lead) == 0 &&
          rest[lead.size()] == ' ') {
        if (c.modality.empty()) {
          const std::vector<std::string> w = split(std::string(lead));
          c.modality = w[0] == "be" || w[0] == "would" ? w[1] : w[0];
        }
        rest.erase(0, lead.size() + 1);
        stripped = true;
        break;
      }
    }
  }
  const Groups& g = groups();
  auto it = g.canonical.find(rest);
  c.relation = it != g.canonical.end() ? it->second : rest;
  return c;
}

namespace {

// The phrases a user's relation text may stand for: its first word as each lemma it allows (most
// likely first, as written last), its other words as the groups know them ("talks" -> "talk").
std::vector<std::string> query_forms(std::string_view text) {
  const Groups& g = groups();
  std::vector<std::string> words = split(fold_name(text));
  if (words.empty()) return {""};
  for (size_t i = 1; i < words.size(); ++i) {
    if (g.words.count(words[i])) continue;
    for (const std::string& c : lemma_candidates(words[i])) {
      if (g.words.count(c)) {
        words[i] = c;
        break;
      }
    }
  }
  std::string rest;
  for (size_t i = 1; i < words.size(); ++i) rest += " " + words[i];
  std::vector<std::string> forms;
  for (const std::string& first : lemma_candidates(words[0])) forms.push_back(first + rest);
  return forms;
}

}  // namespace

std::string canonical_relation_query(std::string_view text) {
  const std::vector<std::string> forms = query_forms(text);
  for (const std::string& f : forms) {
    const std::string first = f.substr(0, f.find(' '));
    if (groups().first_words.count(first)) return canonical_relation(f).relation;
  }
  return canonical_relation(forms.back()).relation;
}

RelationMatcher::RelationMatcher(std::string_view query, bool exact) : exact_(exact) {
  if (exact) {
    wanted_.push_back(fold_name(query));
    return;
  }
  for (const std::string& f : query_forms(query)) {
    std::string c = canonical_relation(f).relation;
    if (std::find(wanted_.begin(), wanted_.end(), c) == wanted_.end()) wanted_.push_back(std::move(c));
  }
}

bool RelationMatcher::matches(std::string_view label) const {
  const std::string have = exact_ ? fold_name(label) : canonical_relation(label).relation;
  return std::find(wanted_.begin(), wanted_.end(), have) != wanted_.end();
}

bool relation_matches(std::string_view label, std::string_view query, bool exact) {
  return RelationMatcher(query, exact).matches(label);
}

const std::vector<std::vector<std::string>>& relation_groups() { return groups().groups; }

}  // namespace kg
