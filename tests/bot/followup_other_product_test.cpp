// Another company's product named by a means cue beside a question of its
// own asks the product's own question, not our means
// (bot/followup_predicates.h asks_of_another_product).
#include <gtest/gtest.h>

#include "bot/followup_predicates.h"
#include "followup_fixture.h"

namespace faqbot::bot {
namespace {

class FollowupOtherProductTest : public testing::FollowupFixture {
 protected:
  FollowupOtherProductTest() {
    kb_->followup.product_type = "methods";
    kb_->followup.product_after_types = {"how"};
    conversation_.last_question = "借款审核要多久";
    conversation_.last_faq_id = "loan.review_time";
    conversation_.topic = "loan";
    conversation_.type = "how_long";
    alone_.other_kind = "信用卡";
  }
  // 信用卡 (a means cue of the product type), then `type` if not empty.
  static MessageCues naming(const std::string& type) {
    MessageCues named;
    named.types.push_back(NamedSlot{"methods", "信用卡", true, false});
    if (!type.empty()) named.types.push_back(NamedSlot{type, "多久", false, false});
    return named;
  }
  retrieval::SearchResult alone_;
};

TEST_F(FollowupOtherProductTest, TheProductsOwnQuestionIsReadAlone) {
  // "信用卡审核要多久" after 借款审核要多久: the card's review.
  EXPECT_TRUE(asks_of_another_product(*kb_, naming("how_long"), alone_, conversation_));
  alone_.other_kind.clear();
  alone_.other_product = "信用卡";
  EXPECT_TRUE(asks_of_another_product(*kb_, naming("how_long"), alone_, conversation_));
}

TEST_F(FollowupOtherProductTest, ControlAMeansOfOursStaysInContext) {
  // No question of its own ("信用卡行吗").
  EXPECT_FALSE(asks_of_another_product(*kb_, naming(""), alone_, conversation_));
  // Right after an answer of the product type or of a how-to, a means of ours.
  conversation_.type = "methods";
  EXPECT_FALSE(asks_of_another_product(*kb_, naming("how_long"), alone_, conversation_));
  conversation_.type = "how";
  EXPECT_FALSE(asks_of_another_product(*kb_, naming("how_long"), alone_, conversation_));
  // The text alone names no product of another company.
  conversation_.type = "how_long";
  alone_.other_kind.clear();
  EXPECT_FALSE(asks_of_another_product(*kb_, naming("how_long"), alone_, conversation_));
}

}  // namespace
}  // namespace faqbot::bot
