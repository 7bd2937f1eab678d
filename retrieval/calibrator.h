#pragma once
// Logistic regression turning a few ranking features into a probability.
// Fitted by Newton's method (IRLS) with L2 regularisation on standardised
// features: deterministic and exact for the handful of features we use.
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
  static Calibrator fit(const std::vector<std::vector<float>>& rows,
                        const std::vector<float>& labels, const std::vector<float>& weights,
                        double l2 = 1.0, const std::vector<double>& offsets = {});

  // P(label = 1 | features), in (0, 1). `n` must equal num_features().
  double predict(const float* features, size_t n) const;
  // The log-odds behind predict().
  double logit(const float* features, size_t n) const;
  size_t num_features() const { return mean_.size(); }
  const std::vector<double>& coefficients() const { return coef_; }

  void serialize(BinaryWriter& w) const;
  bool deserialize(BinaryReader& r);

 private:
  std::vector<double> mean_, scale_;
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
