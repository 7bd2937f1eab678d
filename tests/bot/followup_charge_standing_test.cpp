// A charge asked yes-no names the fee type (bot/followup_charge.h); a credit
// score after a loan question is the requirements (bot/followup_credit_
// standing.h); a transfer between bank accounts is a bank's service
// (bot/followup_bank_transfer.h); a follow-up-only cue of a type only another
// topic has reads the message alone (bot/followup_elsewhere.h).
#include <gtest/gtest.h>

#include <string>

#include "bot/followup_bank_transfer.h"
#include "bot/followup_charge.h"
#include "bot/followup_credit_standing.h"
#include "bot/followup_elsewhere.h"
#include "followup_fixture.h"

namespace faqbot::bot {
namespace {

using testing::result;

TEST(FollowupCharge, AChargeAskedYesNo) {
  EXPECT_EQ(asked_charge("扣钱不"), "扣钱不");
  EXPECT_EQ(asked_charge("扣不扣钱"), "扣不扣钱");
  EXPECT_EQ(asked_charge("会多扣钱不"), "多扣钱");
  EXPECT_EQ(asked_charge("提前还要扣钱吗"), "扣钱吗");
  // Controls: money taken as a story, or by a standing order, asks no charge.
  EXPECT_EQ(asked_charge("银行卡扣钱了没到账"), "");
  EXPECT_EQ(asked_charge("到期会自动扣钱吗"), "");
  EXPECT_EQ(asked_charge("提现多久到账"), "");
}

TEST(FollowupCreditStanding, ACreditScoreTold) {
  EXPECT_TRUE(names_credit_standing("信用分得多少"));
  EXPECT_TRUE(names_credit_standing("芝麻分低能借不"));
  EXPECT_TRUE(names_credit_standing("对芝麻信用有要求不"));
  EXPECT_TRUE(names_credit_standing("信用记录不太好能借吗"));
  // Controls: what becomes of the score, raising it, looking it up.
  EXPECT_FALSE(names_credit_standing("信用分会降吗"));
  EXPECT_FALSE(names_credit_standing("会影响芝麻分吗"));
  EXPECT_FALSE(names_credit_standing("芝麻分怎么提高"));
  EXPECT_FALSE(names_credit_standing("芝麻分怎么才能涨上去"));
  EXPECT_FALSE(names_credit_standing("芝麻分在哪查"));
  EXPECT_FALSE(names_credit_standing("借款要什么条件"));
}

TEST(FollowupCreditStanding, WhatBecomesOfACreditScore) {
  EXPECT_TRUE(asks_credit_consequence("信用分会降吗"));
  EXPECT_TRUE(asks_credit_consequence("会影响征信记录吗"));
  // Controls: raising it, its standing, no score.
  EXPECT_FALSE(asks_credit_consequence("芝麻分怎么提高"));
  EXPECT_FALSE(asks_credit_consequence("信用分得多少"));
  EXPECT_FALSE(asks_credit_consequence("利息会降吗"));
}

TEST(FollowupBankTransfer, ATransferBetweenBankAccounts) {
  MessageCues none;
  EXPECT_TRUE(asks_of_a_bank_transfer(none, "银行转账一般多久到"));
  EXPECT_TRUE(asks_of_a_bank_transfer(none, "那银行之间转账一般多久到"));
  EXPECT_TRUE(asks_of_a_bank_transfer(none, "银行汇款几天到"));
  // A transfer to another person asked how long it takes.
  EXPECT_TRUE(asks_of_a_bank_transfer(none, "给别人转账多久到"));
  EXPECT_TRUE(asks_of_a_bank_transfer(none, "转账给朋友几天能到"));
  // Controls: whether money goes to another person (the withdrawal's how-to),
  // no bank nor person, a word of our topics, a pointer, a means of ours.
  EXPECT_FALSE(asks_of_a_bank_transfer(none, "能给别人转账吗"));
  EXPECT_FALSE(asks_of_a_bank_transfer(none, "钱能直接转给别人吗"));
  EXPECT_FALSE(asks_of_a_bank_transfer(none, "转账多久到"));
  MessageCues topic;
  topic.topics.push_back({"recharge", "充值"});
  EXPECT_FALSE(asks_of_a_bank_transfer(topic, "银行转账充值多久到"));
  MessageCues pointer;
  pointer.reference = true;
  EXPECT_FALSE(asks_of_a_bank_transfer(pointer, "这个银行转账多久到"));
  MessageCues means;
  means.types.push_back({"methods", "银行转账", true, false});
  EXPECT_FALSE(asks_of_a_bank_transfer(means, "银行转账行吗"));
}

class FollowupChargeStandingTest : public testing::FollowupFixture {
 protected:
  FollowupChargeStandingTest() {
    add_typed_entries({{"loan.apply", "借款怎么申请"},
                       {"loan.requirements", "借款要什么条件"},
                       {"loan.early_repay", "提前还款怎么操作"},
                       {"loan.cost", "借款利率多少"},
                       {"invest.rate_change", "为什么利率降了"},
                       {"withdraw.fee", "提现手续费多少"}});
    for (knowledge::Entry& e : kb_->entries) {
      if (e.id == "loan.cost" || e.id == "withdraw.fee") e.type = "fee";
      if (e.id == "loan.early_repay") e.questions.push_back("提前还款违约金");
    }
    kb_->followup.topic_cues["loan"] = {"借款", "提前还款"};
    kb_->followup.topic_cues["invest"] = {"出借"};
    kb_->followup.topic_cues["withdraw"] = {"提现"};
    kb_->followup.refined_by["early_repay"] = {"fee"};
    kb_->followup.followup_type_cues["fee"] = {"利率"};
    kb_->followup.followup_type_cues["rate_change"] = {"降了"};
  }
};

TEST_F(FollowupChargeStandingTest, ACreditScoreAfterALoanQuestionIsTheRequirements) {
  answered("借款怎么申请", "loan.apply", "loan", "apply");
  retriever_.on("信用分得多少", result({{"withdraw.fee", 0.05}}, 0.95));
  retriever_.on("借款信用分得多少", result({{"loan.apply", 0.2}, {"loan.requirements", 0.1}}, 0.9));
  Reading r = read("信用分得多少");
  EXPECT_TRUE(r.in_context());
  ASSERT_FALSE(r.result.candidates.empty());
  EXPECT_EQ(r.result.candidates[0].id, "loan.requirements");
  EXPECT_LT(r.result.out_of_scope, 0.5);
}

TEST_F(FollowupChargeStandingTest, ControlACreditScoreAfterAnotherTopicIsNoRequirement) {
  answered("提现手续费多少", "withdraw.fee", "withdraw", "fee");
  retriever_.on("信用分得多少", result({{"withdraw.fee", 0.05}}, 0.95));
  Reading r = read("信用分得多少");
  EXPECT_FALSE(!r.result.candidates.empty() && r.result.candidates[0].id == "loan.requirements");
}

TEST_F(FollowupChargeStandingTest, ACreditScoreBesideTheLastAnswersTypeKeepsIt) {
  answered("借款利率多少", "loan.cost", "loan", "fee");
  retriever_.on("信用分高的利率能低点吗", result({{"withdraw.fee", 0.05}}, 0.9));
  retriever_.on("借款信用分高的利率能低点吗", result({{"loan.cost", 0.3}, {"withdraw.fee", 0.1}}, 0.6));
  Reading r = read("信用分高的利率能低点吗");
  EXPECT_TRUE(r.in_context());
  ASSERT_FALSE(r.result.candidates.empty());
  EXPECT_EQ(r.result.candidates[0].id, "loan.cost");
  EXPECT_LT(r.result.out_of_scope, 0.5);
}

TEST_F(FollowupChargeStandingTest, ControlACreditScoreWithoutTheLastAnswersTypeIsNotItsAnswer) {
  answered("借款利率多少", "loan.cost", "loan", "fee");
  retriever_.on("信用分会降吗", result({{"withdraw.fee", 0.05}}, 0.95));
  retriever_.on("借款信用分会降吗", result({{"loan.cost", 0.3}}, 0.6));
  Reading r = read("信用分会降吗");
  EXPECT_FALSE(r.in_context() && !r.result.candidates.empty() && r.result.candidates[0].id == "loan.cost" &&
               r.result.out_of_scope == 0.0);
}

TEST_F(FollowupChargeStandingTest, ControlACreditScoreBesideAWithdrawalsFeeIsNotItsFee) {
  answered("提现手续费多少", "withdraw.fee", "withdraw", "fee");
  retriever_.on("信用分高的手续费能少点吗", result({{"withdraw.fee", 0.05}}, 0.9));
  retriever_.on("提现信用分高的手续费能少点吗", result({{"withdraw.fee", 0.3}}, 0.6));
  Reading r = read("信用分高的手续费能少点吗");
  EXPECT_FALSE(r.in_context() && !r.result.candidates.empty() && r.result.candidates[0].id == "withdraw.fee" &&
               r.result.out_of_scope == 0.0);
}

TEST_F(FollowupChargeStandingTest, WhatBecomesOfTheScoreAfterTheOverdueAnswerIsTheOverdueAnswer) {
  add_typed_entries({{"loan.overdue", "逾期了会怎样"}});
  answered("逾期了会怎样", "loan.overdue", "loan", "overdue");
  retriever_.on("信用分会降吗", result({{"withdraw.fee", 0.03}}, 0.95));
  retriever_.on("借款信用分会降吗", result({{"loan.overdue", 0.2}, {"loan.cost", 0.1}}, 0.7));
  Reading r = read("信用分会降吗");
  EXPECT_TRUE(r.in_context());
  ASSERT_FALSE(r.result.candidates.empty());
  EXPECT_EQ(r.result.candidates[0].id, "loan.overdue");
  EXPECT_LT(r.result.out_of_scope, 0.5);
}

TEST_F(FollowupChargeStandingTest, ControlRaisingTheScoreAfterTheOverdueAnswerIsNotIt) {
  add_typed_entries({{"loan.overdue", "逾期了会怎样"}});
  answered("逾期了会怎样", "loan.overdue", "loan", "overdue");
  retriever_.on("芝麻分怎么提高", result({{"withdraw.fee", 0.03}}, 0.95));
  retriever_.on("借款芝麻分怎么提高", result({{"loan.overdue", 0.2}}, 0.7));
  Reading r = read("芝麻分怎么提高");
  EXPECT_FALSE(r.in_context() && !r.result.candidates.empty() && r.result.candidates[0].id == "loan.overdue" &&
               r.result.out_of_scope == 0.0);
}

TEST_F(FollowupChargeStandingTest, AChargeAskedAfterEarlyRepaymentIsItsCharge) {
  answered("提前还款怎么操作", "loan.early_repay", "loan", "early_repay");
  retriever_.on("扣钱不", result({{"withdraw.fee", 0.97}, {"loan.early_repay", 0.01}}));
  retriever_.on("提前还款怎么操作扣钱不", result({{"loan.early_repay", 0.8}, {"loan.cost", 0.1}}));
  Reading r = read("扣钱不");
  EXPECT_TRUE(r.in_context());
  ASSERT_FALSE(r.result.candidates.empty());
  EXPECT_EQ(r.result.candidates[0].id, "loan.early_repay");
}

TEST_F(FollowupChargeStandingTest, AnotherTopicsTypeNamedByItsCueIsReadAlone) {
  answered("借款利率多少", "loan.cost", "loan", "fee");
  retriever_.on("为什么利率降了", result({{"invest.rate_change", 0.99}, {"loan.cost", 0.01}}));
  const MessageCues named = cues_.read("为什么利率降了", "loan", "fee");
  EXPECT_TRUE(names_another_topics_type(cues_, *kb_, named, retriever_.search("为什么利率降了", 5),
                                        conversation_, Thresholds{}));
  Reading r = read("为什么利率降了");
  EXPECT_FALSE(r.in_context());
  ASSERT_FALSE(r.result.candidates.empty());
  EXPECT_EQ(r.result.candidates[0].id, "invest.rate_change");
  // Control: with a follow-up marker the message is tied to the kept topic.
  const MessageCues marked = cues_.read("那利率降了呢", "loan", "fee");
  retriever_.on("那利率降了呢", result({{"invest.rate_change", 0.99}}));
  EXPECT_FALSE(names_another_topics_type(cues_, *kb_, marked, retriever_.search("那利率降了呢", 5),
                                         conversation_, Thresholds{}));
}

}  // namespace
}  // namespace faqbot::bot
