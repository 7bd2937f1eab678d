// A correction of the answer says what was asked instead
// (bot/followup_correction.h).
#include "bot/followup_correction.h"

#include <gtest/gtest.h>

namespace faqbot::bot {
namespace {

TEST(FollowupCorrection, TheWordsAfterTheCorrection) {
  EXPECT_EQ(corrected_question("不是这个 我问的是充值"), "充值");
  EXPECT_EQ(corrected_question("不对，我说的是充值"), "充值");
  EXPECT_EQ(corrected_question("不是充值 是提现"), "提现");
  EXPECT_EQ(corrected_question("搞错了 我是问借款审核"), "借款审核");
  EXPECT_EQ(corrected_question("我问的不是借款 是出借收益"), "出借收益");
  EXPECT_EQ(corrected_question("不是这个我问的是充值手续费"), "充值手续费");
}

TEST(FollowupCorrection, NoCorrection) {
  EXPECT_EQ(corrected_question("不是说免费吗 是你们自己说的"), "");
  EXPECT_EQ(corrected_question("是不是骗子"), "");
  EXPECT_EQ(corrected_question("我不是要绑卡 是要换卡"), "");
  EXPECT_EQ(corrected_question("不是充值 是不是提现"), "");
  EXPECT_EQ(corrected_question("那充值呢"), "");
  EXPECT_EQ(corrected_question("不对"), "");
}

}  // namespace
}  // namespace faqbot::bot
