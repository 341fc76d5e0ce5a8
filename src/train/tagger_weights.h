// The tagger's perceptron weights during training.
#pragma once

#include <cstdint>
#include <vector>

#include "tag/flat_map.h"
#include "tag/weights.h"

namespace kg::train {

// Averaged perceptron weights during training (lazy averaging with timestamps). Not thread-safe.
class TaggerWeights {
 public:
  void add(uint64_t key, float* scores) const;
  // Adds `delta` to weight (key, label) at the current time.
  void update(uint64_t key, uint32_t label, float delta);
  // Advances the averaging clock by one training example.
  void tick() { ++now_; }
  // The averaged weights; entries whose absolute value is below `min_abs` are dropped.
  tag::SparseWeights average(float min_abs) const;

 private:
  struct Entry {
    uint32_t label;
    uint32_t stamp;
    float w;
    double total;
  };
  uint64_t now_ = 0;
  tag::FlatMap index_;  // key -> row
  std::vector<uint64_t> keys_;
  std::vector<std::vector<Entry>> rows_;
};

}  // namespace kg::train
