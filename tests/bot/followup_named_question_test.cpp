// A complete new question naming a new topic and a type, which the text
// alone ranks first but unsure, is read within what it names
// (bot/followup_readings.h read_as_named).
#include <gtest/gtest.h>

#include "followup_fixture.h"

namespace faqbot::bot {
namespace {

using testing::result;

class FollowupNamedQuestionTest : public testing::FollowupFixture {
 protected:
  FollowupNamedQuestionTest() {
    add_typed_entries({{"withdraw.limit", "提现最低是多少"},
                       {"loan.requirements", "借款要什么条件"},
                       {"loan.amount", "借款最多能借多少"}});
    kb_->followup.topic_cues["loan"] = {"借款"};
    kb_->followup.topic_cues["withdraw"] = {"提现"};
    kb_->followup.type_cues["requirements"] = {"门槛"};
    kb_->followup.type_cues["limit"] = {"最低"};
    answered("提现最低是多少", "withdraw.limit", "withdraw", "limit");
  }
};

TEST_F(FollowupNamedQuestionTest, TheNamedTopicAndTypeConfirmTheUnsureTextAlone) {
  const std::string said = "借款的门槛呢";
  retriever_.on(said, result({{"loan.requirements", 0.3}, {"loan.amount", 0.25}, {"withdraw.limit", 0.2}}));
  Reading r = read(said);
  ASSERT_FALSE(r.result.candidates.empty());
  EXPECT_EQ(r.result.candidates[0].id, "loan.requirements");
  EXPECT_GT(r.result.candidates[0].confidence, 0.5);
  EXPECT_EQ(r.result.candidates.size(), 1u);
}

TEST_F(FollowupNamedQuestionTest, ControlATextAloneRankingAnotherTypeFirstIsLeftUnsure) {
  const std::string said = "借款的门槛呢";
  retriever_.on(said, result({{"loan.amount", 0.3}, {"loan.requirements", 0.25}, {"withdraw.limit", 0.2}}));
  Reading r = read(said);
  ASSERT_FALSE(r.result.candidates.empty());
  EXPECT_LT(r.result.candidates[0].confidence, 0.5);
}

}  // namespace
}  // namespace faqbot::bot
