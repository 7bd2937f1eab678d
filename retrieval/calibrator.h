#pragma once
// Logistic regression turning a few ranking features into a probability.
// Fitted by Newton's method (IRLS) with L2 regularisation on standardised
// features: deterministic and exact for the handful of features we use.
// It does not extrapolate: each feature is read clamped to the range of the
// rows it was fitted on, and the features named at fit time to the range
// where both outcomes were seen (a forty-character investor's story reads as
// long as the longest right-answered variant of cross-validation when only
// out-of-scope examples were ever longer).
#include <utility>
#include <vector>

#include "retrieval/binary_io.h"

namespace faqbot::retrieval {

class Calibrator {
 public:
  Calibrator() = default;
  // rows: samples x features (all rows the same length); labels 0/1;
  // weights >= 0 per sample (empty = all 1). With no usable data the
  // calibrator predicts the base rate (0.5 when there are no samples).
  // offsets: per sample, log-odds the fitted ones add to (empty = none); a
  // calibrator fitted with offsets is used as offset + logit(features).
  // seen_by_both: indices of features read within the range where rows of
  // both labels were fitted (where the ranges overlap), for features whose
  // range in the fitted rows reflects how they were written rather than
  // the outcome (a length).
  static Calibrator fit(const std::vector<std::vector<float>>& rows,
                        const std::vector<float>& labels, const std::vector<float>& weights,
                        double l2 = 1.0, const std::vector<double>& offsets = {},
                        const std::vector<size_t>& seen_by_both = {});

  // P(label = 1 | features), in (0, 1). `n` must equal num_features().
  // Each feature is clamped to fitted_range() first.
  double predict(const float* features, size_t n) const;
  // The log-odds behind predict().
  double logit(const float* features, size_t n) const;
  size_t num_features() const { return mean_.size(); }
  const std::vector<double>& coefficients() const { return coef_; }
  // The range feature f is clamped to (see fit()).
  std::pair<float, float> fitted_range(size_t f) const { return {lo_[f], hi_[f]}; }

  void serialize(BinaryWriter& w) const;
  bool deserialize(BinaryReader& r);

 private:
  std::vector<double> mean_, scale_;
  std::vector<float> lo_, hi_;  // per feature: fitted_range()
  std::vector<double> coef_;  // [bias, w_1..w_n] on standardised features
};

// Per-class corrections of a calibrator's log-odds: offset[k] is the MAP
// estimate (Gaussian prior of variance `prior_variance`, i.e. shrunk towards
// 0 when a class has little evidence) of the bias that makes the calibrator
// fit class k's own samples. logits: the calibrator's log-odds per sample;
// classes: each sample's class in [0, num_classes); labels 0/1.
std::vector<float> fit_class_offsets(const std::vector<double>& logits,
                                     const std::vector<int>& classes,
                                     const std::vector<float>& labels, size_t num_classes,
                                     double prior_variance = 1.0);

double sigmoid(double z);

}  // namespace faqbot::retrieval
