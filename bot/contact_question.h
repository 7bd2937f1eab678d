#pragma once
// Whether a message asks for a number to call or another way to reach the
// service ("人工客服电话", "你们有人工电话吗", "人工热线多少"), not when someone
// answers ("人工客服几点上班", "晚上有人接电话吗", "客服电话24小时都能打吗").
// Policy rule 4a: such a message read as another entry of the contact
// entry's topic (the human entry, the service hours) asks for the contact.
// Pure function of normalised (simplified, punctuation-free) text.
#include <string_view>

namespace faqbot::bot {

// A word of a number or a way to reach us (电话, 热线, 号码, 座机, 400,
// 联系方式), no word of time or of someone answering (几点, 上班, 下班, 时间,
// 24小时, 晚上, 周末, 有人接, 没人接 …) and no call asked of us (回个电话,
// 打给我, 联系我: "麻烦让人工客服给我回个电话" requests a person).
bool asks_for_a_number(std::string_view normalized);

// Whether the message names our service as the one asked (人工, 客服, 你们,
// 官方, 平台): a number asked with the contact entry itself first but short
// of an answer must be asked of us, not of someone else ("派出所电话").
bool names_our_service(std::string_view normalized);

}  // namespace faqbot::bot
