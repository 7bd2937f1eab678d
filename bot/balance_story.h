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

// Whether a message tells the investor's own investing (投了标, 投了一笔,
// 投资之后, 出借以后, 买了标 …, not negated: "没投标") and after it money held
// (余额, 可用, 钱, 资金 …) told less or frozen (少了, 变少, 减少, 冻结, 锁住 …):
// "投了标以后可用余额少了 是被冻结了吗", "投资之后账户余额变少了". That is the
// money bid locked until the loan fills (the full-bid wait, policy rule 2e),
// not money gone. Not told: money said gone (不见了, 没了), taken by someone
// else or without the investor's doing (被盗, 不是我, 没操作, 莫名 …), gone
// with no record (没有记录, 查不到), more gone than invested (多扣, 不止, 比投
// 的, or two amounts told that differ: "投了一万 余额少了两万"), or something
// other than money (额度, 收益, 利息 …) that shrank.
bool tells_own_investing_then_less(std::string_view normalized);

// Whether a message tells the account or money held with us frozen (冻结,
// 冻住, 被封 …) without a cause the investor knows of (莫名其妙, 无缘无故, 不知道
// 为什么 …) while money is told still in it (还有三万块, 余额, 钱都 …):
// "账户莫名其妙被冻住了 里面还有三万块". Money out of reach for no reason given
// is for a person with the records (policy rule 2a). Not told: a freeze
// asked about or given no mystery ("账号被冻结了登录不了 怎么回事", "账户被锁定了
// 怎么解锁": the login entry), the money bid before a loan fills (投了标 …),
// or a possibility (会不会, 万一 …).
bool tells_money_frozen_unexplained(std::string_view normalized);

}  // namespace faqbot::bot
