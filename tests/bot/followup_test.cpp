#include "bot/followup.h"

#include <gtest/gtest.h>

#include "fake_retriever.h"
#include "kb_fixture.h"

namespace faqbot::bot {
namespace {

using testing::FakeRetriever;
using testing::result;

TEST(Followup, Markers) {
  EXPECT_TRUE(has_followup_marker("那周末呢?"));
  EXPECT_TRUE(has_followup_marker("手续费呢？"));
  EXPECT_TRUE(has_followup_marker("那要多久"));
  EXPECT_TRUE(has_followup_marker("还有别的方式吗"));
  EXPECT_FALSE(has_followup_marker("提现多久到账"));
  EXPECT_FALSE(has_followup_marker(""));
  EXPECT_EQ(content_length("那 周末呢？"), 4u);
}

class FollowupTest : public ::testing::Test {
 protected:
  FollowupTest() {
    conversation_.last_question = "提现多久到账";
    conversation_.last_faq_id = "withdraw.arrival_time";
  }
  Reading read(const std::string& text) {
    return read_message(retriever_, *kb_, text, conversation_, Thresholds{}, 5, 10);
  }
  std::shared_ptr<knowledge::KnowledgeBase> kb_ = testing::make_kb();
  FakeRetriever retriever_;
  Conversation conversation_;
};

TEST_F(FollowupTest, TopicReadingPrefersTheConversationsCategory) {
  // Alone, "手续费呢" is torn between recharge and withdrawal fees.
  retriever_.on("手续费呢?", result({{"recharge.fee", 0.45}, {"withdraw.fee", 0.40},
                                      {"withdraw.arrival_time", 0.1}}));
  Reading r = read("手续费呢?");
  EXPECT_EQ(r.kind, ReadingKind::kTopic);
  ASSERT_EQ(r.result.candidates.size(), 1u);  // the entry answered last is dropped
  EXPECT_EQ(r.result.candidates[0].id, "withdraw.fee");
  EXPECT_DOUBLE_EQ(r.result.candidates[0].confidence, 1.0);
}

TEST_F(FollowupTest, TopicReadingNeedsAPlausibleShare) {
  // "那充值呢": the text names another topic; the withdrawal entries are far behind.
  retriever_.on("那充值呢", result({{"recharge.fee", 0.5}, {"withdraw.fee", 0.12}}));
  retriever_.on("提现多久到账 那充值呢", result({{"recharge.fee", 0.7}}));
  Reading r = read("那充值呢");
  EXPECT_EQ(r.kind, ReadingKind::kJoined);
  EXPECT_EQ(r.result.candidates[0].id, "recharge.fee");
}

TEST_F(FollowupTest, JoinedReadingWhenNoTopicCandidate) {
  conversation_.last_faq_id.clear();  // last turn was a clarify: no topic entry
  retriever_.on("那周末呢?", result({{"withdraw.holiday", 0.3}}, 0.4));
  retriever_.on("提现多久到账 那周末呢?",
                result({{"withdraw.holiday", 0.8}, {"withdraw.arrival_time", 0.5}}));
  Reading r = read("那周末呢?");
  EXPECT_EQ(r.kind, ReadingKind::kJoined);
  EXPECT_EQ(r.result.candidates[0].id, "withdraw.holiday");
  EXPECT_EQ(retriever_.queries.back(), "提现多久到账 那周末呢?");
}

TEST_F(FollowupTest, JoinedReadingMultipliesBothReadings) {
  // Alone the text leans to recharge; joined with the previous question it is
  // all about withdrawals. Together: the withdrawal entry the new words name.
  retriever_.on("那要多久呢", result({{"recharge.fee", 0.2}, {"withdraw.holiday", 0.12},
                                      {"withdraw.arrival_time", 0.1}}));
  retriever_.on("提现多久到账 那要多久呢",
                result({{"withdraw.arrival_time", 0.9}, {"withdraw.holiday", 0.6},
                        {"withdraw.fee", 0.01}}));
  conversation_.last_faq_id = "withdraw.fee";  // topic share too small for a topic reading
  Reading r = read("那要多久呢");
  EXPECT_EQ(r.kind, ReadingKind::kTopic);  // withdraw.holiday .12 >= .5 * .2
  conversation_.last_faq_id.clear();
  r = read("那要多久呢");
  EXPECT_EQ(r.kind, ReadingKind::kJoined);
  EXPECT_EQ(r.result.candidates[0].id, "withdraw.arrival_time");
}

TEST_F(FollowupTest, MarkerDropsThePreviousEntryFromTheJoinedReading) {
  conversation_.last_faq_id = "withdraw.arrival_time";
  retriever_.on("那呢", result({{"recharge.fee", 0.2}, {"withdraw.fee", 0.15},
                                 {"withdraw.arrival_time", 0.15}}));
  retriever_.on("提现多久到账 那呢", result({{"withdraw.arrival_time", 0.9}, {"withdraw.fee", 0.5},
                                               {"recharge.fee", 0.01}}));
  Reading r = read("那呢");
  ASSERT_FALSE(r.result.candidates.empty());
  for (const auto& c : r.result.candidates) EXPECT_NE(c.id, "withdraw.arrival_time");
  EXPECT_EQ(r.result.candidates[0].id, "withdraw.fee");
}

TEST_F(FollowupTest, JoinedReadingNeedsSupportFromTheNewWords) {
  conversation_.last_faq_id.clear();
  retriever_.on("嗯嗯", result({{"recharge.fee", 0.05}}));
  retriever_.on("提现多久到账 嗯嗯", result({{"withdraw.arrival_time", 0.9}}));
  Reading r = read("嗯嗯");
  EXPECT_FALSE(r.in_context());
  EXPECT_EQ(r.result.candidates[0].id, "recharge.fee");
}

TEST_F(FollowupTest, ConfidentStandaloneQuestionKeepsItsAnswer) {
  retriever_.on("充值收手续费吗", result({{"recharge.fee", 0.9}, {"withdraw.fee", 0.05}}));
  retriever_.on("提现多久到账 充值收手续费吗",
                result({{"withdraw.arrival_time", 0.6}, {"recharge.fee", 0.3}, {"withdraw.fee", 0.1}}));
  Reading r = read("充值收手续费吗");
  EXPECT_EQ(r.kind, ReadingKind::kAlone);
  EXPECT_EQ(r.result.candidates[0].id, "recharge.fee");
}

TEST_F(FollowupTest, ConfidentButTopiclessTextTakesTheContext) {
  // "手续费多少" alone leans to recharge; after a withdrawal question the
  // joined reading picks the withdrawal fee.
  conversation_.last_faq_id.clear();
  retriever_.on("手续费多少", result({{"recharge.fee", 0.7}, {"withdraw.fee", 0.25}}));
  retriever_.on("提现多久到账 手续费多少",
                result({{"withdraw.arrival_time", 0.6}, {"withdraw.fee", 0.35}, {"recharge.fee", 0.02}}));
  Reading r = read("手续费多少");
  EXPECT_EQ(r.kind, ReadingKind::kJoined);
  EXPECT_EQ(r.result.candidates[0].id, "withdraw.fee");
}

TEST_F(FollowupTest, LongTextIsNeverAFollowUp) {
  const std::string long_text = "我想问一下你们平台借款的审核一般要多久呢";
  Reading r = read(long_text);
  EXPECT_FALSE(r.in_context());
  EXPECT_EQ(retriever_.queries, std::vector<std::string>{long_text});
}

TEST_F(FollowupTest, FreshConversationSearchesTheTextAlone) {
  Conversation fresh;
  Reading r = read_message(retriever_, *kb_, "那周末呢?", fresh, Thresholds{}, 5, 10);
  EXPECT_FALSE(r.in_context());
  EXPECT_EQ(retriever_.queries.size(), 1u);
}

TEST_F(FollowupTest, ContextKeepsAClearShortAnswer) {
  conversation_.last_faq_id.clear();
  retriever_.on("谢谢", result({{"smalltalk.thanks", 0.4}, {"withdraw.fee", 0.01}}));
  retriever_.on("提现多久到账 谢谢", result({{"withdraw.arrival_time", 0.95},
                                               {"withdraw.holiday", 0.3},
                                               {"smalltalk.thanks", 0.02}}));
  Reading r = read("谢谢");
  EXPECT_EQ(r.result.candidates[0].id, "smalltalk.thanks");
}

}  // namespace
}  // namespace faqbot::bot
