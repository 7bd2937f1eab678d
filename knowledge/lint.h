#pragma once
// Static checks of a loaded knowledge base (no retrieval involved): the rules
// of house-style.md that can be decided from the text alone.
//   errors:   duplicate ids, empty fields, unknown template variables, banned
//             promises (hedge.banned) not directly negated, absolute wording
//             (hedge.absolute, hedge.suggestions; hedge_lint.h) with the hedge
//             to write instead, unknown follow-ups,
//             other products with an empty or repeated name or alias,
//             synonym keys of one character or that break other words
//   warnings: 你 instead of 您, dead-end phrasing,
//             fewer than kMinQuestions variants, duplicate variants, variants
//             that name another company's product, variants of an entry
//             outside small talk that open or close with a small-talk
//             variant as a clause ("你好,我要提现"), slots and follow-up
//             cues nothing uses (knowledge/slots.h)
#include <string>
#include <vector>

#include "knowledge/knowledge_base.h"
#include "knowledge/loader.h"

namespace faqbot::knowledge {

inline constexpr size_t kMinQuestions = 8;

// Placeholders filled at run time, not from variables.json.
const std::vector<std::string>& runtime_variables();

std::vector<Diagnostic> lint(const KnowledgeBase& kb);

// True when `phrase` occurs in `text` at a position not directly preceded
// (within three characters, same clause) by one of `negations`.
bool contains_unnegated(const std::string& text, const std::string& phrase,
                        const std::vector<std::string>& negations);

// True when the phrase at byte `pos` of `text` is negated in that sense.
bool negated_before(const std::string& text, size_t pos, const std::vector<std::string>& negations);

}  // namespace faqbot::knowledge
