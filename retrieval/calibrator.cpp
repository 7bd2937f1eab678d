#include "retrieval/calibrator.h"

#include <algorithm>
#include <cmath>

namespace faqbot::retrieval {

double sigmoid(double z) {
  if (z >= 0) return 1.0 / (1.0 + std::exp(-z));
  const double e = std::exp(z);
  return e / (1.0 + e);
}

namespace {

// Solves A x = b (A symmetric positive definite, n x n) in place by Gaussian
// elimination with partial pivoting; returns false when singular.
bool solve(std::vector<double> a, std::vector<double> b, size_t n, std::vector<double>& x) {
  for (size_t c = 0; c < n; ++c) {
    size_t piv = c;
    for (size_t r = c + 1; r < n; ++r) {
      if (std::fabs(a[r * n + c]) > std::fabs(a[piv * n + c])) piv = r;
    }
    if (std::fabs(a[piv * n + c]) < 1e-12) return false;
    if (piv != c) {
      for (size_t k = 0; k < n; ++k) std::swap(a[c * n + k], a[piv * n + k]);
      std::swap(b[c], b[piv]);
    }
    for (size_t r = c + 1; r < n; ++r) {
      const double f = a[r * n + c] / a[c * n + c];
      if (f == 0) continue;
      for (size_t k = c; k < n; ++k) a[r * n + k] -= f * a[c * n + k];
      b[r] -= f * b[c];
    }
  }
  x.assign(n, 0);
  for (size_t i = n; i-- > 0;) {
    double s = b[i];
    for (size_t k = i + 1; k < n; ++k) s -= a[i * n + k] * x[k];
    x[i] = s / a[i * n + i];
  }
  return true;
}

}  // namespace

Calibrator Calibrator::fit(const std::vector<std::vector<float>>& rows,
                           const std::vector<float>& labels, const std::vector<float>& weights,
                           double l2, const std::vector<double>& offsets,
                           const std::vector<size_t>& seen_by_both) {
  Calibrator c;
  const size_t m = rows.size();
  const size_t nf = m ? rows[0].size() : 0;
  c.mean_.assign(nf, 0);
  c.scale_.assign(nf, 1);
  c.coef_.assign(nf + 1, 0);
  c.lo_.assign(nf, 0.0f);
  c.hi_.assign(nf, 0.0f);
  if (m == 0) return c;
  for (size_t f = 0; f < nf; ++f) {
    // Per label (0, 1): the smallest and largest value of the feature.
    float lo[2] = {1e30f, 1e30f}, hi[2] = {-1e30f, -1e30f};
    for (size_t i = 0; i < m; ++i) {
      const int y = labels[i] > 0.5f ? 1 : 0;
      lo[y] = std::min(lo[y], rows[i][f]);
      hi[y] = std::max(hi[y], rows[i][f]);
    }
    c.lo_[f] = std::min(lo[0], lo[1]);
    c.hi_[f] = std::max(hi[0], hi[1]);
    const float both_lo = std::max(lo[0], lo[1]), both_hi = std::min(hi[0], hi[1]);
    const bool both = std::find(seen_by_both.begin(), seen_by_both.end(), f) != seen_by_both.end();
    if (both && both_lo <= both_hi) {
      c.lo_[f] = both_lo;
      c.hi_[f] = both_hi;
    }
  }
  auto w_of = [&](size_t i) { return weights.empty() ? 1.0 : static_cast<double>(weights[i]); };
  double wsum = 0, pos = 0;
  for (size_t i = 0; i < m; ++i) {
    wsum += w_of(i);
    pos += w_of(i) * labels[i];
    for (size_t f = 0; f < nf; ++f) c.mean_[f] += w_of(i) * rows[i][f];
  }
  if (wsum <= 0) return c;
  for (size_t f = 0; f < nf; ++f) c.mean_[f] /= wsum;
  for (size_t f = 0; f < nf; ++f) {
    double var = 0;
    for (size_t i = 0; i < m; ++i) {
      const double dlt = rows[i][f] - c.mean_[f];
      var += w_of(i) * dlt * dlt;
    }
    var /= wsum;
    c.scale_[f] = var > 1e-12 ? std::sqrt(var) : 1.0;
  }
  const double base = std::clamp(pos / wsum, 1e-4, 1 - 1e-4);
  c.coef_[0] = offsets.empty() ? std::log(base / (1 - base)) : 0.0;
  auto offset = [&](size_t i) { return offsets.empty() ? 0.0 : offsets[i]; };
  if (pos <= 0 || pos >= wsum) return c;

  const size_t n = nf + 1;
  std::vector<std::vector<double>> zs(m, std::vector<double>(n));
  for (size_t i = 0; i < m; ++i) {
    zs[i][0] = 1;
    for (size_t f = 0; f < nf; ++f) zs[i][f + 1] = (rows[i][f] - c.mean_[f]) / c.scale_[f];
  }
  // Penalised negative log-likelihood (a tiny penalty keeps the bias finite).
  auto loss = [&](const std::vector<double>& coef) {
    double l = 0;
    for (size_t i = 0; i < m; ++i) {
      double s = offset(i);
      for (size_t k = 0; k < n; ++k) s += coef[k] * zs[i][k];
      // log(1 + e^s) - y s, computed stably
      const double soft = s > 0 ? s + std::log1p(std::exp(-s)) : std::log1p(std::exp(s));
      l += w_of(i) * (soft - labels[i] * s);
    }
    l += 0.5 * 1e-4 * coef[0] * coef[0];
    for (size_t k = 1; k < n; ++k) l += 0.5 * l2 * coef[k] * coef[k];
    return l;
  };
  std::vector<double> grad(n), hess(n * n), step, trial(n);
  double current = loss(c.coef_);
  for (int iter = 0; iter < 100; ++iter) {
    std::fill(grad.begin(), grad.end(), 0.0);
    std::fill(hess.begin(), hess.end(), 0.0);
    for (size_t i = 0; i < m; ++i) {
      const auto& z = zs[i];
      double s = offset(i);
      for (size_t k = 0; k < n; ++k) s += c.coef_[k] * z[k];
      const double p = sigmoid(s);
      const double w = w_of(i);
      const double g = w * (p - labels[i]);
      const double h = w * std::max(p * (1 - p), 1e-9);
      for (size_t a = 0; a < n; ++a) {
        grad[a] += g * z[a];
        for (size_t b = 0; b < n; ++b) hess[a * n + b] += h * z[a] * z[b];
      }
    }
    grad[0] += 1e-4 * c.coef_[0];
    hess[0] += 1e-4;
    for (size_t a = 1; a < n; ++a) {
      grad[a] += l2 * c.coef_[a];
      hess[a * n + a] += l2;
    }
    if (!solve(hess, grad, n, step)) break;
    // Damped Newton: halve the step until the loss does not increase.
    double t = 1.0;
    bool improved = false;
    for (int halving = 0; halving < 30; ++halving, t *= 0.5) {
      for (size_t k = 0; k < n; ++k) trial[k] = c.coef_[k] - t * step[k];
      const double l = loss(trial);
      if (l <= current) {
        improved = current - l > 1e-10 * (1 + std::fabs(current));
        current = l;
        c.coef_ = trial;
        break;
      }
    }
    if (!improved) break;
  }
  return c;
}

double Calibrator::logit(const float* features, size_t n) const {
  if (coef_.empty()) return 0.0;
  double s = coef_[0];
  const size_t nf = std::min(n, mean_.size());
  for (size_t f = 0; f < nf; ++f) {
    const float x = std::clamp(features[f], lo_[f], hi_[f]);
    s += coef_[f + 1] * (x - mean_[f]) / scale_[f];
  }
  return s;
}

double Calibrator::predict(const float* features, size_t n) const {
  return sigmoid(logit(features, n));
}

std::vector<float> fit_class_offsets(const std::vector<double>& logits,
                                     const std::vector<int>& classes,
                                     const std::vector<float>& labels, size_t num_classes,
                                     double prior_variance) {
  std::vector<float> offsets(num_classes, 0.0f);
  std::vector<std::vector<size_t>> members(num_classes);
  for (size_t i = 0; i < classes.size(); ++i) {
    if (classes[i] >= 0 && static_cast<size_t>(classes[i]) < num_classes) members[classes[i]].push_back(i);
  }
  for (size_t k = 0; k < num_classes; ++k) {
    double b = 0;
    for (int iter = 0; iter < 20; ++iter) {
      double grad = b / prior_variance, hess = 1.0 / prior_variance;
      for (size_t i : members[k]) {
        const double p = sigmoid(logits[i] + b);
        grad += p - labels[i];
        hess += p * (1 - p);
      }
      const double step = grad / hess;
      b -= step;
      if (std::fabs(step) < 1e-6) break;
    }
    offsets[k] = static_cast<float>(b);
  }
  return offsets;
}

void Calibrator::serialize(BinaryWriter& w) const {
  w.vec(mean_);
  w.vec(scale_);
  w.vec(coef_);
  w.vec(lo_);
  w.vec(hi_);
}

bool Calibrator::deserialize(BinaryReader& r) {
  if (!r.vec(mean_) || !r.vec(scale_) || !r.vec(coef_) || !r.vec(lo_) || !r.vec(hi_)) return false;
  return scale_.size() == mean_.size() && coef_.size() == mean_.size() + 1 &&
         lo_.size() == mean_.size() && hi_.size() == mean_.size();
}

}  // namespace faqbot::retrieval
