#pragma once
// Tokenisation of normalised text into hashed features: sentencepiece pieces
// (a unigram model trained from the corpus's own normalised text) plus
// character 1-, 2- and 3-grams, which keep typos and unseen words useful.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "knowledge/status.h"

namespace sentencepiece {
class SentencePieceProcessor;
}

namespace faqbot::retrieval {

// One hashed feature of a text: a stable 64-bit key and its weight (type
// weight times occurrence count).
struct Feature {
  uint64_t key = 0;
  float weight = 0;
};

class Tokenizer {
 public:
  // Trains a sentencepiece unigram model from normalised lines (one
  // question each). Deterministic: fixed options, one thread, the lines in
  // the given order. When `lines` hold too little text, the tokenizer works
  // without pieces (n-grams only). `max_lines` caps the training text (lines
  // are sampled with a fixed stride).
  static Result<std::unique_ptr<Tokenizer>> train(const std::vector<std::string>& lines,
                                                  size_t max_lines = 20000);
  // Restores a tokenizer from `serialized_model()` output ("" = no pieces).
  static Result<std::unique_ptr<Tokenizer>> load(const std::string& serialized_model);
  ~Tokenizer();

  // The sentencepiece model proto bytes ("" when there is none).
  const std::string& serialized_model() const { return serialized_; }

  // Features of an already normalised text, sorted by key, keys unique
  // (weights of repeated features summed). Thread-safe.
  std::vector<Feature> features(std::string_view normalized) const;

  // Only the character-bigram keys (sorted, unique); used for overlap scores.
  static std::vector<uint64_t> bigram_keys(std::string_view normalized);

  // Pieces of a normalised text (diagnostics and tests).
  std::vector<std::string> pieces(std::string_view normalized) const;

 private:
  Tokenizer() = default;
  std::unique_ptr<sentencepiece::SentencePieceProcessor> sp_;
  std::string serialized_;
};

}  // namespace faqbot::retrieval
