// Training one direction of one BiLSTM layer (nn/nn_lstm.h): the forward pass that keeps what
// the backward pass needs, and the backward pass.
#pragma once

#include <vector>

#include "nn/nn_lstm.h"

namespace kg::train {

using nn::LstmCache;
using nn::LstmWeights;

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

}  // namespace kg::train
