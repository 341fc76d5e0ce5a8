// Dense float kernels of the neural scorer.
#include "nn/nn_math.h"

#include <algorithm>
#include <cstddef>
#include <cstdlib>

#include "nn/nn_clones.h"

#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__) && \
    !defined(__SANITIZE_ADDRESS__)
#include <immintrin.h>
#define KG_NN_AVX512 1
#endif

namespace kg::nn {
namespace {

#ifdef KG_NN_AVX512
// AVX-512 versions of the row kernels, which keep a tile of up to 128 outputs of y in registers
// while every row is added to it. Each element gets the same products and sums, in the same
// order, as in the loops below (no fused multiply-add: -ffp-contract=off), so the results are
// identical; only the loads and stores of y between rows are gone.
// KG_NN_NO_AVX512=1 takes the AVX2 path on an AVX-512 machine (what most users' CPUs run), to
// measure it; the results are the same either way.
bool avx512_wanted() {
  const char* no = std::getenv("KG_NN_NO_AVX512");
  return __builtin_cpu_supports("avx512f") && (no == nullptr || *no == '\0' || *no == '0');
}
const bool kHasAvx512 = avx512_wanted();

// y[j0 .. j0 + 16 * NV) (the last vector masked by `last`) += sum over k < count of a[k] * r_k
// (kScaled) or of r_k, added in k order, where r_k = row(k) + j0.
template <int NV, bool kScaled, class Row>
__attribute__((target("avx512f"), always_inline)) inline void tile512(float* y, int j0,
                                                                      const float* a, int count,
                                                                      const Row& row,
                                                                      __mmask16 last) {
  __m512 acc[NV];
  for (int v = 0; v < NV; ++v) {
    acc[v] = _mm512_maskz_loadu_ps(v == NV - 1 ? last : 0xFFFF, y + j0 + 16 * v);
  }
  for (int k = 0; k < count; ++k) {
    const float* r = row(k) + j0;
    if constexpr (kScaled) {
      const __m512 s = _mm512_set1_ps(a[k]);
      for (int v = 0; v < NV; ++v) {
        const __m512 w = _mm512_maskz_loadu_ps(v == NV - 1 ? last : 0xFFFF, r + 16 * v);
        acc[v] = _mm512_add_ps(acc[v], _mm512_mul_ps(s, w));
      }
    } else {
      for (int v = 0; v < NV; ++v) {
        acc[v] =
            _mm512_add_ps(acc[v], _mm512_maskz_loadu_ps(v == NV - 1 ? last : 0xFFFF, r + 16 * v));
      }
    }
  }
  for (int v = 0; v < NV; ++v) {
    _mm512_mask_storeu_ps(y + j0 + 16 * v, v == NV - 1 ? last : 0xFFFF, acc[v]);
  }
}

// tile512<nv, kScaled> for nv in NV..8 (NV first), all inlined.
template <int NV, bool kScaled, class Row>
__attribute__((target("avx512f"), always_inline)) inline void tiles512(int nv, float* y, int j0,
                                                                       const float* a, int count,
                                                                       const Row& row,
                                                                       __mmask16 last) {
  if constexpr (NV < 8) {
    if (nv != NV) return tiles512<NV + 1, kScaled>(nv, y, j0, a, count, row, last);
  }
  tile512<NV, kScaled>(y, j0, a, count, row, last);
}

// The mask of the last vector of a tile of w outputs.
inline __mmask16 last_mask(int w) {
  return w % 16 ? static_cast<__mmask16>((1u << (w % 16)) - 1) : static_cast<__mmask16>(0xFFFF);
}

// y[0 .. n) += the rows row(0 .. count) (times a[k] when kScaled), in tiles of up to 128
// outputs.
template <bool kScaled, class Row>
__attribute__((target("avx512f"))) void add512(float* y, int n, const float* a, int count,
                                               const Row& row) {
  for (int j0 = 0; j0 < n; j0 += 128) {
    const int w = n - j0 < 128 ? n - j0 : 128;
    const __mmask16 last = last_mask(w);
    tiles512<1, kScaled>((w + 15) / 16, y, j0, a, count, row, last);
  }
}
#endif

// y += a0 r0 + a1 r1 + a2 r2 + a3 r3, added in that order.
inline __attribute__((always_inline)) void add4(float* __restrict y, const float* __restrict r0,
                                                const float* __restrict r1,
                                                const float* __restrict r2,
                                                const float* __restrict r3, float a0, float a1,
                                                float a2, float a3, int n) {
  for (int j = 0; j < n; ++j) {
    y[j] = (((y[j] + a0 * r0[j]) + a1 * r1[j]) + a2 * r2[j]) + a3 * r3[j];
  }
}

// The same for eight rows r[0..8): y is loaded and stored once per eight rows, and every element
// gets the same sums, in the same order, as from two add4 calls.
inline __attribute__((always_inline)) void add8(float* __restrict y, const float* const* r,
                                                const float* __restrict a, int n) {
  const float* __restrict r0 = r[0];
  const float* __restrict r1 = r[1];
  const float* __restrict r2 = r[2];
  const float* __restrict r3 = r[3];
  const float* __restrict r4 = r[4];
  const float* __restrict r5 = r[5];
  const float* __restrict r6 = r[6];
  const float* __restrict r7 = r[7];
  for (int j = 0; j < n; ++j) {
    y[j] = (((((((y[j] + a[0] * r0[j]) + a[1] * r1[j]) + a[2] * r2[j]) + a[3] * r3[j]) +
              a[4] * r4[j]) +
             a[5] * r5[j]) +
            a[6] * r6[j]) +
           a[7] * r7[j];
  }
}

}  // namespace

KG_NN_CLONES void nn_add_rows(float* __restrict y, const float* __restrict rows,
                              const float* __restrict x, int n_in, int n_out) {
  // Rows with a nonzero weight, eight (then four) at a time, so that y is loaded and stored once
  // per eight rows; the additions happen in row order, as in a one-row loop.
  int nz[1024];
  for (int base = 0; base < n_in; base += 1024) {
    const int end = n_in - base < 1024 ? n_in : base + 1024;
    int k = 0;
    for (int i = base; i < end; ++i) {
      nz[k] = i;
      k += x[i] != 0.f;
    }
#ifdef KG_NN_AVX512
    if (kHasAvx512) {
      float a[1024];
      for (int q = 0; q < k; ++q) a[q] = x[nz[q]];
      add512<true>(y, n_out, a, k,
                   [&](int q) { return rows + static_cast<size_t>(nz[q]) * n_out; });
      continue;
    }
#endif
    int q = 0;
    for (; q + 8 <= k; q += 8) {
      const float* r[8];
      float a[8];
      for (int m = 0; m < 8; ++m) {
        r[m] = rows + static_cast<size_t>(nz[q + m]) * n_out;
        a[m] = x[nz[q + m]];
      }
      add8(y, r, a, n_out);
    }
    for (; q + 4 <= k; q += 4) {
      add4(y, rows + static_cast<size_t>(nz[q]) * n_out,
           rows + static_cast<size_t>(nz[q + 1]) * n_out,
           rows + static_cast<size_t>(nz[q + 2]) * n_out,
           rows + static_cast<size_t>(nz[q + 3]) * n_out, x[nz[q]], x[nz[q + 1]], x[nz[q + 2]],
           x[nz[q + 3]], n_out);
    }
    for (; q < k; ++q) {
      const float a = x[nz[q]];
      const float* __restrict r = rows + static_cast<size_t>(nz[q]) * n_out;
      for (int j = 0; j < n_out; ++j) y[j] += a * r[j];
    }
  }
}

KG_NN_CLONES void nn_add_rows_dense(float* __restrict y, const float* __restrict rows,
                                    const float* __restrict x, int n_in, int n_out) {
#ifdef KG_NN_AVX512
  if (kHasAvx512) {
    return add512<true>(y, n_out, x, n_in,
                        [&](int i) { return rows + static_cast<size_t>(i) * n_out; });
  }
#endif
  int i = 0;
  for (; i + 8 <= n_in; i += 8) {
    const float* r[8];
    for (int k = 0; k < 8; ++k) r[k] = rows + static_cast<size_t>(i + k) * n_out;
    add8(y, r, x + i, n_out);
  }
  for (; i + 4 <= n_in; i += 4) {
    const float* r = rows + static_cast<size_t>(i) * n_out;
    add4(y, r, r + n_out, r + 2 * n_out, r + 3 * n_out, x[i], x[i + 1], x[i + 2], x[i + 3], n_out);
  }
  for (; i < n_in; ++i) {
    const float a = x[i];
    const float* __restrict r = rows + static_cast<size_t>(i) * n_out;
    for (int j = 0; j < n_out; ++j) y[j] += a * r[j];
  }
}

KG_NN_CLONES void nn_add(float* __restrict y, const float* __restrict x, int n) {
  for (int j = 0; j < n; ++j) y[j] += x[j];
}

KG_NN_CLONES void nn_sum5(float* __restrict y, const float* __restrict a, const float* __restrict b,
                          const float* __restrict c, const float* __restrict d,
                          const float* __restrict e, int n) {
  for (int j = 0; j < n; ++j) y[j] = (((a[j] + b[j]) + c[j]) + d[j]) + e[j];
}

KG_NN_CLONES void nn_add_many(float* __restrict y, const float* const* x, int count, int n) {
#ifdef KG_NN_AVX512
  if (kHasAvx512) return add512<false>(y, n, nullptr, count, [x](int k) { return x[k]; });
#endif
  int k = 0;
  for (; k + 4 <= count; k += 4) {
    const float* __restrict a = x[k];
    const float* __restrict b = x[k + 1];
    const float* __restrict c = x[k + 2];
    const float* __restrict d = x[k + 3];
    for (int j = 0; j < n; ++j) y[j] = (((y[j] + a[j]) + b[j]) + c[j]) + d[j];
  }
  for (; k < count; ++k) {
    const float* __restrict a = x[k];
    for (int j = 0; j < n; ++j) y[j] += a[j];
  }
}

// tanh as a rational function of x (the approximation Eigen uses), exact to float precision.
KG_NN_CLONES void nn_tanh_impl(float* __restrict x, int n) {
  for (int j = 0; j < n; ++j) {
    float v = x[j];
    v = std::min(v, 7.90531110763549805f);
    v = std::max(v, -7.90531110763549805f);
    const float v2 = v * v;
    float p = -2.76076847742355e-16f;
    p = p * v2 + 2.00018790482477e-13f;
    p = p * v2 + -8.60467152213735e-11f;
    p = p * v2 + 5.12229709037114e-08f;
    p = p * v2 + 1.48572235717979e-05f;
    p = p * v2 + 6.37261928875436e-04f;
    p = p * v2 + 4.89352455891786e-03f;
    p = p * v;
    float q = 1.19825839466702e-06f;
    q = q * v2 + 1.18534705686654e-04f;
    q = q * v2 + 2.26843463243900e-03f;
    q = q * v2 + 4.89352518554385e-03f;
    x[j] = p / q;
  }
}

KG_NN_CLONES void nn_sigmoid_impl(float* __restrict x, int n) {
  for (int j = 0; j < n; ++j) x[j] *= 0.5f;
  nn_tanh_impl(x, n);
  for (int j = 0; j < n; ++j) x[j] = 0.5f + 0.5f * x[j];
}

KG_NN_CLONES void nn_lstm_cell(const float* __restrict g, float* __restrict c, float* __restrict h,
                               int n) {
  for (int j = 0; j < n; ++j) c[j] = g[n + j] * c[j] + g[j] * g[2 * n + j];
  for (int j = 0; j < n; ++j) h[j] = c[j];
  nn_tanh_impl(h, n);
  for (int j = 0; j < n; ++j) h[j] *= g[3 * n + j];
}

}  // namespace kg::nn
