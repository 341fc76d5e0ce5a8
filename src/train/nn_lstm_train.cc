// One LSTM direction in training: forward pass with its cache, backward pass.
#include "train/nn_lstm_train.h"

#include <algorithm>
#include <cstddef>
#include <cstring>

#include "nn/nn_math.h"
#include "train/nn_math_train.h"

namespace kg::train {

using namespace ::kg::nn;  // the shared float kernels and the recurrence

void lstm_run(const LstmWeights& w, int dir, const float* x, int n, float* h, int h_stride,
              LstmCache* cache) {
  const int in = w.in, G = 4 * w.lstm;
  thread_local std::vector<float> gx;
  gx.resize(static_cast<size_t>(n) * G);
  for (int t = 0; t < n; ++t) {
    float* row = &gx[static_cast<size_t>(t) * G];
    std::memcpy(row, w.b, G * sizeof(float));
    nn_add_rows(row, w.wx, x + static_cast<size_t>(t) * in, in, G);
  }
  lstm_steps(w.wh, w.lstm, dir, gx.data(), G, n, h, h_stride, cache);
}

void lstm_backward(const LstmWeights& w, int dir, const LstmCache& cache, const float* x, int n,
                   const float* h, int h_stride, const float* dh_out, int dh_stride, float* dx,
                   LstmGrads& grads) {
  const int in = w.in, L = w.lstm, G = 4 * L;
  grads.wx.assign(static_cast<size_t>(in) * G, 0.f);
  grads.wh.assign(static_cast<size_t>(L) * G, 0.f);
  grads.b.assign(G, 0.f);
  thread_local std::vector<float> dgate, dh, dc, tc;
  dgate.resize(G);
  dh.assign(L, 0.f);
  dc.assign(L, 0.f);
  tc.resize(L);
  for (int k = n - 1; k >= 0; --k) {
    const int t = dir == 0 ? k : n - 1 - k;
    const int prev = dir == 0 ? t - 1 : t + 1;  // the step before t in this direction
    const bool has_prev = k > 0;
    const float* g = &cache.gates[static_cast<size_t>(t) * G];
    const float* c = &cache.cells[static_cast<size_t>(t) * L];
    const float* dout = dh_out + static_cast<size_t>(t) * dh_stride;
    for (int j = 0; j < L; ++j) dh[j] += dout[j];
    std::memcpy(tc.data(), c, L * sizeof(float));
    nn_tanh_impl(tc.data(), L);
    for (int j = 0; j < L; ++j) {
      const float i = g[j], f = g[L + j], gg = g[2 * L + j], o = g[3 * L + j];
      const float cprev = has_prev ? cache.cells[static_cast<size_t>(prev) * L + j] : 0.f;
      const float dct = dc[j] + dh[j] * o * (1 - tc[j] * tc[j]);
      dgate[j] = dct * gg * i * (1 - i);
      dgate[L + j] = dct * cprev * f * (1 - f);
      dgate[2 * L + j] = dct * i * (1 - gg * gg);
      dgate[3 * L + j] = dh[j] * tc[j] * o * (1 - o);
      dc[j] = dct * f;
    }
    for (int j = 0; j < G; ++j) dgate[j] = std::clamp(dgate[j], -5.f, 5.f);
    const float* xt = x + static_cast<size_t>(t) * in;
    float* dxt = dx + static_cast<size_t>(t) * in;
    for (int i = 0; i < in; ++i) {
      nn_axpy(&grads.wx[static_cast<size_t>(i) * G], dgate.data(), xt[i], G);
      dxt[i] += nn_dot(dgate.data(), w.wx + static_cast<size_t>(i) * G, G);
    }
    nn_add(grads.b.data(), dgate.data(), G);
    std::fill(dh.begin(), dh.end(), 0.f);
    if (has_prev) {
      const float* hp = h + static_cast<size_t>(prev) * h_stride;
      for (int i = 0; i < L; ++i) {
        nn_axpy(&grads.wh[static_cast<size_t>(i) * G], dgate.data(), hp[i], G);
        dh[i] = nn_dot(dgate.data(), w.wh + static_cast<size_t>(i) * G, G);
      }
    }
  }
  for (auto* v : {&grads.wx, &grads.wh, &grads.b}) {
    for (float& e : *v) e = std::clamp(e, -5.f, 5.f);
  }
}

}  // namespace kg::train
