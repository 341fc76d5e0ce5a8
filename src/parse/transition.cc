// Arc-hybrid transitions and the dynamic oracle.
#include "parse/transition.h"

#include <cstddef>

namespace kg::parse {

State::State(int n) { reset(n); }

void State::reset(int n) {
  n_ = n;
  b_ = 1;
  stack_.clear();
  stack_.reserve(n);
  size_t size = static_cast<size_t>(n) + 1;
  in_stack_.assign(size, 0);
  head_.assign(size, -1);
  label_.assign(size, -1);
  left1_.assign(size, -1);
  left2_.assign(size, -1);
  right1_.assign(size, -1);
  right2_.assign(size, -1);
  nleft_.assign(size, 0);
  nright_.assign(size, 0);
  lset_.assign(size, 0);
  rset_.assign(size, 0);
}

bool State::legal(Move m, int label, int root_label) const {
  switch (m) {
    case Move::kShift:
      return b_ <= n_;
    case Move::kLeft:
      if (stack_.empty()) return false;
      if (b_ <= n_) return label != root_label;
      return stack_.size() == 1 && label == root_label;
    case Move::kRight:
      return stack_.size() >= 2 && label != root_label;
  }
  return false;
}

void State::attach(int dep, int head, int label) {
  head_[dep] = head;
  label_[dep] = label;
  uint64_t bit = uint64_t{1} << (label & 63);
  // The root (0) sits after every word, so its dependent is a left child.
  if (head == 0 || dep < head) {
    left2_[head] = left1_[head];
    left1_[head] = dep;
    ++nleft_[head];
    lset_[head] |= bit;
  } else {
    right2_[head] = right1_[head];
    right1_[head] = dep;
    ++nright_[head];
    rset_[head] |= bit;
  }
}

void State::apply(Move m, int label) {
  switch (m) {
    case Move::kShift:
      stack_.push_back(b_);
      in_stack_[b_] = 1;
      ++b_;
      return;
    case Move::kLeft: {
      int s0 = stack_.back();
      stack_.pop_back();
      in_stack_[s0] = 0;
      attach(s0, b_ <= n_ ? b_ : 0, label);
      return;
    }
    case Move::kRight: {
      int s0 = stack_.back();
      stack_.pop_back();
      in_stack_[s0] = 0;
      attach(s0, stack_.back(), label);
      return;
    }
  }
}

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

}  // namespace kg::parse
