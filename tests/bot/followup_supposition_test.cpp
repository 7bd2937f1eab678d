// A supposition of an outcome (要是/万一 … and a type other types refine)
// asks about that outcome, not more of the answer
// (bot/followup_predicates.h supposes_what_happens).
#include <gtest/gtest.h>

#include "bot/followup_predicates.h"
#include "followup_fixture.h"

namespace faqbot::bot {
namespace {

class FollowupSuppositionTest : public testing::FollowupFixture {
 protected:
  FollowupSuppositionTest() {
    kb_->followup.refined_by["failed"] = {"how_long", "how"};
    conversation_.last_question = "钱投进去咋显示冻结了";
    conversation_.last_faq_id = "invest.full_bid_wait";
    conversation_.topic = "invest";
    conversation_.type = "how_long";
  }
  static MessageCues naming(const std::string& type) {
    MessageCues named;
    named.types.push_back(NamedSlot{type, "凑不满", false});
    return named;
  }
};

TEST_F(FollowupSuppositionTest, SupposingAnOutcomeAsksAboutIt) {
  EXPECT_TRUE(supposes_what_happens(*kb_, conversation_, naming("failed"), "要是一直凑不满呢钱咋办"));
  EXPECT_TRUE(supposes_what_happens(*kb_, conversation_, naming("failed"), "那万一始终不满呢"));
}

TEST_F(FollowupSuppositionTest, ControlTheSameWordsSupposingNothingTellThePresent) {
  // No word of supposing: the wait going on now ("一直不满咋办").
  EXPECT_FALSE(supposes_what_happens(*kb_, conversation_, naming("failed"), "一直凑不满咋办"));
  // A supposition naming a type nothing refines, or the kept type itself.
  EXPECT_FALSE(supposes_what_happens(*kb_, conversation_, naming("fee"), "要是收手续费呢"));
  conversation_.type = "failed";
  EXPECT_FALSE(supposes_what_happens(*kb_, conversation_, naming("failed"), "要是一直凑不满呢"));
}

}  // namespace
}  // namespace faqbot::bot
