#pragma once
// The courtesy and promise guard of house-style.md, applied to every outgoing
// bot text:
//   1. courtesy: 你们 -> 咱们, 你 -> 您;
//   2. a text that holds a banned promise (保本, 稳赚 …) not negated is
//      refused: the refusal text (the canned fallback) is returned instead.
// Absolute wording (一定, 立即到账 …) is not rewritten here: rewriting words
// inside a sentence broke it ("提现一定预计很快到账"), so the knowledge base
// refuses it at load instead (knowledge/lint.h, with a suggested hedge).
// A phrase counts as negated when one of hedge.negations ends at most three
// characters before it in the same clause (no punctuation in between), the
// rule lint.h uses. Immutable; thread-safe.
#include <string>
#include <string_view>
#include <vector>

#include "knowledge/knowledge_base.h"

namespace faqbot::bot {

class Guard {
 public:
  // `refusal` is itself guarded once here; if it is refused too, a built-in
  // courteous fallback is used.
  Guard(knowledge::HedgeRules rules, std::string refusal);

  std::string apply(std::string_view text) const;

  // True when `text` holds a banned phrase that is not negated.
  bool has_banned(std::string_view text) const;

  const std::string& refusal() const { return refusal_; }

 private:
  knowledge::HedgeRules rules_;
  std::string refusal_;
};

// The promises a human (agent) text makes, for refusing it whole rather than
// rewriting someone's words: every banned phrase that is not negated, and
// every arrival promise -- an absolute word (hedge.absolute: 绝对, 一定,
// 马上 …) not negated and followed by 到账 in the same clause, named from the
// absolute word to 到账 ("绝对今天到账"). In order of appearance, each phrase
// once; a banned phrase inside a longer one found ("保本" in "保本保息") is
// not named twice. Empty when the text may be sent.
std::vector<std::string> promises_in(std::string_view text, const knowledge::HedgeRules& rules);

// True when the phrase starting at byte `pos` of `text` is negated (see above).
bool negated_at(std::string_view text, size_t pos, const std::vector<std::string>& negations);

}  // namespace faqbot::bot
