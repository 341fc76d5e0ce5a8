// Relation groups: each fact keeps its surface label ("hold talk with"), and queries match its
// canonical relation ("meet"). The groups are compiled in: the curated relation_groups.tsv, then
// relation_groups_wordnet.tsv, made from WordNet 3.0 by scripts/relation-groups-wordnet.py (a
// label the curated file lists keeps its curated group); modal lead-ins are stripped first
// ("agree to acquire" -> "acquire", modality "agree"). A pure function of the label: no store
// change when the lists grow.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kg {

struct CanonicalRelation {
  std::string relation;  // the group's name, or the label less its modal lead-in ("send letter to")
  std::string modality;  // the stripped lead-in's verb ("agree", "plan"), empty when none
};

// The canonical relation of a stored label (lemmatized, as kg extract writes labels).
CanonicalRelation canonical_relation(std::string_view label);

// The canonical relation a user means by `text` (any inflection: "met", "meets", "meeting with",
// "held talks with", "bought"): each word is tried as written and as the lemmas English
// inflection allows, and the first form that the groups know is taken.
std::string canonical_relation_query(std::string_view text);

// A user's --relation `query`, read once: which stored labels answer it. A label answers when it
// has a canonical relation one of the query's forms has, or with `exact`, when it is the query's
// label folded alike (store.h fold_name). Built once per query; matches() is the per-edge test.
class RelationMatcher {
 public:
  RelationMatcher(std::string_view query, bool exact);
  bool matches(std::string_view label) const;

 private:
  bool exact_;
  std::vector<std::string> wanted_;  // canonical relations, or the folded label when exact
};

// RelationMatcher(query, exact).matches(label), for one label.
bool relation_matches(std::string_view label, std::string_view query, bool exact = false);

// The groups' labels (for listings), canonical relation first: the curated groups in file order
// (with the labels WordNet adds to them), then the WordNet-only groups. No label is in two.
const std::vector<std::vector<std::string>>& relation_groups();

}  // namespace kg
