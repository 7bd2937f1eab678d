#pragma once
// The answering engine as the rest of the system sees it: a loaded knowledge
// base plus its retrieval index, turning one investor message (in the context
// of a Conversation) into one Reply. An Engine is immutable once loaded; a
// reload builds a new Engine and swaps a std::shared_ptr<const Engine>.
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bot/conversation.h"
#include "knowledge/knowledge_base.h"
#include "knowledge/loader.h"
#include "knowledge/status.h"
#include "retrieval/retriever.h"

namespace faqbot::bot {

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

  // The reply to an investor who chose entry `entry_id` (a button or a
  // numbered choice that carries the id): decided, worded and guarded as
  // respond() does for a certain match of that entry (a hand entry or a
  // third ask still hands over), the conversation updated the same way;
  // nothing is searched. Reply::masked_question is the entry's question.
  // nullopt when the entry is not in this knowledge base (removed by a
  // reload) or not in force today: the caller asks the text instead.
  // Thread-safe as respond(); never throws.
  virtual std::optional<Reply> answer_entry(Conversation& conversation,
                                            std::string_view entry_id) const = 0;

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
