// The handoff contracts over loopback: GET /v1/sessions/{id}/messages
// carries the same `handoff` object as POST /v1/chat (null when none,
// status closed after close); transfer between agents; the callback flow
// from out of hours to the agents' callbacks list, the number masked for
// everyone but the agent who owns the ticket.
#include <ctime>

#include "server_fixture.h"

namespace faqbot::testing {
namespace {

using nlohmann::json;

class HandoffContractTest : public ServerTest {
 protected:
  json handoff_of(const std::string& label) { return get(messages_path(label), 200, auth(label))["handoff"]; }
  json agent_post(const std::string& path, const json& body, int status, const char* token = kAlice) {
    return post(path, body, status, bearer(token));
  }
};

TEST_F(HandoffContractTest, MessagesCarryTheCurrentHandoff) {
  start();
  chat("c", "提现多久到账");
  ASSERT_TRUE(handoff_of("c").is_null());

  json opened = chat("c", "转人工");
  const json& h = opened["handoff"];
  ASSERT_TRUE(h.is_object());
  for (const char* key : {"ticket_id", "priority", "status", "state", "queue_position", "reason",
                          "expected_reply_at", "agent", "line"}) {
    EXPECT_TRUE(h.contains(key)) << key;
  }
  EXPECT_EQ(handoff_of("c"), h);  // the same shape and values
  EXPECT_EQ(h["state"], "waiting");
  EXPECT_EQ(h["line"], "排队中：您排在第 1 位");

  const std::string t = "/v1/handoffs/" + std::to_string(h["ticket_id"].get<int64_t>());
  agent_post(t + "/claim", json::object(), 200);
  json claimed = handoff_of("c");
  EXPECT_EQ(claimed["status"], "active");
  EXPECT_EQ(claimed["state"], "claimed");
  EXPECT_EQ(claimed["agent"], "alice");
  EXPECT_EQ(claimed["queue_position"], 0);

  expect_envelope(agent_post(t + "/transfer", {{"to_agent", "mallory"}}, 422), "validation_failed");
  expect_envelope(agent_post(t + "/transfer", {{"to_agent", "alice"}}, 409, kBob), "conflict");
  json moved = agent_post(t + "/transfer", {{"to_agent", "bob"}}, 200);
  EXPECT_EQ(moved["claimed_by"], "bob");
  EXPECT_EQ(moved["transferred_from"], "alice");
  EXPECT_EQ(moved["state"], "transferred");
  json now = handoff_of("c");
  EXPECT_EQ(now["state"], "transferred");
  EXPECT_EQ(now["agent"], "bob");
  agent_post(t + "/messages", {{"text", "您好"}}, 409);  // alice no longer holds it
  agent_post(t + "/messages", {{"text", "您好，我是 bob"}}, 200, kBob);

  agent_post(t + "/close", json::object(), 200, kBob);
  json closed = handoff_of("c");
  EXPECT_EQ(closed["status"], "closed");
  EXPECT_EQ(closed["state"], "closed");
  EXPECT_EQ(closed["ticket_id"], h["ticket_id"]);
  chat("c", "提现多久到账");  // the bot answers again
  EXPECT_TRUE(handoff_of("c").is_null());
}

TEST_F(HandoffContractTest, CallbackFromOutOfHoursToTheCallbacksList) {
  // Service hours that exclude this moment (UTC clock, offset 0).
  const std::time_t wall = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&wall, &utc);
  http::Settings s = settings();
  s.utc_offset_minutes = 0;
  s.service_hours = utc.tm_hour < 12 ? "13:00-14:00" : "01:00-02:00";
  start(s);

  json opened = chat("n", "转人工");
  ASSERT_TRUE(opened["handoff"].is_object());
  EXPECT_TRUE(opened["handoff"]["expected_reply_at"].is_number());
  EXPECT_NE(opened["text"].get<std::string>().find("手机号码"), std::string::npos) << opened["text"];
  json number = chat("n", "我的手机是 138 0013 8000");
  EXPECT_EQ(number["handoff"]["state"], "callback_scheduled");
  EXPECT_NE(number["text"].get<std::string>().find("8000"), std::string::npos);
  EXPECT_EQ(handoff_of("n")["state"], "callback_scheduled");
  for (const json& m : get(messages_path("n"), 200, auth("n"))["messages"]) {
    EXPECT_EQ(m["text"].get<std::string>().find("0013"), std::string::npos) << m;
  }

  json list = get("/v1/callbacks", 200, bearer(kBob))["callbacks"];
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0]["kind"], "callback");
  EXPECT_EQ(list[0]["callback_phone"], "138****8000");
  EXPECT_EQ(list[0]["expected_reply_at"], opened["handoff"]["expected_reply_at"]);
  const std::string t = "/v1/handoffs/" + std::to_string(list[0]["ticket_id"].get<int64_t>());
  EXPECT_EQ(get("/v1/handoffs?status=waiting", 200, bearer(kBob))["handoffs"][0]["callback_phone"], "138****8000");
  json claimed = agent_post(t + "/claim", json::object(), 200);
  EXPECT_EQ(claimed["callback_phone"], "13800138000");  // the owner dials it
  EXPECT_EQ(get(t, 200, bearer(kAlice))["callback_phone"], "13800138000");
  EXPECT_EQ(get(t, 200, bearer(kBob))["callback_phone"], "138****8000");
  EXPECT_EQ(get("/v1/callbacks", 200, bearer(kBob))["callbacks"][0]["callback_phone"], "138****8000");
  get("/v1/callbacks", 401);
}

}  // namespace
}  // namespace faqbot::testing
