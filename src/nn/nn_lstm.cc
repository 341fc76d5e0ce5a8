// One LSTM direction of the neural scorers: the recurrence.
#include "nn/nn_lstm.h"

#include <algorithm>
#include <cstddef>
#include <cstring>

#include "nn/nn_math.h"

namespace kg::nn {

void lstm_steps(const float* wh, int lstm, int dir, const float* gx, int gx_stride, int n, float* h,
                int h_stride, LstmCache* cache) {
  const int L = lstm, G = 4 * L;
  thread_local std::vector<float> g, c, hprev;
  g.resize(G);
  c.assign(L, 0.f);
  hprev.assign(L, 0.f);
  if (cache) {
    cache->gates.resize(static_cast<size_t>(n) * G);
    cache->cells.resize(static_cast<size_t>(n) * L);
  }
  for (int k = 0; k < n; ++k) {
    const int t = dir == 0 ? k : n - 1 - k;
    std::memcpy(g.data(), gx + static_cast<size_t>(t) * gx_stride, G * sizeof(float));
    nn_add_rows_dense(g.data(), wh, hprev.data(), L, G);
    nn_sigmoid_impl(g.data(), 2 * L);
    nn_tanh_impl(g.data() + 2 * L, L);
    nn_sigmoid_impl(g.data() + 3 * L, L);
    float* ht = h + static_cast<size_t>(t) * h_stride;
    nn_lstm_cell(g.data(), c.data(), ht, L);
    std::memcpy(hprev.data(), ht, L * sizeof(float));
    if (cache) {
      std::memcpy(&cache->gates[static_cast<size_t>(t) * G], g.data(), G * sizeof(float));
      std::memcpy(&cache->cells[static_cast<size_t>(t) * L], c.data(), L * sizeof(float));
    }
  }
}

}  // namespace kg::nn
