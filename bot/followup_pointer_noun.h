#pragma once
// A demonstrative followed by a noun of its own ("那个问卷") points at that
// noun, not at the subject answered last: the message asks about the thing
// the noun names. The noun is known by the entry that names it: its two
// characters right after the demonstrative occur in a question (or the
// title) of `entry`, of at most kNounEntries entries in all, and not in the
// last question. Pure.
#include <string>
#include <string_view>

#include "knowledge/knowledge_base.h"
#include "retrieval/retriever.h"

namespace faqbot::bot {

inline constexpr size_t kNounEntries = 2;

// `said` (normalised) holds a demonstrative (followup.json references
// starting with 这 or 那) whose next two characters, neither space nor
// punctuation, occur in `entry`'s normalised title or questions, in the
// titles or questions of at most kNounEntries entries, and not in
// `last_question`.
bool pointer_noun_names(const knowledge::KnowledgeBase& kb, const retrieval::Retriever& retriever,
                        std::string_view said, std::string_view last_question,
                        const knowledge::Entry& entry);

}  // namespace faqbot::bot
