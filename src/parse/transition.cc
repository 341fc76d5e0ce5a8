// Arc-hybrid transitions.
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

}  // namespace kg::parse
