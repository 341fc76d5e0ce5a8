#include "nn/nn_math.h"

#include <catch2/catch.hpp>
#include <cstring>
#include <random>
#include <vector>

namespace {

std::vector<float> random_floats(std::mt19937_64& g, size_t n, double zero_share = 0) {
  std::uniform_real_distribution<float> u(-1.f, 1.f);
  std::bernoulli_distribution zero(zero_share);
  std::vector<float> v(n);
  for (float& e : v) e = zero(g) ? 0.f : u(g);
  return v;
}

bool same_bits(const std::vector<float>& a, const std::vector<float>& b) {
  return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(float)) == 0;
}

}  // namespace

// The kernels promise the sums of a plain loop in row order (whichever vector clone runs), so
// that models and parses do not depend on the CPU.
TEST_CASE("Row kernels add in row order, bit for bit as a plain loop", "[parse]") {
  std::mt19937_64 g(7);
  for (int n_in : {1, 3, 8, 13, 64, 1030}) {
    for (int n_out : {1, 7, 16, 31, 100, 128, 130, 257}) {
      INFO("n_in " << n_in << ", n_out " << n_out);
      const auto rows = random_floats(g, static_cast<size_t>(n_in) * n_out);
      const auto x = random_floats(g, n_in, 0.3);
      const auto y0 = random_floats(g, n_out);
      std::vector<float> sparse = y0, dense = y0, ref_sparse = y0, ref_dense = y0;
      for (int i = 0; i < n_in; ++i) {
        for (int j = 0; j < n_out; ++j) {
          const float p = x[i] * rows[static_cast<size_t>(i) * n_out + j];
          ref_dense[j] = ref_dense[j] + p;
          if (x[i] != 0.f) ref_sparse[j] = ref_sparse[j] + p;
        }
      }
      kg::nn::nn_add_rows(sparse.data(), rows.data(), x.data(), n_in, n_out);
      kg::nn::nn_add_rows_dense(dense.data(), rows.data(), x.data(), n_in, n_out);
      CHECK(same_bits(sparse, ref_sparse));
      CHECK(same_bits(dense, ref_dense));
    }
  }
  for (int count : {0, 1, 3, 4, 29}) {
    for (int n : {1, 15, 16, 104, 128, 200}) {
      INFO("count " << count << ", n " << n);
      std::vector<std::vector<float>> parts;
      std::vector<const float*> ptrs;
      for (int k = 0; k < count; ++k) parts.push_back(random_floats(g, n));
      for (const auto& p : parts) ptrs.push_back(p.data());
      std::vector<float> y = random_floats(g, n), ref = y;
      for (const auto& p : parts) {
        for (int j = 0; j < n; ++j) ref[j] = ref[j] + p[j];
      }
      kg::nn::nn_add_many(y.data(), ptrs.data(), count, n);
      CHECK(same_bits(y, ref));
    }
  }
}
