#pragma once
// Agent-assist: what the console suggests to the agent of a ticket, read from
// the whole ticket rather than its last message.
//
// It reads the investor's questions since the last agent answer (newest
// weighs most; small talk and requests for a human carry nothing) and the
// entries the bot itself answered or offered in that stretch; when that
// stretch holds no question about the business ("人工客服", "谢谢"), it
// reads further back to the last ones that do. From them it suggests
//   - knowledge-base entries (the engine's candidates for those questions
//     and the bot's own picks, never small talk or a mere "handing you to a
//     human" entry: the agent is that human), and
//   - the team's quick replies, each scored by the same engine through a
//     QuickReplyIndex; a quick reply the compliance guard refuses is marked
//     with the phrases it promises (the console must not offer it).
//
// Thread-safety: every method may be called from any thread.
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "bot/service/engine_holder.h"
#include "bot/service/quick_reply_index.h"
#include "bot/store/store.h"

namespace faqbot::service {

struct AssistEntry {
  std::string faq_id;
  std::string question;  // the entry's canonical question
  std::string answer;    // rendered (variables filled), guarded
  double score = 0;      // [0, 1]
};

struct AssistQuickReply {
  std::string text;
  double score = 0;                   // [0, 1]
  bool suggested = false;             // score >= kSuggestAt: shown first
  std::vector<std::string> refused;   // promises the guard refuses; empty = sendable
};

struct Assist {
  std::vector<std::string> questions;         // the investor questions read, oldest first
  std::vector<AssistEntry> entries;           // best first, at most kMaxEntries
  std::vector<AssistQuickReply> quick_replies;  // every quick reply, best first
};

class AgentAssist {
 public:
  static constexpr size_t kMaxEntries = 4;
  static constexpr size_t kMaxQuestions = 4;    // read at most this many questions
  static constexpr size_t kMaxExamined = 12;    // of the newest this many investor messages
  static constexpr double kMinConfidence = 0.1; // a candidate below this says nothing
  static constexpr double kSuggestAt = 0.25;    // quick replies at least this good are suggested

  // Borrows `engines` (outlives this).
  AgentAssist(EngineHolder& engines, std::vector<std::string> quick_replies);

  // Suggestions for a ticket's transcript (oldest first, as stored). Without
  // a loaded engine: no entries, quick replies unscored and unchecked.
  Assist assist(const std::vector<store::Message>& transcript) const;

 private:
  std::shared_ptr<const QuickReplyIndex> index_for(std::shared_ptr<const bot::Engine> engine) const;

  EngineHolder& engines_;
  std::vector<std::string> quick_replies_;
  mutable std::mutex mu_;
  mutable std::shared_ptr<const QuickReplyIndex> index_;  // guarded by mu_; for the engine it holds
};

}  // namespace faqbot::service
