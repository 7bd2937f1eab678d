// Money told taken wrongly by a charge (bot/charge_story.h) and the policy's
// rule 2a.
#include "bot/charge_story.h"

#include <gtest/gtest.h>

#include "bot/policy.h"
#include "fake_retriever.h"
#include "kb_fixture.h"
#include "policy_fixture.h"

namespace faqbot::bot {
namespace {

TEST(ChargeStory, TellsADoubleCharge) {
  EXPECT_TRUE(tells_double_charge("怎么扣了我两次钱"));
  EXPECT_TRUE(tells_double_charge("同一期还款被扣了两遍"));
  EXPECT_TRUE(tells_double_charge("银行卡被重复扣款了"));
  EXPECT_TRUE(tells_double_charge("我的还款好像被扣重复了"));
  EXPECT_TRUE(tells_double_charge("这个月被扣了两笔还款"));
  EXPECT_TRUE(tells_double_charge("还款多扣了一期的钱"));
}

TEST(ChargeStory, ADoubleChargeAskedAboutIsNoneTold) {
  EXPECT_FALSE(tells_double_charge("扣款时间是几点")) << "no charge told";
  EXPECT_FALSE(tells_double_charge("自动还款会不会重复扣款")) << "a possibility";
  EXPECT_FALSE(tells_double_charge("如果扣了两次怎么办"));
  EXPECT_FALSE(tells_double_charge("我有两笔借款每月扣款时间一样吗")) << "two loans, nothing taken";
  EXPECT_FALSE(tells_double_charge("怎么扣了我两百块")) << "an amount, not a repetition";
  EXPECT_FALSE(tells_double_charge("债权卖掉要被扣多少")) << "an amount asked";
  EXPECT_FALSE(tells_double_charge("还款可以分两次还吗"));
  EXPECT_FALSE(tells_double_charge("充值扣了两次钱")) << "the recharge's own business";
  EXPECT_FALSE(tells_double_charge("被扣过罚息 之前也逾期过两次 还能借吗")) << "the repetition counts something else";
  EXPECT_TRUE(tells_double_charge("钱被扣走了两次"));
}

TEST(ChargeStory, ARechargeChargedTwiceIsToldWhenOnlyOneChargeReachedTheAccount) {
  EXPECT_TRUE(tells_double_charge("充了一次钱银行扣了两笔余额只加了一笔"));
  EXPECT_TRUE(tells_double_charge("充值被扣了两次钱只到账了一笔"));
  EXPECT_TRUE(tells_double_charge("充值重复扣款了账户里少了一笔"));
  EXPECT_TRUE(tells_double_charge("转入的时候银行卡扣了两笔有一笔没到账"));
  // Controls: nothing told missing, nothing told twice, or asked about.
  EXPECT_FALSE(tells_double_charge("充值扣了两次钱")) << "no shortfall told";
  EXPECT_FALSE(tells_double_charge("充值扣了两次钱余额也加了两笔")) << "both credited";
  EXPECT_FALSE(tells_double_charge("充了一次钱余额只加了一笔")) << "charged once";
  EXPECT_FALSE(tells_double_charge("充值只能充到一万吗扣了两次")) << "只 tells a limit";
  EXPECT_FALSE(tells_double_charge("充值会不会扣两次只到账一笔")) << "a possibility";
}

TEST(ChargeStory, TellsAChargeTakenAgainOrBeyondWhatWasDue) {
  EXPECT_TRUE(tells_double_charge("这期明明已经还了今天又从卡里扣了一遍"));
  EXPECT_TRUE(tells_double_charge("上个月的还款再次被扣了"));
  EXPECT_TRUE(tells_double_charge("应该扣1200结果从我卡里划走了2400"));
  EXPECT_TRUE(tells_double_charge("mypaymentwastakentwicefrom我的银行卡"));
  EXPECT_TRUE(tells_double_charge("youchargedmetwice"));
}

TEST(ChargeStory, AChargeAgainControls) {
  EXPECT_FALSE(tells_double_charge("下个月又要被扣还款了吧")) << "to come, not told";
  EXPECT_FALSE(tells_double_charge("我又去银行查了一下流水扣了多少")) << "又 tells the asker's doing";
  EXPECT_FALSE(tells_double_charge("每期应该扣多少钱")) << "nothing taken told";
  EXPECT_FALSE(tells_double_charge("willibechargedtwice")) << "a possibility in English";
  EXPECT_FALSE(tells_double_charge("canipaytwiceamonth")) << "no charge told";
}

TEST(ChargeStory, TellsChargedButShownUnpaid) {
  EXPECT_TRUE(tells_charged_but_unpaid("扣款了但是显示未还款"));
  EXPECT_TRUE(tells_charged_but_unpaid("钱扣了还显示逾期"));
  EXPECT_TRUE(tells_charged_but_unpaid("卡里的钱已经划走了账单还是待还款"));
  EXPECT_TRUE(tells_charged_but_unpaid("明明还了钱怎么还说我逾期"));
  EXPECT_TRUE(tells_charged_but_unpaid("自动还款扣了钱可订单状态还是没还"));
  EXPECT_TRUE(tells_charged_but_unpaid("提前还款扣了钱为什么还显示在还款中"));
  EXPECT_TRUE(tells_charged_but_unpaid("已经扣款了怎么还是逾期"));
}

TEST(ChargeStory, ChargedButUnpaidControls) {
  EXPECT_FALSE(tells_charged_but_unpaid("逾期会怎样")) << "nothing taken";
  EXPECT_FALSE(tells_charged_but_unpaid("扣款时间是几点"));
  EXPECT_FALSE(tells_charged_but_unpaid("扣款失败显示逾期了怎么办")) << "a charge that failed";
  EXPECT_FALSE(tells_charged_but_unpaid("卡里没钱没扣到款显示逾期"));
  EXPECT_FALSE(tells_charged_but_unpaid("逾期还清了征信还显示逾期吗")) << "the credit record";
  EXPECT_FALSE(tells_charged_but_unpaid("逾期三天还款了还是要交罚息吗")) << "the penalty asked";
  EXPECT_FALSE(tells_charged_but_unpaid("逾期后还了钱多久恢复额度")) << "nothing shown unpaid";
  EXPECT_FALSE(tells_charged_but_unpaid("万一扣了钱还显示逾期怎么办")) << "a possibility";
  EXPECT_FALSE(tells_charged_but_unpaid("充值扣了钱但是余额还是没变")) << "a recharge";
}

class ChargeGoneWrongPolicy : public testing::PolicyFixture {
 protected:
  ChargeGoneWrongPolicy() {
    kb_->entries.push_back(testing::entry("account.funds_abnormal", "账户资金异常", "已为您优先转接人工客服。",
                                          knowledge::HandoffMode::kHandPriority));
    kb_->entries.push_back(testing::entry("loan.repay_methods", "怎么还款", "可在借款页面还款。"));
  }
};

TEST_F(ChargeGoneWrongPolicy, HandsOverWithTheAbnormalFundsEntry) {
  const auto ranked = testing::result({{"loan.repay_methods", 0.9}, {"account.funds_abnormal", 0.05}});
  Decision d = decide("自动还款扣了钱可订单状态还是没还", ranked);
  EXPECT_EQ(d.action, Action::kHandoff);
  EXPECT_EQ(d.faq_id, "account.funds_abnormal");
  EXPECT_EQ(d.reason, HandoffReason::kEntry);
  EXPECT_EQ(d.priority, Priority::kHigh);
  EXPECT_DOUBLE_EQ(d.confidence, 0.05);
  Decision unranked = decide("怎么扣了我两次钱", testing::result({{"loan.repay_methods", 0.2}}));
  EXPECT_EQ(unranked.action, Action::kHandoff);
  EXPECT_EQ(unranked.faq_id, "account.funds_abnormal");
  // A question about charges is answered as asked.
  Decision asked = decide("扣款时间是几点", ranked);
  EXPECT_EQ(asked.action, Action::kAnswer);
  EXPECT_EQ(asked.faq_id, "loan.repay_methods");
}

TEST_F(ChargeGoneWrongPolicy, ASignalsHandoffIsAboutTheCharge) {
  Signals human;
  human.human_request = true;
  Decision d = decide("重复扣款了转人工", testing::result({{"service.human", 0.8}}), human);
  EXPECT_EQ(d.action, Action::kHandoff);
  EXPECT_EQ(d.reason, HandoffReason::kExplicitRequest);
  EXPECT_EQ(d.faq_id, "account.funds_abnormal");
}

TEST_F(ChargeGoneWrongPolicy, TheRuleIsASetting) {
  const auto ranked = testing::result({{"loan.repay_methods", 0.9}});
  for (const char* entry : {"", "account.no_such_entry"}) {
    Thresholds t;
    t.charge_abnormal_entry = entry;
    EXPECT_EQ(decide("钱扣了还显示逾期", ranked, {}, t).faq_id, "loan.repay_methods") << entry;
  }
}

}  // namespace
}  // namespace faqbot::bot
