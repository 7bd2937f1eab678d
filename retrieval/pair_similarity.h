#pragma once
// Similarity of two questions that need not be in the knowledge base
// (`faqbot similarity`, Retriever::similarity).
//
// Three kinds of evidence, on normalised text:
//   - lexical: cosine of character 1-2-gram TF-IDF vectors, the IDF taken
//     from the knowledge base's own question variants (smoothed: a gram the
//     knowledge base never uses weighs most);
//   - pinyin (when readings are given): the same cosine over toneless
//     syllable 1-2-grams, so a homophone typo (带款 for 贷款) still matches;
//   - the engine's model: the cosine of the two texts' hidden vectors,
//     trained to tell the knowledge base's entries apart.
// The model only speaks for what it has seen: its weight is
// kModelWeight x familiarity^2, familiarity being the IDF-weighted share of
// each text's grams that the knowledge base uses (the smaller of the two).
// Out of the model's distribution the score leans on lexical and pinyin
// evidence. Immutable after construction; thread-safe.
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace faqbot::retrieval {

struct Document;
class Normalizer;

// Toneless pinyin of a code point ("" when unknown).
using Readings = std::function<std::string_view(char32_t)>;

inline constexpr double kModelWeight = 0.5;

class PairSimilarity {
 public:
  PairSimilarity() = default;  // no knowledge base: every gram unseen
  // `normalized_texts`: the knowledge base's question variants, normalised.
  // `readings` may be empty (no pinyin evidence).
  PairSimilarity(const std::vector<std::string>& normalized_texts, Readings readings);

  // Similarity in [0, 1] of two normalised texts; `model_cosine` is the
  // engine's cosine in [0, 1], or < 0 when the model knows neither text.
  double score(std::string_view a, std::string_view b, double model_cosine) const;

  // The parts of score(), for diagnostics and tests.
  double lexical(std::string_view a, std::string_view b) const;
  double pinyin(std::string_view a, std::string_view b) const;  // 0 without readings
  double familiarity(std::string_view text) const;               // [0, 1]

 private:
  using Grams = std::unordered_map<std::u32string, double>;  // gram -> weight
  Grams char_grams(std::string_view text) const;
  Grams syllable_grams(std::string_view text) const;
  double cosine(const Grams& a, const Grams& b, const std::unordered_map<std::u32string, int>& df) const;
  double idf(const std::unordered_map<std::u32string, int>& df, const std::u32string& gram) const;

  std::unordered_map<std::u32string, int> char_df_;      // gram -> texts using it
  std::unordered_map<std::u32string, int> syllable_df_;  // syllable gram -> texts
  size_t num_texts_ = 0;
  Readings readings_;
};

// A PairSimilarity over the documents' texts as `normalizer` normalises them.
PairSimilarity pair_similarity(const std::vector<Document>& docs, const Normalizer& normalizer,
                               Readings readings = {});

}  // namespace faqbot::retrieval
