// Sessions are capabilities (issue 8): over loopback, nobody without a
// session's credential reads, streams, posts into or rates its conversation;
// IM conversations are not reachable through the investor API; the channel
// comes from the route, never from the body.
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "bot/service/session_credentials.h"
#include "server_fixture.h"

namespace faqbot::testing {
namespace {

using nlohmann::json;

// Everything one session exposes, asked with `headers` (and, for the event
// stream, `query` appended to its URL): each must answer 401 in the envelope.
void expect_every_route_refused(ServerTest* t, httplib::Client& client, const std::string& session,
                                int64_t message_id, const httplib::Headers& headers,
                                const std::string& query, const std::string& what) {
  SCOPED_TRACE(what);
  auto expect_401 = [&](const httplib::Result& res, const char* route) {
    ASSERT_TRUE(res) << route;
    EXPECT_EQ(res->status, 401) << route << " " << res->body;
    json body = json::parse(res->body, nullptr, false);
    expect_envelope(body, "unauthorized");
    // The same words whether or not the session exists.
    EXPECT_EQ(body["error"]["message"].get<std::string>().find(session), std::string::npos);
  };
  expect_401(client.Get(("/v1/sessions/" + session + "/messages").c_str(), headers), "messages");
  expect_401(client.Get(("/v1/sessions/" + session + "/events" + query).c_str(), headers), "events");
  expect_401(client.Post("/v1/chat", headers, json{{"session_id", session}, {"text", "你好"}}.dump(),
                         "application/json"),
             "chat");
  expect_401(client.Post("/v1/feedback", headers,
                         json{{"session_id", session}, {"message_id", message_id}, {"helpful", false}}.dump(),
                         "application/json"),
             "feedback");
  (void)t;
}

TEST_F(ServerTest, AClientChosenSessionIdIsRefusedNotCreated) {
  start();
  for (const char* chosen : {"1", "my-session", "00000000000aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"}) {
    json r = post("/v1/chat", {{"session_id", chosen}, {"text", "提现多久到账"}}, 401);
    expect_envelope(r, "unauthorized");
    expect_envelope(get(std::string("/v1/sessions/") + chosen + "/messages", 401), "unauthorized");
    EXPECT_EQ(app_->service().store().get_session(chosen).status().code(), StatusCode::kNotFound);
  }
  // Without a session id the server issues both: an unguessable id and a token.
  json a = chat("a", "提现多久到账");
  json b = chat("b", "提现多久到账");
  EXPECT_NE(sid("a"), sid("b"));
  EXPECT_GE(sid("a").size(), 43u);
  EXPECT_EQ(token("a").size(), 64u);
  EXPECT_NE(token("a"), token("b"));
}

TEST_F(ServerTest, EverySessionRouteNeedsTheSessionsOwnToken) {
  start();
  json a = chat("a", "提现多久到账");
  chat("b", "充值");
  const int64_t message = a["message_id"];
  httplib::Client& c = *client_;
  expect_every_route_refused(this, c, sid("a"), message, {}, "", "no token");
  expect_every_route_refused(this, c, sid("a"), message, bearer(std::string(64, '0')),
                             "?session_token=" + std::string(64, '0'), "a wrong token");
  expect_every_route_refused(this, c, sid("a"), message, auth("b"), "?session_token=" + token("b"),
                             "another session's token");
  expect_every_route_refused(this, c, sid("a"), message, {{"Authorization", token("a")}}, "",
                             "the token without the Bearer scheme");
  // An unknown session answers exactly like a wrong token.
  const std::string unknown = sid("a").substr(0, sid("a").size() - 4) + "ffff";
  auto wrong = c.Get(("/v1/sessions/" + sid("a") + "/messages").c_str(), auth("b"));
  auto missing = c.Get(("/v1/sessions/" + unknown + "/messages").c_str(), auth("b"));
  ASSERT_TRUE(wrong && missing);
  EXPECT_EQ(wrong->status, missing->status);
  EXPECT_EQ(wrong->body, missing->body);

  // Nothing above reached the session: it still holds its own two messages.
  json mine = get(messages_path("a"), 200, auth("a"));
  ASSERT_EQ(mine["messages"].size(), 2u);
  // The stream accepts the token in its URL; the transcript read does not.
  expect_envelope(get(messages_path("a") + "?session_token=" + token("a"), 401), "unauthorized");
  int status = 0;
  httplib::Client sse("127.0.0.1", port_);
  sse.Get(("/v1/sessions/" + sid("a") + "/events?session_token=" + token("a")).c_str(),
          [&](const httplib::Response& r) {
            status = r.status;
            return false;
          },
          [](const char*, size_t) { return false; });
  EXPECT_EQ(status, 200);
}

TEST_F(ServerTest, AnImSessionIsNotReachableThroughTheInvestorApi) {
  providers_.push_back([](service::Service& svc) {
    std::vector<http::Route> routes;
    routes.push_back(http::Route{"POST", "/webhooks/test",
                                 [&svc](const http::Request& r) {
                                   service::ChatRequest c;
                                   c.session_id = svc.im_session_id("generic", "u1/u1").value();
                                   c.channel = "generic";
                                   c.text = r.body;
                                   auto reply = svc.chat(c);
                                   http::Response out;
                                   out.body = reply.ok() ? reply->session_id : "error";
                                   return out;
                                 },
                                 "Test IM webhook"});
    return routes;
  });
  start();
  auto res = client_->Post("/webhooks/test", "转人工", "text/plain");
  ASSERT_TRUE(res);
  const std::string im = res->body;
  ASSERT_EQ(im.rfind("generic:", 0), 0u) << im;
  // Keyed: not the unkeyed hash of the user id that used to be the id.
  const std::string unkeyed_prefix = service::session_token_hash("u1/u1").substr(0, 40);
  EXPECT_EQ(im.find(unkeyed_prefix), std::string::npos);

  // Whatever the token: no read, no stream, no post, no feedback.
  const int64_t message = app_->service().messages(im, 0)->back().id;
  expect_every_route_refused(this, *client_, im, message, {}, "", "IM session, no token");
  expect_every_route_refused(this, *client_, im, message, bearer(std::string(64, 'a')),
                             "?session_token=" + std::string(64, 'a'), "IM session, a token");
  // Nothing was injected: the agent sees only the investor's own messages.
  const auto listed = app_->service().messages(im, 0);
  ASSERT_TRUE(listed.ok());
  for (const store::Message& m : listed.value()) {
    EXPECT_NE(m.text, "你好");
  }
}

TEST_F(ServerTest, TheChannelComesFromTheRouteNotTheBody) {
  start();
  json h = post("/v1/chat", {{"text", "转人工"}, {"channel", "wecom"}}, 200);
  ASSERT_EQ(h["action"], "handoff");
  json queue = get("/v1/handoffs", 200, bearer(kAlice));
  ASSERT_EQ(queue["handoffs"].size(), 1u);
  EXPECT_EQ(queue["handoffs"][0]["channel"], "web");
  json detail = get("/v1/handoffs/" + std::to_string(h["handoff"]["ticket_id"].get<int64_t>()), 200,
                    bearer(kAlice));
  EXPECT_EQ(detail["profile"]["channel"], "web");
  EXPECT_EQ(app_->service().store().get_session(h["session_id"])->channel, "web");
}

TEST_F(ServerTest, FeedbackOnlyOnTheSessionsOwnBotMessagesAndOnce) {
  start();
  json a = chat("a", "提现多久到账");
  json b = chat("b", "提现多久到账");
  auto feedback = [&](const std::string& label, const json& message_id, int status) {
    return post("/v1/feedback", {{"session_id", sid(label)}, {"message_id", message_id}, {"helpful", true}},
                status, auth(label));
  };
  expect_envelope(feedback("a", b["message_id"], 404), "not_found");    // b's message
  const int64_t own_question = get(messages_path("a"), 200, auth("a"))["messages"][0]["message_id"];
  expect_envelope(feedback("a", own_question, 404), "not_found");       // not a bot message
  EXPECT_EQ(feedback("a", a["message_id"], 200)["ok"], true);
  expect_envelope(feedback("a", a["message_id"], 409), "conflict");     // once per message
  EXPECT_EQ(feedback("b", b["message_id"], 200)["ok"], true);
}

TEST_F(ServerTest, OnlyTheTokensHashIsStored) {
  start();
  chat("a", "提现多久到账");
  const std::string hash = service::session_token_hash(token("a"));
  EXPECT_EQ(app_->service().store().get_session(sid("a"))->token_hash, hash);
  stop();  // closes the database: the WAL is folded into faqbot.db
  std::string bytes;
  for (const auto& f : std::filesystem::directory_iterator(dir_.path() + "/data")) {
    if (!f.is_regular_file()) continue;
    std::ifstream in(f.path(), std::ios::binary);
    bytes.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  ASSERT_NE(bytes.find(sid("a")), std::string::npos);  // the files were read
  EXPECT_NE(bytes.find(hash), std::string::npos);
  EXPECT_EQ(bytes.find(token("a")), std::string::npos);
}

TEST_F(ServerTest, TheReplyCarriesTheMaskedQuestionAsStored) {
  start();
  json r = chat("a", "我的手机13812345678提现没到");
  const std::string question = r["question"];
  EXPECT_EQ(question.find("13812345678"), std::string::npos) << question;
  json stored = get(messages_path("a"), 200, auth("a"));
  EXPECT_EQ(stored["messages"][0]["text"], question);
}

}  // namespace
}  // namespace faqbot::testing
