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
#include "retrieval/pinyin.h"

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

// What a feature is; stored in the top 4 bits of its key, so models can pick
// the types they learn from.
enum class FeatureType : uint8_t {
  kUnigram = 0,         // one character
  kBigram = 1,          // two consecutive characters
  kTrigram = 2,         // three consecutive characters
  kPiece = 3,           // a sentencepiece piece (more than one character)
  kPieceBigram = 4,     // two consecutive pieces
  kSyllableBigram = 5,  // two consecutive pinyin syllables
  kInitials = 6,        // pinyin initials of 2-3 consecutive syllables
};
constexpr size_t kFeatureTypeCount = 7;

constexpr uint64_t feature_key(FeatureType type, uint64_t hash) {
  return (hash & 0x0fffffffffffffffULL) | (static_cast<uint64_t>(type) << 60);
}
constexpr FeatureType feature_type(uint64_t key) { return static_cast<FeatureType>(key >> 60); }

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
  // (weights of repeated features summed), with details (numbers, order
  // numbers; see details.h) read as one placeholder each. Thread-safe.
  std::vector<Feature> features(std::string_view normalized) const;

  // Only the character-bigram keys (sorted, unique); used for overlap scores.
  static std::vector<uint64_t> bigram_keys(std::string_view normalized);

  // Adds the pinyin channel (see pinyin_features.h) to features(), with or
  // without the initials; null turns it off. Not thread-safe: call before
  // sharing the tokenizer.
  void set_pinyin(std::shared_ptr<const PinyinTable> table, bool initials = true) {
    pinyin_ = std::move(table);
    initials_ = initials;
  }
  const PinyinTable* pinyin() const { return pinyin_.get(); }

  // Pieces of a normalised text (diagnostics and tests).
  std::vector<std::string> pieces(std::string_view normalized) const;

 private:
  Tokenizer() = default;
  std::unique_ptr<sentencepiece::SentencePieceProcessor> sp_;
  std::string serialized_;
  std::shared_ptr<const PinyinTable> pinyin_;
  bool initials_ = true;
};

}  // namespace faqbot::retrieval
