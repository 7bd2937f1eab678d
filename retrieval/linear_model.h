#pragma once
// One-vs-rest linear SVMs (L2-regularised squared hinge loss, the model of
// liblinear's default solver) over a text's known features, TF-IDF weighted
// and L2-normalised, with a bias feature. Trained by dual coordinate descent
// (Hsieh et al., ICML 2008): deterministic (fixed visiting order from our
// PRNG), single threaded. Scores are margins: > 0 means "this class" in the
// one-vs-rest sense. The discriminative base of the engine for corpora of
// up to a few thousand classes (weights are vocab x classes floats).
#include <array>
#include <cstdint>
#include <vector>

#include "retrieval/binary_io.h"
#include "retrieval/feature_vocab.h"
#include "retrieval/supervised_model.h"
#include "retrieval/tokenizer.h"

namespace faqbot::retrieval {

struct LinearOptions {
  float c = 1.0f;          // inverse regularisation strength
  int max_passes = 20;     // passes over the examples per class, at most
  float tolerance = 0.05f; // stop when the projected gradient spread is below
  uint64_t seed = 0x11ea5;
  // Input weight of each feature type (FeatureType order), times its idf;
  // 0 leaves the type out.
  std::array<float, kFeatureTypeCount> type_weights{1, 1, 0, 1, 0, 0.5f, 0.5f};
};

class LinearModel {
 public:
  LinearModel() = default;
  // `examples` labels in [0, num_classes). An empty example list gives an
  // empty model.
  static LinearModel train(const std::vector<TrainingExample>& examples, const FeatureVocab& vocab,
                           int num_classes, const LinearOptions& options = {});

  bool empty() const { return num_classes_ == 0; }
  int num_classes() const { return num_classes_; }
  // Margins of every class into out[0..num_classes()). Thread-safe.
  void scores(const EncodedText& text, float* out) const;

  void serialize(BinaryWriter& w) const;
  bool deserialize(BinaryReader& r);

 private:
  // The sparse input vector of a text: (feature id, value), L2 norm 1.
  void input(const EncodedText& text, std::vector<std::pair<int32_t, float>>& x) const;

  int num_classes_ = 0;
  std::vector<float> idf_;      // per vocabulary id
  std::vector<float> weights_;  // vocab x classes (feature-major)
  std::vector<float> bias_;     // per class
};

}  // namespace faqbot::retrieval
