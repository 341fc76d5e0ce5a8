// KG_NN_CLONES: the attribute that compiles a float kernel twice, for AVX2 and for the baseline,
// the one to run chosen when the program loads (GCC on x86-64 without sanitizers; elsewhere
// empty). Kernels in every library that computes the scorers' sums use it.
#pragma once

#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__) && \
    !defined(__SANITIZE_ADDRESS__)
#define KG_NN_CLONES __attribute__((target_clones("avx2", "default")))
#else
#define KG_NN_CLONES
#endif
