#pragma once
// Small dense-vector kernels with a fixed summation order (deterministic on
// every machine for the same binary).
#include <cmath>
#include <cstddef>

namespace faqbot::retrieval {

inline float dot(const float* a, const float* b, size_t n) {
  float s[8] = {0, 0, 0, 0, 0, 0, 0, 0};
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    for (size_t k = 0; k < 8; ++k) s[k] += a[i + k] * b[i + k];
  }
  float r = ((s[0] + s[1]) + (s[2] + s[3])) + ((s[4] + s[5]) + (s[6] + s[7]));
  for (; i < n; ++i) r += a[i] * b[i];
  return r;
}

// y += alpha * x
inline void axpy(float alpha, const float* x, float* y, size_t n) {
  for (size_t i = 0; i < n; ++i) y[i] += alpha * x[i];
}

// Scales v to unit length; returns the original norm (0 leaves v as is).
inline float normalize_in_place(float* v, size_t n) {
  const float norm = std::sqrt(dot(v, v, n));
  if (norm > 0) {
    const float inv = 1.0f / norm;
    for (size_t i = 0; i < n; ++i) v[i] *= inv;
  }
  return norm;
}

}  // namespace faqbot::retrieval
