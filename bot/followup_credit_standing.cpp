#include "bot/followup_credit_standing.h"

#include <algorithm>

#include "bot/followup_predicates.h"
#include "bot/followup_rewrite.h"
#include "bot/word_lists.h"

namespace faqbot::bot {

namespace {
constexpr std::string_view kScores[] = {"信用分", "征信分", "芝麻分", "芝麻信用", "信用评分", "信用积分",
                                        "信用记录", "征信记录"};
// What becomes of the score.
constexpr std::string_view kConsequence[] = {"影响", "降", "掉", "拉低", "变差", "上报", "报送"};
// Raising the score or looking it up.
constexpr std::string_view kRaisingOrLookup[] = {"提高", "提升", "涨", "升高", "养", "刷",
                                                 "在哪", "哪里查", "怎么查", "去哪查"};

// The message searched with the kept topic's subject and read as that
// topic's entry of `type`, in scope and about no other company's product.
bool read_in_kept_topic(const MessageState& m, const std::string& type, Reading* reading) {
  const Conversation& c = m.conversation;
  const retrieval::SearchResult searched = m.retriever.search(
      previous_subject(m.cues, m.kb, m.retriever, c) + m.alone.normalized, std::max(m.k, kContextSearchK));
  SlotFilter filter;
  filter.topic = c.topic;
  filter.type = type;
  filter.only_type = true;
  if (!read_within(m, searched, filter, ReadingKind::kType, reading)) return false;
  reading->result.out_of_scope = 0.0;
  reading->result.other_product.clear();
  return true;
}
}  // namespace

bool names_credit_standing(std::string_view normalized) {
  return holds_any(normalized, kScores) && !holds_any(normalized, kConsequence) &&
         !holds_any(normalized, kRaisingOrLookup);
}

bool asks_credit_consequence(std::string_view normalized) {
  return holds_any(normalized, kScores) && holds_any(normalized, kConsequence);
}

bool read_as_credit_qualified(const MessageState& m, Reading* reading) {
  const Conversation& c = m.conversation;
  const MessageCues& named = m.named;
  const std::string_view text = m.alone.normalized;
  if (c.type.empty() || c.type == kRequirementsType || named.reference ||
      (!named.topics.empty() && !named.names_only(c.topic)) || !named.foreign.empty() ||
      !holds_any(text, kScores)) {
    return false;
  }
  const bool other_type = std::any_of(named.types.begin(), named.types.end(),
                                      [&](const NamedSlot& t) { return t.product || t.slot != c.type; });
  if (other_type) return false;
  const bool consequence = c.type == kOverdueType && asks_credit_consequence(text);
  // The score qualifies a question only where the customer's standing is
  // assessed: a topic with a requirements entry (not a withdrawal's fee).
  const bool same_type = !named.types.empty() && names_credit_standing(text) &&
                         topic_has_type(m.kb, c.topic, kRequirementsType);
  if (!consequence && !same_type) return false;
  return read_in_kept_topic(m, c.type, reading);
}

bool read_as_credit_standing(const MessageState& m, Reading* reading) {
  const Conversation& c = m.conversation;
  const MessageCues& named = m.named;
  if (!names_credit_standing(m.alone.normalized) || named.reference ||
      (!named.topics.empty() && !named.names_only(c.topic)) || !named.foreign.empty() ||
      !topic_has_type(m.kb, c.topic, kRequirementsType) ||
      std::any_of(named.types.begin(), named.types.end(), [](const NamedSlot& t) {
        return !t.product && t.slot != kRequirementsType;
      })) {
    return false;
  }
  return read_in_kept_topic(m, kRequirementsType, reading);
}

}  // namespace faqbot::bot
