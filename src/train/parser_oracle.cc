// The dynamic oracle of the arc-hybrid system, and projectivization.
#include "train/parser_oracle.h"

#include <algorithm>
#include <cstddef>
#include <cstdlib>

namespace kg::train {

using parse::label_of;
using parse::move_of;

Oracle::Oracle(const std::vector<int>& gold_head, const std::vector<int>& gold_label)
    : head_(gold_head), label_(gold_label), deps_(gold_head.size()) {
  for (size_t d = 1; d < gold_head.size(); ++d) {
    int h = gold_head[d];
    if (h > 0 && static_cast<size_t>(h) < deps_.size()) deps_[h].push_back(static_cast<int>(d));
  }
}

Oracle::MoveCost Oracle::cost(const State& s, Move m) const {
  MoveCost c;
  const int b = s.buffer_has_words() ? s.buffer_front_word() : s.n() + 1;
  // Word w (or the root, 0) is in the buffer at or after position b.
  auto in_buffer = [&](int w) { return w == 0 || w >= b; };
  auto after_front = [&](int w) { return w == 0 ? b <= s.n() : w > b; };
  // Illegal moves get no cost; callers check legality first.
  if ((m == Move::kShift && !s.buffer_has_words()) || (m == Move::kLeft && s.stack_size() < 1) ||
      (m == Move::kRight && s.stack_size() < 2)) {
    return c;
  }
  switch (m) {
    case Move::kShift: {
      int h = head_[b];
      if (h > 0 && h != s.stack(0) && s.in_stack(h)) ++c.cost;
      for (int d : deps_[b]) c.cost += s.in_stack(d);
      return c;
    }
    case Move::kLeft: {
      int s0 = s.stack(0), s1 = s.stack(1);
      int b0 = s.buffer(0);
      int h = head_[s0];
      if (h == b0) {
        c.gold_arc = true;
        c.gold_label = label_[s0];
      } else if ((s1 > 0 && h == s1) || after_front(h)) {
        ++c.cost;
      }
      for (int d : deps_[s0]) c.cost += d >= b;
      return c;
    }
    case Move::kRight: {
      int s0 = s.stack(0), s1 = s.stack(1);
      int h = head_[s0];
      if (h == s1) {
        c.gold_arc = true;
        c.gold_label = label_[s0];
      } else if (in_buffer(h)) {
        ++c.cost;
      }
      for (int d : deps_[s0]) c.cost += d >= b;
      return c;
    }
  }
  return c;
}

int class_costs(const Oracle& oracle, const LabelSet& labels, const State& s,
                std::vector<int>& costs) {
  const int nl = static_cast<int>(labels.names.size());
  Oracle::MoveCost move_costs[3];
  for (int m = 0; m < 3; ++m) move_costs[m] = oracle.cost(s, static_cast<Move>(m));
  int min_cost = kIllegalCost;
  for (int c = 0; c < labels.num_classes(); ++c) {
    if (!labels.legal(s, c)) {
      costs[c] = kIllegalCost;
      continue;
    }
    const auto& mc = move_costs[static_cast<int>(move_of(c, nl))];
    costs[c] = mc.cost + (mc.gold_arc && label_of(c, nl) != mc.gold_label);
    min_cost = std::min(min_cost, costs[c]);
  }
  return min_cost;
}

namespace {

bool dominates(const std::vector<int>& heads, int h, int k) {
  while (k != 0 && k != h) k = heads[k];
  return k == h;
}

bool non_projective(const std::vector<int>& heads, int d) {
  int h = heads[d];
  if (h == 0) return false;
  for (int k = std::min(h, d) + 1; k < std::max(h, d); ++k) {
    if (!dominates(heads, h, k)) return true;
  }
  return false;
}

}  // namespace

int projectivize(std::vector<int>& heads) {
  const int n = static_cast<int>(heads.size()) - 1;
  int lifts = 0;
  for (;;) {
    int pick = -1, pick_len = 0;
    for (int d = 1; d <= n; ++d) {
      if (heads[d] == 0 || !non_projective(heads, d)) continue;
      int len = std::abs(heads[d] - d);
      if (pick < 0 || len < pick_len) {
        pick = d;
        pick_len = len;
      }
    }
    // In a single-rooted tree the root word's arcs are projective, so a lift never makes a
    // second root; the check guards malformed input.
    if (pick < 0 || heads[heads[pick]] == 0) return lifts;
    heads[pick] = heads[heads[pick]];
    ++lifts;
  }
}

}  // namespace kg::train
