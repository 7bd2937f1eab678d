// A marked follow-up naming nothing, whose text alone reads a type that
// refines the answered one within the kept topic, asks that of the answer
// (read_as_refined_by_alone, bot/followup_readings.h).
#include <gtest/gtest.h>

#include "followup_fixture.h"

namespace faqbot::bot {
namespace {

using testing::FakeRetriever;
using testing::result;

class FollowupRefinedAloneTest : public testing::FollowupFixture {
 protected:
  FollowupRefinedAloneTest() {
    add_typed_entries({{"withdraw.failed", "提现失败了怎么办"}});
    kb_->followup.refined_by["failed"] = {"how_long"};
    answered("提现失败了怎么办", "withdraw.failed", "withdraw", "failed");
  }
  // The answer's title before `said` reads the answered entry.
  void title_reads_the_answer(const std::string& said) {
    retriever_.on("提现失败了怎么办" + said,
                  result({{"withdraw.failed", 0.8}, {"withdraw.arrival_time", 0.1}, {"withdraw.fee", 0.05}}));
  }
};

TEST_F(FollowupRefinedAloneTest, ARefiningTypeTheTextAloneReadsIsAskedOfTheAnswer) {
  const std::string said = "那钱是不是一直卡在半路上";
  retriever_.on(said, result({{"withdraw.arrival_time", 0.9}, {"withdraw.failed", 0.05}}));
  title_reads_the_answer(said);
  Reading r = read(said);
  EXPECT_EQ(r.kind, ReadingKind::kType);
  ASSERT_FALSE(r.result.candidates.empty());
  EXPECT_EQ(r.result.candidates[0].id, "withdraw.failed");
}

TEST_F(FollowupRefinedAloneTest, ControlWithoutAMarkerTheTextAloneKeepsItsReading) {
  const std::string said = "钱是不是一直卡在半路上了";
  retriever_.on(said, result({{"withdraw.arrival_time", 0.9}, {"withdraw.failed", 0.05}}));
  title_reads_the_answer(said);
  Reading r = read(said);
  ASSERT_FALSE(r.result.candidates.empty());
  EXPECT_EQ(r.result.candidates[0].id, "withdraw.arrival_time");
}

}  // namespace
}  // namespace faqbot::bot
