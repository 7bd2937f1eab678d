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
