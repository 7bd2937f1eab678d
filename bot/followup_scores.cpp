#include "bot/followup_scores.h"

#include <algorithm>
#include <cmath>

#include "bot/followup_predicates.h"

namespace faqbot::bot {

double top_confidence(const retrieval::SearchResult& r) {
  return r.candidates.empty() ? 0.0 : r.candidates[0].confidence;
}

void keep_at_most(retrieval::SearchResult& r, size_t k) {
  if (r.candidates.size() > k) r.candidates.resize(k);
}

double confidence_of(const retrieval::SearchResult& r, const std::string& id, double floor) {
  for (const retrieval::Candidate& c : r.candidates) {
    if (c.id == id) return c.confidence;
  }
  return floor;
}

double floor_of(const retrieval::SearchResult& r) {
  double lowest = 1.0;
  for (const retrieval::Candidate& c : r.candidates) lowest = std::min(lowest, c.confidence);
  return r.candidates.empty() ? 0.01 : std::max(1e-4, 0.5 * lowest);
}

retrieval::SearchResult product(const retrieval::SearchResult& alone,
                                const retrieval::SearchResult& context) {
  retrieval::SearchResult out;
  out.normalized = context.normalized;
  out.out_of_scope = context.out_of_scope;
  out.candidates = context.candidates;
  for (const retrieval::Candidate& c : alone.candidates) {
    if (confidence_of(context, c.id, -1) < 0) out.candidates.push_back(c);
  }
  const double floor_a = floor_of(alone), floor_c = floor_of(context);
  double sum = 0;
  for (retrieval::Candidate& c : out.candidates) {
    c.confidence =
        std::sqrt(confidence_of(alone, c.id, floor_a)) * confidence_of(context, c.id, floor_c);
    sum += c.confidence;
  }
  for (retrieval::Candidate& c : out.candidates) c.confidence = sum > 0 ? c.confidence / sum : 0;
  std::stable_sort(out.candidates.begin(), out.candidates.end(), [](const auto& x, const auto& y) {
    return x.confidence > y.confidence;
  });
  return out;
}

double topic_best(const retrieval::SearchResult& r, const knowledge::KnowledgeBase& kb,
                  const std::string& topic) {
  double best = 0;
  for (const retrieval::Candidate& c : r.candidates) {
    const knowledge::Entry* e = kb.find(c.id);
    if (e && e->topic == topic) best = std::max(best, c.confidence);
  }
  return best;
}

bool ranked_by(const retrieval::SearchResult& alone, const Reading& reading, size_t n) {
  if (reading.result.candidates.empty()) return false;
  n = std::min(n, alone.candidates.size());
  return std::any_of(alone.candidates.begin(), alone.candidates.begin() + n,
                     [&](const retrieval::Candidate& c) { return c.id == reading.result.candidates[0].id; });
}

std::string best_of_topic(const retrieval::SearchResult& r, const knowledge::KnowledgeBase& kb,
                          const std::string& topic) {
  for (const retrieval::Candidate& c : r.candidates) {
    const knowledge::Entry* e = kb.find(c.id);
    if (e && e->topic == topic) return c.id;
  }
  return "";
}

bool within_slots(const retrieval::SearchResult& result, const knowledge::KnowledgeBase& kb,
                  const SlotFilter& filter, retrieval::SearchResult* out,
                  const retrieval::SearchResult* share_of) {
  const bool typed_topic = !filter.type.empty() && topic_has_type(kb, filter.topic, filter.type);
  const double floor = floor_of(result);
  retrieval::SearchResult in;
  in.normalized = result.normalized;
  in.out_of_scope = result.out_of_scope;
  double sum = 0;
  for (const knowledge::Entry& e : kb.entries) {
    if (e.topic != filter.topic || (!filter.not_type.empty() && e.type == filter.not_type) ||
        e.id == filter.not_entry) {
      continue;
    }
    const bool of_type = typed_topic && e.type == filter.type;
    if (filter.only_type && typed_topic && !of_type) continue;
    // Entries the search did not list take part only when of the type.
    const double listed = confidence_of(result, e.id, -1);
    if (listed < 0 && !of_type) continue;
    retrieval::Candidate c;
    c.id = e.id;
    c.confidence = (listed < 0 ? floor : listed) * (of_type ? kTypePrior : 1.0);
    sum += c.confidence;
    in.candidates.push_back(std::move(c));
  }
  if (in.candidates.empty() || sum <= 0) return false;
  // Without the type to hold it, the topic must hold its share of the best.
  const retrieval::SearchResult& reference = share_of != nullptr ? *share_of : result;
  if (!typed_topic && topic_best(reference, kb, filter.topic) < kTopicShare * top_confidence(reference)) {
    return false;
  }
  for (retrieval::Candidate& c : in.candidates) c.confidence /= sum;
  std::stable_sort(in.candidates.begin(), in.candidates.end(), [](const auto& x, const auto& y) {
    return x.confidence != y.confidence ? x.confidence > y.confidence : x.id < y.id;
  });
  *out = std::move(in);
  return true;
}

}  // namespace faqbot::bot
