#pragma once
// The absolute wording lint refuses in a knowledge-base text (answers,
// canned replies), each with the hedge to write instead. The bot does not
// rewrite such words at run time (a rewrite inside a sentence broke it), so
// they must not reach a loaded knowledge base. Pure; thread-safe.
#include <string>
#include <vector>

#include "knowledge/knowledge_base.h"

namespace faqbot::knowledge {

struct Unhedged {
  std::string phrase;      // as written: "一定", "立即到账", "当天到账"
  std::string suggestion;  // what to write: "预计很快到账", or 一般/预计/通常
};

// In order of appearance, each place once:
//   - a phrase of rules.suggestions not written in its suggested form
//     ("当天到账" outside "预计当天到账"), longest phrase first;
//   - an absolute word (rules.absolute) elsewhere, suggested 一般/预计/通常.
// Negated places ("无法保证", "不一定") and banned promises (reported as
// banned by lint) are skipped.
std::vector<Unhedged> unhedged_phrases(const std::string& text, const HedgeRules& rules);

}  // namespace faqbot::knowledge
