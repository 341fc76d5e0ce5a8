// One direction of one BiLSTM layer of the neural scorer: the recurrence over precomputed input
// products (parsing), and the forward pass with its cache and the backward pass (training).
#pragma once

#include <vector>

namespace kg::nn {

// The parameters of one direction of one layer, input-major like every matrix of NnModel:
// wx is in rows of 4 * lstm, wh lstm rows of 4 * lstm, b 4 * lstm (gates i, f, g, o).
struct LstmWeights {
  const float* wx;
  const float* wh;
  const float* b;
  int in, lstm;
};

// What the backward pass needs of the forward pass.
struct LstmCache {
  std::vector<float> gates;  // n rows of 4 * lstm: i, f, g, o after their nonlinearity
  std::vector<float> cells;  // n rows of lstm
};

// The recurrence over n steps whose gate inputs (bias + input weights x the step's input) are
// row t of gx (stride gx_stride); direction 0 runs from the first word to the last, 1 back.
// Writes h (row t at h + t * h_stride) and, when cache is non-null, the gates and cells.
void lstm_steps(const float* wh, int lstm, int dir, const float* gx, int gx_stride, int n, float* h,
                int h_stride, LstmCache* cache);

// The whole direction over x (n rows of w.in).
void lstm_run(const LstmWeights& w, int dir, const float* x, int n, float* h, int h_stride,
              LstmCache* cache);

// Gradients of one direction's parameters, each element clamped to [-5, 5].
struct LstmGrads {
  std::vector<float> wx, wh, b;
};

// Backward through one direction run by lstm_run(w, dir, x, n, h, h_stride, &cache): dh holds
// the loss gradient of every output (row t at dh + t * dh_stride). Adds the gradients of the
// inputs to dx (n rows of w.in) and sets g. The gate gradients are clamped to [-5, 5].
void lstm_backward(const LstmWeights& w, int dir, const LstmCache& cache, const float* x, int n,
                   const float* h, int h_stride, const float* dh, int dh_stride, float* dx,
                   LstmGrads& g);

}  // namespace kg::nn
