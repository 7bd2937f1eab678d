#pragma once
// A fastText-style supervised model over hashed text features, trained with a
// normalised (cosine) softmax: a text's hidden vector is the unit-length
// weighted average of its feature vectors, and the logit of class c is
// scale * cos(hidden, class_c). Each knowledge-base entry is a class; the
// last class is "none" (out-of-scope examples). Because class vectors are
// unit length, inner-product search over them ranks exactly like the logits.
//
// Training is deterministic: fixed seed, fixed example order per epoch
// (shuffled by our own PRNG), one thread.
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
};

struct TrainingExample {
  EncodedText text;
  int32_t label = 0;  // class index; num_classes - 1 is "none"
};

class SupervisedModel {
 public:
  SupervisedModel() = default;

  static SupervisedModel train(const std::vector<TrainingExample>& examples, size_t vocab_size,
                               int num_classes, const TrainOptions& options);

  int dim() const { return dim_; }
  int num_classes() const { return num_classes_; }
  float scale() const { return scale_; }
  // Unit row of class c (c < num_classes()).
  const float* class_vector(int c) const { return classes_.data() + static_cast<size_t>(c) * dim_; }

  // Writes the unit hidden vector of `text` into out[0..dim); returns false
  // (and writes zeros) when the text has no known feature.
  bool hidden(const EncodedText& text, float* out) const;

  void serialize(BinaryWriter& w) const;
  bool deserialize(BinaryReader& r);

 private:
  int dim_ = 0;
  int num_classes_ = 0;
  float scale_ = 16.0f;
  std::vector<float> input_;    // vocab_size x dim
  std::vector<float> classes_;  // num_classes x dim, unit rows
};

}  // namespace faqbot::retrieval
