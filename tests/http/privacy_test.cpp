// Personal data on request and by retention, over loopback: the admin's
// export and erasure of one investor, and retention_days erasing idle
// conversations (not those waiting for an agent) from the sweeper.
#include <atomic>
#include <chrono>
#include <thread>

#include "server_fixture.h"

namespace faqbot::testing {
namespace {

using nlohmann::json;

class PrivacyTest : public ServerTest {
 protected:
  // A new web session of `user_id`; returns {id, token}.
  IssuedSession session_of(const std::string& user_id, const std::string& text) {
    json r = post("/v1/chat", {{"text", text}, {"user_id", user_id}}, 200);
    return {r["session_id"], r["session_token"]};
  }
  int transcript_status(const IssuedSession& s) {
    auto res = client_->Get(("/v1/sessions/" + s.id + "/messages").c_str(), bearer(s.token));
    return res ? res->status : 0;
  }
};

TEST_F(PrivacyTest, AdminExportsAndErasesOneInvestor) {
  start();
  IssuedSession first = session_of("inv-42", "提现多久到账");
  post("/v1/chat", {{"text", "转人工"}, {"session_id", first.id}}, 200, bearer(first.token));
  IssuedSession second = session_of("inv-42", "充值限额是多少");
  IssuedSession other = session_of("inv-7", "提现多久到账");

  get("/v1/admin/investors/inv-42/export", 401);
  get("/v1/admin/investors/inv-42/export", 403, bearer(kAlice));
  json exported = get("/v1/admin/investors/inv-42/export", 200, bearer(kAdmin));
  ASSERT_EQ(exported["sessions"].size(), 2u);
  EXPECT_EQ(exported["sessions"][0]["session_id"], first.id);
  EXPECT_EQ(exported["sessions"][1]["session_id"], second.id);
  json transcript = exported["sessions"][0]["messages"];
  ASSERT_GE(transcript.size(), 4u);  // two questions, two answers (and the handoff's notices)
  EXPECT_EQ(transcript[0]["role"], "investor");
  EXPECT_EQ(transcript[0]["text"], "提现多久到账");

  auto erased = client_->Delete("/v1/admin/investors/inv-42", bearer(kAdmin));
  ASSERT_TRUE(erased);
  EXPECT_EQ(erased->status, 200) << erased->body;
  EXPECT_EQ(json::parse(erased->body)["erased_sessions"], 2);
  EXPECT_TRUE(get("/v1/admin/investors/inv-42/export", 200, bearer(kAdmin))["sessions"].empty());
  EXPECT_EQ(transcript_status(first), 401);
  EXPECT_EQ(transcript_status(other), 200);
  // The erased handoff is gone from the agents' queue too.
  EXPECT_TRUE(get("/v1/handoffs", 200, bearer(kAlice))["handoffs"].empty());
}

TEST_F(PrivacyTest, RetentionErasesIdleConversationsButNotThoseWaitingForAnAgent) {
  std::atomic<int64_t> now{store::now_ms()};
  clock_ = [&now] { return now.load(); };
  sweep_interval_ms_ = 20;
  http::Settings s = settings();
  s.retention_days = 30;
  start(s);
  IssuedSession idle = session_of("inv-1", "提现多久到账");
  IssuedSession waiting = session_of("inv-2", "转人工");
  std::this_thread::sleep_for(std::chrono::milliseconds(200));  // the first pass keeps both
  EXPECT_EQ(transcript_status(idle), 200);

  now += int64_t{31} * 86'400'000;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (transcript_status(idle) == 200 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  EXPECT_EQ(transcript_status(idle), 401);
  EXPECT_EQ(transcript_status(waiting), 200);
}

}  // namespace
}  // namespace faqbot::testing
