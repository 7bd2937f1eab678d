#include "bot/service/conversation_state.h"

#include <gtest/gtest.h>

namespace faqbot::service {
namespace {

TEST(ConversationState, RoundTrips) {
  bot::Conversation c;
  c.last_question = "提现多久到账";
  c.last_faq_id = "withdraw.arrival_time";
  c.consecutive_fallbacks = 1;
  c.asks_per_entry["withdraw.arrival_time"] = 2;
  c.customer_name = "王先生";
  c.topic = "withdraw";
  c.type = "how_long";
  bot::Conversation back = conversation_from_json(conversation_to_json(c));
  EXPECT_EQ(back.last_question, c.last_question);
  EXPECT_EQ(back.last_faq_id, c.last_faq_id);
  EXPECT_EQ(back.consecutive_fallbacks, 1);
  EXPECT_EQ(back.asks_per_entry.at("withdraw.arrival_time"), 2);
  EXPECT_EQ(back.customer_name, "王先生");
  EXPECT_EQ(back.topic, "withdraw");  // the follow-up slots live in the store
  EXPECT_EQ(back.type, "how_long");
  EXPECT_EQ(conversation_from_json("{\"last_faq_id\":\"x\"}").topic, "");  // older state
}

TEST(ConversationState, GarbageStartsOver) {
  EXPECT_EQ(conversation_from_json("").consecutive_fallbacks, 0);
  EXPECT_EQ(conversation_from_json("{not json").last_faq_id, "");
  EXPECT_EQ(conversation_from_json("{\"consecutive_fallbacks\":\"x\"}").consecutive_fallbacks, 0);
}

}  // namespace
}  // namespace faqbot::service
