// Black-box tests of the HTTP API over loopback.
#include <atomic>
#include <thread>

#include "server_fixture.h"

namespace faqbot::testing {
namespace {

using nlohmann::json;

TEST_F(ServerTest, ChatRoundTrip) {
  start();
  json r = chat("rt", "提现多久到账");
  ASSERT_TRUE(r.is_object());
  const std::string session = r["session_id"];
  EXPECT_FALSE(session.empty());
  EXPECT_EQ(r["session_token"].get<std::string>().size(), 64u);
  EXPECT_EQ(r["question"], "提现多久到账");
  EXPECT_EQ(r["action"], "answer");
  EXPECT_EQ(r["faq_id"], "withdraw.arrival_time");
  EXPECT_GT(r["confidence"].get<double>(), 0.5);
  EXPECT_TRUE(r["handoff"].is_null());
  ASSERT_EQ(r["suggestions"].size(), 1u);  // an answer offers its related entries
  EXPECT_EQ(r["suggestions"][0]["faq_id"], "recharge.limit");
  EXPECT_EQ(r["suggestions"][0]["question"], "充值限额是多少");

  json all = get("/v1/sessions/" + session + "/messages", 200, auth("rt"));
  ASSERT_EQ(all["messages"].size(), 2u);
  EXPECT_EQ(all["messages"][0]["role"], "investor");
  EXPECT_EQ(all["messages"][0]["text"], "提现多久到账");
  EXPECT_EQ(all["messages"][1]["role"], "bot");
  EXPECT_EQ(all["messages"][1]["message_id"], r["message_id"]);

  const int64_t first = all["messages"][0]["message_id"];
  json since = get("/v1/sessions/" + session + "/messages?after=" + std::to_string(first), 200, auth("rt"));
  ASSERT_EQ(since["messages"].size(), 1u);
  EXPECT_EQ(since["messages"][0]["role"], "bot");

  json clarify = chat("rt", "你好");
  EXPECT_EQ(clarify["session_id"], session);
  EXPECT_FALSE(clarify.contains("session_token"));  // issued once, at creation
  EXPECT_EQ(clarify["action"], "clarify");
  EXPECT_EQ(clarify["suggestions"].size(), 2u);
  EXPECT_TRUE(clarify["faq_id"].is_null());

  post("/v1/feedback", {{"session_id", session}, {"message_id", r["message_id"]}, {"helpful", true}}, 200,
       auth("rt"));
}

TEST_F(ServerTest, HandoffFromTriggerToClaimReplyAndClose) {
  start();
  json h = chat("inv-1", "转人工");
  EXPECT_EQ(h["action"], "handoff");
  ASSERT_TRUE(h["handoff"].is_object());
  const int64_t ticket = h["handoff"]["ticket_id"];
  EXPECT_EQ(h["handoff"]["status"], "waiting");
  EXPECT_EQ(h["handoff"]["priority"], "normal");
  EXPECT_EQ(h["handoff"]["queue_position"], 1);

  json routed = chat("inv-1", "提现多久到账");
  EXPECT_EQ(routed["routed_to_agent"], true);
  EXPECT_EQ(routed["handoff"]["ticket_id"], ticket);
  EXPECT_TRUE(routed["faq_id"].is_null());

  const std::string t = "/v1/handoffs/" + std::to_string(ticket);
  json queue = get("/v1/handoffs?status=waiting", 200, bearer(kAlice));
  ASSERT_EQ(queue["handoffs"].size(), 1u);
  EXPECT_EQ(queue["handoffs"][0]["ticket_id"], ticket);
  EXPECT_EQ(queue["handoffs"][0]["last_message"], "提现多久到账");

  json detail = get(t, 200, bearer(kAlice));
  EXPECT_EQ(detail["reason"], "explicit_request");
  EXPECT_EQ(detail["reason_label"], "客户要求人工");
  EXPECT_GE(detail["transcript"].size(), 3u);
  ASSERT_FALSE(detail["suggestions"].empty());  // the bot's candidates for the last question
  EXPECT_EQ(detail["suggestions"][0]["faq_id"], "withdraw.arrival_time");
  EXPECT_FALSE(detail["suggestions"][0]["answer"].get<std::string>().empty());
  EXPECT_TRUE(detail["profile"].is_object());
  EXPECT_FALSE(detail["quick_replies"].empty());

  post(t + "/messages", {{"text", "too early"}}, 409, bearer(kAlice));
  json claimed = post(t + "/claim", json::object(), 200, bearer(kAlice));
  EXPECT_EQ(claimed["status"], "active");
  EXPECT_EQ(claimed["claimed_by"], "alice");
  expect_envelope(post(t + "/claim", json::object(), 409, bearer(kBob)), "conflict");
  expect_envelope(post(t + "/messages", {{"text", "not mine"}}, 409, bearer(kBob)), "conflict");

  json sent = post(t + "/messages", {{"text", "您好，您的提现预计今天到账"}}, 200, bearer(kAlice));
  EXPECT_EQ(sent["role"], "agent");
  EXPECT_EQ(sent["agent_id"], "alice");

  json transcript = get(messages_path("inv-1"), 200, auth("inv-1"));
  bool saw_agent = false;
  for (const json& m : transcript["messages"]) {
    saw_agent = saw_agent || (m["role"] == "agent" && m["text"] == "您好，您的提现预计今天到账");
  }
  EXPECT_TRUE(saw_agent) << transcript;

  json during = chat("inv-1", "谢谢");
  EXPECT_EQ(during["routed_to_agent"], true);
  EXPECT_EQ(during["handoff"]["status"], "active");

  json closed = post(t + "/close", {{"resolution", "已告知到账时间"}}, 200, bearer(kAlice));
  EXPECT_EQ(closed["status"], "closed");
  EXPECT_EQ(get("/v1/handoffs?status=closed", 200, bearer(kBob))["handoffs"].size(), 1u);

  json back = chat("inv-1", "提现多久到账");
  EXPECT_EQ(back["routed_to_agent"], false);
  EXPECT_EQ(back["action"], "answer");
  EXPECT_TRUE(back["handoff"].is_null());
}

TEST_F(ServerTest, HighPriorityFirstInTheQueue) {
  start();
  chat("n1", "转人工");
  json high = chat("h1", "我被骗了");
  EXPECT_EQ(high["handoff"]["priority"], "high");
  EXPECT_EQ(high["handoff"]["queue_position"], 1);
  json queue = get("/v1/handoffs", 200, bearer(kAlice));
  ASSERT_EQ(queue["handoffs"].size(), 2u);
  EXPECT_EQ(queue["handoffs"][0]["session_id"], sid("h1"));
  EXPECT_EQ(queue["handoffs"][1]["queue_position"], 2);
}

TEST_F(ServerTest, RestartKeepsSessionsMessagesAndTickets) {
  start();
  json a = chat("keep-1", "提现多久到账");
  json h = chat("keep-1", "转人工");
  const int64_t ticket = h["handoff"]["ticket_id"];
  stop();
  start();  // same data directory
  json transcript = get(messages_path("keep-1"), 200, auth("keep-1"));
  ASSERT_EQ(transcript["messages"].size(), 4u);
  EXPECT_EQ(transcript["messages"][1]["message_id"], a["message_id"]);
  json queue = get("/v1/handoffs", 200, bearer(kAlice));
  ASSERT_EQ(queue["handoffs"].size(), 1u);
  EXPECT_EQ(queue["handoffs"][0]["ticket_id"], ticket);
  json routed = chat("keep-1", "还在吗");
  EXPECT_EQ(routed["routed_to_agent"], true);
}

TEST_F(ServerTest, ReloadSwapsTheEngineAndABrokenOneKeepsTheOld) {
  start();
  EXPECT_EQ(chat("r", "提现")["text"].get<std::string>().rfind("[v1]", 0), 0u);
  version_ = "v2";
  json ok = post("/v1/admin/reload", json::object(), 200, bearer(kAdmin));
  EXPECT_EQ(ok["content_hash"], "hash-v2");
  EXPECT_EQ(chat("r2", "提现")["text"].get<std::string>().rfind("[v2]", 0), 0u);

  version_ = "broken";
  json bad = post("/v1/admin/reload", json::object(), 422, bearer(kAdmin));
  expect_envelope(bad, "validation_failed");
  ASSERT_EQ(bad["error"]["details"].size(), 1u);
  EXPECT_NE(bad["error"]["details"][0].get<std::string>().find("withdraw.arrival_time"), std::string::npos);
  EXPECT_EQ(chat("r3", "提现")["text"].get<std::string>().rfind("[v2]", 0), 0u);  // old one serves
  EXPECT_EQ(get("/readyz", 200)["kb_hash"], "hash-v2");
}

TEST_F(ServerTest, ServerSentEventsDeliverAnAgentMessage) {
  start();
  json h = chat("sse-1", "转人工");
  const int64_t last = h["message_id"];
  const std::string t = "/v1/handoffs/" + std::to_string(h["handoff"]["ticket_id"].get<int64_t>());

  std::atomic<bool> got{false};
  std::string received;
  std::thread listener([&] {
    httplib::Client c("127.0.0.1", port_);
    c.set_read_timeout(10, 0);
    // EventSource cannot set headers: the credential may come in the URL.
    const std::string path = "/v1/sessions/" + sid("sse-1") + "/events?after=" + std::to_string(last) +
                             "&session_token=" + token("sse-1");
    auto res = c.Get(path.c_str(), [&](const char* data, size_t n) {
      received.append(data, n);
      if (received.find("来自客服的回复") != std::string::npos) {
        got = true;
        return false;  // close the stream
      }
      return true;
    });
    (void)res;
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  post(t + "/claim", json::object(), 200, bearer(kAlice));
  post(t + "/messages", {{"text", "来自客服的回复"}}, 200, bearer(kAlice));
  listener.join();
  EXPECT_TRUE(got.load()) << received;
  EXPECT_NE(received.find("event: message"), std::string::npos);
  EXPECT_NE(received.find("\"role\":\"agent\""), std::string::npos);
}

TEST_F(ServerTest, HealthReadinessAndMetrics) {
  start();
  EXPECT_EQ(get("/healthz", 200)["status"], "ok");
  json ready = get("/readyz", 200);
  EXPECT_EQ(ready["store"], "sqlite");
  chat("m", "提现");
  chat("m2", "转人工");
  auto refused = client_->Get("/metrics");  // operators only
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 401);
  auto res = client_->Get("/metrics", bearer(kAdmin));
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_NE(res->get_header_value("Content-Type").find("text/plain"), std::string::npos);
  const std::string& m = res->body;
  EXPECT_NE(m.find("faqbot_http_requests_total{method=\"POST\",route=\"/v1/chat\",code=\"2xx\"} 2"), std::string::npos) << m;
  EXPECT_NE(m.find("faqbot_http_request_duration_seconds_bucket{method=\"POST\",route=\"/v1/chat\",le=\"+Inf\"} 2"), std::string::npos);
  EXPECT_NE(m.find("faqbot_answers_total{action=\"answer\"} 1"), std::string::npos);
  EXPECT_NE(m.find("faqbot_handoffs_total{reason=\"explicit_request\"} 1"), std::string::npos);
  EXPECT_NE(m.find("faqbot_handoff_queue_length{status=\"waiting\"} 1"), std::string::npos);
}

TEST_F(ServerTest, CorsForAConfiguredOrigin) {
  auto s = settings();
  s.cors_origins = {"https://shop.example"};
  start(s);
  auto res = client_->Post("/v1/chat", {{"Origin", "https://shop.example"}}, R"({"text":"提现"})", "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->get_header_value("Access-Control-Allow-Origin"), "https://shop.example");
  auto other = client_->Post("/v1/chat", {{"Origin", "https://evil.example"}}, R"({"text":"提现"})", "application/json");
  ASSERT_TRUE(other);
  EXPECT_FALSE(other->has_header("Access-Control-Allow-Origin"));
  auto pre = client_->Options("/v1/chat", {{"Origin", "https://shop.example"},
                                           {"Access-Control-Request-Method", "POST"}});
  ASSERT_TRUE(pre);
  EXPECT_EQ(pre->status, 204);
  EXPECT_EQ(pre->get_header_value("Access-Control-Allow-Origin"), "https://shop.example");
  EXPECT_NE(pre->get_header_value("Access-Control-Allow-Headers").find("Content-Type"), std::string::npos);
}

}  // namespace
}  // namespace faqbot::testing

namespace faqbot::testing {
namespace {

TEST_F(ServerTest, WebPagesAreServed) {
  start();
  for (const char* path : {"/", "/widget.js", "/agent"}) {
    auto res = client_->Get(path);
    ASSERT_TRUE(res);
#ifdef FAQBOT_HAVE_WEB
    EXPECT_EQ(res->status, 200) << path;
    EXPECT_FALSE(res->body.empty());
#else
    EXPECT_EQ(res->status, 404) << path;
#endif
  }
#ifdef FAQBOT_HAVE_WEB
  EXPECT_NE(client_->Get("/")->get_header_value("Content-Type").find("text/html"), std::string::npos);
  EXPECT_NE(client_->Get("/widget.js")->get_header_value("Content-Type").find("javascript"), std::string::npos);
#endif
}

TEST_F(ServerTest, ExtensionRoutesAreMountedForChannels) {
  providers_.push_back([](service::Service& svc) {
    std::vector<http::Route> routes;
    routes.push_back(http::Route{"POST", "/webhooks/test/{bot}",
                                 [&svc](const http::Request& r) {
                                   service::ChatRequest c;
                                   c.session_id = svc.im_session_id("test", r.path_param("bot")).value();
                                   c.channel = "test";
                                   c.text = r.body;
                                   auto reply = svc.chat(c);
                                   http::Response out;
                                   out.content_type = "text/plain";
                                   out.body = reply.ok() ? reply->action : "error";
                                   return out;
                                 },
                                 "Test IM webhook"});
    routes.push_back(http::Route{"GET", "/webhooks/metrics",
                                 [](const http::Request&) {
                                   http::Response out;
                                   out.body = "faqbot_test_channel_messages_total 7\n";
                                   return out;
                                 },
                                 "Test channel counters"});
    return routes;
  });
  start();
  auto res = client_->Post("/webhooks/test/b1", "提现多久到账", "text/plain");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->body, "answer");
  // The IM conversation is stored, and not readable through the investor API.
  const std::string im = app_->service().im_session_id("test", "b1").value();
  EXPECT_EQ(app_->service().messages(im, 0)->size(), 2u);
  expect_envelope(get("/v1/sessions/" + im + "/messages", 401), "unauthorized");
  EXPECT_TRUE(get("/openapi.json", 200)["paths"].contains("/webhooks/test/{bot}"));
  // An extension's metrics route is merged into the service's /metrics.
  auto metrics = client_->Get("/metrics", bearer(kAdmin));
  ASSERT_TRUE(metrics);
  EXPECT_NE(metrics->body.find("faqbot_test_channel_messages_total 7\n"), std::string::npos);
  EXPECT_NE(metrics->body.find("faqbot_answers_total"), std::string::npos);
  EXPECT_EQ(client_->Get("/webhooks/metrics")->status, 401);  // extension metrics too
}

}  // namespace
}  // namespace faqbot::testing

namespace faqbot::testing {
namespace {

TEST_F(ServerTest, PortInUseIsAnError) {
  start();
  auto s = settings();
  s.port = port_;
  s.data_dir = dir_.path() + "/other";
  http::AppOptions o;
  o.settings = s;
  o.loader = [] { return fake_load("v1"); };
  auto second = http::App::create(std::move(o));
  ASSERT_TRUE(second.ok());
  auto bound = second.value()->start();
  EXPECT_FALSE(bound.ok());
  get("/healthz", 200);  // the first one still serves
}

}  // namespace
}  // namespace faqbot::testing

namespace faqbot::testing {
namespace {

TEST_F(ServerTest, EventStreamsAreCappedAtHalfTheWorkers) {
  auto s = settings();
  s.threads = 4;  // at most 2 streams
  start(s);
  chat("cap", "提现");
  const std::string events_cap = "/v1/sessions/" + sid("cap") + "/events?session_token=" + token("cap");
  std::atomic<bool> stop{false};
  std::atomic<int> open{0};
  std::vector<std::thread> listeners;
  for (int i = 0; i < 2; ++i) {
    listeners.emplace_back([&] {
      httplib::Client c("127.0.0.1", port_);
      c.set_read_timeout(10, 0);
      c.Get(events_cap.c_str(), [&](const char*, size_t) {
        static thread_local bool counted = false;
        if (!counted) {
          counted = true;
          ++open;
        }
        return !stop.load();
      });
    });
  }
  for (int i = 0; i < 500 && open.load() < 2; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  ASSERT_EQ(open.load(), 2);
  expect_envelope(get(events_cap.c_str(), 503), "unavailable");
  stop = true;  // the listeners close on the next heartbeat (1 s)
  for (auto& t : listeners) t.join();
  // Slots are given back once the streams end.
  bool reopened = false;
  for (int i = 0; i < 100 && !reopened; ++i) {
    httplib::Client c("127.0.0.1", port_);
    int status = 0;
    c.Get(events_cap.c_str(),
          [&](const httplib::Response& r) {
            status = r.status;
            return false;  // headers are enough
          },
          [&](const char*, size_t) { return false; });
    reopened = status == 200;
    if (!reopened) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  EXPECT_TRUE(reopened);
}

}  // namespace
}  // namespace faqbot::testing
