// to_string of the engine's enums (names used in JSON, logs and the store).
#include "bot/engine.h"

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
  }
  return "none";
}

}  // namespace faqbot::bot
