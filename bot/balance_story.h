#pragma once
// Whether a message tells that the money held with us shrank without the
// investor's doing: a balance told as it was ("本来三万块", "明明有1.2万",
// "昨天还有两万") and then as it shows now, less ("只剩八千了", "现在只显示
// 8千多", "少了一半", "钱不见了"). Money at risk that only a person with the
// records can sort out, whatever entry retrieval ranks (login problem, the
// balance's custody): policy rule 2a, with the charge stories. The same
// told in English ("my balance is gone", "money was stolen"), not asked as a
// possibility ("what if", "worried"), and in Cantonese, where money held named
// gone is a story without the balance as it was ("户口啲钱少咗三千蚊", "啲钱
// 全部冇晒").
// (The normalised text is lower-cased: English arrives as typed otherwise.)
// Not told: a shrink the message gives a cause of the investor's own (提现,
// 投了, 出借, 冻结, 还款, 买了 …: the money is where it was put), a
// possibility (会不会, 万一, 担心 …), an intention ("本来想投三万"), or
// something other than money that shrank (额度, 利率, 收益率: "额度本来五万
// 现在只有两万").
// Pure function of normalised (simplified, punctuation-free) text.
#include <string_view>

namespace faqbot::bot {

bool tells_balance_shrank(std::string_view normalized);

}  // namespace faqbot::bot
