// A bare penalty (罚息, 违约金…) after an answer whose own questions ask of a
// penalty asks about that answer's charge; said with a condition contrasting
// with the answered type (逾期) it stays the overdue penalty
// (bot/followup_readings.h read_as_the_answer).
#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

#include "followup_fixture.h"

namespace faqbot::bot {
namespace {

using testing::result;

class FollowupPenaltyTest : public testing::FollowupFixture {
 protected:
  FollowupPenaltyTest() {
    add_typed_entries({{"loan.early_repay", "提前还款怎么操作"},
                       {"loan.overdue", "逾期了怎么办"},
                       {"loan.cost", "借款利率多少"}});
    kb_->followup.topic_cues["loan"] = {"提前还款", "逾期", "罚息", "借款"};
    kb_->followup.contrasts["early_repay"] = {"逾期"};
  }
  knowledge::Entry& entry_of(const std::string& id) {
    for (knowledge::Entry& e : kb_->entries) {
      if (e.id == id) return e;
    }
    throw std::runtime_error(id);
  }
  // Alone, the text is sure of the overdue penalty; after a title it reads
  // that title's entry first.
  void script(const std::string& said) {
    retriever_.on(said, result({{"loan.overdue", 0.95}, {"loan.early_repay", 0.02}}));
    retriever_.on("提前还款怎么操作" + said, result({{"loan.early_repay", 0.8}, {"loan.overdue", 0.15}}));
    retriever_.on("借款利率多少" + said, result({{"loan.cost", 0.6}, {"loan.overdue", 0.3}}));
  }
};

TEST_F(FollowupPenaltyTest, ABarePenaltyAsksTheChargeOfAnAnswerAskedOfItsPenalty) {
  entry_of("loan.early_repay").questions.push_back("提前还款违约金");
  answered("提前还款怎么操作", "loan.early_repay", "loan", "early_repay");
  for (const std::string said : {"罚息收吗", "有违约金吗", "要罚钱不"}) {
    script(said);
    Reading r = read(said);
    EXPECT_TRUE(r.in_context()) << said;
    ASSERT_FALSE(r.result.candidates.empty()) << said;
    EXPECT_EQ(r.result.candidates[0].id, "loan.early_repay") << said;
  }
}

TEST_F(FollowupPenaltyTest, ControlAPenaltyWithTheContraryConditionStaysOverdue) {
  entry_of("loan.early_repay").questions.push_back("提前还款违约金");
  answered("提前还款怎么操作", "loan.early_repay", "loan", "early_repay");
  script("逾期了罚息怎么算");
  Reading r = read("逾期了罚息怎么算");
  ASSERT_FALSE(r.result.candidates.empty());
  EXPECT_EQ(r.result.candidates[0].id, "loan.overdue");
}

TEST_F(FollowupPenaltyTest, ControlAnAnswerNeverAskedOfAPenaltyLeavesItOverdue) {
  answered("借款利率多少", "loan.cost", "loan", "cost");
  script("罚息收吗");
  Reading r = read("罚息收吗");
  ASSERT_FALSE(r.result.candidates.empty());
  EXPECT_EQ(r.result.candidates[0].id, "loan.overdue");
}

}  // namespace
}  // namespace faqbot::bot
