#include "bot/service/agent_assist.h"

#include <algorithm>
#include <map>

#include "bot/guard.h"

namespace faqbot::service {
namespace {

using knowledge::HandoffMode;

// Small talk, and an entry whose whole answer is "handing you to a human",
// tell an agent nothing: the agent is that human.
bool helps_an_agent(const knowledge::Entry& e) {
  if (e.category == "smalltalk") return false;
  const bool hands_over = e.handoff == HandoffMode::kHand || e.handoff == HandoffMode::kHandPriority;
  return !(hands_over && e.category == "service");
}

// Weight of the k-th question read, newest first.
double recency_weight(size_t k) {
  static const double kWeights[] = {1.0, 0.8, 0.65, 0.5};
  return kWeights[std::min(k, sizeof(kWeights) / sizeof(kWeights[0]) - 1)];
}

void raise(EntryProfile& scores, const std::string& id, double score) {
  double& s = scores[id];
  s = std::max(s, score);
}

}  // namespace

AgentAssist::AgentAssist(EngineHolder& engines, std::vector<std::string> quick_replies)
    : engines_(engines), quick_replies_(std::move(quick_replies)) {}

std::shared_ptr<const QuickReplyIndex> AgentAssist::index_for(
    std::shared_ptr<const bot::Engine> engine) const {
  std::lock_guard<std::mutex> lock(mu_);
  if (!index_ || &index_->engine() != engine.get()) {
    index_ = std::make_shared<const QuickReplyIndex>(std::move(engine), quick_replies_);
  }
  return index_;
}

Assist AgentAssist::assist(const std::vector<store::Message>& transcript) const {
  Assist out;
  const std::shared_ptr<const bot::Engine> engine = engines_.current();
  if (!engine) {
    for (const std::string& q : quick_replies_) out.quick_replies.push_back({q, 0, false, {}});
    return out;
  }
  const knowledge::KnowledgeBase& kb = engine->kb();
  auto useful = [&](const std::string& id) {
    const knowledge::Entry* e = kb.find(id);
    return e != nullptr && helps_an_agent(*e);
  };

  // Since the last agent answer; further back only until a question about
  // the business is found.
  size_t window = 0;
  for (size_t i = 0; i < transcript.size(); ++i) {
    if (transcript[i].role == store::Role::kAgent) window = i + 1;
  }
  EntryProfile scores;
  std::vector<std::string> newest_first;
  bool found = false;
  size_t examined = 0;  // investor messages run through the engine
  for (size_t i = transcript.size(); i-- > 0 && newest_first.size() < kMaxQuestions;) {
    const store::Message& m = transcript[i];
    const bool in_window = i >= window;
    if (!in_window && found) break;
    if (m.role == store::Role::kBot && in_window && !m.faq_id.empty() && useful(m.faq_id)) {
      raise(scores, m.faq_id, 0.9 * m.confidence);  // what the bot answered or offered
      found = true;
      continue;
    }
    if (m.role != store::Role::kInvestor || ++examined > kMaxExamined) continue;
    // What the bot makes of the question on its own: its pick and the
    // candidates it weighed.
    const double w = recency_weight(newest_first.size());
    bot::Conversation scratch;
    const bot::Reply r = engine->respond(scratch, m.text);
    std::vector<std::pair<std::string, double>> considered;
    if (!r.faq_id.empty()) considered.emplace_back(r.faq_id, r.confidence);
    for (const bot::Suggestion& c : r.candidates) considered.emplace_back(c.faq_id, c.score);
    bool about_business = false;
    for (const auto& [id, confidence] : considered) {
      if (confidence < kMinConfidence || !useful(id)) continue;
      raise(scores, id, w * confidence);
      about_business = true;
    }
    // Thanks, greetings and "人工客服" say nothing about the business.
    if (about_business) newest_first.push_back(m.text);
    found = found || about_business;
  }
  out.questions.assign(newest_first.rbegin(), newest_first.rend());

  // With the best entry come its related entries (follow-ups), at half its weight.
  std::vector<std::pair<std::string, double>> ranked(scores.begin(), scores.end());
  auto by_score = [](const auto& a, const auto& b) { return a.second > b.second; };
  std::stable_sort(ranked.begin(), ranked.end(), by_score);
  if (!ranked.empty()) {
    const auto [best, weight] = ranked.front();
    for (const std::string& id : kb.find(best)->follow_ups) {
      if (useful(id) && !scores.count(id)) ranked.emplace_back(id, 0.5 * weight);
    }
    std::stable_sort(ranked.begin(), ranked.end(), by_score);
  }
  for (const auto& [id, score] : ranked) {
    if (out.entries.size() >= kMaxEntries) break;
    const knowledge::Entry* e = kb.find(id);
    AssistEntry a;
    a.faq_id = id;
    a.question = e->questions.empty() ? e->title : e->questions.front();
    a.answer = engine->word(e->answer, {});
    a.score = std::min(1.0, score);
    out.entries.push_back(std::move(a));
  }

  const std::shared_ptr<const QuickReplyIndex> index = index_for(engine);
  std::vector<double> recency;
  for (size_t k = 0; k < newest_first.size(); ++k) recency.push_back(recency_weight(k));
  for (size_t i = 0; i < index->size(); ++i) {
    AssistQuickReply q;
    q.text = index->text(i);
    q.score = newest_first.empty() ? 0 : index->score(i, scores, newest_first, recency);
    q.suggested = q.score >= kSuggestAt;
    q.refused = bot::promises_in(q.text, kb.hedge);
    out.quick_replies.push_back(std::move(q));
  }
  std::stable_sort(out.quick_replies.begin(), out.quick_replies.end(),
                   [](const AssistQuickReply& a, const AssistQuickReply& b) { return a.score > b.score; });
  return out;
}

}  // namespace faqbot::service
