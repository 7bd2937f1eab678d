#pragma once
// A follow-up that tells the bot it answered the wrong thing and says what
// was asked instead ("不是这个 我问的是充值", "不对 我说的是充值", "不是充值
// 是提现", "搞错了 我是问借款审核"): the words after the correction are the
// follow-up, read in the conversation's slots as if typed alone (a topic
// named alone keeps the answered type: 充值 after 提现手续费多少 asks the
// recharge fee). The denial before them is no part of the question.
#include <string>
#include <string_view>

namespace faqbot::bot {

// What `written` (the message as written) says was asked instead, when
// - a clause opens with a denial of the answer (不是, 不对, 搞错了, 理解错了,
//   我问的不是 …) and asks nothing itself (no 吗, 呢, 么, ?), and
// - a later clause opens with the corrected question (我问的是, 我说的是,
//   我是问, 我想问 …; after a denial holding 不是 also a bare 是: "不是充值
//   是提现"), or the denial is followed in the same clause by one
//   ("不是这个我问的是充值");
// then the rest of the message from the corrected question on, its opening
// words dropped, provided something is left and it denies nothing (no 不是).
// "" otherwise ("不是说免费吗", "是不是骗子", "我不是要绑卡 是要换卡").
std::string corrected_question(std::string_view written);

}  // namespace faqbot::bot
