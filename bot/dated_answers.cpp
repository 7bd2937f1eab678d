#include "bot/dated_answers.h"

#include <algorithm>

#include "knowledge/timing.h"

namespace faqbot::bot {

void drop_inactive(retrieval::SearchResult& result, const knowledge::KnowledgeBase& kb,
                   const knowledge::CivilDate& today) {
  auto inactive = [&](const retrieval::Candidate& c) {
    const knowledge::Entry* e = kb.find(c.id);
    return e != nullptr && !e->active_on(today);
  };
  result.candidates.erase(std::remove_if(result.candidates.begin(), result.candidates.end(), inactive),
                          result.candidates.end());
}

std::string timed_note(const knowledge::KnowledgeBase& kb, const std::string& faq_id,
                       const knowledge::LocalTime& now) {
  if (faq_id.empty() || !kb.calendar.is_timed(faq_id)) return {};
  return knowledge::expected_arrival_sentence(kb.calendar, now);
}

}  // namespace faqbot::bot
