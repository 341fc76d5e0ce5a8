// An open-addressing hash map from nonzero 64-bit feature keys to 32-bit row indexes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace kg::tag {

// Keys must be nonzero (0 marks an empty slot; callers map 0 to 1). Reads are thread-safe when no
// one writes.
class FlatMap {
 public:
  static constexpr uint32_t kMissing = 0xFFFFFFFFu;

  explicit FlatMap(size_t expected = 16) { rehash(capacity_for(expected)); }

  uint32_t find(uint64_t key) const {
    size_t i = static_cast<size_t>(key) & mask_;
    for (;;) {
      const Slot& s = slots_[i];
      if (s.key == key) return s.value;
      if (s.key == 0) return kMissing;
      i = (i + 1) & mask_;
    }
  }

  // Returns the value stored under `key`, inserting `value` first if the key is new.
  uint32_t insert(uint64_t key, uint32_t value) {
    if ((size_ + 1) * 2 > slots_.size()) rehash(slots_.size() * 2);
    size_t i = static_cast<size_t>(key) & mask_;
    for (;;) {
      Slot& s = slots_[i];
      if (s.key == key) return s.value;
      if (s.key == 0) {
        s.key = key;
        s.value = value;
        ++size_;
        return value;
      }
      i = (i + 1) & mask_;
    }
  }

  size_t size() const { return size_; }

  template <typename F>
  void for_each(F&& f) const {
    for (const Slot& s : slots_)
      if (s.key != 0) f(s.key, s.value);
  }

 private:
  struct Slot {
    uint64_t key = 0;
    uint32_t value = 0;
  };

  static size_t capacity_for(size_t n) {
    size_t c = 16;
    while (c < n * 2) c *= 2;
    return c;
  }

  void rehash(size_t capacity) {
    std::vector<Slot> old;
    old.swap(slots_);
    slots_.assign(capacity, Slot{});
    mask_ = capacity - 1;
    size_ = 0;
    for (const Slot& s : old)
      if (s.key != 0) insert(s.key, s.value);
  }

  std::vector<Slot> slots_;
  size_t mask_ = 0;
  size_t size_ = 0;
};

}  // namespace kg::tag
