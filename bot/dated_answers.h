#pragma once
// Dates in answers: entries outside their effective/expiry dates are never
// answered, and timed entries (calendar.json) get the expected arrival day
// computed from the current time (knowledge/timing.h). Pure; thread-safe.
#include <string>

#include "knowledge/calendar.h"
#include "knowledge/knowledge_base.h"
#include "retrieval/retriever.h"

namespace faqbot::bot {

// Removes the candidates whose entry is not active on `today` (platform local
// date), keeping the order of the rest.
void drop_inactive(retrieval::SearchResult& result, const knowledge::KnowledgeBase& kb,
                   const knowledge::CivilDate& today);

// The computed sentence to add after entry `faq_id`'s answer at `now`; "" when
// the entry is not timed or the calendar cannot tell.
std::string timed_note(const knowledge::KnowledgeBase& kb, const std::string& faq_id,
                       const knowledge::LocalTime& now);

}  // namespace faqbot::bot
