#pragma once
// Similarity of two questions that need not be in the knowledge base
// (`faqbot similarity`, Retriever::similarity).
//
// Evidence, on normalised text:
//   - lexical: character 1-2-gram TF-IDF vectors, the IDF taken from the
//     knowledge base's own question variants (smoothed: a gram the knowledge
//     base never uses weighs most), compared by cosine and by coverage (the
//     IDF share of the shorter text's grams the longer one holds, so a long
//     chatty message still matches the short question inside it);
//   - pinyin (when readings are given): the same over toneless syllable
//     1-2-grams, so a homophone typo (带款 for 贷款) still matches; and
//     pinyin typed in Latin letters (daikuan, jk) reads as the span of the
//     other text it spells;
//   - the engine's model: the cosine of the two texts' hidden vectors,
//     trained to tell the knowledge base's entries apart;
//   - what the questions ask (QuestionFacets): agreement on question type,
//     action and subject, and polarity clashes, which shift the log-odds.
// The model only speaks for what it has seen: its weight is
// kModelWeight x familiarity^2, familiarity being the IDF-weighted share of
// each text's grams that the knowledge base uses (the smaller of the two).
// Out of the model's distribution the score leans on lexical, pinyin and
// facet evidence. Immutable after construction; thread-safe.
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "retrieval/question_facets.h"

namespace faqbot::retrieval {

struct Document;
class Normalizer;

inline constexpr double kModelWeight = 0.5;
// Log-odds shift per unit of facet agreement (agreeing and disagreeing
// weighed apart: one different ask outweighs a shared subject), and for a
// polarity clash.
inline constexpr double kAgreeWeight = 0.4;
inline constexpr double kDisagreeWeight = 2.0;
inline constexpr double kClashWeight = 2.0;

class PairSimilarity {
 public:
  PairSimilarity() = default;  // no knowledge base: every gram unseen
  // `normalized_texts`: the knowledge base's question variants, normalised.
  // `readings` may be empty (no pinyin evidence); `facets` may be empty
  // (no facet evidence).
  PairSimilarity(const std::vector<std::string>& normalized_texts, Readings readings,
                 QuestionFacets facets = {});

  // What two texts must share to score high: the same question (what they
  // ask included: 额度怎么提升 / 额度怎么查询 differ), or the same need, the
  // form of the question left out (发票怎么开 / 可以开增值税发票吗 agree):
  // how operators want unanswered questions grouped.
  enum class View { kSameQuestion, kSameNeed };

  // Similarity in [0, 1] of two normalised texts; `model_cosine` is the
  // engine's cosine in [0, 1], or < 0 when the model knows neither text.
  double score(std::string_view a, std::string_view b, double model_cosine,
               View view = View::kSameQuestion) const;

  // The parts of score(), for diagnostics and tests.
  // Mean of cosine and coverage, each in [0, 1].
  double lexical(std::string_view a, std::string_view b) const;
  double pinyin(std::string_view a, std::string_view b) const;  // 0 without readings
  FacetAgreement facets(std::string_view a, std::string_view b) const {
    return facets_.compare(a, b);
  }
  double familiarity(std::string_view text) const;               // [0, 1]
  // `text` with each run of Latin letters that spells the toneless
  // syllables or the initials of a span of `other` replaced by that span
  // (daikuan / jk against 贷款: 贷款); unchanged without readings.
  std::string latin_read_as(std::string_view text, std::string_view other) const;

 private:
  using Grams = std::unordered_map<std::u32string, double>;  // gram -> weight
  Grams char_grams(std::string_view text) const;
  Grams syllable_grams(std::string_view text) const;
  double familiarity_of(const Grams& char_grams) const;
  // (cosine + coverage) / 2 of the two gram bags under `df`'s IDF.
  double match(const Grams& a, const Grams& b, const std::unordered_map<std::u32string, int>& df) const;
  double idf(const std::unordered_map<std::u32string, int>& df, const std::u32string& gram) const;

  std::unordered_map<std::u32string, int> char_df_;      // gram -> texts using it
  std::unordered_map<std::u32string, int> syllable_df_;  // syllable gram -> texts
  size_t num_texts_ = 0;
  Readings readings_;
  QuestionFacets facets_;
};

// A PairSimilarity over the documents' texts as `normalizer` normalises
// them, with the operator's question-type and topic cues (class -> words).
PairSimilarity pair_similarity(const std::vector<Document>& docs, const Normalizer& normalizer,
                               Readings readings = {}, const QuestionFacets::Cues& type_cues = {},
                               const QuestionFacets::Cues& topic_cues = {});

}  // namespace faqbot::retrieval
