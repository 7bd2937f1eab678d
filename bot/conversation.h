#pragma once
// The plain types the bot shares with the service, the store and the
// adapters: what the engine decided (Action, Reply), why a conversation goes
// to a human (HandoffReason, Priority) and the per-session dialogue state
// (Conversation). Header-only data plus their stable names (names.cpp).
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace faqbot::bot {

enum class Action { kAnswer, kClarify, kFallback, kHandoff };
constexpr size_t kActionCount = 4;     // indexes of per-action counters
const char* to_string(Action action);  // "answer" | "clarify" | "fallback" | "handoff"

enum class Priority { kNormal, kHigh };
const char* to_string(Priority priority);  // "normal" | "high"

enum class HandoffReason {
  kNone,
  kEntry,             // the matched entry is marked hand / hand_priority
  kExplicitRequest,   // "转人工", "找真人客服"
  kRepeatedFallback,  // two fallbacks in a row
  kRepeatedQuestion,  // the same entry asked three times in one session
  kAnger,             // angry wording
  kAbuse,             // insults
  kComplaint,         // "我要投诉", a complaint or a threat to report
  kMoneyAtRisk,       // a message about a hand_priority topic (funds, fraud) while waiting
};
// Every reason, in enum order: the one list counters and reports iterate.
constexpr size_t kHandoffReasonCount = 9;
const char* to_string(HandoffReason reason);  // "none" | "entry" | "explicit_request" | …
// What agents and operators read for a reason (Chinese, UTF-8), by its
// to_string code; an unknown code is returned as given.
std::string reason_label(const std::string& code);
// The priority a ticket opened or escalated for `reason` gets at least.
Priority priority_of(HandoffReason reason);

struct Suggestion {
  std::string faq_id;
  std::string question;  // the entry's canonical question (questions[0])
  double score = 0;      // calibrated confidence in [0, 1]
};

struct Reply {
  Action action = Action::kFallback;
  std::string faq_id;        // "" when no entry is chosen (JSON null)
  double confidence = 0;     // calibrated, [0, 1]
  std::string text;          // final outgoing text: rendered, guarded
  std::vector<Suggestion> candidates;  // best first (clarify buttons, agent hints)
  // An answer's related entries, the answered entry's "follow_ups" in the
  // operator's order (active ones only): what "您可能想问" offers. Empty
  // for every other action.
  std::vector<Suggestion> related;
  // What "您可能想问" offers with a fallback: the candidates the policy
  // finds plausible as suggestions (score >= its suggestion threshold),
  // small talk never; none when a rule or another company's product refused
  // the question (its reply says why: guesses at our entries are noise).
  // Empty for every other action.
  std::vector<Suggestion> fallback_offers;
  bool offer_human = false;  // show a "转人工" offer with this reply
  // The investor asked again what was just answered (the same entry, nothing
  // new asked): the text says so instead of repeating the answer.
  bool repeated = false;
  HandoffReason handoff_reason = HandoffReason::kNone;
  Priority priority = Priority::kNormal;
  // A fallback's reason when the bot knows why it refused: "other_product"
  // (another company's product), else the reply key of the out_of_scope.json
  // rule that refused it ("scope_refusal", "lookup_refusal" …); "" for a
  // question no entry was found for and for every other action.
  std::string refusal;
  bool pii_detected = false;     // the investor typed a card/ID/phone/password/code
  std::string masked_question;   // the investor's text with personal data masked:
                                 // the only form of it that may be stored or logged
};

// Per-session dialogue state. Plain data so a store can persist it.
struct Conversation {
  std::string last_question;     // masked, normalised text of the last question
                                 // answered with an entry (small talk aside);
                                 // a follow-up read in context as its rewrite
  std::string last_faq_id;       // entry answered last ("" if none)
  // Slots of the last turn answered with an entry (small talk aside), read
  // by bot/followup.h: its topic ("withdraw") and the question type asked
  // ("fee"); "" before any answer.
  std::string topic;
  std::string type;
  int consecutive_fallbacks = 0;
  std::map<std::string, int> asks_per_entry;  // entry id -> times answered
  std::string customer_name;     // "王先生" when known, else ""
  // The investor was greeted: by the bot's first reply, or by the client
  // itself (the web widget greets on opening). Later replies greet no more.
  bool greeted = false;
  // Set by the service: the handoff ticket closed last, reported as the
  // session's handoff until the investor's next message to the bot; 0 = none.
  int64_t closed_ticket_id = 0;
};

// Values only the caller knows (the handoff queue, the service hours, the
// agent), filled into {customer}, {queue_position}, {reply_time}, {agent}
// and {phone_tail}. A sentence holding a placeholder without a value is
// dropped from the text.
struct RuntimeVars {
  std::string customer;        // "王先生"; "" = address as 您
  std::string queue_position;  // "3": the investor's 1-based place in the queue
  std::string reply_time;      // "11月24日 09:00"
  std::string agent;           // the agent's name as the investor sees it
  std::string phone_tail;      // last 4 digits of a callback number
};

}  // namespace faqbot::bot
