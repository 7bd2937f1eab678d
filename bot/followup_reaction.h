#pragma once
// Impatience about a wait just answered ("这么久", "太慢了吧", "等不及了"):
// the customer reacts to the answer, so the message is tied to it as a
// follow-up marker ties one, however long it is ("太慢了吧 有没有快一点的
// 办法" after 提现多久到账 asks the same wait again). Pure.
#include <string_view>

namespace faqbot::bot {

// `normalized` holds a word of impatience about a wait (这么久, 那么慢,
// 太久, 慢死, 这么长时间, 等不及 …).
bool reacts_to_a_wait(std::string_view normalized);

}  // namespace faqbot::bot
