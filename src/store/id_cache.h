// The writer's resolution caches: an open-addressing map from names to 64-bit ids.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "common/hash.h"

namespace kg::store {

// Slots in one array, keys of up to 24 bytes inside their slot and longer ones in an arena: a
// lookup usually costs one cache miss. Not thread-safe.
class IdCache {
 public:
  // The id stored for `key`, or nullptr.
  const uint64_t* find(std::string_view key) const {
    if (slots_.empty()) return nullptr;
    const uint64_t h = hash(key);
    for (size_t i = h & mask_;; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.hash == 0) return nullptr;
      if (s.hash == h && s.len == key.size() &&
          std::memcmp(key_data(s), key.data(), key.size()) == 0) {
        return &s.id;
      }
    }
  }

  // Starts loading the slot `key` would be found in (lookups are cache-miss bound).
  void prefetch(std::string_view key) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[hash(key) & mask_]);
  }

  // Adds `key` (not present yet).
  void insert(std::string_view key, uint64_t id) {
    if ((size_ + 1) * 2 > slots_.size()) grow();
    Slot slot{};
    slot.hash = hash(key);
    slot.id = id;
    slot.len = static_cast<uint32_t>(key.size());
    if (key.size() <= kInline) {
      std::memcpy(slot.inline_key, key.data(), key.size());
    } else {
      slot.off = arena_.size();
      arena_.append(key);
    }
    place(slot);
    ++size_;
  }

  size_t size() const { return size_; }
  void clear() {
    slots_.clear();
    arena_.clear();
    size_ = 0;
    mask_ = 0;
  }

 private:
  static constexpr size_t kInline = 24;
  struct Slot {
    uint64_t hash;  // 0: empty
    uint64_t id;
    uint32_t len;
    union {
      char inline_key[kInline];
      size_t off;  // into arena_
    };
  };

  const char* key_data(const Slot& s) const {
    return s.len <= kInline ? s.inline_key : arena_.data() + s.off;
  }

  static uint64_t hash(std::string_view s) { return table_hash(s) | 1; }  // never 0 (empty)

  void place(const Slot& slot) {
    for (size_t i = slot.hash & mask_;; i = (i + 1) & mask_) {
      if (slots_[i].hash == 0) {
        slots_[i] = slot;
        return;
      }
    }
  }

  void grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 1024 : old.size() * 2, Slot{});
    mask_ = slots_.size() - 1;
    for (const Slot& s : old) {
      if (s.hash != 0) place(s);
    }
  }

  std::vector<Slot> slots_;
  std::string arena_;
  size_t size_ = 0;
  size_t mask_ = 0;
};

}  // namespace kg::store
