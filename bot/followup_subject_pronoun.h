#pragma once
// The pronoun of a thing (它, 它们) standing first in a follow-up, after at
// most a follow-up marker (那, 那么): the message's grammatical subject is
// the thing answered last, and what follows says what is asked of it
// ("它会不会投到风险高的标" after 自动投标怎么设置 asks how the auto-bid
// behaves, not whether investing is safe). Persons (他, 她) and
// demonstratives (这个, 那笔: they take a noun of their own) are not such
// pronouns; neither is 其它 ("其它银行的卡行吗"). Pure.
#include <string_view>

namespace faqbot::bot {

// `normalized` (the retriever's normalised text) starts with 它 or 它们,
// after at most one leading 那 or 那么.
bool thing_pronoun_leads(std::string_view normalized);

}  // namespace faqbot::bot
