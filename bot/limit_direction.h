#pragma once
// The direction of the money whose limit a message asks: put in (充, 存进去,
// 转入 …) or taken out (提, 取, 转出, 出来 …). "我想存二十万进去 一天能转这么多
// 吗" asks the recharge limit, "存二十万进去 一天能转这么多出来吗" the
// withdrawal limit: the last direction named is the one the limit is asked
// of. Policy rule 2f answers with that direction's limit entry.
// Pure function of normalised (simplified, punctuation-free) text.
#include <string_view>

namespace faqbot::bot {

enum class MoneyDirection { kNone, kIn, kOut };

// kIn / kOut when the message asks a limit (限额, 上限, 最多, 最少, 这么多,
// 单笔, 一天能 …) and names money moved in or out, the direction named last
// deciding; kNone when it asks no limit, names no direction, names
// borrowing or investing (借, 贷, 投: another entry's amount), or asks both
// directions at once (分别), or sets one aside (不是问提现的上限, 不是充值的).
MoneyDirection limit_direction(std::string_view normalized);

}  // namespace faqbot::bot
