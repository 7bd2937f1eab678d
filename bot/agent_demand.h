#pragma once
// Messages that ask for what only a person can do, though they name no person:
// - the bot's own steps tried and failed ("按你说的步骤操作了 还是绑不上卡",
//   "你说的方法我都试了 还是不行", "I followed your steps and it still doesn't
//   work"): a reference to the advice given (你说的, 按你说, 你的方法, 跟刚才一样,
//   your steps …) together with a failure told (还是不行, 没用, 解决不了,
//   still fails, doesn't work …); 没用过 (not used yet) is none. Either alone is no demand ("按你说的 要等几天",
//   "重新绑卡还是不行怎么办").
// - an account or money held by us, with a demand to release it at once
//   ("账户被冻结了 马上给我解冻", "my account is frozen, unlock it right now"):
//   a release word (解冻, 解封, 解锁, unlock …) with urgency (马上, 立刻,
//   今天之内, right now …). "账户被锁定了怎么解锁" asks how, it demands nothing.
// - the legal identity an account is held under (姓名, 实名, 身份证号 …, a name
//   told changed: 改了名字) with a change asked of us ("账户上的姓名麻烦你们帮我
//   更新", 帮我改, 给我修改 …): only the back office changes it, so the bot's
//   how-to answer cannot help. Asking how or whether ("改名字", "身份证信息
//   填错了能改吗") asks nothing of us.
// All are read as a request for a human (bot/signals.cpp).
// Pure functions of lower-case text (raw or normalised).
#include <string_view>

namespace faqbot::bot {

bool bot_steps_failed(std::string_view text);
bool demands_release_now(std::string_view text);
bool asks_legal_identity_change(std::string_view text);

}  // namespace faqbot::bot
