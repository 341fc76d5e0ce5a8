// Small dense float kernels of the neural scorer (vectorized, with an AVX2 clone and, for the row
// kernels, an AVX-512 path chosen at run time; the summation order is the same in every one, so
// results do not depend on the CPU).
#pragma once


namespace kg::nn {

// y[0..n_out) += sum over i < n_in of x[i] * rows[i * n_out ..]; zero x[i] are skipped.
void nn_add_rows(float* y, const float* rows, const float* x, int n_in, int n_out);
// The same for dense x (no zero test; rows with x[i] == 0 are added too).
void nn_add_rows_dense(float* y, const float* rows, const float* x, int n_in, int n_out);
// y += x.
void nn_add(float* y, const float* x, int n);
// y = (((a + b) + c) + d) + e, elementwise.
void nn_sum5(float* y, const float* a, const float* b, const float* c, const float* d,
             const float* e, int n);
// y += x[0] + x[1] + ... + x[count - 1], added in that order.
void nn_add_many(float* y, const float* const* x, int count, int n);
void nn_tanh_impl(float* x, int n);
void nn_sigmoid_impl(float* x, int n);
// gates = [i f g o] (activated), c updated in place, h = o * tanh(c).
void nn_lstm_cell(const float* gates, float* c, float* h, int n);

}  // namespace kg::nn
