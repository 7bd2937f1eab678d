#include "adapters/cli/reply_json.h"

#include <gtest/gtest.h>

namespace faqbot::cli {
namespace {

TEST(ReplyJson, AnswerHasTheContractShape) {
  bot::Reply reply;
  reply.action = bot::Action::kAnswer;
  reply.faq_id = "withdraw.fee";
  reply.confidence = 0.93;
  reply.text = "您好,每月前 4 次提现免费。";
  reply.candidates = {{"withdraw.fee", "提现要手续费吗", 0.93}, {"recharge.fee", "充值收费吗", 0.04}};
  nlohmann::json j = reply_to_json(reply);
  EXPECT_EQ(j["action"], "answer");
  EXPECT_EQ(j["faq_id"], "withdraw.fee");
  EXPECT_DOUBLE_EQ(j["confidence"].get<double>(), 0.93);
  EXPECT_EQ(j["text"], "您好,每月前 4 次提现免费。");
  ASSERT_EQ(j["candidates"].size(), 2u);
  EXPECT_EQ(j["candidates"][1]["faq_id"], "recharge.fee");
  EXPECT_DOUBLE_EQ(j["candidates"][1]["score"].get<double>(), 0.04);
  EXPECT_EQ(j.size(), 5u);
}

TEST(ReplyJson, NoEntryIsNull) {
  bot::Reply reply;
  reply.action = bot::Action::kFallback;
  nlohmann::json j = reply_to_json(reply);
  EXPECT_EQ(j["action"], "fallback");
  EXPECT_TRUE(j["faq_id"].is_null());
  EXPECT_TRUE(j["candidates"].is_array());
}

}  // namespace
}  // namespace faqbot::cli
