// The arc-hybrid transition system with the root at the end of the buffer (its dynamic oracle,
// for training, is train/parser_oracle.h). Words are 1..n; index 0 is the artificial root.
#pragma once

#include <cstdint>
#include <vector>

namespace kg::parse {

enum class Move : uint8_t { kShift = 0, kLeft = 1, kRight = 2 };

// Classes are (move, label) pairs: 0 = SHIFT, 1 + l = LEFT(l), 1 + L + l = RIGHT(l).
inline int class_of(Move m, int label, int num_labels) {
  return m == Move::kShift ? 0 : (m == Move::kLeft ? 1 + label : 1 + num_labels + label);
}
inline Move move_of(int cls, int num_labels) {
  return cls == 0 ? Move::kShift : (cls <= num_labels ? Move::kLeft : Move::kRight);
}
inline int label_of(int cls, int num_labels) {
  return cls == 0 ? -1 : (cls <= num_labels ? cls - 1 : cls - 1 - num_labels);
}

// A parser configuration plus the partial tree and the child summaries the features read.
// SHIFT pushes the buffer front; LEFT(l) makes the buffer front (or the root, once the buffer
// holds only the root) the head of the stack top and pops it; RIGHT(l) makes the second stack item
// the head of the stack top and pops it. The root takes exactly one dependent, and only when it is
// the last word on the stack, so every terminal configuration is a single-rooted tree.
class State {
 public:
  explicit State(int n);
  void reset(int n);

  int n() const { return n_; }
  bool terminal() const { return stack_.empty() && b_ > n_; }
  // Buffer position i (0 = front): a word, 0 for the root, or -1 past the end.
  int buffer(int i) const {
    int w = b_ + i;
    return w <= n_ ? w : (w == n_ + 1 ? 0 : -1);
  }
  bool buffer_has_words() const { return b_ <= n_; }
  int buffer_front_word() const { return b_; }  // valid only when buffer_has_words()
  // Stack position i (0 = top), or -1.
  int stack(int i) const {
    int k = static_cast<int>(stack_.size()) - 1 - i;
    return k >= 0 ? stack_[k] : -1;
  }
  int stack_size() const { return static_cast<int>(stack_.size()); }
  bool in_stack(int w) const { return w > 0 && in_stack_[w]; }

  bool legal(Move m, int label, int root_label) const;
  void apply(Move m, int label);

  // Tree so far; head(w) is -1 until w is attached.
  int head(int w) const { return head_[w]; }
  int label(int w) const { return label_[w]; }
  // Children summaries for index w in 0..n (-1 = none). Left children are added right to left
  // and right children left to right, so the newest is always the outermost.
  int leftmost(int w) const { return left1_[w]; }
  int left2(int w) const { return left2_[w]; }
  int rightmost(int w) const { return right1_[w]; }
  int right2(int w) const { return right2_[w]; }
  int num_left(int w) const { return nleft_[w]; }
  int num_right(int w) const { return nright_[w]; }
  uint64_t left_labels(int w) const { return lset_[w]; }
  uint64_t right_labels(int w) const { return rset_[w]; }

 private:
  void attach(int dep, int head, int label);

  int n_ = 0;
  int b_ = 1;  // next word in the buffer; n_ + 1 when only the root is left
  std::vector<int> stack_;
  std::vector<uint8_t> in_stack_;
  std::vector<int> head_, label_, left1_, left2_, right1_, right2_;
  std::vector<int> nleft_, nright_;
  std::vector<uint64_t> lset_, rset_;
};

}  // namespace kg::parse
