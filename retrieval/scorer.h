#pragma once
// Fusion: for one normalised question, gathers dense candidates (entry class
// vectors), scores them lexically and against their nearest variant, and
// turns everything into fixed-length feature rows that the calibrators map
// to probabilities. Used identically by cross-validation (to fit the
// calibrators) and by search, so the calibrators see at search time exactly
// the features they were fitted on.
#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "retrieval/components.h"
#include "retrieval/dense_index.h"
#include "retrieval/feature_vocab.h"
#include "retrieval/lexical_index.h"
#include "retrieval/linear_model.h"
#include "retrieval/product_mentions.h"
#include "retrieval/slot_evidence.h"
#include "retrieval/supervised_model.h"
#include "retrieval/tokenizer.h"

namespace faqbot::retrieval {

// Non-owning view of a trained engine. Entry e is class e of the model and
// owns variants [entry_offsets[e], entry_offsets[e+1]); class num_entries is
// "none".
struct EngineView {
  const Tokenizer* tokenizer = nullptr;
  const FeatureVocab* vocab = nullptr;
  const SupervisedModel* model = nullptr;
  const LexicalIndex* lexical = nullptr;
  const LinearModel* linear = nullptr;  // may be empty (large corpora)
  const LinearModel* char_linear = nullptr;  // the same over characters; may be null or empty
  const std::vector<uint8_t>* term_sources = nullptr;  // TrainedEngine::term_sources
  Components components;
  const std::vector<uint32_t>* entry_offsets = nullptr;
  const std::vector<float>* variant_vectors = nullptr;  // V x dim, or empty
  int num_entries = 0;
  const SlotEvidence* slots = nullptr;  // may be null: slot features 0
  // Kinds of product the platform does not offer (may be null: feature 0).
  const ProductMentions* kinds = nullptr;
  // Best k entries by inner product with a unit query vector.
  std::function<std::vector<DenseIndex::Hit>(const float*, size_t)> dense_search;
};

// Where a vocabulary feature was seen in training (bits).
constexpr uint8_t kTermInEntries = 1;    // some entry's variant
constexpr uint8_t kTermInNegatives = 2;  // some out-of-scope example

// A candidate's features: kWordFeatureCount from the question's words
// (scores, gaps, scope; the last two the character model's margin and gap:
// EngineView::char_linear), then kSlotFeatureCount of slot evidence.
constexpr size_t kWordFeatureCount = 17;
// The first of the character model's two features. A text the model gives
// none (Analysis::chars_read false) is calibrated over the features before
// it alone (Calibrators::correct_without_chars).
constexpr size_t kCharFeatureBegin = 15;
constexpr size_t kCandidateFeatureCount = kWordFeatureCount + kSlotFeatureCount;
// Scope features (P(out of scope)): the best lexical score, coverage, the
// best linear margin, the linear "none" margin, the foreign and
// negative-only shares (lexical and linear evidence only), and whether it
// names a kind of product we do not offer other than as a means.
constexpr size_t kScopeFeatureCount = 7;
// The candidate feature holding the question's length (log(1 + characters)).
constexpr size_t kLengthFeature = 9;

struct ScoredCandidate {
  int entry = 0;
  float dense = 0;    // cosine to the entry's class vector
  float lexical = 0;  // normalised BM25 of the best variant
  float linear = 0;   // linear SVM margin of the entry
  float char_linear = 0;  // the character model's margin of the entry
  float prob = 0;     // softmax over dense candidates and "none"
  std::array<float, kCandidateFeatureCount> features{};
};

struct Analysis {
  std::vector<ScoredCandidate> candidates;  // a shortlist, unordered
  std::array<float, kScopeFeatureCount> scope{};
  bool known = false;  // false: the question shares no feature with the corpus
  // The linear model's first choice over every entry and "none" (class
  // num_entries) and its own one-vs-rest margin; -1 when the model is empty,
  // switched off or the question is unknown.
  int linear_best = -1;
  float linear_best_margin = 0;
  // The character model gave the candidates their features kCharFeatureBegin..
  // (false: a text under kCharModelMinChars characters, or no model; those
  // features are then 0 and say nothing).
  bool chars_read = false;
};

// Builds the shortlist and feature rows for `normalized`.
Analysis analyze(const EngineView& engine, const std::string& normalized);

// A brute-force dense search over the model's entry class vectors (used in
// cross-validation, where no FAISS index exists).
std::vector<DenseIndex::Hit> brute_force_search(const SupervisedModel& model, int num_entries,
                                                const float* query, size_t k);

}  // namespace faqbot::retrieval
