// A marked follow-up naming nothing, whose text alone reads a type that
// refines the answered one within the kept topic, asks that of the answer
// (read_as_refined_by_alone, bot/followup_readings.h).
#include <gtest/gtest.h>

#include "bot/followup.h"
#include "fake_retriever.h"
#include "kb_fixture.h"

namespace faqbot::bot {
namespace {

using testing::FakeRetriever;
using testing::result;

class FollowupRefinedAloneTest : public ::testing::Test {
 protected:
  FollowupRefinedAloneTest() {
    knowledge::Entry failed = testing::entry("withdraw.failed", "提现失败了怎么办", "…");
    failed.topic = "withdraw";
    failed.type = "failed";
    kb_->entries.push_back(failed);
    kb_->followup.refined_by["failed"] = {"how_long"};
    cues_ = CueReader(*kb_, retriever_);
    conversation_.last_question = "提现失败了怎么办";
    conversation_.last_faq_id = "withdraw.failed";
    conversation_.topic = "withdraw";
    conversation_.type = "failed";
  }
  Reading read(const std::string& text) {
    return read_message(retriever_, *kb_, cues_, text, conversation_, Thresholds{}, 5, 10);
  }
  // The answer's title before `said` reads the answered entry.
  void title_reads_the_answer(const std::string& said) {
    retriever_.on("提现失败了怎么办" + said,
                  result({{"withdraw.failed", 0.8}, {"withdraw.arrival_time", 0.1}, {"withdraw.fee", 0.05}}));
  }

  std::shared_ptr<knowledge::KnowledgeBase> kb_ = testing::make_kb();
  FakeRetriever retriever_;
  CueReader cues_;
  Conversation conversation_;
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
