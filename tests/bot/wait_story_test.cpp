// A withdrawal told overdue (bot/wait_story.h) and the policy's rule 2b.
#include "bot/wait_story.h"

#include <gtest/gtest.h>

#include "bot/policy.h"
#include "fake_retriever.h"
#include "kb_fixture.h"

namespace faqbot::bot {
namespace {

TEST(WaitStory, DaysWaited) {
  EXPECT_EQ(days_waited("提现卡在处理中整整三天"), 3);
  EXPECT_EQ(days_waited("提现申请提交快一周了"), 7);
  EXPECT_EQ(days_waited("我上周三中午提的到现在都没到"), 7);
  EXPECT_EQ(days_waited("提了3个工作日了"), 3);
  EXPECT_EQ(days_waited("等了十二天"), 12);
  EXPECT_EQ(days_waited("前天提的"), 2);
  EXPECT_EQ(days_waited("好几天了"), 3);
  EXPECT_EQ(days_waited("上午10点提的现在12点还没到"), -1) << "hours are no days";
  EXPECT_EQ(days_waited("提现多久到账"), -1);
}

TEST(WaitStory, TellsOverdueWithdrawal) {
  EXPECT_TRUE(tells_overdue_withdrawal("提现卡在处理中整整三天客服电话也打不通怎么办", 2));
  EXPECT_TRUE(tells_overdue_withdrawal("我上周三中午提的到现在都没到", 2));
  EXPECT_TRUE(tells_overdue_withdrawal("提现两天了还没收到", 2));
  EXPECT_FALSE(tells_overdue_withdrawal("昨天提的今天还没到", 2)) << "a day may still be expected";
  EXPECT_FALSE(tells_overdue_withdrawal("提现一般要两天吗", 2)) << "nothing told as not arrived";
  EXPECT_FALSE(tells_overdue_withdrawal("充值三天了还没到", 2)) << "no money taken out";
  EXPECT_FALSE(tells_overdue_withdrawal("今天上午10点提的现现在12点还没到正常吗", 2));
}

class OverdueWithdrawalPolicy : public ::testing::Test {
 protected:
  Decision decide(const std::string& normalized, const retrieval::SearchResult& base) const {
    retrieval::SearchResult r = base;
    r.normalized = normalized;
    return policy_.decide(r, *kb_, conversation_, {});
  }
  std::shared_ptr<knowledge::KnowledgeBase> kb_ = testing::make_kb();
  Policy policy_;
  Conversation conversation_;
};

TEST_F(OverdueWithdrawalPolicy, HandsOverWithTheOverdueEntry) {
  const auto ranked = testing::result({{"withdraw.holiday", 0.87}, {"withdraw.delayed", 0.1}});
  Decision d = decide("上周五上午提现周末过了周一周二也过了还是没到", ranked);
  EXPECT_EQ(d.action, Action::kHandoff);
  EXPECT_EQ(d.faq_id, "withdraw.delayed");
  EXPECT_DOUBLE_EQ(d.confidence, 0.1);
  EXPECT_EQ(d.reason, HandoffReason::kEntry);
  // Whatever else retrieval ranks.
  Decision unranked = decide("提现卡在处理中整整三天客服电话也打不通怎么办",
                             testing::result({{"withdraw.holiday", 0.9}, {"withdraw.fee", 0.05}}));
  EXPECT_EQ(unranked.action, Action::kHandoff);
  EXPECT_EQ(unranked.faq_id, "withdraw.delayed");
  // A wait of hours is answered as asked.
  Decision hours = decide("上午10点提的现在12点还没到正常吗", ranked);
  EXPECT_EQ(hours.action, Action::kAnswer);
  EXPECT_EQ(hours.faq_id, "withdraw.holiday");
}

TEST_F(OverdueWithdrawalPolicy, TheRuleIsASetting) {
  retrieval::SearchResult r = testing::result({{"withdraw.holiday", 0.87}, {"withdraw.delayed", 0.1}});
  r.normalized = "提现三天了还没到";
  for (const char* entry : {"", "withdraw.no_such_entry"}) {
    Thresholds t;
    t.overdue_withdrawal_entry = entry;
    EXPECT_EQ(Policy(t).decide(r, *kb_, conversation_, {}).faq_id, "withdraw.holiday") << entry;
  }
  Thresholds longer;
  longer.overdue_withdrawal_days = 5;
  EXPECT_EQ(Policy(longer).decide(r, *kb_, conversation_, {}).faq_id, "withdraw.holiday");
}

}  // namespace
}  // namespace faqbot::bot
