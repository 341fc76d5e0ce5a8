// Perceptron weights: the averaged weights of one pass as training leaves them (SparseWeights,
// train/tagger_weights.h), and the packed store a saved model uses, where one lookup of a feature
// key finds that feature's weights in every pass.
#pragma once

#include <cstdint>
#include <vector>

#include "common/binio.h"
#include "common/huge_pages.h"
#include "common/status.h"
#include "tag/flat_map.h"

namespace kg::tag {

// The averaged weights of one pass: rows of (label, value) per feature key.
struct SparseWeights {
  std::vector<uint64_t> keys;
  std::vector<uint32_t> starts{0};  // row r is [starts[r], starts[r + 1])
  std::vector<uint16_t> labels;
  std::vector<float> values;
};

// Quantized weights of up to kMaxPasses passes in one open-addressing table keyed by a 32-bit
// fingerprint of the feature key. Read-only after construction; lookups are thread-safe.
class PackedWeights {
 public:
  static constexpr int kMaxPasses = 2;
  struct Entry {
    uint16_t label;
    int16_t weight;
  };
  struct Slot {
    uint32_t key = 0;  // 0: empty
    uint32_t start = 0;
    uint16_t count[kMaxPasses] = {};
  };

  PackedWeights() = default;
  // Quantizes each pass to int16 with its own scale (the largest weight maps to 32767) and drops
  // weights whose quantized magnitude is below `min_abs`.
  static PackedWeights pack(const std::vector<SparseWeights>& passes, int min_abs = 1);

  // A copy without the weights whose magnitude is below `min_abs` (quantized units).
  PackedWeights pruned(int min_abs) const;

  // The slot of `key`, or null when no pass has weights for it.
  const Slot* find(uint64_t key) const {
    uint32_t k = fingerprint(key);
    for (size_t i = k & mask_;; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.key == k) return &s;
      if (s.key == 0) return nullptr;
    }
  }
  // Adds the weights of pass `pass` in `slot` to scores[label].
  void add(const Slot& slot, int pass, int32_t* scores) const {
    const Entry* e = entries_.data() + slot.start;
    for (int p = 0; p < pass; ++p) e += slot.count[p];
    for (const Entry* end = e + slot.count[pass]; e < end; ++e) scores[e->label] += e->weight;
  }
  void add(uint64_t key, int pass, int32_t* scores) const {
    if (const Slot* s = find(key)) add(*s, pass, scores);
  }
  // Prefetches the slot of `key` (a hint only).
  void prefetch(uint64_t key) const {
    __builtin_prefetch(&slots_[fingerprint(key) & mask_]);
  }

  void prefetch_entries(const Slot& slot) const {
    __builtin_prefetch(entries_.data() + slot.start);
  }

  int passes() const { return passes_; }
  size_t features() const { return features_; }
  size_t entries() const { return entries_.size(); }

  void write(BinaryWriter& w) const;
  static Result<PackedWeights> read(BinaryReader& r, uint32_t n_labels);

 private:
  static uint32_t fingerprint(uint64_t key) {
    uint32_t k = static_cast<uint32_t>(key >> 32) ^ static_cast<uint32_t>(key);
    return k == 0 ? 1 : k;
  }
  // Empties the table and sizes it for `rows` features.
  void reset_table(size_t rows);

  int passes_ = 0;
  size_t features_ = 0;
  // Read at random for every word: on huge pages (far fewer TLB misses).
  std::vector<Slot, HugePageAllocator<Slot>> slots_{1};
  size_t mask_ = 0;
  std::vector<Entry, HugePageAllocator<Entry>> entries_;
};

}  // namespace kg::tag
