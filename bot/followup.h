#pragma once
// Reading a short elliptical follow-up ("那周末呢?", "手续费呢?", "那要多久")
// in the context of the previous question of the same Conversation.
//
// The text is searched alone; when it is short (<= max_chars characters
// without punctuation) and a previous question exists, it is also searched
// as "<previous question> <text>". The context reading is taken when the
// text alone is not confident and the context reading is more confident.
// A follow-up marker (那…, 还有…, …呢) asks about another aspect, so the
// previous entry is dropped from the context reading's candidates.
// Thread-safe as the Retriever is.
#include <string>
#include <string_view>

#include "bot/engine.h"
#include "bot/policy.h"
#include "retrieval/retriever.h"

namespace faqbot::bot {

struct Reading {
  retrieval::SearchResult result;
  bool in_context = false;
  std::string query;  // the text searched: the message, or previous + message
};

// Number of code points that are neither space nor punctuation.
size_t content_length(std::string_view text);

// True for "那…", "那么…", "还有…", "另外…", "如果…", "…呢" forms.
bool has_followup_marker(std::string_view text);

// Pure choice between the two readings (see above).
Reading choose_reading(retrieval::SearchResult alone, retrieval::SearchResult context,
                       std::string_view text, const std::string& context_query,
                       const Conversation& conversation, const Thresholds& thresholds);

Reading read_message(const retrieval::Retriever& retriever, std::string_view text,
                     const Conversation& conversation, const Thresholds& thresholds, size_t k,
                     size_t max_chars);

}  // namespace faqbot::bot
