// One direction of one BiLSTM layer of the neural scorers: the recurrence over precomputed input
// products (training adds the forward pass with its cache and the backward pass:
// train/nn_lstm_train.h).
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

// What the backward pass (training) needs of the forward pass.
struct LstmCache {
  std::vector<float> gates;  // n rows of 4 * lstm: i, f, g, o after their nonlinearity
  std::vector<float> cells;  // n rows of lstm
};

// The recurrence over n steps whose gate inputs (bias + input weights x the step's input) are
// row t of gx (stride gx_stride); direction 0 runs from the first word to the last, 1 back.
// Writes h (row t at h + t * h_stride) and, when cache is non-null, the gates and cells.
void lstm_steps(const float* wh, int lstm, int dir, const float* gx, int gx_stride, int n, float* h,
                int h_stride, LstmCache* cache);

}  // namespace kg::nn
