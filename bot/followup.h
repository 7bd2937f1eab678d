#pragma once
// Reading a short elliptical follow-up ("那周末呢?", "手续费呢?", "那要多久")
// in the context of the previous question of the same Conversation.
//
// A message is a follow-up candidate when a previous question exists and the
// message is short (<= max_chars characters without punctuation). It is then
// searched alone and as "<previous question> <text>", and read, first
// reading that applies:
//   1. topic reading (only when the text alone is not confident, or carries a
//      follow-up marker 那…/还有…/…呢): the text alone, restricted to the
//      category of the entry answered last (the topic), when the best such
//      candidate is plausible (>= thresholds.suggestion) and holds at least
//      kTopicShare of the best overall confidence; confidences renormalised
//      within the topic.
//   2. joined reading: both results' confidences multiplied per entry and
//      renormalised (what the new words ask about, within the context). Its
//      winner needs a plausible confidence (>= thresholds.suggestion) in the
//      text alone and the joined text must be in scope. Taken when it is more
//      confident than the text alone; when the text alone is already
//      confident, only when it picks another entry ("有限额吗" after a
//      recharge question: the recharge limit, not the withdrawal limit).
//   3. the text alone.
// A marker asks about another aspect, so the entry answered last is dropped
// from the context readings. Thread-safe as the Retriever is.
#include <string>
#include <string_view>

#include "bot/engine.h"
#include "bot/policy.h"
#include "knowledge/knowledge_base.h"
#include "retrieval/retriever.h"

namespace faqbot::bot {

inline constexpr double kTopicShare = 0.5;
inline constexpr size_t kTopicSearchK = 10;  // candidates looked at for the topic reading

enum class ReadingKind { kAlone, kTopic, kJoined };
const char* to_string(ReadingKind kind);  // "alone" | "topic" | "joined"

struct Reading {
  retrieval::SearchResult result;
  ReadingKind kind = ReadingKind::kAlone;
  bool in_context() const { return kind != ReadingKind::kAlone; }
};

// Number of code points that are neither space nor punctuation.
size_t content_length(std::string_view text);

// True for "那…", "那么…", "还有…", "另外…", "如果…", "…呢" forms.
bool has_followup_marker(std::string_view text);

// True when `text` should not replace the conversation's topic question:
// it carries a follow-up marker.
bool is_elliptical(std::string_view text);

// Pure choice between the readings (see above). `alone` may hold more than
// k candidates (kTopicSearchK); the chosen result holds at most k.
Reading choose_reading(retrieval::SearchResult alone, retrieval::SearchResult joined,
                       std::string_view text, const knowledge::KnowledgeBase& kb,
                       const Conversation& conversation, const Thresholds& thresholds, size_t k);

Reading read_message(const retrieval::Retriever& retriever, const knowledge::KnowledgeBase& kb,
                     std::string_view text, const Conversation& conversation,
                     const Thresholds& thresholds, size_t k, size_t max_chars);

}  // namespace faqbot::bot
