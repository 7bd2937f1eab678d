#pragma once
// The engine behind the Retriever interface (internal to retrieval/; made by
// Retriever::build in retriever_build.cpp). Where each part of a search
// lives:
//   engine_retriever.cpp   search(): the order in which the readings of a
//                          message are tried and which reading wins
//                          (better(), clear()); similarity, normalisation
//   scope_readings.cpp     whose question a reading is: the readings without
//                          another company's product or a kind of product we
//                          do not offer; whether a clause names our topics,
//                          addresses us or only points at a kind
//   clause_readings.cpp    the clauses and question sentences of a message
//                          read alone
//   candidate_scores.cpp   one normalised text -> calibrated candidates and
//                          P(out of scope) (score())
//   message_cues.h         speech fillers, question and request words
#include <functional>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "retrieval/engine_state.h"
#include "retrieval/lookups.h"
#include "retrieval/normalizer.h"
#include "retrieval/pair_similarity.h"
#include "retrieval/retriever.h"
#include "retrieval/scorer.h"
#include "retrieval/service_mentions.h"

namespace faqbot::retrieval {

// A whole question at least this answerable (P(top right) x P(in scope)) is
// not split into clauses: more likely answered right than not.
constexpr double kClearAnswerable = 0.5;

class EngineRetriever final : public Retriever {
 public:
  EngineRetriever(std::unique_ptr<Normalizer> normalizer, EngineState state, PairSimilarity pairs,
                  const Corpus& corpus);

  SearchResult search(std::string_view text, size_t k) const override;
  double similarity(std::string_view a, std::string_view b) const override;
  double need_similarity(std::string_view a, std::string_view b) const override;
  std::string normalize(std::string_view text) const override;
  std::vector<std::string> warnings() const override;
  std::function<std::string_view(char32_t)> readings() const override;

 private:
  // similarity() and need_similarity() in the given view.
  double pair_score(std::string_view a, std::string_view b, PairSimilarity::View view) const;

  // Choosing between readings (engine_retriever.cpp).
  static void keep_in_top3(const Candidate& whole_top, std::vector<Candidate>& cands);
  static double answerable(const SearchResult& r);
  static double sibling_lead(const SearchResult& r);
  static bool clear(const SearchResult& r);
  bool courtesy(const SearchResult& r) const;
  bool better(const SearchResult& c, const SearchResult& r) const;
  void consider(const std::string& normalized, size_t k, SearchResult& r) const;

  // Whose question a reading is (scope_readings.cpp).
  void read_without_other_names(int product, int kind, size_t k, SearchResult& r) const;
  bool takes_out_without_object(std::string_view sentence) const;
  bool names_topic(const std::string& normalized) const;
  bool addresses_us(const std::string& normalized) const;
  bool asks_us_of_ours(const std::string& normalized) const;
  bool disclaims_us(std::string_view clause) const;
  bool afterthought(const std::string& normalized) const;
  std::string reading_beside_background(std::string_view text, size_t k) const;

  // Parts of a message read alone (clause_readings.cpp).
  bool preamble(std::string_view clause, const std::string& normalized) const;
  bool disclaimed(std::string_view text) const;
  void read_clauses(std::string_view text, size_t k, bool names_kind, double as_written, SearchResult& r) const;
  void read_question_sentences(std::string_view text, size_t k, bool names_kind, double whole_out_of_scope,
                               SearchResult& r, bool clear_only = false) const;
  // Two questions, the second after a turn word: the first (first_question.cpp).
  void read_first_question(std::string_view text, size_t k, SearchResult& r) const;

  // One normalised text scored (candidate_scores.cpp).
  void score(const std::string& normalized, size_t k, SearchResult& r) const;
  // chars_read: Analysis::chars_read of the candidate's analysis.
  double words_logit(const ScoredCandidate& c, bool chars_read) const;

  std::unique_ptr<Normalizer> normalizer_;
  EngineState state_;
  EngineView view_;
  PairSimilarity pairs_;  // similarity(): lexical and pinyin evidence beside the model
  std::set<std::string> small_talk_;      // Corpus::small_talk
  std::vector<std::string> topic_words_;  // Corpus::topic_words, normalised
  std::vector<std::string> about_us_;     // Corpus::product_about_us, normalised
  ServiceMentions services_;              // Corpus::other_services, normalised
  Lookups lookups_;                       // Corpus::lookups, normalised
  knowledge::IssuedProducts issued_;      // Corpus::issued_products, normalised
  std::vector<std::string> as_means_;     // Corpus::product_as_means, normalised
  std::vector<std::string> entry_topics_;  // per entry (as entry_ids), its topic
};

}  // namespace faqbot::retrieval
