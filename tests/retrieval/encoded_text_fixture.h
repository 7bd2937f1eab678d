#pragma once
// Test helper: an EncodedText of the given row ids, each of weight 1.
#include <cstdint>
#include <vector>

#include "retrieval/feature_vocab.h"

namespace faqbot::retrieval {

inline EncodedText text(std::vector<int32_t> ids) {
  EncodedText t;
  t.ids = ids;
  t.weights.assign(ids.size(), 1.0f);
  t.known_weight = t.total_weight = static_cast<float>(ids.size());
  return t;
}

}  // namespace faqbot::retrieval
