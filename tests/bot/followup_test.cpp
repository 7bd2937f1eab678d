#include "bot/followup.h"

#include <gtest/gtest.h>

#include "fake_retriever.h"

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
    return read_message(retriever_, text, conversation_, Thresholds{}, 5, 10);
  }
  FakeRetriever retriever_;
  Conversation conversation_;
};

TEST_F(FollowupTest, EllipticalTextIsReadInContext) {
  retriever_.on("那周末呢?", result({{"withdraw.holiday", 0.3}, {"recharge.fee", 0.1}}));
  retriever_.on("提现多久到账 那周末呢?",
                result({{"withdraw.arrival_time", 0.8}, {"withdraw.holiday", 0.7}}));
  Reading r = read("那周末呢?");
  EXPECT_TRUE(r.in_context);
  ASSERT_FALSE(r.result.candidates.empty());
  // The previous entry is not the answer to "and what about…".
  EXPECT_EQ(r.result.candidates[0].id, "withdraw.holiday");
  EXPECT_EQ(r.query, "提现多久到账 那周末呢?");
}

TEST_F(FollowupTest, AmbiguousAloneResolvedByContext) {
  retriever_.on("手续费呢?", result({{"recharge.fee", 0.45}, {"withdraw.fee", 0.44}}));
  retriever_.on("提现多久到账 手续费呢?",
                result({{"withdraw.fee", 0.75}, {"withdraw.arrival_time", 0.6}}));
  Reading r = read("手续费呢?");
  EXPECT_TRUE(r.in_context);
  EXPECT_EQ(r.result.candidates[0].id, "withdraw.fee");
}

TEST_F(FollowupTest, ConfidentStandaloneQuestionIgnoresContext) {
  retriever_.on("充值收手续费吗", result({{"recharge.fee", 0.9}}));
  retriever_.on("提现多久到账 充值收手续费吗", result({{"withdraw.fee", 0.95}}));
  Reading r = read("充值收手续费吗");
  EXPECT_FALSE(r.in_context);
  EXPECT_EQ(r.result.candidates[0].id, "recharge.fee");
}

TEST_F(FollowupTest, LongTextIsNeverAFollowUp) {
  const std::string long_text = "我想问一下你们平台借款的审核一般要多久呢";
  Reading r = read(long_text);
  EXPECT_FALSE(r.in_context);
  EXPECT_EQ(retriever_.queries, std::vector<std::string>{long_text});
}

TEST_F(FollowupTest, FreshConversationSearchesTheTextAlone) {
  Conversation fresh;
  Reading r = read_message(retriever_, "那周末呢?", fresh, Thresholds{}, 5, 10);
  EXPECT_FALSE(r.in_context);
  EXPECT_EQ(retriever_.queries.size(), 1u);
}

TEST_F(FollowupTest, ContextNotTakenWhenItIsNoBetter) {
  retriever_.on("谢谢", result({{"smalltalk.thanks", 0.4}}));
  retriever_.on("提现多久到账 谢谢", result({{"withdraw.arrival_time", 0.3}}));
  Reading r = read("谢谢");
  EXPECT_FALSE(r.in_context);
  EXPECT_EQ(r.result.candidates[0].id, "smalltalk.thanks");
}

}  // namespace
}  // namespace faqbot::bot
