// Impatience about a wait just answered ties a message to the answer
// (bot/followup_reaction.h), and a short message whose text alone ranks the
// answer just given first leans on it (ranks_the_answer_first).
#include <gtest/gtest.h>

#include "bot/followup_predicates.h"
#include "bot/followup_reaction.h"
#include "followup_fixture.h"

namespace faqbot::bot {
namespace {

using testing::result;

TEST(FollowupReaction, ImpatienceAboutAWait) {
  EXPECT_TRUE(reacts_to_a_wait("太慢了吧有没有快一点的办法"));
  EXPECT_TRUE(reacts_to_a_wait("这么长时间啊我急用钱有加速的办法吗"));
  EXPECT_TRUE(reacts_to_a_wait("等不及了"));
  EXPECT_TRUE(reacts_to_a_wait("那么多天啊"));
  // Control: asking for speed, or how long, is no reaction to a wait told.
  EXPECT_FALSE(reacts_to_a_wait("快点告诉我怎么提现"));
  EXPECT_FALSE(reacts_to_a_wait("提现要多久"));
  EXPECT_FALSE(reacts_to_a_wait("能加急吗"));
}

TEST(FollowupReaction, TheTextAloneRanksTheAnswerFirst) {
  Conversation c;
  c.topic = "loan";
  c.last_faq_id = "loan.requirements";
  EXPECT_TRUE(ranks_the_answer_first(result({{"loan.requirements", 0.04}, {"withdraw.fee", 0.035}}), c));
  EXPECT_FALSE(ranks_the_answer_first(result({{"loan.amount", 0.08}, {"loan.requirements", 0.07}}), c));
  EXPECT_FALSE(ranks_the_answer_first(retrieval::SearchResult{}, c));
  c.last_faq_id.clear();
  EXPECT_FALSE(ranks_the_answer_first(result({{"loan.requirements", 0.04}}), c));
}

}  // namespace
}  // namespace faqbot::bot
