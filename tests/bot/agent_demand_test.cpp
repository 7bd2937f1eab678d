// Requests for what only a person can do, naming no person
// (bot/agent_demand.h), read as a request for a human by detect_signals.
#include "bot/agent_demand.h"

#include <gtest/gtest.h>

#include "bot/signals.h"

namespace faqbot::bot {
namespace {

TEST(AgentDemand, TheBotsStepsTriedAndFailed) {
  EXPECT_TRUE(bot_steps_failed("按你说的步骤操作了 还是绑不上卡"));
  EXPECT_TRUE(bot_steps_failed("你说的方法我都试过了 没用"));
  EXPECT_TRUE(bot_steps_failed("按照你说的弄了 一点没有用啊"));
  EXPECT_TRUE(bot_steps_failed("又试了一次 跟刚才一样 还是不行"));
  EXPECT_TRUE(bot_steps_failed("i did what you said and it still doesn't work"));
  EXPECT_TRUE(bot_steps_failed("照你的提示重新操作了几次 每次都失败"));
}

TEST(AgentDemand, AdviceOrFailureAloneIsNoDemand) {
  EXPECT_FALSE(bot_steps_failed("按你说的 那我要等几天"));
  EXPECT_FALSE(bot_steps_failed("重新绑卡还是不行怎么办"));
  EXPECT_FALSE(bot_steps_failed("提现还是不行 是不是系统维护"));
  EXPECT_FALSE(bot_steps_failed("how do i follow your steps to bind a card"));
  EXPECT_FALSE(bot_steps_failed("so what you said still holds at the weekend?"));
  EXPECT_FALSE(bot_steps_failed("你说的那个红包我还没用过 会过期吗"));
  EXPECT_FALSE(bot_steps_failed("按你说的 券我还没有用掉 能退吗"));
}

TEST(AgentDemand, ReleaseDemandedAtOnce) {
  EXPECT_TRUE(demands_release_now("账户被冻结了 马上给我解冻"));
  EXPECT_TRUE(demands_release_now("今天之内必须给我解封"));
  EXPECT_TRUE(demands_release_now("my account is frozen, unlock it right now"));
}

TEST(AgentDemand, AskingHowToReleaseIsNoDemand) {
  EXPECT_FALSE(demands_release_now("账户被锁定了怎么解锁"));
  EXPECT_FALSE(demands_release_now("流标后冻结的钱多久解冻"));
  EXPECT_FALSE(demands_release_now("马上就要还款了 怎么还"));
}

TEST(AgentDemand, ReadAsARequestForAHuman) {
  const SignalRules rules = SignalRules::defaults();
  EXPECT_TRUE(detect_signals("你说的方法我都试了三遍了 还是不行", "", rules).human_request);
  EXPECT_TRUE(detect_signals("为什么冻结我的账号 赶紧解封", "", rules).human_request);
  EXPECT_FALSE(detect_signals("账户冻结了要怎么解除", "", rules).human_request);
}

TEST(AgentDemand, ALegalIdentityChangeAskedOfUs) {
  EXPECT_TRUE(asks_legal_identity_change("我改了名字 身份证换了新的 账户上的姓名麻烦你们帮我更新"));
  EXPECT_TRUE(asks_legal_identity_change("实名信息登记错了 给我改一下"));
  EXPECT_TRUE(asks_legal_identity_change("i changed my legal name, please update it for me"));
  EXPECT_TRUE(detect_signals("账户上的姓名麻烦你们帮我更新", "", SignalRules::defaults()).human_request);
}

TEST(AgentDemand, AskingHowToChangeIdentityOrOtherDetailsIsNoDemand) {
  EXPECT_FALSE(asks_legal_identity_change("改名字"));
  EXPECT_FALSE(asks_legal_identity_change("身份证信息填错了能改吗"));
  EXPECT_FALSE(asks_legal_identity_change("绑定的手机号麻烦帮我改一下")) << "no legal identity";
  EXPECT_FALSE(asks_legal_identity_change("实名认证提示姓名和身份证不匹配")) << "nothing asked of us";
}

TEST(AgentDemand, DeskAndBackOfficeAndDisputedCharges) {
  const SignalRules rules = SignalRules::defaults();
  EXPECT_TRUE(detect_signals("转客服", "", rules).human_request);
  EXPECT_TRUE(detect_signals("名字登记错了 请后台帮我改一下", "", rules).human_request);
  EXPECT_FALSE(detect_signals("客服电话多少", "", rules).human_request);
  EXPECT_TRUE(detect_signals("这笔服务费我不认可 要求退还", "", rules).complaint);
  EXPECT_TRUE(detect_signals("罚息是你们系统的问题 我按时还了", "", rules).complaint);
  EXPECT_TRUE(detect_signals("你们乱收费 这笔我根本没同意", "", rules).complaint);
  EXPECT_FALSE(detect_signals("逾期罚息怎么算", "", rules).complaint);
}

}  // namespace
}  // namespace faqbot::bot
