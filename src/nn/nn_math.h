// Small dense float kernels of the neural scorer (vectorized, with an AVX2 clone and, for the row
// kernels, an AVX-512 path chosen at run time; the summation order is the same in every one, so
// results do not depend on the CPU).
#pragma once

#include <vector>

namespace kg::nn {

// y[0..n_out) += sum over i < n_in of x[i] * rows[i * n_out ..]; zero x[i] are skipped.
void nn_add_rows(float* y, const float* rows, const float* x, int n_in, int n_out);
// The same for dense x (no zero test; rows with x[i] == 0 are added too).
void nn_add_rows_dense(float* y, const float* rows, const float* x, int n_in, int n_out);
// y += x.
void nn_add(float* y, const float* x, int n);
// nn_add of every array of `from` to the array of the same index in `to`: the parameters of two
// models of one shape, as their matrices() list them (summing snapshots for their mean).
void nn_add_all(const std::vector<std::vector<float>*>& to,
                const std::vector<std::vector<float>*>& from);
// y = (((a + b) + c) + d) + e, elementwise.
void nn_sum5(float* y, const float* a, const float* b, const float* c, const float* d,
             const float* e, int n);
// y += x[0] + x[1] + ... + x[count - 1], added in that order.
void nn_add_many(float* y, const float* const* x, int count, int n);
// y[j] += a * x[j].
void nn_axpy(float* y, const float* x, float a, int n);
// Dot product (training only; plain order).
float nn_dot(const float* a, const float* b, int n);
// Adagrad step for w[j] with gradient a * d[j]: g2[j] += g^2, w[j] -= lr * g / sqrt(g2[j] + 1e-6).
void nn_adagrad(float* w, float* g2, const float* d, float a, float lr, int n);
void nn_tanh_impl(float* x, int n);
void nn_sigmoid_impl(float* x, int n);
// gates = [i f g o] (activated), c updated in place, h = o * tanh(c).
void nn_lstm_cell(const float* gates, float* c, float* h, int n);

}  // namespace kg::nn
