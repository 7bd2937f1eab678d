#pragma once
// Detail mentions: a label naming what a number is (订单号, 合同编号, 流水号,
// 手机号, 尾号 …) followed by the number itself ("订单号CZ2024…", "合同编号是
// HT…的", "订单号后四位4471"). A clause that is nothing but such a mention
// ("订单号CZ20240311008765", "我的手机号138…") tells which record the
// investor means; it asks nothing, and as a reading of its own it draws the
// message to whatever entry its label resembles (手机号 -> changing the phone
// number) or, among the out-of-scope examples that look records up (帮我查
// 一下订单号…的提现), to "not ours". The question is the rest of the message.
#include <string>

namespace faqbot::retrieval {

// Characters a clause may keep besides its detail mentions and still be a
// detail only ("我的", "借款": who owns the record, what kind it is).
inline constexpr size_t kDetailOnlyChars = 2;

// `normalized` (normalised text, details not yet collapsed) without its
// detail mentions: a label, up to a few linking characters (是, 为, 后四位),
// the number, and a 的 right after it. Unchanged when it holds none.
std::string without_detail_mentions(const std::string& normalized);

// Whether `normalized` holds a detail mention and, without its mentions, at
// most kDetailOnlyChars characters: a clause that only tells a detail.
bool only_details(const std::string& normalized);

}  // namespace faqbot::retrieval
