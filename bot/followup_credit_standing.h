#pragma once
// A credit score named in a follow-up of a topic with a requirements entry
// (信用分, 征信分, 芝麻分 …: "信用分得多少", "芝麻分低能借不" after 借款怎么申请)
// tells the customer's own standing against the requirements: it asks the
// requirements, however little the text alone makes of the score's word,
// and another company's score (芝麻信用) is no question about that company.
// Asking what becomes of the score (影响, 降, 上报: the overdue answer) or how
// to raise or look it up (提高, 涨上去, 在哪查) asks no requirement. Pure given the
// Retriever.
#include <string_view>

#include "bot/followup_readings.h"

namespace faqbot::bot {

// The type of the requirements entry (followup.json types: requirements).
inline constexpr const char* kRequirementsType = "requirements";

// `normalized` names a credit score and asks nothing of what becomes of it,
// of raising it or of where to look it up.
bool names_credit_standing(std::string_view normalized);

// A short follow-up naming a credit score (names_credit_standing), no topic
// but the kept one, no pointer and no type but requirements, after an answer
// of a topic with a requirements entry: the kept topic's words and the
// message searched, read as that entry (kType), in scope, no other product.
// Else `reading` is unchanged.
bool read_as_credit_standing(const MessageState& m, Reading* reading);

// The type of the overdue entry (followup.json types: overdue), whose answer
// tells what an overdue loan does to the credit record.
inline constexpr const char* kOverdueType = "overdue";

// `normalized` names a credit score and asks what becomes of it (降, 影响,
// 上报 …).
bool asks_credit_consequence(std::string_view normalized);

// A follow-up (of any length) naming a credit score that keeps the last answer's
// question: asking what becomes of the score after the overdue entry's answer
// ("信用分会降吗" after 逾期了会怎样), or naming the last answer's type
// beside the score ("信用分高的利息能低点吗" after 借款利率多少: the score
// qualifies the same question) of a topic with a requirements entry, where
// the customer's standing is assessed. No topic but the kept one, no pointer, no
// other type, no other company; the requirements type is
// read_as_credit_standing's. Read as the last answer's type of the kept topic
// (kType), in scope, no other product. Else `reading` is unchanged.
bool read_as_credit_qualified(const MessageState& m, Reading* reading);

}  // namespace faqbot::bot
