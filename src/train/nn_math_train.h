// The float kernels only training uses: gradients, Adagrad steps and sums of parameters (the
// kernels both scorers run with are in nn/nn_math.h).
#pragma once

#include <vector>

namespace kg::train {

// y[j] += a * x[j].
void nn_axpy(float* y, const float* x, float a, int n);
// Dot product (plain order).
float nn_dot(const float* a, const float* b, int n);
// Adagrad step for w[j] with gradient a * d[j]: g2[j] += g^2, w[j] -= lr * g / sqrt(g2[j] + 1e-6).
void nn_adagrad(float* w, float* g2, const float* d, float a, float lr, int n);
// nn_add of every array of `from` to the array of the same index in `to`: the parameters of two
// models of one shape, as their matrices() list them (summing snapshots for their mean).
void nn_add_all(const std::vector<std::vector<float>*>& to,
                const std::vector<std::vector<float>*>& from);

}  // namespace kg::train
