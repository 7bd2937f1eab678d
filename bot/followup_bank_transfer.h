#pragma once
// A transfer between bank accounts (银行转账, 银行之间转账, 转账到别的银行)
// asked about in a follow-up is a bank's own service, not a movement of
// ours: "银行转账一般多久到" after 提现多久到账 asks how long banks take to
// move money, which no entry answers. Where the kept topic's cues read the
// transfer as a means of ours (followup.json methods: 银行转账 after a
// recharge question) it is ours; so is one beside a word of our topics
// ("转账充值多久到") or a pointer. A transfer to another person asked how
// long it takes ("给别人转账多久到" after 提现多久到账) is no movement of ours
// either: no entry moves money to others (whether it can is the withdrawal's
// how-to, asked without a duration). Pure.
#include <string_view>

#include "bot/followup_cues.h"

namespace faqbot::bot {

// `normalized` holds a transfer word (转账, 汇款) and a bank (银行) or
// another person with a duration (给别人 … 多久), and
// `named` (its cues in the kept topic) names no topic, no pointer and no
// product, and no cue covering the transfer word.
bool asks_of_a_bank_transfer(const MessageCues& named, std::string_view normalized);

}  // namespace faqbot::bot
