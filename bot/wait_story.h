#pragma once
// Whether a message tells of a withdrawal that has not arrived after days of
// waiting ("上周三中午提的 到现在都没到", "提现卡在处理中整整三天"): past every
// expected arrival (same or next working day), so money may be at risk and a
// person should look, whatever else the message names (客服电话打不通, 周末).
// A wait of hours ("上午10点提的 现在12点还没到") or none told is not one.
// Pure functions of normalised (simplified, punctuation-free) text.
#include <string_view>

namespace faqbot::bot {

// Days the message says have passed, the longest it tells: N天 / N个工作日
// (digits or Chinese numerals, 几/好几 read as 3), 一周 / 一个星期 / 半个月 /
// 一个月, 前天 (2), 大前天 (3), 上周 / 上个星期 (7); -1 when it tells none.
int days_waited(std::string_view normalized);

// Whether the message names money taken out (提现, 取现, 提款, 提的, 取的 …)
// and tells it has not arrived or is still processing (没到, 没收到, 还在处理
// 中 …), with days_waited() >= min_days.
bool tells_overdue_withdrawal(std::string_view normalized, int min_days);

}  // namespace faqbot::bot
