// 它 leading a follow-up stands for the thing answered last
// (bot/followup_subject_pronoun.h): what follows is asked of that thing,
// however long the message and however sure the text alone is of another
// entry of the topic.
#include <gtest/gtest.h>

#include "bot/followup_subject_pronoun.h"
#include "followup_fixture.h"

namespace faqbot::bot {
namespace {

using testing::FakeRetriever;
using testing::result;

TEST(FollowupPronoun, OnlyTheThingPronounLeadingAfterAMarker) {
  EXPECT_TRUE(thing_pronoun_leads("它会不会乱买"));
  EXPECT_TRUE(thing_pronoun_leads("那它们按啥排的"));
  EXPECT_TRUE(thing_pronoun_leads("那么 它靠谱吗"));
  EXPECT_FALSE(thing_pronoun_leads("其它的标期限长吗"));
  EXPECT_FALSE(thing_pronoun_leads("他会不会骗我"));
  EXPECT_FALSE(thing_pronoun_leads("这个标期限长吗"));
  EXPECT_FALSE(thing_pronoun_leads("我把它关了会怎样"));
  EXPECT_FALSE(thing_pronoun_leads(""));
}

class FollowupPronounTest : public testing::FollowupFixture {
 protected:
  FollowupPronounTest() {
    add_typed_entries({{"invest.auto_bid", "自动投标怎么开"}, {"invest.products", "标的期限有哪几种"}});
    kb_->followup.topic_cues["invest"] = {"自动投标"};
    answered("自动投标怎么开", "invest.auto_bid", "invest", "auto_bid");
  }
};

TEST_F(FollowupPronounTest, ALongMessageLedByItAsksItOfTheAnsweredThing) {
  const std::string said = "它会不会把我的钱全都买进特别长的那种标里";
  retriever_.on(said, result({{"invest.products", 0.9}, {"invest.auto_bid", 0.05}}));
  retriever_.on("自动投标会不会把我的钱全都买进特别长的那种标里",
                result({{"invest.auto_bid", 0.8}, {"invest.products", 0.15}}));
  Reading r = read(said);
  EXPECT_EQ(r.kind, ReadingKind::kReference);
  ASSERT_FALSE(r.result.candidates.empty());
  EXPECT_EQ(r.result.candidates[0].id, "invest.auto_bid");
}

TEST_F(FollowupPronounTest, ControlADemonstrativeWithItsOwnNounAsksItsOwnQuestion) {
  // 这个标: the pointer's noun is the bid, not the auto-bid; the text alone,
  // sure of the products, answers it.
  const std::string said = "这个标会不会把我的钱锁在里面特别长时间";
  retriever_.on(said, result({{"invest.products", 0.9}, {"invest.auto_bid", 0.05}}));
  retriever_.on("自动投标标会不会把我的钱锁在里面特别长时间",
                result({{"invest.auto_bid", 0.8}, {"invest.products", 0.15}}));
  Reading r = read(said);
  EXPECT_EQ(r.kind, ReadingKind::kAlone);
  ASSERT_FALSE(r.result.candidates.empty());
  EXPECT_EQ(r.result.candidates[0].id, "invest.products");
}

}  // namespace
}  // namespace faqbot::bot
