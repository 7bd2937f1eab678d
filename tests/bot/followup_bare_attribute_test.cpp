// A bare message with no subject of its own asks about the answer just
// given when the text alone, sure but not certain, reads another topic's
// entry and still ranks the answer among its first (read_as_the_answer,
// bot/followup_readings.h).
#include <gtest/gtest.h>

#include "followup_fixture.h"

namespace faqbot::bot {
namespace {

using testing::FakeRetriever;
using testing::result;

class FollowupBareAttributeTest : public testing::FollowupFixture {
 protected:
  FollowupBareAttributeTest() {
    answered("提现多久到账", "withdraw.arrival_time", "withdraw", "how_long");
    retriever_.on("提现多久到账有啥讲究吗", result({{"withdraw.arrival_time", 0.9}, {"recharge.fee", 0.05}}));
  }
};

TEST_F(FollowupBareAttributeTest, ABareAttributeAsksAboutTheAnswer) {
  retriever_.on("有啥讲究吗", result({{"recharge.fee", 0.7}, {"withdraw.arrival_time", 0.05}}));
  Reading r = read("有啥讲究吗");
  EXPECT_TRUE(r.in_context());
  ASSERT_FALSE(r.result.candidates.empty());
  EXPECT_EQ(r.result.candidates[0].id, "withdraw.arrival_time");
}

TEST_F(FollowupBareAttributeTest, ControlTheTextAloneCertainOfAnotherEntryKeepsIt) {
  retriever_.on("有啥讲究吗", result({{"recharge.fee", 0.95}, {"withdraw.arrival_time", 0.05}}));
  Reading r = read("有啥讲究吗");
  EXPECT_FALSE(r.in_context());
  ASSERT_FALSE(r.result.candidates.empty());
  EXPECT_EQ(r.result.candidates[0].id, "recharge.fee");
}

TEST_F(FollowupBareAttributeTest, ControlALongerMessageHasASubjectOfItsOwn) {
  const std::string said = "往里面存的钱有啥讲究吗";
  retriever_.on(said, result({{"recharge.fee", 0.7}, {"withdraw.arrival_time", 0.05}}));
  retriever_.on("提现多久到账" + said, result({{"withdraw.arrival_time", 0.9}, {"recharge.fee", 0.05}}));
  Reading r = read(said);
  EXPECT_FALSE(r.in_context());
  ASSERT_FALSE(r.result.candidates.empty());
  EXPECT_EQ(r.result.candidates[0].id, "recharge.fee");
}

}  // namespace
}  // namespace faqbot::bot
