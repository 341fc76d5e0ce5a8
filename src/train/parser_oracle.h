// The parser's dynamic oracle (Goldberg & Nivre 2013) for training with exploration, and the
// projectivization of the training trees it needs.
#pragma once

#include <climits>
#include <vector>

#include "parse/ap_parser.h"
#include "parse/transition.h"

namespace kg::train {

using parse::LabelSet;
using parse::Move;
using parse::State;

// Costs of transitions against a projective gold tree: the number of gold arcs (a wrong label
// counts as a lost arc) that become unreachable. Zero-cost moves lead to the best reachable tree.
class Oracle {
 public:
  // gold_head/gold_label are indexed 1..n (element 0 unused); heads must form a projective tree.
  Oracle(const std::vector<int>& gold_head, const std::vector<int>& gold_label);

  // Cost of the move ignoring its label, and whether its arc would be a gold arc (then a label
  // other than gold_label(dep) costs one more).
  struct MoveCost {
    int cost = 0;
    bool gold_arc = false;
    int gold_label = -1;
  };
  MoveCost cost(const State& s, Move m) const;

 private:
  std::vector<int> head_, label_;
  std::vector<std::vector<int>> deps_;
};

// Lifts non-projective arcs (shortest first) to the head's head until the tree is projective.
// heads is indexed 1..n (element 0 unused), 0 = root. Returns the number of lifts.
int projectivize(std::vector<int>& heads);

// The cost of a class that is not legal.
inline constexpr int kIllegalCost = INT_MAX;

// The oracle's cost of every class of `labels` in `s` (kIllegalCost where the class is not
// legal) into costs[0 .. labels.num_classes()); returns the lowest.
int class_costs(const Oracle& oracle, const LabelSet& labels, const State& s,
                std::vector<int>& costs);

}  // namespace kg::train
