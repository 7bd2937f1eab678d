#include "bot/signals.h"

#include <gtest/gtest.h>

namespace faqbot::bot {
namespace {

Signals detect(const std::string& text) {
  return detect_signals(text, "", SignalRules::defaults());
}

TEST(Signals, ExplicitRequestForAHuman) {
  for (const char* q : {"转人工", "我要人工客服", "帮我接人工", "找真人聊", "能不能转真人",
                        "给我找个活人", "麻烦接一下人工", "人工客服!", "人工"}) {
    Signals s = detect(q);
    EXPECT_TRUE(s.human_request) << q;
    EXPECT_FALSE(s.anger || s.abuse) << q;
  }
}

TEST(Signals, NoRequestWhenNegatedOrOnlyAskingWhoIsThere) {
  for (const char* q : {"不用转人工了", "你是真人吗", "提现多久到账", "客服电话多少",
                        "人工客服几点下班", "人工服务的时间是几点", "你是人工还是机器人"}) {
    EXPECT_FALSE(detect(q).human_request) << q;
  }
}

TEST(Signals, Anger) {
  for (const char* q : {"气死我了，钱呢", "什么破平台", "服务太差了", "你们就是骗子", "骗钱的黑平台"}) {
    Signals s = detect(q);
    EXPECT_TRUE(s.anger) << q;
    EXPECT_FALSE(s.frustration) << q;
  }
  EXPECT_FALSE(detect("提现多久到账!").anger);
  EXPECT_FALSE(detect("谢谢！").anger);
}

// Impatience is not hostility: the policy still answers a clear question
// asked this way (PolicyTest.ImpatienceWithAClearQuestionIsAnsweredWithAnApology).
TEST(Signals, ImpatienceIsNotAnger) {
  for (const char* q : {"怎么还没到账!!!", "还不到账！！！", "钱一直冻着烦死了", "无语，怎么提现啊",
                        "急死了，充值到底多久到"}) {
    Signals s = detect(q);
    EXPECT_TRUE(s.frustration) << q;
    EXPECT_FALSE(s.anger) << q;
    EXPECT_TRUE(s.any()) << q;
  }
  EXPECT_FALSE(detect("提现多久到账!").frustration);
}

TEST(Signals, Abuse) {
  for (const char* q : {"你们是傻逼吗", "滚", "SB客服", "废物机器人"}) {
    EXPECT_TRUE(detect(q).abuse) << q;
  }
  EXPECT_FALSE(detect("usb key 怎么用").abuse);  // "sb" inside a word
  EXPECT_FALSE(detect("收益怎么算").abuse);
}

TEST(Signals, NormalizedTextIsMatchedToo) {
  // Traditional characters arrive simplified in the normalised text.
  Signals s = detect_signals("轉人工", "转人工", SignalRules::defaults());
  EXPECT_TRUE(s.human_request);
}

TEST(Signals, RulesAreData) {
  SignalRules rules;
  rules.human = {"叫你们经理"};
  rules.exclamation_run = 0;
  EXPECT_TRUE(detect_signals("叫你们经理来", "", rules).human_request);
  EXPECT_FALSE(detect_signals("转人工", "", rules).human_request);
  EXPECT_FALSE(detect_signals("啊!!!!!!", "", rules).frustration);
}

}  // namespace
}  // namespace faqbot::bot
