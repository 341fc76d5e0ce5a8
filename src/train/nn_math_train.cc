// The training-only float kernels (compiled with the same options as nn/nn_math.cc).
#include "train/nn_math_train.h"

#include <cstddef>

#include "nn/nn_clones.h"
#include "nn/nn_math.h"

namespace kg::train {

KG_NN_CLONES void nn_axpy(float* __restrict y, const float* __restrict x, float a, int n) {
  for (int j = 0; j < n; ++j) y[j] += a * x[j];
}

float nn_dot(const float* a, const float* b, int n) {
  float acc[8] = {0, 0, 0, 0, 0, 0, 0, 0};
  int j = 0;
  for (; j + 8 <= n; j += 8) {
    for (int k = 0; k < 8; ++k) acc[k] += a[j + k] * b[j + k];
  }
  float s = 0.f;
  for (; j < n; ++j) s += a[j] * b[j];
  for (int k = 0; k < 8; ++k) s += acc[k];
  return s;
}

KG_NN_CLONES void nn_adagrad(float* __restrict w, float* __restrict g2, const float* __restrict d,
                             float a, float lr, int n) {
  for (int j = 0; j < n; ++j) {
    const float g = a * d[j];
    g2[j] += g * g;
    w[j] -= lr * g / __builtin_sqrtf(g2[j] + 1e-6f);
  }
}

void nn_add_all(const std::vector<std::vector<float>*>& to,
                const std::vector<std::vector<float>*>& from) {
  for (size_t k = 0; k < to.size(); ++k) {
    nn::nn_add(to[k]->data(), from[k]->data(), static_cast<int>(to[k]->size()));
  }
}

}  // namespace kg::train
