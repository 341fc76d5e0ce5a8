// Stable 64-bit hashing for ids and content hashes. The values are persisted: never change them.
#pragma once

#include <cstdint>
#include <string_view>

namespace kg {

// 64-bit FNV-1a followed by a murmur3 finalizer (good avalanche, stable across platforms).
inline uint64_t hash64(std::string_view s, uint64_t seed = 0) {
  uint64_t h = 0xcbf29ce484222325ULL ^ seed;
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ULL;
  h ^= h >> 33;
  return h;
}

}  // namespace kg
