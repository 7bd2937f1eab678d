// Cue words of the default config/followup.json that rules rely on, read by
// the CueReader over the default knowledge base (an identity normaliser:
// the texts below are written as normalised).
#include <gtest/gtest.h>

#include "bot/followup_cues.h"
#include "fake_retriever.h"
#include "knowledge/loader.h"

namespace faqbot::bot {
namespace {

bool names_type(const MessageCues& cues, const std::string& type) {
  for (const NamedSlot& t : cues.types) {
    if (t.slot == type) return true;
  }
  return false;
}

TEST(FollowupConfigCues, WhenSomethingCanBeDoneAsksHowLong) {
  const knowledge::LoadOutcome loaded = knowledge::load(FAQBOT_DEFAULT_CONFIG);
  ASSERT_TRUE(loaded.ok());
  testing::FakeRetriever identity;
  const CueReader cues(*loaded.kb, identity);
  // 什么时候能…: when it will be done, in any topic (after 账户资金异常, a
  // hand-over whose type how_long refines, it asks about that case).
  EXPECT_TRUE(names_type(cues.read("你们什么时候能处理完"), "how_long"));
  EXPECT_TRUE(names_type(cues.read("钱什么时候能退回来", "invest", "failed"), "how_long"));
  // Control: when something starts is no question of how long.
  EXPECT_FALSE(names_type(cues.read("什么时候开始算利息"), "how_long"));
}

TEST(FollowupConfigCues, ImpatienceAboutAWaitAsksHowLong) {
  const knowledge::LoadOutcome loaded = knowledge::load(FAQBOT_DEFAULT_CONFIG);
  ASSERT_TRUE(loaded.ok());
  testing::FakeRetriever identity;
  const CueReader cues(*loaded.kb, identity);
  // "这么久啊 能不能快点" after 借款审核要多久 is about the wait answered.
  EXPECT_TRUE(names_type(cues.read("这么久啊能不能快点", "loan", "how_long"), "how_long"));
  EXPECT_TRUE(names_type(cues.read("太慢了能加急吗", "withdraw", "how_long"), "how_long"));
}

TEST(FollowupConfigCues, AFailedDebitIsPayingLateOnlyInTheLoanTopic) {
  const knowledge::LoadOutcome loaded = knowledge::load(FAQBOT_DEFAULT_CONFIG);
  ASSERT_TRUE(loaded.ok());
  testing::FakeRetriever identity;
  const CueReader cues(*loaded.kb, identity);
  // After a repayment answer a failed debit is a repayment not made in time.
  EXPECT_TRUE(names_type(cues.read("扣款没成功会怎么样", "loan", "methods"), "overdue"));
  EXPECT_TRUE(names_type(cues.read("还款日卡里钱不够呢", "loan", "methods"), "overdue"));
  EXPECT_TRUE(names_type(cues.read("要是扣款没成功呢", "loan", "methods"), "overdue"));
  // Control: elsewhere the follow-up-only word is closed, and the failure
  // inside it is read (a recharge whose debit failed).
  EXPECT_FALSE(names_type(cues.read("扣款没成功怎么办", "recharge", "how"), "overdue"));
  EXPECT_TRUE(names_type(cues.read("扣款没成功怎么办", "recharge", "how"), "failed"));
}

TEST(FollowupConfigCues, AFailedDebitInOtherWordsIsPayingLate) {
  const knowledge::LoadOutcome loaded = knowledge::load(FAQBOT_DEFAULT_CONFIG);
  ASSERT_TRUE(loaded.ok());
  testing::FakeRetriever identity;
  const CueReader cues(*loaded.kb, identity);
  // Open in the loan topic, where loan.overdue is asked with these words.
  EXPECT_TRUE(names_type(cues.read("扣款失败会怎么样", "loan", "methods"), "overdue"));
  EXPECT_TRUE(names_type(cues.read("余额不足扣不了怎么办", "loan", "methods"), "overdue"));
  EXPECT_TRUE(names_type(cues.read("到期没扣上呢", "loan", "methods"), "overdue"));
  // Control: a recharge's failed debit is still a failure there.
  EXPECT_FALSE(names_type(cues.read("扣款失败怎么办", "recharge", "how"), "overdue"));
  EXPECT_TRUE(names_type(cues.read("扣款失败怎么办", "recharge", "how"), "failed"));
}

}  // namespace
}  // namespace faqbot::bot
