// Stable 64-bit hashing for ids, content hashes and model feature keys. These values are
// persisted (databases, model files): never change them.
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

namespace kg {

// MurmurHash3's 64-bit finalizer: every input bit affects every output bit.
inline uint64_t fmix64(uint64_t h) {
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ULL;
  h ^= h >> 33;
  return h;
}

// 64-bit FNV-1a followed by fmix64 (good avalanche, stable across platforms).
inline uint64_t hash64(std::string_view s, uint64_t seed = 0) {
  uint64_t h = 0xcbf29ce484222325ULL ^ seed;
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return fmix64(h);
}

// A faster string hash for in-memory tables only (8 bytes at a time, little-endian dependent):
// never persist its values.
inline uint64_t table_hash(std::string_view s) {
  uint64_t h = 0x9e3779b97f4a7c15ULL ^ s.size();
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    h = (h ^ w) * 0xff51afd7ed558ccdULL;
    h ^= h >> 32;
  }
  uint64_t tail = 0;
  std::memcpy(&tail, s.data() + i, s.size() - i);
  h = (h ^ tail) * 0xc4ceb9fe1a85ec53ULL;
  return h ^ (h >> 29);
}

}  // namespace kg
