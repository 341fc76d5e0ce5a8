// Per-document lookup tables of the writer: open addressing, reused from one document to the
// next without allocating.
#pragma once

#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "common/hash.h"

namespace kg::store {

// Spreads a 64-bit id over the low bits a table mask keeps.
inline size_t table_slot_hash(uint64_t k) {
  k ^= k >> 33;
  k *= 0xff51afd7ed558ccdULL;
  return static_cast<size_t>(k ^ (k >> 29));
}

// Open addressing over a power-of-two table at most half full.
template <typename Key>
class SmallMap {
 public:
  // Empties the map, sized for up to `n` keys.
  void reset(size_t n) {
    size_t want = 16;
    while (want < 2 * n) want *= 2;
    if (slots_.size() < want) slots_.resize(want);
    mask_ = want - 1;
    std::fill(slots_.begin(), slots_.begin() + static_cast<std::ptrdiff_t>(want), Slot{});
  }

  const uint32_t* find(const Key& key) const {
    for (size_t i = hash(key) & mask_;; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (!s.used) return nullptr;
      if (s.key == key) return &s.value;
    }
  }

  // The value stored for `key` and false, or `value` (now stored) and true. Never more keys
  // than reset() was told.
  std::pair<uint32_t, bool> emplace(const Key& key, uint32_t value) {
    for (size_t i = hash(key) & mask_;; i = (i + 1) & mask_) {
      Slot& s = slots_[i];
      if (!s.used) {
        s = Slot{key, value, true};
        return {value, true};
      }
      if (s.key == key) return {s.value, false};
    }
  }

 private:
  struct Slot {
    Key key{};
    uint32_t value = 0;
    bool used = false;
  };

  static size_t hash(uint64_t k) { return table_slot_hash(k); }
  static size_t hash(std::string_view s) { return static_cast<size_t>(table_hash(s)); }

  std::vector<Slot> slots_;
  size_t mask_ = 0;
};

// Sums of int64 deltas by 64-bit id (a bulk batch's mentions and relation counts); grows.
class CountMap {
 public:
  void add(uint64_t key, int64_t n) {
    if ((size_ + 1) * 2 > slots_.size()) grow();
    for (size_t i = table_slot_hash(key) & mask_;; i = (i + 1) & mask_) {
      Slot& s = slots_[i];
      if (!s.used) {
        s = Slot{key, n, true};
        ++size_;
        return;
      }
      if (s.key == key) {
        s.sum += n;
        return;
      }
    }
  }

  template <typename Fn>
  void for_each(Fn&& fn) const {
    for (const Slot& s : slots_) {
      if (s.used) fn(s.key, s.sum);
    }
  }

 private:
  struct Slot {
    uint64_t key = 0;
    int64_t sum = 0;
    bool used = false;
  };

  void grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 1024 : 2 * old.size(), Slot{});
    mask_ = slots_.size() - 1;
    size_ = 0;
    for (const Slot& s : old) {
      if (s.used) add(s.key, s.sum);
    }
  }

  std::vector<Slot> slots_;
  size_t mask_ = 0, size_ = 0;
};

}  // namespace kg::store
