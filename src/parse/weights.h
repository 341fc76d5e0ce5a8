// Perceptron weights keyed by hashed features: the compact read-only table (int16 weights with one
// scale) a parser scores with, and the hash index of feature keys that training shares.
#pragma once

#include <cstdint>
#include <span>
#include <utility>
#include <vector>

#include "common/binio.h"
#include "common/status.h"
#include "common/huge_pages.h"

namespace kg::parse {

// Open-addressing map from a nonzero 64-bit key to a row number.
class KeyIndex {
 public:
  // Row of `key`, or -1.
  int32_t find(uint64_t key) const;
  // Row of `key`, creating it as `next_row` when absent (returns next_row then).
  int32_t find_or_insert(uint64_t key, int32_t next_row);
  size_t size() const { return size_; }
  void reserve(size_t n);

 private:
  void grow();
  std::vector<uint64_t> keys_;  // 0 = empty slot
  std::vector<int32_t> rows_;
  size_t size_ = 0;
};

// One feature's averaged weights as training leaves them (train/parser_weights.h), with how
// often training used the feature: what Weights::from_averaged packs.
struct AveragedRow {
  uint64_t key;
  uint32_t hits;
  std::vector<std::pair<uint8_t, float>> weights;  // (class, weight), by class
};

// Read-only quantized weights. Thread-safe for concurrent score() calls.
class Weights {
 public:
  Weights() = default;
  // Quantizes averaged rows, keeping at most max_weights weights: those with the largest
  // |weight| x row use count, i.e. the largest expected contribution to scores.
  static Weights from_averaged(const std::vector<AveragedRow>& rows,
                               int num_classes, size_t max_weights);

  // Adds the weights of `features` to scores[0..num_classes).
  void score(std::span<const uint64_t> features, int32_t* scores) const;
  int num_classes() const { return num_classes_; }
  size_t rows() const { return keys_.size(); }
  size_t weights() const { return (data_.size() - keys_.size()) / 3; }
  void write(BinaryWriter& w) const;
  static Result<Weights> read(BinaryReader& r);

 private:
  struct Slot {
    uint32_t fingerprint;  // 0 = empty
    uint32_t offset;       // of the row in data_
  };
  // Rows are stored back to back in data_: a count byte, then (class u8, weight int16 LE) each.
  void add_row(uint64_t key, const std::vector<std::pair<uint8_t, int16_t>>& entries);
  void build_index();

  int num_classes_ = 0;
  float scale_ = 1.0f;
  std::vector<uint64_t> keys_;
  std::vector<uint32_t> offsets_;
  std::vector<uint8_t, HugePageAllocator<uint8_t>> data_;
  std::vector<Slot, HugePageAllocator<Slot>> slots_;
  uint64_t mask_ = 0;
};

}  // namespace kg::parse
