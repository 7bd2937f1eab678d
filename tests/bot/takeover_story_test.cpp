// An account told taken over by someone else (bot/takeover_story.h) and the
// policy's rule 2a for it.
#include "bot/takeover_story.h"

#include <gtest/gtest.h>

#include "bot/policy.h"
#include "fake_retriever.h"
#include "kb_fixture.h"
#include "policy_fixture.h"

namespace faqbot::bot {
namespace {

// As normalised: punctuation and spaces dropped, English lower case with
// account, bank card, password read 账户, 银行卡, 密码.
TEST(TakeoverStory, TellsTheAccountTaken) {
  for (const char* q : {"我怀疑账号被别人控制了银行卡也被换绑了", "有人登了我的账户还把绑定的银行卡换成了他自己的卡",
                        "我账户绑定的银行卡被陌生人换掉了我要冻结账户", "有人改了我的登录密码和交易密码还换绑了银行卡",
                        "我嘅户口俾人盗咗啲钱全部冇晒", "someonehackedmy账户andchangedthe银行卡totheirs",
                        "my账户wastakenoverandthereisa提现inevermade", "账号被盗了对方把我的钱提到他自己卡上去了"}) {
    EXPECT_TRUE(tells_account_taken(q)) << q;
  }
}

// A how-to or can-I question, a worry, someone else's product, nothing of
// ours, or someone else named without a change to what guards the account.
TEST(TakeoverStory, LookAlikesAreNoneTold) {
  for (const char* q : {"帮别人换绑银行卡怎么操作", "可以绑定家人的银行卡吗", "怎么防止账户被盗", "朋友的微信被盗了怎么找回",
                        "我的信用卡被盗刷了", "有人说利率改了我账户的收益会变吗", "我想把卡换成别人的可以吗",
                        "howdoichangemy银行卡", "whatifmy账户ishacked", "别人冒充客服让我转账", "换绑银行卡要多久能生效"}) {
    EXPECT_FALSE(tells_account_taken(q)) << q;
  }
}

class TakeoverPolicy : public testing::PolicyFixture {
 protected:
  TakeoverPolicy() {
    kb_->entries.push_back(testing::entry("account.funds_abnormal", "账户资金异常", "已为您优先转接人工客服。",
                                          knowledge::HandoffMode::kHandPriority));
    kb_->entries.push_back(testing::entry("account.bind_card", "绑定银行卡", "请在账户-银行卡中操作。"));
  }
};

TEST_F(TakeoverPolicy, HandsOverWithTheAbnormalFundsEntry) {
  const auto ranked = testing::result({{"account.bind_card", 0.95}, {"account.funds_abnormal", 0.05}});
  Decision d = decide("有人登了我的账户还把绑定的银行卡换成了他自己的卡", ranked);
  EXPECT_EQ(d.action, Action::kHandoff);
  EXPECT_EQ(d.faq_id, "account.funds_abnormal");
  EXPECT_EQ(d.priority, Priority::kHigh);
  // The how-to is answered as ranked.
  Decision how = decide("换了新银行卡怎么换绑", ranked);
  EXPECT_EQ(how.action, Action::kAnswer);
  EXPECT_EQ(how.faq_id, "account.bind_card");
}

}  // namespace
}  // namespace faqbot::bot
