// The direction of the money whose limit a message asks
// (bot/limit_direction.h) and the policy's rule 2f.
#include "bot/limit_direction.h"

#include <gtest/gtest.h>

#include "bot/policy.h"
#include "fake_retriever.h"
#include "kb_fixture.h"
#include "policy_fixture.h"

namespace faqbot::bot {
namespace {

TEST(LimitDirection, TheDirectionNamedLastDecides) {
  EXPECT_EQ(limit_direction("我想存二十万进去一天能转这么多吗"), MoneyDirection::kIn);
  EXPECT_EQ(limit_direction("存二十万进去一天能转这么多出来吗"), MoneyDirection::kOut);
  EXPECT_EQ(limit_direction("我想一次提三十万出来一天最多能提现多少"), MoneyDirection::kOut);
  EXPECT_EQ(limit_direction("农业银行的卡一天最多能存进去多少钱"), MoneyDirection::kIn);
  EXPECT_EQ(limit_direction("充值提示超出单笔限额怎么办"), MoneyDirection::kIn) << "提示 is no withdrawal";
}

TEST(LimitDirection, NoneWithoutALimitOrADirectionOrForAnotherAmount) {
  EXPECT_EQ(limit_direction("账户里有八千块想转回银行卡提现怎么操作"), MoneyDirection::kNone) << "no limit asked";
  EXPECT_EQ(limit_direction("一天最多能转多少"), MoneyDirection::kNone) << "no direction";
  EXPECT_EQ(limit_direction("最多能借多少钱充进去"), MoneyDirection::kNone) << "a loan's amount";
  EXPECT_EQ(limit_direction("最少投多少钱"), MoneyDirection::kNone) << "an investment's amount";
  EXPECT_EQ(limit_direction("充值和提现的限额分别是多少"), MoneyDirection::kNone) << "both at once";
  EXPECT_EQ(limit_direction("充值有没有上限不是问提现的上限"), MoneyDirection::kNone) << "one set aside";
  EXPECT_EQ(limit_direction("提现有上限吗不是充值的"), MoneyDirection::kNone);
  EXPECT_EQ(limit_direction("一天最多能充多少是不是有上限"), MoneyDirection::kIn) << "是不是 asks, sets nothing aside";
}

class LimitDirectionPolicy : public testing::PolicyFixture {
 protected:
  LimitDirectionPolicy() {
    kb_->entries.push_back(limit("recharge.limit", "充值限额"));
    kb_->entries.push_back(limit("withdraw.limit", "提现限额"));
    kb_->entries.push_back(limit("loan.amount", "借款额度"));
    kb_->entries.push_back(testing::entry("recharge.how", "如何充值", "在首页点充值。"));
  }
  static knowledge::Entry limit(const std::string& id, const std::string& q) {
    knowledge::Entry e = testing::entry(id, q, q + "以页面为准。");
    e.type = "amount";
    return e;
  }
};

TEST_F(LimitDirectionPolicy, AnswersWithTheDirectionsLimit) {
  const auto ranked =
      testing::result({{"loan.amount", 0.68}, {"recharge.limit", 0.14}, {"withdraw.limit", 0.11}});
  Decision in = decide("我想存二十万进去一天能转这么多吗", ranked);
  EXPECT_EQ(in.action, Action::kAnswer);
  EXPECT_EQ(in.faq_id, "recharge.limit");
  EXPECT_DOUBLE_EQ(in.confidence, 0.14);
  Decision out = decide("存二十万进去一天能转这么多出来吗", ranked);
  EXPECT_EQ(out.faq_id, "withdraw.limit");
  Decision other = decide("我想一次提三十万出来单笔限额多少",
                          testing::result({{"recharge.limit", 0.7}, {"withdraw.limit", 0.2}}));
  EXPECT_EQ(other.faq_id, "withdraw.limit");
}

TEST_F(LimitDirectionPolicy, TheSameRuleAnswerAThirdTimeHandsOver) {
  // Rule 2f's answers count toward the repeated-question handoff as rule 5's
  // do (policy.h): the third answer with recharge.limit goes to a human.
  const auto ranked = testing::result({{"loan.amount", 0.68}, {"recharge.limit", 0.14}});
  const std::string q = "我想存二十万进去一天能转这么多吗";
  for (int i = 0; i < 2; ++i) {
    Decision d = decide(q, ranked);
    ASSERT_EQ(d.action, Action::kAnswer);
    update_conversation(conversation_, d, q);
  }
  Decision third = decide(q, ranked);
  EXPECT_EQ(third.action, Action::kHandoff);
  EXPECT_EQ(third.reason, HandoffReason::kRepeatedQuestion);
  EXPECT_EQ(third.faq_id, "recharge.limit");
  update_conversation(conversation_, third, q);
  EXPECT_EQ(decide(q, ranked).action, Action::kAnswer) << "counting starts again";
  // Control: another entry answered twice before does not count for this one.
  Conversation other;
  other.asks_per_entry["withdraw.limit"] = 2;
  retrieval::SearchResult r = ranked;
  r.normalized = q;
  EXPECT_EQ(Policy().decide(r, *kb_, other, {}).action, Action::kAnswer);
}

TEST_F(LimitDirectionPolicy, LeavesOtherReadingsAlone) {
  // Ranked as an entry of another type: not a limit question of ours.
  Decision how = decide("充值一次能充多少怎么充",
                        testing::result({{"recharge.how", 0.8}, {"withdraw.limit", 0.1}}));
  EXPECT_EQ(how.faq_id, "recharge.how");
  // The direction's entry not ranked at all.
  Decision unranked = decide("我想存二十万进去一天能转这么多吗", testing::result({{"loan.amount", 0.68}}));
  EXPECT_EQ(unranked.faq_id, "loan.amount");
  // Switched off.
  Thresholds off;
  off.inflow_limit_entry = "";
  Decision d = decide("我想存二十万进去一天能转这么多吗",
                      testing::result({{"loan.amount", 0.68}, {"recharge.limit", 0.14}}), {}, off);
  EXPECT_EQ(d.faq_id, "loan.amount");
}

}  // namespace
}  // namespace faqbot::bot
