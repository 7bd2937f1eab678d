#pragma once
// A follow-up asking what to do (…怎么办, as normalised: 咋办 and 咋整 read
// 怎么办) about a situation it tells without naming what it is about
// ("忘了咋办", "打不通怎么办") says the situation of the subject answered
// last. Pure.
#include <string_view>

namespace faqbot::bot {

// `normalized` ends with 怎么办, after at most trailing particles
// (呢, 啊, 呀, 吖, 哇), and tells something before it.
bool asks_what_to_do(std::string_view normalized);

}  // namespace faqbot::bot
