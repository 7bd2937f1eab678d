// Detail mentions: a label and its number tell which record is meant.
#include "retrieval/detail_mentions.h"

#include <gtest/gtest.h>

namespace faqbot::retrieval {
namespace {

TEST(DetailMentionsTest, AClauseOfALabelAndItsNumberOnlyTellsADetail) {
  EXPECT_TRUE(only_details("订单号cz20240311008765"));
  EXPECT_TRUE(only_details("合同编号ht2023091200456的借款"));  // the record's kind beside it
  EXPECT_TRUE(only_details("我的手机号1391234"));
  EXPECT_TRUE(only_details("订单号后四位4471"));
}

TEST(DetailMentionsTest, AClauseAskingAboutTheRecordIsMoreThanADetail) {
  EXPECT_FALSE(only_details("订单号dd12345678的提现到账了没"));
  EXPECT_FALSE(only_details("工行卡尾号5521绑不上"));
  EXPECT_FALSE(only_details("订单号"));        // no number
  EXPECT_FALSE(only_details("充了5000"));      // a number without a label
}

TEST(DetailMentionsTest, MentionsAreLeftOutAndTheRestKept) {
  EXPECT_EQ(without_detail_mentions("合同编号ht2023091200456的借款能提前还吗"), "借款能提前还吗");
  EXPECT_EQ(without_detail_mentions("订单号是a10086用工行充了5000"), "用工行充了0");
  EXPECT_EQ(without_detail_mentions("提现多久到账"), "提现多久到账");
}

}  // namespace
}  // namespace faqbot::retrieval
