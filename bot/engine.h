#pragma once
// The answering engine as the rest of the system sees it: a loaded knowledge
// base plus its retrieval index, turning one investor message (in the context
// of a Conversation) into one Reply. An Engine is immutable once loaded; a
// reload builds a new Engine and swaps a std::shared_ptr<const Engine>.
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "knowledge/knowledge_base.h"
#include "knowledge/loader.h"
#include "knowledge/status.h"
#include "retrieval/retriever.h"

namespace faqbot::bot {

enum class Action { kAnswer, kClarify, kFallback, kHandoff };
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
};
const char* to_string(HandoffReason reason);  // "none" | "entry" | "explicit_request" | …

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
  bool offer_human = false;  // show a "转人工" offer with this reply
  HandoffReason handoff_reason = HandoffReason::kNone;
  Priority priority = Priority::kNormal;
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
};

// Values only the caller knows (the handoff queue, the service hours), filled
// into {queue_position}, {reply_time} and {customer}. A sentence holding a
// placeholder without a value is dropped from the text.
struct RuntimeVars {
  std::string customer;        // "王先生"; "" = address as 您
  std::string queue_position;  // "3"
  std::string reply_time;      // "明天 09:00 前"
};

struct EngineSettings;  // bot/settings.h

class Engine {
 public:
  struct LoadOutcome {
    std::shared_ptr<const Engine> engine;  // null on failure
    std::vector<knowledge::Diagnostic> diagnostics;  // lint errors and warnings
    Status status;                          // why it failed, when it did
  };

  // Loads and validates config_dir, then builds (or loads from cache_dir,
  // keyed by content) the retrieval index. cache_dir "" = no cache.
  static LoadOutcome load(const std::string& config_dir, const std::string& cache_dir);

  // An engine over an already loaded knowledge base and retriever (both
  // non-null, shared read-only): used by load(), by a reload that reuses a
  // retriever, and by tests with a fake Retriever.
  static std::shared_ptr<const Engine> create(
      std::shared_ptr<const knowledge::KnowledgeBase> kb,
      std::shared_ptr<const retrieval::Retriever> retriever, const EngineSettings& settings);

  virtual ~Engine() = default;
  virtual const knowledge::KnowledgeBase& kb() const = 0;
  virtual const retrieval::Retriever& retriever() const = 0;

  // Thread-safe for distinct Conversations; never throws. Empty, over-long
  // (> 2,000 characters: truncated for matching) or invalid-UTF-8 text gets a
  // courteous reply, not an error.
  virtual Reply respond(Conversation& conversation, std::string_view text) const = 0;

  // The hedge and courtesy guard applied to every outgoing bot text.
  virtual std::string guard(std::string_view text) const = 0;

  // Any bot text for this knowledge base, worded as respond() words its
  // replies: {variables} filled from variables.json and `vars`, the name of
  // the investor put in front of a leading 您好, then guarded. For texts the
  // caller composes, e.g. the canned reply "handoff_queued" with
  // {queue_position}: engine.word(engine.kb().reply("handoff_queued"), vars).
  virtual std::string word(std::string_view text, const RuntimeVars& vars) const;

  // The settings in use (settings.json, else defaults; bot/settings.h).
  virtual const EngineSettings& settings() const;
};

}  // namespace faqbot::bot
