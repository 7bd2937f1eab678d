#pragma once
// Embedder over the locally trained SupervisedModel: tokenise, look the
// features up in the model's vocabulary, average and normalise.
#include "retrieval/embedder.h"
#include "retrieval/feature_vocab.h"
#include "retrieval/supervised_model.h"
#include "retrieval/tokenizer.h"

namespace faqbot::retrieval {

class SupervisedEmbedder : public Embedder {
 public:
  // Non-owning: all three must outlive the embedder.
  SupervisedEmbedder(const Tokenizer& tokenizer, const FeatureVocab& vocab,
                     const SupervisedModel& model)
      : tokenizer_(tokenizer), vocab_(vocab), model_(model) {}

  int dim() const override { return model_.dim(); }
  std::vector<float> embed(std::string_view normalized) const override {
    std::vector<float> out(static_cast<size_t>(model_.dim()));
    model_.hidden(vocab_.encode(tokenizer_.features(normalized)), out.data());
    return out;
  }

 private:
  const Tokenizer& tokenizer_;
  const FeatureVocab& vocab_;
  const SupervisedModel& model_;
};

}  // namespace faqbot::retrieval
