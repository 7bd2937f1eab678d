#include "retrieval/lexical_index.h"

#include <algorithm>
#include <cmath>

namespace faqbot::retrieval {
namespace {
constexpr float kK1 = 1.2f;
constexpr float kB = 0.5f;  // questions are short and similar in length
}  // namespace

LexicalIndex LexicalIndex::build(const std::vector<EncodedText>& variants,
                                 const std::vector<uint32_t>& entry_offsets, size_t vocab_size) {
  LexicalIndex x;
  x.entry_offsets_ = entry_offsets;
  x.variant_offsets_.reserve(variants.size() + 1);
  x.variant_offsets_.push_back(0);
  std::vector<uint32_t> df(vocab_size, 0);
  double total_len = 0;
  for (const EncodedText& v : variants) {
    float len = 0;
    for (size_t i = 0; i < v.ids.size(); ++i) {
      x.terms_.push_back(v.ids[i]);
      x.tfs_.push_back(v.weights[i]);
      len += v.weights[i];
      ++df[v.ids[i]];
    }
    x.lengths_.push_back(len);
    total_len += len;
    x.variant_offsets_.push_back(x.terms_.size());
  }
  const double n = static_cast<double>(std::max<size_t>(variants.size(), 1));
  x.avg_length_ = variants.empty() ? 1.0f : static_cast<float>(total_len / n);
  if (x.avg_length_ <= 0) x.avg_length_ = 1;
  x.idf_.resize(vocab_size);
  for (size_t t = 0; t < vocab_size; ++t) {
    x.idf_[t] = static_cast<float>(std::log(1.0 + (n - df[t] + 0.5) / (df[t] + 0.5)));
  }
  x.unknown_idf_ = static_cast<float>(std::log(1.0 + (n + 0.5) / 0.5));
  x.fill_len_factors();
  return x;
}

void LexicalIndex::fill_len_factors() {
  len_factors_.resize(lengths_.size());
  for (size_t v = 0; v < lengths_.size(); ++v) {
    len_factors_[v] = kK1 * (1 - kB + kB * lengths_[v] / avg_length_);
  }
}

LexicalIndex::Query LexicalIndex::prepare(const EncodedText& query) const {
  Query q;
  q.ids.reserve(query.ids.size());
  q.weights.reserve(query.ids.size());
  float norm = 0;
  for (size_t i = 0; i < query.ids.size(); ++i) {
    const int32_t t = query.ids[i];
    const float idf = (t >= 0 && static_cast<size_t>(t) < idf_.size()) ? idf_[t] : unknown_idf_;
    q.ids.push_back(t);
    q.weights.push_back(idf * query.weights[i]);
    norm += idf * query.weights[i];
  }
  norm += unknown_idf_ * (query.total_weight - query.known_weight);
  q.norm = norm * (kK1 + 1) / (1 + kK1);
  return q;
}

float LexicalIndex::score_variant(const Query& q, uint32_t v) const {
  if (q.norm <= 0 || v + 1 >= variant_offsets_.size()) return 0;
  const uint64_t begin = variant_offsets_[v], end = variant_offsets_[v + 1];
  const float len_factor = len_factors_[v];
  float s = 0;
  size_t i = 0;
  uint64_t j = begin;
  while (i < q.ids.size() && j < end) {
    if (q.ids[i] < terms_[j]) {
      ++i;
    } else if (terms_[j] < q.ids[i]) {
      ++j;
    } else {
      const float tf = tfs_[j];
      s += q.weights[i] * tf * (kK1 + 1) / (tf + len_factor);
      ++i;
      ++j;
    }
  }
  return s / q.norm;
}

float LexicalIndex::score(const Query& q, int entry) const {
  if (entry < 0 || static_cast<size_t>(entry) + 1 >= entry_offsets_.size()) return 0;
  float best = 0;
  for (uint32_t v = entry_offsets_[entry]; v < entry_offsets_[entry + 1]; ++v) {
    best = std::max(best, score_variant(q, v));
  }
  return best;
}

std::vector<float> LexicalIndex::score_entries(const Query& q,
                                              const std::vector<int>& entries) const {
  std::vector<float> out(entries.size(), 0.0f);
  if (q.norm <= 0) return out;
  // Query weight by vocabulary id; only the query's own slots are set and
  // cleared again.
  thread_local std::vector<float> weight_of;
  if (weight_of.size() < idf_.size()) weight_of.assign(idf_.size(), 0.0f);
  for (size_t i = 0; i < q.ids.size(); ++i) {
    const int32_t t = q.ids[i];
    if (t >= 0 && static_cast<size_t>(t) < idf_.size()) weight_of[t] = q.weights[i];
  }
  for (size_t k = 0; k < entries.size(); ++k) {
    const int e = entries[k];
    if (e < 0 || static_cast<size_t>(e) + 1 >= entry_offsets_.size()) continue;
    float best = 0;
    for (uint32_t v = entry_offsets_[e]; v < entry_offsets_[e + 1]; ++v) {
      // The terms shared with the query, in increasing id order: the same
      // sum, in the same order, as score_variant's merge.
      const float len_factor = len_factors_[v];
      float s = 0;
      for (uint64_t j = variant_offsets_[v]; j < variant_offsets_[v + 1]; ++j) {
        const float w = weight_of[terms_[j]];
        if (w == 0.0f) continue;
        const float tf = tfs_[j];
        s += w * tf * (kK1 + 1) / (tf + len_factor);
      }
      best = std::max(best, s / q.norm);
    }
    out[k] = best;
  }
  for (int32_t t : q.ids) {
    if (t >= 0 && static_cast<size_t>(t) < idf_.size()) weight_of[t] = 0.0f;
  }
  return out;
}

void LexicalIndex::build_postings(size_t max_postings) {
  const size_t vocab = idf_.size();
  const size_t nv = lengths_.size();
  std::vector<uint64_t> df(vocab, 0);
  for (int32_t t : terms_) ++df[t];
  posting_offsets_.assign(vocab + 1, 0);
  for (size_t t = 0; t < vocab; ++t) {
    posting_offsets_[t + 1] = posting_offsets_[t] + (df[t] <= max_postings ? df[t] : 0);
  }
  postings_.assign(posting_offsets_.back(), 0);
  posting_tfs_.assign(posting_offsets_.back(), 0);
  complete_ = 1;
  for (size_t t = 0; t < vocab; ++t) complete_ &= df[t] <= max_postings;
  std::vector<uint64_t> fill(posting_offsets_.begin(), posting_offsets_.end() - 1);
  for (size_t v = 0; v < nv; ++v) {
    for (uint64_t j = variant_offsets_[v]; j < variant_offsets_[v + 1]; ++j) {
      const int32_t t = terms_[j];
      if (df[t] <= max_postings) {
        posting_tfs_[fill[t]] = tfs_[j];
        postings_[fill[t]++] = static_cast<uint32_t>(v);
      }
    }
  }
  variant_entry_.assign(nv, 0);
  for (size_t e = 0; e + 1 < entry_offsets_.size(); ++e) {
    for (uint32_t v = entry_offsets_[e]; v < entry_offsets_[e + 1]; ++v) variant_entry_[v] = e;
  }
}

std::vector<float> LexicalIndex::score_all(const Query& q) const {
  std::vector<float> out;
  if (!has_complete_postings()) return out;
  const size_t entries = entry_offsets_.size() - 1;
  out.assign(entries, 0.0f);
  if (q.norm <= 0) return out;
  std::vector<float> acc(lengths_.size(), 0.0f);
  for (size_t i = 0; i < q.ids.size(); ++i) {
    const int32_t t = q.ids[i];
    for (uint64_t j = posting_offsets_[t]; j < posting_offsets_[t + 1]; ++j) {
      const uint32_t v = postings_[j];
      const float tf = posting_tfs_[j];
      const float len_factor = len_factors_[v];
      acc[v] += q.weights[i] * tf * (kK1 + 1) / (tf + len_factor);
    }
  }
  for (size_t e = 0; e < entries; ++e) {
    float best = 0;
    for (uint32_t v = entry_offsets_[e]; v < entry_offsets_[e + 1]; ++v) best = std::max(best, acc[v]);
    out[e] = best / q.norm;
  }
  return out;
}

namespace {
// Per-thread scratch for candidates(): accumulators indexed by variant and
// by entry, reset through the lists of touched slots (clearing them whole
// would cost as much as the corpus is large).
struct CandidateScratch {
  std::vector<float> variant_score;
  std::vector<uint8_t> variant_seen;
  std::vector<uint32_t> variants;
  std::vector<float> entry_best;
  std::vector<uint8_t> entry_seen;
  std::vector<uint32_t> entries;
};
}  // namespace

std::vector<int> LexicalIndex::candidates(const Query& q, size_t n) const {
  std::vector<int> out;
  if (posting_offsets_.empty() || n == 0) return out;
  thread_local CandidateScratch sc;
  const size_t nv = lengths_.size();
  const size_t ne = entry_offsets_.size() - 1;
  if (sc.variant_score.size() < nv) {
    sc.variant_score.assign(nv, 0.0f);
    sc.variant_seen.assign(nv, 0);
  }
  if (sc.entry_best.size() < ne) {
    sc.entry_best.assign(ne, 0.0f);
    sc.entry_seen.assign(ne, 0);
  }
  sc.variants.clear();
  sc.entries.clear();
  // Sum per variant of the idf-weighted shared rare terms...
  for (size_t i = 0; i < q.ids.size(); ++i) {
    const int32_t t = q.ids[i];
    if (t < 0 || static_cast<size_t>(t) + 1 >= posting_offsets_.size()) continue;
    for (uint64_t j = posting_offsets_[t]; j < posting_offsets_[t + 1]; ++j) {
      const uint32_t v = postings_[j];
      if (!sc.variant_seen[v]) {
        sc.variant_seen[v] = 1;
        sc.variant_score[v] = 0.0f;
        sc.variants.push_back(v);
      }
      sc.variant_score[v] += q.weights[i];
    }
  }
  // ...then each entry's best variant.
  for (uint32_t v : sc.variants) {
    const uint32_t e = variant_entry_[v];
    const float s = sc.variant_score[v];
    if (!sc.entry_seen[e]) {
      sc.entry_seen[e] = 1;
      sc.entry_best[e] = s;
      sc.entries.push_back(e);
    } else if (s > sc.entry_best[e]) {
      sc.entry_best[e] = s;
    }
    sc.variant_seen[v] = 0;
  }
  std::vector<std::pair<float, uint32_t>> per_entry;  // (score, entry)
  per_entry.reserve(sc.entries.size());
  for (uint32_t e : sc.entries) {
    per_entry.emplace_back(sc.entry_best[e], e);
    sc.entry_seen[e] = 0;
  }
  const size_t keep = std::min(n, per_entry.size());
  std::partial_sort(per_entry.begin(), per_entry.begin() + keep, per_entry.end(),
                    [](const auto& a, const auto& b) {
                      return a.first != b.first ? a.first > b.first : a.second < b.second;
                    });
  for (size_t i = 0; i < keep; ++i) out.push_back(static_cast<int>(per_entry[i].second));
  return out;
}

void LexicalIndex::serialize(BinaryWriter& w) const {
  w.vec(entry_offsets_);
  w.vec(variant_offsets_);
  w.vec(terms_);
  w.vec(tfs_);
  w.vec(lengths_);
  w.vec(idf_);
  w.pod(avg_length_);
  w.pod(unknown_idf_);
  w.vec(posting_offsets_);
  w.vec(postings_);
  w.vec(posting_tfs_);
  w.vec(variant_entry_);
  w.pod(complete_);
}

bool LexicalIndex::deserialize(BinaryReader& r) {
  if (!r.vec(entry_offsets_) || !r.vec(variant_offsets_) || !r.vec(terms_) || !r.vec(tfs_) ||
      !r.vec(lengths_) || !r.vec(idf_) || !r.pod(avg_length_) || !r.pod(unknown_idf_) || !r.vec(posting_offsets_) ||
      !r.vec(postings_) || !r.vec(posting_tfs_) || !r.vec(variant_entry_) || !r.pod(complete_)) {
    return false;
  }
  if (!posting_offsets_.empty()) {
    if (posting_offsets_.size() != idf_.size() + 1 || posting_offsets_.back() != postings_.size() ||
        posting_tfs_.size() != postings_.size() ||
        variant_entry_.size() != lengths_.size()) {
      return false;
    }
    for (uint32_t v : postings_) {
      if (v >= lengths_.size()) return false;
    }
    for (size_t t = 0; t + 1 < posting_offsets_.size(); ++t) {
      if (posting_offsets_[t] > posting_offsets_[t + 1]) return false;
    }
  }
  if (variant_offsets_.empty() || terms_.size() != tfs_.size() ||
      variant_offsets_.back() != terms_.size() || lengths_.size() + 1 != variant_offsets_.size() ||
      entry_offsets_.empty() || entry_offsets_.back() + 1 != variant_offsets_.size()) {
    return false;
  }
  for (int32_t t : terms_) {
    if (t < 0 || static_cast<size_t>(t) >= idf_.size()) return false;
  }
  fill_len_factors();
  return true;
}

}  // namespace faqbot::retrieval
