// The callback promise on an IM channel, end to end over loopback: out of
// the agents' hours an investor on Telegram asks for a human, is told when
// to expect an answer and asked for a mobile number, replies with one and is
// told the callback is booked -- each once, through the platform's send API
// (platform_mock.h) -- and the agents' callbacks list shows the ticket with
// the number masked, nowhere stored in clear.
#include <httplib.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <ctime>

#include "../service/fake_engine.h"
#include "../service/temp_dir.h"
#include "adapters/channels/runtime.h"
#include "adapters/http/app.h"
#include "platform_mock.h"

namespace faqbot::channels {
namespace {

using nlohmann::json;

constexpr const char* kSend = "/bot123:ABC/sendMessage";
const httplib::Headers kAgentAuth = {{"Authorization", "Bearer alice-token-123"}};

// Service hours that exclude this moment (UTC clock, offset 0).
std::string hours_excluding_now() {
  const std::time_t wall = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&wall, &utc);
  return utc.tm_hour < 12 ? "13:00-14:00" : "01:00-02:00";
}

json telegram_message(int64_t update_id, const std::string& text) {
  return {{"update_id", update_id},
          {"message", {{"message_id", update_id}, {"from", {{"id", 77}, {"is_bot", false}}},
                       {"chat", {{"id", 77}}}, {"text", text}}}};
}

// The texts Telegram was asked to send, in order.
std::vector<std::string> sent_texts(const std::vector<faqbot::testing::Captured>& sent) {
  std::vector<std::string> texts;
  for (const auto& c : sent) texts.push_back(json::parse(c.body)["text"].get<std::string>());
  return texts;
}

size_t count_holding(const std::vector<std::string>& texts, const std::string& needle) {
  size_t n = 0;
  for (const std::string& t : texts) n += t.find(needle) != std::string::npos;
  return n;
}

TEST(CallbackE2ETest, OutOfHoursOnTelegramAsksForANumberAndBooksTheCallback) {
  faqbot::testing::TempDir dir;
  faqbot::testing::PlatformMock mock;
  ChannelsConfig c;
  c.telegram_secret_token = "tg-secret";
  c.telegram_bot_token = "123:ABC";
  c.telegram_api_base = mock.base();
  c.backoff_ms = 30;
  c.poll_ms = 20;
  http::AppOptions o;
  o.settings.host = "127.0.0.1";
  o.settings.port = 0;
  o.settings.data_dir = dir.path() + "/data";
  o.settings.agent_tokens = {{"alice-token-123", "alice"}};
  o.settings.admin_token = "admin-token-xyz";
  o.settings.rate_client = {};
  o.settings.rate_session = {1000, 1000};
  o.settings.utc_offset_minutes = 0;
  o.settings.service_hours = hours_excluding_now();
  o.loader = [] { return faqbot::testing::fake_load("v1"); };
  o.providers = {make_channels_provider(std::move(c))};
  auto created = http::App::create(std::move(o));
  ASSERT_TRUE(created.ok()) << created.status().message();
  std::unique_ptr<http::App> app = std::move(created).value();
  auto port = app->start();
  ASSERT_TRUE(port.ok());
  httplib::Client client("127.0.0.1", port.value());
  client.set_read_timeout(10, 0);
  const auto telegram = [&](const json& update) {
    auto res = client.Post("/webhooks/telegram", {{"X-Telegram-Bot-Api-Secret-Token", "tg-secret"}},
                           update.dump(), "application/json");
    return res ? res->status : -1;
  };

  // 1. A human, out of hours: one message with the time and the question.
  ASSERT_EQ(telegram(telegram_message(1, "转人工")), 200);
  auto texts = sent_texts(mock.wait_for(kSend, 1));
  ASSERT_EQ(texts.size(), 1u);
  EXPECT_NE(texts[0].find("手机号码"), std::string::npos) << texts[0];
  EXPECT_NE(texts[0].find("预计"), std::string::npos) << texts[0];
  EXPECT_EQ(texts[0].find("请稍等"), std::string::npos) << texts[0];  // no "transferring" beside it

  // 2. The number: the callback is booked and said so, once.
  ASSERT_EQ(telegram(telegram_message(2, "我的手机 139 8765 4321")), 200);
  texts = sent_texts(mock.wait_for(kSend, 2));
  ASSERT_EQ(texts.size(), 2u);
  EXPECT_NE(texts[1].find("4321"), std::string::npos) << texts[1];
  EXPECT_EQ(texts[1].find("8765"), std::string::npos) << texts[1];  // the tail only
  // Nothing else follows within 300 ms (no second copy through the agents' outbound).
  EXPECT_EQ(count_holding(sent_texts(mock.wait_for(kSend, 3, 300)), "4321"), 1u);

  // 3. The agents' callbacks list: the ticket, the number masked.
  auto list = client.Get("/v1/callbacks", kAgentAuth);
  ASSERT_TRUE(list);
  ASSERT_EQ(list->status, 200) << list->body;
  json callbacks = json::parse(list->body)["callbacks"];
  ASSERT_EQ(callbacks.size(), 1u) << list->body;
  EXPECT_EQ(callbacks[0]["kind"], "callback");
  EXPECT_EQ(callbacks[0]["state"], "callback_scheduled") << callbacks[0];
  EXPECT_EQ(callbacks[0]["callback_phone"], "139****4321");
  EXPECT_TRUE(callbacks[0]["expected_reply_at"].is_number()) << callbacks[0];
  EXPECT_EQ(list->body.find("8765"), std::string::npos);
  app->stop();
}

}  // namespace
}  // namespace faqbot::channels
