#pragma once
// Whether a name is named as a means of ours: right after one of
// other_products.json's as_means words (用, 通过, 到 …), read the same way by
// the runtime (retrieval/product_mentions, service_mentions) and by lint.
#include <string>
#include <string_view>
#include <vector>

namespace faqbot::knowledge {

// Whether `before` (the text before a name) ends with a word of `as_means`
// that makes the name a means of ours. Not 到 completing a verb of
// perception or attainment before it ("一直没看到支付宝退款", "收到支付宝的
// 短信"): the name then begins a clause of its own, not our money's
// destination ("提到支付宝", "转到余额宝" stay means). Empty words are ignored.
bool ends_with_means_word(std::string_view before, const std::vector<std::string>& as_means);

// Whether `before` ends with 到 negated (没到, 未到): what follows is where
// someone's payment did not arrive ("付了款没到商户那边"). In a question naming
// none of our actions that is their payment, not our money's destination.
bool ends_with_failed_arrival(std::string_view before);

// Whether `before` ends with a verb of money put into something (转到, 转入,
// 存入 …). knowledge/issued_products reads another company's wealth product
// after it as where the investor's own money goes ("从建行卡转到活期加"),
// never a means of ours, although 到 and 进 are as_means words.
bool ends_with_money_moved_in(std::string_view before);

}  // namespace faqbot::knowledge
