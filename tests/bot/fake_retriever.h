#pragma once
// A scripted Retriever for tests where retrieval is not the point: each
// exact query text maps to a SearchResult; anything else gets `otherwise`
// (by default nothing found, out of scope).
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "retrieval/retriever.h"

namespace faqbot::bot::testing {

inline retrieval::SearchResult result(std::vector<std::pair<std::string, double>> cands,
                                      double out_of_scope = 0.0) {
  retrieval::SearchResult r;
  for (auto& [id, conf] : cands) {
    retrieval::Candidate c;
    c.id = id;
    c.confidence = conf;
    r.candidates.push_back(c);
  }
  r.out_of_scope = out_of_scope;
  return r;
}

class FakeRetriever : public retrieval::Retriever {
 public:
  std::map<std::string, retrieval::SearchResult> answers;
  retrieval::SearchResult otherwise = result({}, 0.95);
  mutable std::vector<std::string> queries;  // every text searched, in order

  void on(const std::string& query, retrieval::SearchResult r) { answers[query] = std::move(r); }

  retrieval::SearchResult search(std::string_view text, size_t k) const override {
    queries.emplace_back(text);
    auto it = answers.find(std::string(text));
    retrieval::SearchResult r = it == answers.end() ? otherwise : it->second;
    if (r.candidates.size() > k) r.candidates.resize(k);
    r.normalized = std::string(text);
    return r;
  }
  double similarity(std::string_view a, std::string_view b) const override {
    return a == b ? 1.0 : 0.0;
  }
  std::string normalize(std::string_view text) const override { return std::string(text); }
};

}  // namespace faqbot::bot::testing
