#pragma once
// Whether a message tells of money taken wrongly by a charge: taken twice
// ("怎么扣了我两次钱", "银行卡被重复扣款了", "这个月被扣了两笔还款") or taken
// while what it paid is still shown unpaid ("扣款了但是显示未还款", "钱扣了还显示
// 逾期", "明明还了钱 怎么还说我逾期", "卡里的钱已经划走了 账单还是待还款").
// Either is money at risk that only a person with the records can sort out,
// whatever entry retrieval ranks (repayment methods, overdue): policy rule 2a.
// A recharge charged twice is told only with one of the charges told not
// credited ("充了一次钱 银行扣了两笔 余额只加了一笔": money missing); else
// not told: a charge for a recharge (充值扣了两次钱: the recharge's own entry),
// a question about charges in general ("扣款时间是几点", "自动还款会
// 不会重复扣款", "逾期会怎样"), a charge that failed ("扣款失败显示逾期"), or a
// record of a past overdue ("逾期还清了征信还显示逾期吗").
// Pure functions of normalised (simplified, punctuation-free) text.
#include <string_view>

namespace faqbot::bot {

// Money told taken (扣了, 被扣, 扣走, 划走 …) followed within three characters
// by a repetition (两次, 两遍, 重复, 多扣 …: "扣了我两次"), or a repetition phrase of its own (重复扣, 扣重复, 扣了两笔),
// or told taken again (又 / 再次 within three characters before it, nothing to
// come between: "今天又从卡里扣了一遍", not "又要被扣"), or taken after a charge
// told due (应该扣 … 划走了: more than was due); in English a charge word
// and a repetition ("my payment was taken twice", "charged me twice");
// not asked as a possibility (会不会, 如果, 万一, 担心 …; will, what if …).
// For a recharge (充值, 充了, 转入 …) the Chinese repetition must come with
// one charge told credited alone (只 / 仅 then 加了一, 到账一 …: "余额只加了
// 一笔") or missing (少了一笔, 一笔没到).
bool tells_double_charge(std::string_view normalized);

// Money told taken or repaid (扣了, 划走, 还了钱, 已经还了 …) while the
// message tells what it paid is still shown unpaid: an unpaid status (未还,
// 没还, 待还, 逾期, 还款中, 未结清 …) with a word of what is shown or of
// contradiction (显示, 还是, 还说, 说我, 但, 却, 状态, 账单 …); not a charge
// that failed or never happened (扣款失败, 没扣), not a possibility, not the
// credit record or an overdue's penalties (征信, 罚息: "逾期三天还款了 还是要交
// 罚息吗").
bool tells_charged_but_unpaid(std::string_view normalized);

// Either of the two.
inline bool tells_charge_gone_wrong(std::string_view normalized) {
  return tells_double_charge(normalized) || tells_charged_but_unpaid(normalized);
}

}  // namespace faqbot::bot
