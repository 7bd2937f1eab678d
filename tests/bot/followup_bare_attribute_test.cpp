// A bare message with no subject of its own asks about the answer just
// given when the text alone, sure but not certain, reads another topic's
// entry and still ranks the answer among its first (read_as_the_answer,
// bot/followup_readings.h).
#include <gtest/gtest.h>

#include "bot/followup.h"
#include "fake_retriever.h"
#include "kb_fixture.h"

namespace faqbot::bot {
namespace {

using testing::FakeRetriever;
using testing::result;

class FollowupBareAttributeTest : public ::testing::Test {
 protected:
  FollowupBareAttributeTest() : cues_(*kb_, retriever_) {
    conversation_.last_question = "提现多久到账";
    conversation_.last_faq_id = "withdraw.arrival_time";
    conversation_.topic = "withdraw";
    conversation_.type = "how_long";
    retriever_.on("提现多久到账有啥讲究吗", result({{"withdraw.arrival_time", 0.9}, {"recharge.fee", 0.05}}));
  }
  Reading read(const std::string& text) {
    return read_message(retriever_, *kb_, cues_, text, conversation_, Thresholds{}, 5, 10);
  }

  std::shared_ptr<knowledge::KnowledgeBase> kb_ = testing::make_kb();
  FakeRetriever retriever_;
  CueReader cues_;
  Conversation conversation_;
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
