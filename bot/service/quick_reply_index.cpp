#include "bot/service/quick_reply_index.h"

#include <algorithm>

namespace faqbot::service {

QuickReplyIndex::QuickReplyIndex(std::shared_ptr<const bot::Engine> engine,
                                 std::vector<std::string> replies)
    : engine_(std::move(engine)) {
  replies_.reserve(replies.size());
  for (std::string& text : replies) {
    Reply r;
    r.profile = profile(text);
    r.topics = topics_of(r.profile);
    r.text = std::move(text);
    replies_.push_back(std::move(r));
  }
}

EntryProfile QuickReplyIndex::profile(const std::string& text) const {
  EntryProfile p;
  const retrieval::SearchResult found = engine_->retriever().search(text, kProfileDepth);
  for (const retrieval::Candidate& c : found.candidates) p[c.id] = c.confidence;
  return p;
}

EntryProfile QuickReplyIndex::topics_of(const EntryProfile& entries) const {
  EntryProfile topics;
  for (const auto& [id, weight] : entries) {
    const knowledge::Entry* e = engine_->kb().find(id);
    if (e == nullptr || e->topic.empty()) continue;
    double& t = topics[e->topic];
    t = std::min(1.0, t + weight);
  }
  return topics;
}

namespace {
// Sum over shared keys of the smaller weight, capped at 1.
double overlap(const EntryProfile& a, const EntryProfile& b) {
  double sum = 0;
  for (const auto& [key, weight] : a) {
    auto it = b.find(key);
    if (it != b.end()) sum += std::min(weight, it->second);
  }
  return std::min(1.0, sum);
}
}  // namespace

double QuickReplyIndex::score(size_t i, const EntryProfile& questions_profile,
                              const std::vector<std::string>& questions,
                              const std::vector<double>& recency) const {
  const Reply& reply = replies_.at(i);
  const double entries = overlap(reply.profile, questions_profile);
  const double topics = kTopicDiscount * overlap(reply.topics, topics_of(questions_profile));
  double similar = 0;
  for (size_t q = 0; q < questions.size(); ++q) {
    const double w = q < recency.size() ? recency[q] : 1.0;
    similar = std::max(similar, w * engine_->retriever().similarity(questions[q], reply.text));
  }
  return std::min(1.0, std::max({entries, topics, similar}));
}

}  // namespace faqbot::service
