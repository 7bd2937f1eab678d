#include "bot/followup_elsewhere.h"

#include <algorithm>

#include "bot/followup_predicates.h"
#include "bot/followup_scores.h"

namespace faqbot::bot {

bool names_another_topics_type(const CueReader& cues, const knowledge::KnowledgeBase& kb,
                               const MessageCues& named, const retrieval::SearchResult& alone,
                               const Conversation& c, const Thresholds& t) {
  if (!named.topics.empty() || named.reference || alone.candidates.empty() || !confident(alone, t) ||
      top_confidence(alone) < kSureAlone || has_followup_marker(alone.normalized)) {
    return false;
  }
  const knowledge::Entry* best = kb.find(alone.candidates[0].id);
  if (best == nullptr || best->topic.empty() || best->topic == c.topic) return false;
  // A type no other topic has an entry of: its cue names that topic.
  auto only_there = [&](const std::string& type) {
    return std::none_of(kb.entries.begin(), kb.entries.end(), [&](const knowledge::Entry& e) {
      return e.type == type && e.topic != best->topic;
    });
  };
  const MessageCues there = cues.read(alone.normalized, best->topic, c.type);
  return std::any_of(there.types.begin(), there.types.end(), [&](const NamedSlot& s) {
    return s.followup_only && s.slot == best->type && only_there(s.slot) &&
           std::none_of(named.types.begin(), named.types.end(),
                        [&](const NamedSlot& n) { return n.word == s.word; });
  });
}

}  // namespace faqbot::bot
