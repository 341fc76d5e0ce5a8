// Deterministic random numbers for training the neural scorers: the same seed gives the same
// draws on every platform (xorshift64 and std::mt19937_64, no library distributions).
#pragma once

#include <cstddef>
#include <cstdint>
#include <random>
#include <vector>

namespace kg::train {

// xorshift64: dropout masks, word dropout, exploration.
class Rng {
 public:
  explicit Rng(uint64_t seed) : s_(seed * 0x9E3779B97F4A7C15ULL + 1) {}
  uint64_t next() {
    s_ ^= s_ << 13;
    s_ ^= s_ >> 7;
    s_ ^= s_ << 17;
    return s_;
  }
  double uniform() { return (next() >> 11) * 0x1.0p-53; }  // in [0, 1)

 private:
  uint64_t s_;
};

// Resizes v to n values drawn uniformly from [-r, r).
inline void init_uniform(std::vector<float>& v, size_t n, float r, std::mt19937_64& g) {
  v.resize(n);
  for (auto& x : v) x = static_cast<float>((g() >> 11) * 0x1.0p-53 * 2.0 - 1.0) * r;
}

}  // namespace kg::train
