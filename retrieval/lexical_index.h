#pragma once
// BM25 over the known features (pieces and character n-grams) of every
// question variant, scored per entry as the best of its variants and
// normalised by the query's own maximal score, so values are roughly in
// [0, 1] and comparable across questions. Query features unknown to the
// vocabulary count in the normaliser (they lower the score: the corpus does
// not talk about them). Scoring touches only the entries asked for, so cost
// does not grow with the corpus.
#include <cstdint>
#include <vector>

#include "retrieval/binary_io.h"
#include "retrieval/feature_vocab.h"

namespace faqbot::retrieval {

class LexicalIndex {
 public:
  // A query prepared for scoring: its known terms with idf x query weight.
  struct Query {
    std::vector<int32_t> ids;     // sorted
    std::vector<float> weights;   // idf * query feature weight
    float norm = 0;               // maximal attainable score
  };

  LexicalIndex() = default;
  // `variants` grouped by entry: entry e owns variants
  // [entry_offsets[e], entry_offsets[e+1]). entry_offsets has E+1 items.
  static LexicalIndex build(const std::vector<EncodedText>& variants,
                            const std::vector<uint32_t>& entry_offsets, size_t vocab_size);

  Query prepare(const EncodedText& query) const;
  // Normalised BM25 of the best variant of `entry`, >= 0.
  float score(const Query& q, int entry) const;
  // score(q, e) for each of `entries` (same values), through a per-thread
  // term -> weight table instead of a merge per variant: for shortlists on
  // large corpora.
  std::vector<float> score_entries(const Query& q, const std::vector<int>& entries) const;
  // Normalised BM25 of one variant.
  float score_variant(const Query& q, uint32_t variant) const;

  // Builds postings (term -> variants). Terms in more than `max_postings`
  // variants are left out (they say little and cost much on big corpora);
  // with no term left out, score_all() becomes available.
  void build_postings(size_t max_postings);
  bool has_postings() const { return !posting_offsets_.empty(); }
  bool has_complete_postings() const { return has_postings() && complete_; }
  // score(q, e) for every entry at once, through the postings: cost grows
  // with the query's postings, not with the corpus. Requires complete
  // postings; otherwise returns an empty vector.
  std::vector<float> score_all(const Query& q) const;
  // Up to `n` entries whose variants share the most (idf-weighted) rare terms
  // with the query, best first. Empty without postings.
  std::vector<int> candidates(const Query& q, size_t n) const;

  void serialize(BinaryWriter& w) const;
  bool deserialize(BinaryReader& r);

 private:
  std::vector<uint32_t> entry_offsets_;    // E+1
  std::vector<uint64_t> variant_offsets_;  // V+1, into terms_/tfs_
  std::vector<int32_t> terms_;
  std::vector<float> tfs_;
  std::vector<float> lengths_;  // per variant, sum of tfs
  std::vector<float> idf_;      // per vocabulary id
  std::vector<uint64_t> posting_offsets_;  // vocab+1, or empty
  std::vector<uint32_t> postings_;         // variant ids
  std::vector<float> posting_tfs_;         // tf of the term in that variant
  uint8_t complete_ = 0;
  std::vector<uint32_t> variant_entry_;    // entry of each variant (with postings)
  float avg_length_ = 1;
  float unknown_idf_ = 1;
  // Per variant, BM25's length normalisation k1 * (1 - b + b * len / avg):
  // derived from lengths_ after build() and deserialize(), never stored.
  std::vector<float> len_factors_;
  void fill_len_factors();
};

}  // namespace faqbot::retrieval
