// The parser's perceptron weights during training.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "parse/weights.h"

namespace kg::train {

// Sparse rows of (class, weight) with lazy averaging
// (average = w - u / t, where every update at step t adds delta to w and t * delta to u).
class ParserWeights {
 public:
  explicit ParserWeights(int num_classes) : num_classes_(num_classes) {}

  // Adds the current weights of `features` to scores[0..num_classes) and counts, for every row,
  // how often it was used (the frequency that pruning weighs weights by).
  void score(std::span<const uint64_t> features, int64_t* scores);
  // Adds `delta` to the weight of `cls` for every feature.
  void update(std::span<const uint64_t> features, int cls, int delta);
  // Advances the averaging clock (call once per training decision).
  void tick() { ++step_; }

  int num_classes() const { return num_classes_; }

  // Averaged nonzero rows sorted by key, with their use counts.
  std::vector<parse::AveragedRow> averaged() const;

 private:
  struct Entry {
    int64_t u;
    int32_t w;
    uint8_t cls;
  };
  int num_classes_;
  int64_t step_ = 1;
  parse::KeyIndex index_;
  std::vector<uint64_t> row_keys_;
  std::vector<std::vector<Entry>> rows_;
  std::vector<uint32_t> hits_;
};

}  // namespace kg::train
