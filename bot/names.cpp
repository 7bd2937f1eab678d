// to_string of the shared enums (names used in JSON, logs, metrics and the store).
#include "bot/conversation.h"

namespace faqbot::bot {

const char* to_string(Action action) {
  switch (action) {
    case Action::kAnswer: return "answer";
    case Action::kClarify: return "clarify";
    case Action::kFallback: return "fallback";
    case Action::kHandoff: return "handoff";
  }
  return "fallback";
}

const char* to_string(Priority priority) {
  return priority == Priority::kHigh ? "high" : "normal";
}

const char* to_string(HandoffReason reason) {
  switch (reason) {
    case HandoffReason::kNone: return "none";
    case HandoffReason::kEntry: return "entry";
    case HandoffReason::kExplicitRequest: return "explicit_request";
    case HandoffReason::kRepeatedFallback: return "repeated_fallback";
    case HandoffReason::kRepeatedQuestion: return "repeated_question";
    case HandoffReason::kAnger: return "anger";
    case HandoffReason::kAbuse: return "abuse";
    case HandoffReason::kComplaint: return "complaint";
    case HandoffReason::kMoneyAtRisk: return "money_at_risk";
  }
  return "none";
}

static const char* label_of(HandoffReason reason) {
  switch (reason) {
    case HandoffReason::kNone: return "";
    case HandoffReason::kEntry: return "问题需人工处理";
    case HandoffReason::kExplicitRequest: return "客户要求人工";
    case HandoffReason::kRepeatedFallback: return "连续未能解答";
    case HandoffReason::kRepeatedQuestion: return "反复询问同一问题";
    case HandoffReason::kAnger: return "客户情绪激动";
    case HandoffReason::kAbuse: return "客户言辞激烈";
    case HandoffReason::kComplaint: return "客户投诉";
    case HandoffReason::kMoneyAtRisk: return "涉及资金安全";
  }
  return "";
}

std::string reason_label(const std::string& code) {
  for (size_t i = 0; i < kHandoffReasonCount; ++i) {
    const auto reason = static_cast<HandoffReason>(i);
    if (code == to_string(reason)) return label_of(reason);
  }
  return code;
}

Priority priority_of(HandoffReason reason) {
  switch (reason) {
    case HandoffReason::kAnger:
    case HandoffReason::kAbuse:
    case HandoffReason::kComplaint:
    case HandoffReason::kMoneyAtRisk: return Priority::kHigh;
    default: return Priority::kNormal;
  }
}

static_assert(static_cast<size_t>(HandoffReason::kMoneyAtRisk) + 1 == kHandoffReasonCount,
              "kHandoffReasonCount counts every HandoffReason");
static_assert(static_cast<size_t>(Action::kHandoff) + 1 == kActionCount,
              "kActionCount counts every Action");

}  // namespace faqbot::bot
