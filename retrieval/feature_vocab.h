#pragma once
// The features a model knows: hashed feature keys seen in its training text,
// mapped to dense row ids. Query features outside the vocabulary carry no
// learned information and are skipped (but counted, for coverage).
#include <cstdint>
#include <unordered_map>
#include <vector>

#include "retrieval/tokenizer.h"

namespace faqbot::retrieval {

// A text's known features as row ids with weights, plus how much of the
// text's feature weight the vocabulary covers.
struct EncodedText {
  std::vector<int32_t> ids;   // sorted, unique
  std::vector<float> weights;  // same length as ids, > 0
  float known_weight = 0;      // sum of weights of known features
  float total_weight = 0;      // sum of weights of all features
  float coverage() const { return total_weight > 0 ? known_weight / total_weight : 0.f; }
};

class FeatureVocab {
 public:
  FeatureVocab() = default;
  // Keys seen in `docs` (feature lists); at most `max_size`, the most
  // frequent by document frequency kept (ties by key). Ids follow key order.
  static FeatureVocab build(const std::vector<std::vector<Feature>>& docs, size_t max_size);
  // Restores from keys() (sorted, unique).
  static FeatureVocab from_keys(std::vector<uint64_t> keys);

  size_t size() const { return keys_.size(); }
  const std::vector<uint64_t>& keys() const { return keys_; }
  // Row id of a key, -1 when unknown.
  int32_t find(uint64_t key) const {
    auto it = index_.find(key);
    return it == index_.end() ? -1 : it->second;
  }
  EncodedText encode(const std::vector<Feature>& features) const;

 private:
  std::vector<uint64_t> keys_;
  std::unordered_map<uint64_t, int32_t> index_;
};

}  // namespace faqbot::retrieval
