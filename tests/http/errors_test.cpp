// Every error case of the API answers with the one envelope and the right status.
#include "server_fixture.h"

namespace faqbot::testing {
namespace {

using nlohmann::json;

json raw_post(httplib::Client& c, const std::string& path, const std::string& body, int expect,
              const httplib::Headers& headers = {}) {
  auto res = c.Post(path.c_str(), headers, body, "application/json");
  EXPECT_TRUE(res);
  if (!res) return {};
  EXPECT_EQ(res->status, expect) << path << " " << res->body;
  EXPECT_NE(res->get_header_value("Content-Type").find("application/json"), std::string::npos);
  return json::parse(res->body, nullptr, false);
}

TEST_F(ServerTest, BadRequests400) {
  start();
  expect_envelope(raw_post(*client_, "/v1/chat", "{\"text\": ", 400), "malformed_json");
  expect_envelope(raw_post(*client_, "/v1/chat", "[1,2]", 400), "malformed_json");
  expect_envelope(raw_post(*client_, "/v1/chat", "{\"text\": \"\xff\xfe\"}", 400), "invalid_utf8");
  expect_envelope(raw_post(*client_, "/v1/feedback", "nope", 400), "malformed_json");
}

TEST_F(ServerTest, Auth401And403) {
  start();
  expect_envelope(get("/v1/handoffs", 401), "unauthorized");
  expect_envelope(get("/v1/handoffs", 401, bearer("wrong-token-000")), "unauthorized");
  expect_envelope(get("/v1/handoffs", 401, {{"Authorization", "Basic abc"}}), "unauthorized");
  expect_envelope(get("/v1/handoffs", 403, bearer(kAdmin)), "forbidden");
  expect_envelope(post("/v1/admin/reload", json::object(), 401), "unauthorized");
  expect_envelope(post("/v1/admin/reload", json::object(), 403, bearer(kAlice)), "forbidden");
  // Investor routes of a session without its credential (see sessions_test.cpp).
  expect_envelope(get("/v1/sessions/unknown-session/messages", 401), "unauthorized");
  expect_envelope(post("/v1/feedback", {{"message_id", 424242}, {"helpful", true}}, 401), "unauthorized");
  expect_envelope(post("/v1/chat", {{"text", "hi"}, {"session_id", "has spaces"}}, 401), "unauthorized");
}

TEST_F(ServerTest, NotFound404) {
  start();
  expect_envelope(get("/v1/nothing-here", 404), "not_found");
  expect_envelope(get("/v1/handoffs/999999", 404, bearer(kAlice)), "not_found");
  expect_envelope(get("/v1/handoffs/abc", 404, bearer(kAlice)), "not_found");
  expect_envelope(post("/v1/handoffs/999999/claim", json::object(), 404, bearer(kAlice)), "not_found");
  chat("a", "提现");
  expect_envelope(post("/v1/feedback", {{"session_id", sid("a")}, {"message_id", 424242}, {"helpful", true}},
                       404, auth("a")),
                  "not_found");
}

TEST_F(ServerTest, PayloadTooLarge413) {
  start();  // the fixture's limit is 64 KiB
  const std::string big = "{\"text\": \"" + std::string(70 * 1024, 'a') + "\"}";
  auto res = client_->Post("/v1/chat", big, "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 413);
  expect_envelope(json::parse(res->body, nullptr, false), "payload_too_large");
}

TEST_F(ServerTest, Validation422) {
  start();
  expect_envelope(post("/v1/chat", {{"text", ""}}, 422), "validation_failed");
  expect_envelope(post("/v1/chat", {{"text", "   "}}, 422), "validation_failed");
  expect_envelope(post("/v1/chat", json::object(), 422), "validation_failed");
  expect_envelope(post("/v1/chat", {{"text", 42}}, 422), "validation_failed");
  std::string long_text;
  for (int i = 0; i < 2001; ++i) long_text += "字";
  expect_envelope(post("/v1/chat", {{"text", long_text}}, 422), "validation_failed");
  std::string ok_text;
  for (int i = 0; i < 2000; ++i) ok_text += "字";
  post("/v1/chat", {{"text", ok_text}}, 200);
  expect_envelope(post("/v1/feedback", {{"message_id", "x"}, {"helpful", true}}, 422), "validation_failed");
  expect_envelope(get("/v1/handoffs?status=lost", 422, bearer(kAlice)), "validation_failed");
  json h = chat("v", "转人工");
  const std::string t = "/v1/handoffs/" + std::to_string(h["handoff"]["ticket_id"].get<int64_t>());
  post(t + "/claim", json::object(), 200, bearer(kAlice));
  expect_envelope(post(t + "/messages", {{"text", ""}}, 422, bearer(kAlice)), "validation_failed");
}

TEST_F(ServerTest, RateLimitPerSession429) {
  auto s = settings();
  s.rate_session = {0.5, 3};
  start(s);
  chat("busy", "提现");  // creates the session: not a message of an existing one
  for (int i = 0; i < 3; ++i) chat("busy", "提现");
  const json body = {{"session_id", sid("busy")}, {"text", "提现"}};
  auto res = client_->Post("/v1/chat", auth("busy"), body.dump(), "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 429);
  EXPECT_TRUE(res->has_header("Retry-After"));
  expect_envelope(json::parse(res->body, nullptr, false), "rate_limited");
  chat("calm", "提现");  // another session is not affected
}

TEST_F(ServerTest, RateLimitPerClientAddress429) {
  auto s = settings();
  s.rate_client = {0.5, 4};
  start(s);
  int limited = 0;
  for (int i = 0; i < 6; ++i) {
    auto res = client_->Post("/v1/chat", R"({"text":"提现"})", "application/json");
    ASSERT_TRUE(res);
    if (res->status == 429) {
      ++limited;
      expect_envelope(json::parse(res->body, nullptr, false), "rate_limited");
    }
  }
  EXPECT_EQ(limited, 2);
  get("/healthz", 200);  // operations routes are not limited
}

}  // namespace
}  // namespace faqbot::testing
