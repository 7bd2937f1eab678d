#include "bot/followup_readings.h"

#include <algorithm>

#include "bot/followup_predicates.h"

namespace faqbot::bot {

bool read_same_question_of(const MessageState& m, Reading* reading) {
  const Conversation& c = m.conversation;
  const MessageCues& named = m.named;
  if (named.topics.empty() || named.topics[0].slot == c.topic || !named.types.empty() ||
      named.names_product || named.reference || topic_has_type(m.kb, named.topics[0].slot, c.type) ||
      !has_followup_marker(m.alone.normalized) || !m.cues.read(c.last_question).topics.empty()) {
    return false;
  }
  const std::string query =
      m.cues.replace_subject(c.last_question, m.cues.without_fillers(m.alone.normalized));
  retrieval::SearchResult searched = m.retriever.search(query, std::max(m.k, kContextSearchK));
  if (!answers_clearly(searched, m.thresholds) || searched.candidates[0].id != c.last_faq_id) return false;
  SlotFilter filter;
  filter.topic = c.topic;
  return read_within(m, searched, filter, ReadingKind::kTopic, reading);
}

}  // namespace faqbot::bot
