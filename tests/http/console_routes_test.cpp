// The agent console's routes over loopback (scripted engine): live counts,
// internal notes, typing both ways (polling and the event stream), search of
// past conversations, the investor's rating and the averages per agent, the
// agents list, and quick replies under the compliance guard.
#include <chrono>
#include <thread>

#include "server_fixture.h"

namespace faqbot::testing {
namespace {

using nlohmann::json;

class ConsoleRoutesTest : public ServerTest {
 protected:
  // A handed-over conversation `label`; returns "/v1/handoffs/<ticket>".
  std::string handoff(const std::string& label) {
    json h = chat(label, "转人工");
    EXPECT_EQ(h["action"], "handoff") << h;
    return "/v1/handoffs/" + std::to_string(h["handoff"]["ticket_id"].get<int64_t>());
  }
  int64_t ticket_of(const std::string& path) { return std::stoll(path.substr(path.rfind('/') + 1)); }
  std::string session_path(const std::string& label, const std::string& rest) {
    return "/v1/sessions/" + sid(label) + rest;
  }
};

TEST_F(ConsoleRoutesTest, SummaryCountsStayLiveThroughClaimAndClose) {
  start();
  json empty = get("/v1/handoffs/summary", 200, bearer(kAlice));
  EXPECT_EQ(empty["agent_id"], "alice");
  EXPECT_EQ(empty["counts"]["waiting"], 0);
  const std::string a = handoff("a"), b = handoff("b");
  chat("c", "我被骗了");  // high priority
  json s = get("/v1/handoffs/summary", 200, bearer(kAlice));
  EXPECT_EQ(s["counts"]["waiting"], 3);
  EXPECT_EQ(s["counts"]["waiting_high"], 1);
  EXPECT_EQ(s["counts"]["active"], 0);
  ASSERT_EQ(s["waiting_ids"].size(), 3u);
  EXPECT_NE(std::find(s["waiting_ids"].begin(), s["waiting_ids"].end(), json(ticket_of(a))),
            s["waiting_ids"].end());

  post(a + "/claim", json::object(), 200, bearer(kAlice));
  s = get("/v1/handoffs/summary", 200, bearer(kAlice));
  EXPECT_EQ(s["counts"]["waiting"], 2) << "a claim takes the ticket out of the count at once";
  EXPECT_EQ(s["counts"]["active"], 1);
  EXPECT_EQ(s["counts"]["mine"], 1);
  EXPECT_EQ(std::find(s["waiting_ids"].begin(), s["waiting_ids"].end(), json(ticket_of(a))),
            s["waiting_ids"].end());
  json bobs = get("/v1/handoffs/summary", 200, bearer(kBob));
  EXPECT_EQ(bobs["counts"]["mine"], 0);
  post(a + "/close", json::object(), 200, bearer(kAlice));
  s = get("/v1/handoffs/summary", 200, bearer(kAlice));
  EXPECT_EQ(s["counts"]["active"], 0);
  EXPECT_EQ(s["counts"]["waiting"], 2);
  (void)b;

  expect_envelope(get("/v1/handoffs/summary", 401), "unauthorized");
  expect_envelope(get("/v1/handoffs/summary", 403, bearer(kAdmin)), "forbidden");
}

TEST_F(ConsoleRoutesTest, NotesAreInternalMaskedAndFollowTheCustomer) {
  start();
  const std::string t = handoff("inv");
  json note = post(t + "/notes", {{"text", "客户说卡号 6222021234567890123，已核实身份"}}, 201, bearer(kAlice));
  EXPECT_EQ(note["agent_id"], "alice");
  EXPECT_EQ(note["text"].get<std::string>().find("6222021234567890123"), std::string::npos) << note;
  post(t + "/notes", {{"text", "  "}}, 422, bearer(kAlice));
  post(t + "/notes", {{"text", 5}}, 422, bearer(kAlice));
  post("/v1/handoffs/999999/notes", {{"text", "x"}}, 404, bearer(kAlice));
  post(t + "/notes", {{"text", "x"}}, 401);

  // Never shown to the investor: not in the transcript, not on the stream.
  json transcript = get(session_path("inv", "/messages"), 200, auth("inv"));
  EXPECT_EQ(transcript.dump().find("已核实身份"), std::string::npos);

  // Bob sees Alice's note; a later ticket of the same conversation does too.
  post(t + "/claim", json::object(), 200, bearer(kAlice));
  post(t + "/close", json::object(), 200, bearer(kAlice));
  const std::string again = handoff("inv");
  ASSERT_NE(again, t);
  post(again + "/notes", {{"text", "第二次来问"}}, 201, bearer(kBob));
  json notes = get(again + "/notes", 200, bearer(kBob));
  ASSERT_EQ(notes["notes"].size(), 2u);
  EXPECT_EQ(notes["notes"][0]["agent_id"], "alice");
  EXPECT_EQ(notes["notes"][0]["ticket_id"], ticket_of(t));
  EXPECT_EQ(notes["notes"][1]["text"], "第二次来问");
}

TEST_F(ConsoleRoutesTest, TypingBothWaysExpiresAndIsClearedBySending) {
  start();
  const std::string t = handoff("inv");
  const std::string typing = session_path("inv", "/typing");
  EXPECT_EQ(get(t + "/typing", 200, bearer(kAlice))["investor_typing"], false);
  json marked = post(typing, json::object(), 200, auth("inv"));
  EXPECT_EQ(marked["recorded"], true);
  EXPECT_EQ(post(typing, json::object(), 200, auth("inv"))["recorded"], false) << "throttled";
  EXPECT_EQ(get(t + "/typing", 200, bearer(kAlice))["investor_typing"], true);
  post(typing, json::object(), 401);  // the session's credential is needed
  get(typing, 401);

  // Sending the message ends the indicator at once.
  chat("inv", "我的提现还没到");
  EXPECT_EQ(get(t + "/typing", 200, bearer(kAlice))["investor_typing"], false);

  // The agent types only in a ticket the agent holds.
  post(t + "/typing", json::object(), 409, bearer(kAlice));
  post(t + "/claim", json::object(), 200, bearer(kAlice));
  post(t + "/typing", json::object(), 409, bearer(kBob));
  EXPECT_EQ(post(t + "/typing", json::object(), 200, bearer(kAlice))["recorded"], true);
  EXPECT_EQ(get(typing, 200, auth("inv"))["agent_typing"], true);
  post(t + "/messages", {{"text", "您好，我来为您查询。"}}, 200, bearer(kAlice));
  EXPECT_EQ(get(typing, 200, auth("inv"))["agent_typing"], false);

  // A mark lapses by itself after its time to live.
  json again = post(t + "/typing", json::object(), 200, bearer(kAlice));
  ASSERT_EQ(again["recorded"], true);
  EXPECT_EQ(get(typing, 200, auth("inv"))["agent_typing"], true);
  std::this_thread::sleep_for(std::chrono::milliseconds(again["expires_in_ms"].get<int64_t>() + 300));
  EXPECT_EQ(get(typing, 200, auth("inv"))["agent_typing"], false);
}

TEST_F(ConsoleRoutesTest, EventStreamTellsTheInvestorWhenTheAgentTypesAndStops) {
  start();
  const std::string t = handoff("inv");
  post(t + "/claim", json::object(), 200, bearer(kAlice));
  std::string received;
  std::atomic<bool> stop{false};
  httplib::Client streamer("127.0.0.1", port_);
  streamer.set_read_timeout(20, 0);
  std::thread reader([&] {
    streamer.Get(("/v1/sessions/" + sid("inv") + "/events?session_token=" + token("inv")).c_str(),
                 [&](const char* data, size_t n) {
                   received.append(data, n);
                   return !stop.load();
                 });
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  post(t + "/typing", json::object(), 200, bearer(kAlice));
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(15);
  auto seen = [&](const std::string& what) {
    while (std::chrono::steady_clock::now() < deadline) {
      if (received.find(what) != std::string::npos) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return false;
  };
  EXPECT_TRUE(seen("event: typing\ndata: {\"agent_typing\":true")) << received;
  // Nothing more is marked: the stream says the typing lapsed.
  EXPECT_TRUE(seen("{\"agent_typing\":false")) << received;
  stop = true;
  post(t + "/messages", {{"text", "您好"}}, 200, bearer(kAlice));  // wakes the stream to end it
  reader.join();
}

TEST_F(ConsoleRoutesTest, SearchPastConversationsByTextAndCustomerMasked) {
  start();
  json first = post("/v1/chat", {{"text", "提现卡号6222021234567890123没到账"}, {"user_id", "wang-007"}}, 200);
  chat("other", "充值限额多少");
  json hits = get("/v1/conversations?q=%E6%8F%90%E7%8E%B0", 200, bearer(kAlice));  // 提现
  ASSERT_GE(hits["results"].size(), 1u);
  bool investor_found = false;
  for (const json& h : hits["results"]) {
    EXPECT_EQ(h["text"].get<std::string>().find("6222021234567890123"), std::string::npos) << h;
    if (h["role"] == "investor") {
      investor_found = true;
      EXPECT_EQ(h["session_id"], first["session_id"]);
      EXPECT_EQ(h["user_id"], "wang-007");
      EXPECT_TRUE(h["ticket_id"].is_null());
    }
  }
  EXPECT_TRUE(investor_found);
  // The number typed in full finds the masked message.
  EXPECT_EQ(get("/v1/conversations?q=6222021234567890123", 200, bearer(kAlice))["results"].size(), 1u);
  // By customer (the admin may search too), and a past transcript by session.
  json by_customer = get("/v1/conversations?customer=WANG", 200, bearer(kAdmin));
  ASSERT_EQ(by_customer["results"].size(), 2u);
  json past = get("/v1/conversations/" + first["session_id"].get<std::string>() + "/messages", 200,
                  bearer(kBob));
  EXPECT_EQ(past["messages"].size(), 2u);

  expect_envelope(get("/v1/conversations", 422, bearer(kAlice)), "validation_failed");
  expect_envelope(get("/v1/conversations?q=" + std::string(101, 'a'), 422, bearer(kAlice)), "validation_failed");
  expect_envelope(get("/v1/conversations?q=x", 401), "unauthorized");
  expect_envelope(get("/v1/conversations?q=x", 401, bearer(first["session_token"])), "unauthorized");
}

TEST_F(ConsoleRoutesTest, RatingOnceAfterHumanServiceAveragedPerAgent) {
  start();
  const std::string a = handoff("a");
  const std::string rating_a = session_path("a", "/rating");
  const json body = {{"ticket_id", ticket_of(a)}, {"score", 4}};
  // Not before the conversation with an agent has ended.
  post(rating_a, body, 409, auth("a"));
  post(a + "/claim", json::object(), 200, bearer(kAlice));
  post(rating_a, body, 409, auth("a"));
  json state = get(rating_a + "?ticket_id=" + std::to_string(ticket_of(a)), 200, auth("a"));
  EXPECT_EQ(state["askable"], false);
  post(a + "/close", json::object(), 200, bearer(kAlice));
  state = get(rating_a + "?ticket_id=" + std::to_string(ticket_of(a)), 200, auth("a"));
  EXPECT_EQ(state["askable"], true);
  EXPECT_TRUE(state["score"].is_null());

  post(rating_a, {{"ticket_id", ticket_of(a)}, {"score", 6}}, 422, auth("a"));
  post(rating_a, {{"ticket_id", ticket_of(a)}, {"score", "5"}}, 422, auth("a"));
  post(rating_a, body, 401);
  json given = post(rating_a, {{"ticket_id", ticket_of(a)}, {"score", 4}, {"comment", "很耐心"}}, 201, auth("a"));
  EXPECT_EQ(given["score"], 4);
  post(rating_a, {{"ticket_id", ticket_of(a)}, {"score", 1}}, 409, auth("a"));  // once per ticket
  state = get(rating_a + "?ticket_id=" + std::to_string(ticket_of(a)), 200, auth("a"));
  EXPECT_EQ(state["askable"], false);
  EXPECT_EQ(state["score"], 4);

  // Another investor's ticket is unknown to this session.
  const std::string b = handoff("b");
  post(b + "/claim", json::object(), 200, bearer(kAlice));
  post(b + "/close", json::object(), 200, bearer(kAlice));
  post(rating_a, {{"ticket_id", ticket_of(b)}, {"score", 1}}, 404, auth("a"));
  post(session_path("b", "/rating"), {{"ticket_id", ticket_of(b)}, {"score", 1}}, 201, auth("b"));
  // A ticket closed while waiting had no agent: nothing to rate.
  const std::string c = handoff("c");
  post(c + "/close", json::object(), 200, bearer(kBob));
  post(session_path("c", "/rating"), {{"ticket_id", ticket_of(c)}, {"score", 5}}, 409, auth("c"));

  json summary = get("/v1/handoffs/summary", 200, bearer(kBob));
  ASSERT_EQ(summary["ratings"].size(), 1u);
  EXPECT_EQ(summary["ratings"][0]["agent_id"], "alice");
  EXPECT_EQ(summary["ratings"][0]["count"], 2);
  EXPECT_DOUBLE_EQ(summary["ratings"][0]["average"].get<double>(), 2.5);
}

TEST_F(ConsoleRoutesTest, AgentsListSaysWhoIsOnlineAndHolding) {
  start();
  const std::string t = handoff("inv");
  post(t + "/claim", json::object(), 200, bearer(kBob));
  json agents = get("/v1/agents", 200, bearer(kAlice));
  ASSERT_EQ(agents["agents"].size(), 2u);
  EXPECT_EQ(agents["agents"][0]["agent_id"], "alice");
  EXPECT_EQ(agents["agents"][0]["me"], true);
  EXPECT_EQ(agents["agents"][0]["online"], true);
  EXPECT_EQ(agents["agents"][1]["agent_id"], "bob");
  EXPECT_EQ(agents["agents"][1]["online"], true) << "bob claimed a moment ago";
  EXPECT_EQ(agents["agents"][1]["active_tickets"], 1);
  EXPECT_EQ(agents["agents"][0]["active_tickets"], 0);
}

TEST_F(ConsoleRoutesTest, AssistReadsTheBotsPicksAndOffersOnlySendableQuickReplies) {
  http::Settings s = settings();
  s.quick_replies = {"请稍等，正在为您查询。", "保证本金安全，今天一定到账"};
  start(s);
  chat("inv", "提现多久到账");  // the bot answers withdraw.arrival_time
  const std::string t = handoff("inv");
  json detail = get(t, 200, bearer(kAlice));
  ASSERT_FALSE(detail["suggestions"].empty()) << detail;
  EXPECT_EQ(detail["suggestions"][0]["faq_id"], "withdraw.arrival_time");
  ASSERT_EQ(detail["assist"]["quick_replies"].size(), 2u);
  json refused;
  for (const json& q : detail["assist"]["quick_replies"]) {
    if (!q["refused"].empty()) refused = q;
  }
  ASSERT_TRUE(refused.is_object()) << detail["assist"];
  EXPECT_EQ(refused["text"], "保证本金安全，今天一定到账");
  // Only the sendable one is offered, and sending the other is refused.
  ASSERT_EQ(detail["quick_replies"].size(), 1u);
  EXPECT_EQ(detail["quick_replies"][0], "请稍等，正在为您查询。");
  post(t + "/claim", json::object(), 200, bearer(kAlice));
  expect_envelope(post(t + "/messages", {{"text", refused["text"]}}, 422, bearer(kAlice)), "compliance");
  post(t + "/messages", {{"text", detail["quick_replies"][0]}}, 200, bearer(kAlice));
}

}  // namespace
}  // namespace faqbot::testing
