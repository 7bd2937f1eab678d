#pragma once
// A fastText-style supervised model over hashed text features, trained with a
// normalised (cosine) softmax: a text's hidden vector is the unit-length
// weighted average of its feature vectors, and the logit of class c is
// scale * cos(hidden, class_c). Each knowledge-base entry is a class; the
// last class is "none" (out-of-scope examples). Because class vectors are
// unit length, inner-product search over them ranks exactly like the logits.
//
// Training is deterministic and content-keyed (stable_order.h), one thread:
// a feature's initial row is drawn from its key, each epoch visits the
// examples in an order keyed by their content, and an example's dropout and
// sampled negatives are drawn from its key and the epoch. Adding one example
// or one feature changes no other example's or feature's draws.
#include <cstdint>
#include <vector>

#include "retrieval/binary_io.h"
#include "retrieval/feature_vocab.h"

namespace faqbot::retrieval {

struct TrainOptions {
  int dim = 128;
  float scale = 16.0f;        // softmax temperature on cosines
  float margin = 0.1f;        // additive cosine margin on the true class
  int epochs = 40;
  float learning_rate = 0.05f;
  float dropout = 0.1f;       // per-feature drop probability while training
  int sampled_negatives = 0;  // 0 = full softmax; else classes sampled per example
  uint64_t seed = 0x5eed;
  // Independently seeded members, each dim / members wide (dim must be a
  // multiple). The model's vectors are the members' unit vectors side by
  // side, scaled by 1/sqrt(members): a cosine is the members' mean cosine.
  int members = 1;
};

struct TrainingExample {
  EncodedText text;
  int32_t label = 0;  // class index; num_classes - 1 is "none"
  uint64_t key = 0;   // stable content key (content_key of the text and label)
};

class SupervisedModel {
 public:
  SupervisedModel() = default;

  // `row_keys`: the feature key of each input row (FeatureVocab::keys()),
  // which seeds the row's initial vector.
  static SupervisedModel train(const std::vector<TrainingExample>& examples,
                               const std::vector<uint64_t>& row_keys, int num_classes,
                               const TrainOptions& options);

  int dim() const { return dim_; }
  int num_classes() const { return num_classes_; }
  float scale() const { return scale_; }
  // Unit row of class c (c < num_classes()).
  const float* class_vector(int c) const { return classes_.data() + static_cast<size_t>(c) * dim_; }

  // Writes the unit hidden vector of `text` into out[0..dim) (each member's
  // part normalised, see TrainOptions::members); returns false (and writes
  // zeros) when the text has no known feature.
  bool hidden(const EncodedText& text, float* out) const;

  void serialize(BinaryWriter& w) const;
  bool deserialize(BinaryReader& r);

 private:
  static SupervisedModel train_member(const std::vector<TrainingExample>& examples,
                                      const std::vector<uint64_t>& row_keys, int num_classes,
                                      const TrainOptions& options);

  int dim_ = 0;
  int members_ = 1;  // dim_ / members_ columns each
  int num_classes_ = 0;
  float scale_ = 16.0f;
  std::vector<float> input_;    // vocab_size x dim
  std::vector<float> classes_;  // num_classes x dim, unit rows
};

}  // namespace faqbot::retrieval
