#pragma once
// Whether a message tells of a withdrawal that has not arrived after days of
// waiting ("上周三中午提的 到现在都没到", "提现卡在处理中整整三天"): past every
// expected arrival (same or next working day), so money may be at risk and a
// person should look, whatever else the message names (客服电话打不通, 周末).
// A wait of hours ("上午10点提的 现在12点还没到") is not one: it is still
// within the expected arrival (tells_wait_of_hours). None told is neither.
// Pure functions of normalised (simplified, punctuation-free) text.
#include <string_view>

namespace faqbot::bot {

// Days the message says have passed, the longest it tells: N天 / N个工作日 /
// N来天 / N多天 / N周 / N个星期 / N个月 / N小时 (whole days of it) (digits or
// Chinese numerals, 几/好几 read as 3), 一周 / 一个星期 / 半个月 / 一个月,
// 前天 (2), 大前天 (3), 上周 / 上个星期 (7); the days between the first two days
// of the week it names ("周二提的 今天周五了": 3) or two days of the
// month ("6号提交的 今天11号了": 5); the days it names as gone by before 过了
// (周末 2, a day of the week 1: "周末过了 周一周二也过了": 4). -1 when it
// tells none; 0 for a wait of hours under a day. In English too: N days /
// weeks / months / hours, in digits or words ("for 5 days", "a week",
// "two weeks", "48 hours"), last week / last month.
int days_waited(std::string_view normalized);

// Whether the message names money taken out (提现, 取现, 提款, 提的, 取的 …,
// withdrew) and tells it has not arrived or is still processing (没到, 没收到,
// 还在处理中, 没动静, still not, pending, stuck …, or ends asking where the money is: 钱呢, 钱去哪了), with
// days_waited() >= min_days or the promised arrival time told gone by
// (说好的到账时间过了, 超过预计到账时间). The promised time gone by counts
// without money taken out named too, unless another flow is (充值, 借款,
// 放款, 还款, 回款 …): "说好的到账时间过了钱还没到".
bool tells_overdue_withdrawal(std::string_view normalized, int min_days);

// Whether the message names money taken out, tells it has not arrived, and
// tells a wait within the same day only: a time of day or hours (上午, 下午,
// 今天, 10点, 3个小时, 刚提 …) and nothing of an earlier day (昨天, 前天, a day
// of the week or of the month, 节, 假, days_waited() >= 1): "今天上午10点提的
// 现在12点还没到" is within the expected arrival, "昨天上午提的 今天下午了还
// 没到" is not.
bool tells_wait_of_hours(std::string_view normalized);

// Whether the message names money taken out, tells it has not arrived, and
// tells someone else's has (别人 / 朋友 / 同事 / 老公 / 人家 … with 先到 / 到了 /
// 都到了 / 已经到 …): "同事跟我一起提的 他的到了 我的还没到". Whether the
// wait is overdue is tells_overdue_withdrawal()'s business.
bool compares_with_anothers_arrival(std::string_view normalized);

}  // namespace faqbot::bot
