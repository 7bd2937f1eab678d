// The service with the real engine (bot::Engine::load) over the small fixture
// knowledge base of the bot tests (tests/bot/fixtures/config).
#include "server_fixture.h"

namespace faqbot::testing {
namespace {

using nlohmann::json;

class RealEngineTest : public ServerTest {
 protected:
  void start_real(const std::string& config_dir) {
    http::AppOptions o;
    o.settings = settings();
    o.settings.config_dir = config_dir;
    o.settings.cache_dir = dir_.path() + "/cache";
    auto app = http::App::create(std::move(o));  // loader: bot::Engine::load
    ASSERT_TRUE(app.ok()) << app.status().message();
    app_ = std::move(app).value();
    auto port = app_->start();
    ASSERT_TRUE(port.ok());
    port_ = port.value();
    client_ = std::make_unique<httplib::Client>("127.0.0.1", port_);
    client_->set_read_timeout(10, 0);
  }
};

// The default knowledge base (config/), as `faqbot serve` runs it: answer,
// hand over, agent reply, close, answered by the bot again.
TEST_F(RealEngineTest, DefaultKnowledgeBaseFullConversation) {
  start_real(FAQBOT_DEFAULT_CONFIG);
  json r = chat("", "提现多久到账");
  EXPECT_EQ(r["action"], "answer") << r;
  EXPECT_EQ(r["faq_id"], "withdraw.arrival_time") << r;
  const std::string session = r["session_id"];
  json h = chat(session, "转人工");
  ASSERT_EQ(h["action"], "handoff") << h;
  const std::string t = "/v1/handoffs/" + std::to_string(h["handoff"]["ticket_id"].get<int64_t>());
  json detail = get(t, 200, bearer(kAlice));
  EXPECT_FALSE(detail["transcript"].empty());
  post(t + "/claim", json::object(), 200, bearer(kAlice));
  post(t + "/messages", {{"text", "您好，我是客服小王"}}, 200, bearer(kAlice));
  post(t + "/close", {{"resolution", "done"}}, 200, bearer(kAlice));
  json again = chat(session, "提现多久到账");
  EXPECT_EQ(again["action"], "answer") << again;
  EXPECT_EQ(again["routed_to_agent"], false);
}

TEST_F(RealEngineTest, FixtureKnowledgeBaseAnswersAndHandsOver) {
  http::AppOptions o;
  o.settings = settings();
  o.settings.config_dir = FAQBOT_ENGINE_FIXTURE;
  o.settings.cache_dir = dir_.path() + "/cache";
  auto app = http::App::create(std::move(o));  // loader: bot::Engine::load
  ASSERT_TRUE(app.ok()) << app.status().message();
  app_ = std::move(app).value();
  auto port = app_->start();
  ASSERT_TRUE(port.ok());
  port_ = port.value();
  client_ = std::make_unique<httplib::Client>("127.0.0.1", port_);

  json r = chat("", "提现多久到账");
  EXPECT_EQ(r["action"], "answer") << r;
  EXPECT_EQ(r["faq_id"], "withdraw.arrival_time") << r;
  EXPECT_FALSE(r["text"].get<std::string>().empty());
  json h = chat(r["session_id"], "转人工");
  EXPECT_EQ(h["action"], "handoff") << h;
  EXPECT_TRUE(h["handoff"].is_object());
  EXPECT_EQ(post("/v1/admin/reload", json::object(), 200, bearer(kAdmin))["ok"], true);
}

}  // namespace
}  // namespace faqbot::testing
