#include "retrieval/feature_vocab.h"

#include <algorithm>
#include <utility>

namespace faqbot::retrieval {

FeatureVocab FeatureVocab::build(const std::vector<std::vector<Feature>>& docs, size_t max_size) {
  std::unordered_map<uint64_t, uint32_t> df;
  for (const auto& doc : docs) {
    for (const Feature& f : doc) ++df[f.key];
  }
  std::vector<std::pair<uint64_t, uint32_t>> all(df.begin(), df.end());
  if (all.size() > max_size) {
    std::sort(all.begin(), all.end(), [](const auto& a, const auto& b) {
      return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    all.resize(max_size);
  }
  std::vector<uint64_t> keys;
  keys.reserve(all.size());
  for (const auto& kv : all) keys.push_back(kv.first);
  std::sort(keys.begin(), keys.end());
  return from_keys(std::move(keys));
}

FeatureVocab FeatureVocab::from_keys(std::vector<uint64_t> keys) {
  FeatureVocab v;
  v.keys_ = std::move(keys);
  v.index_.reserve(v.keys_.size() * 2);
  for (size_t i = 0; i < v.keys_.size(); ++i) v.index_.emplace(v.keys_[i], static_cast<int32_t>(i));
  return v;
}

EncodedText FeatureVocab::encode(const std::vector<Feature>& features) const {
  EncodedText e;
  e.ids.reserve(features.size());
  e.weights.reserve(features.size());
  for (const Feature& f : features) {
    e.total_weight += f.weight;
    const int32_t id = find(f.key);
    if (id < 0) continue;
    e.ids.push_back(id);
    e.weights.push_back(f.weight);
    e.known_weight += f.weight;
  }
  // Features arrive sorted by key and ids follow key order, so ids are sorted.
  return e;
}

}  // namespace faqbot::retrieval
