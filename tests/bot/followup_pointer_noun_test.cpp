// A demonstrative followed by a noun of its own points at that noun
// (bot/followup_pointer_noun.h): when the text alone is sure of the entry of
// the kept topic asked with that noun, the message is that entry's question.
#include <gtest/gtest.h>

#include "bot/followup_pointer_noun.h"
#include "followup_fixture.h"

namespace faqbot::bot {
namespace {

using testing::FakeRetriever;
using testing::result;

class FollowupPointerNounTest : public testing::FollowupFixture {
 protected:
  FollowupPointerNounTest() {
    add_typed_entries({{"invest.how", "怎么出借"}, {"invest.risk_assessment", "风险测评在哪做"}});
    kb_->followup.topic_cues["invest"] = {"出借"};
    kb_->followup.references.push_back("那个");
    answered("怎么出借", "invest.how", "invest", "how");
  }
};

TEST_F(FollowupPointerNounTest, NamesTheEntryAskedWithIt) {
  const knowledge::Entry& test = *kb_->find("invest.risk_assessment");
  EXPECT_TRUE(pointer_noun_names(*kb_, retriever_, "那个测评必须先做吗", "怎么出借", test));
  EXPECT_FALSE(pointer_noun_names(*kb_, retriever_, "那个测评必须先做吗", "测评怎么做", test));
  EXPECT_FALSE(pointer_noun_names(*kb_, retriever_, "那个东西必须先做吗", "怎么出借", test));
  EXPECT_FALSE(pointer_noun_names(*kb_, retriever_, "测评必须先做吗", "怎么出借", test));
}

TEST_F(FollowupPointerNounTest, TheNounsEntryTheTextAloneIsSureOfIsAsked) {
  const std::string said = "那个测评必须先做吗";
  retriever_.on(said, result({{"invest.risk_assessment", 0.9}, {"invest.how", 0.05}}));
  retriever_.on("出借测评必须先做吗", result({{"invest.how", 0.9}, {"invest.risk_assessment", 0.05}}));
  Reading r = read(said);
  EXPECT_EQ(r.kind, ReadingKind::kAlone);
  ASSERT_FALSE(r.result.candidates.empty());
  EXPECT_EQ(r.result.candidates[0].id, "invest.risk_assessment");
}

TEST_F(FollowupPointerNounTest, ControlAPointerWithoutANounOfAnEntryPointsBack) {
  const std::string said = "那个东西必须先做吗";
  retriever_.on(said, result({{"invest.risk_assessment", 0.9}, {"invest.how", 0.05}}));
  retriever_.on("出借东西必须先做吗", result({{"invest.how", 0.9}, {"invest.risk_assessment", 0.05}}));
  Reading r = read(said);
  EXPECT_EQ(r.kind, ReadingKind::kReference);
  ASSERT_FALSE(r.result.candidates.empty());
  EXPECT_EQ(r.result.candidates[0].id, "invest.how");
}

}  // namespace
}  // namespace faqbot::bot
