#pragma once
// Whether a message tells that someone else has taken over the investor's
// account with us: the account said stolen or hacked ("账号被盗了", "我嘅户口
// 俾人盗咗", "someone hacked my account", "my account was taken over"), or
// someone else told as having changed what guards it, the bound card, the
// passwords or the phone number ("有人把绑定的银行卡换成了他自己的卡",
// "银行卡被陌生人换掉了", "有人改了我的登录密码"). Money at risk that only a
// person with the records can sort out, whatever entry retrieval ranks (the
// card-binding or password how-to): policy rule 2a, with the balance stories.
// Not told: a how-to or a can-I question (怎么/如何/可以…吗: "帮别人换绑银行卡
// 怎么操作"), a possibility or a worry (会不会, 万一, 怎么防止, "what if"),
// someone else's product (微信, 支付宝, 信用卡: "朋友的微信被盗了"), or no
// account of ours named at all.
// Pure function of normalised (simplified, punctuation-free, lower-case)
// text.
#include <string_view>

namespace faqbot::bot {

bool tells_account_taken(std::string_view normalized);

}  // namespace faqbot::bot
