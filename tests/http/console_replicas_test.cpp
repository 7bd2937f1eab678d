// Two replicas on one PostgreSQL schema, the investor on one and the agents
// on the other: typing and who is online cross between them.
#include "replicas_fixture.h"

namespace faqbot::testing {
namespace {

using nlohmann::json;

using ConsoleReplicasTest = ReplicasTest;

TEST_F(ConsoleReplicasTest, TypingAndPresenceToldOneReplicaAreSeenOnTheOther) {
  // Alice works through replica 0; Bob looks at the agents list through 1.
  auto alice_online = [&] {
    const json list = call(1, "GET", "/v1/agents", {}, 200, kBob);
    for (const json& a : list["agents"]) {
      if (a["agent_id"] == "alice") return a["online"].get<bool>();
    }
    ADD_FAILURE() << "alice is not listed: " << list;
    return false;
  };
  EXPECT_FALSE(alice_online());
  call(0, "GET", "/v1/handoffs/summary", {}, 200, kAlice);
  EXPECT_TRUE(alice_online()) << "alice was active on the other replica";

  // The investor talks to replica 0 and is handed over.
  auto res = clients_[0]->Post("/v1/chat", json{{"text", "转人工"}}.dump(), "application/json");
  ASSERT_TRUE(res);
  const json h = json::parse(res->body, nullptr, false);
  ASSERT_EQ(h["action"], "handoff") << h;
  const std::string session = "/v1/sessions/" + h["session_id"].get<std::string>();
  const std::string token = h["session_token"];
  const std::string ticket = "/v1/handoffs/" + std::to_string(h["handoff"]["ticket_id"].get<int64_t>());

  EXPECT_EQ(call(1, "GET", ticket + "/typing", {}, 200, kAlice)["investor_typing"], false);
  EXPECT_EQ(call(0, "POST", session + "/typing", json::object(), 200, token)["recorded"], true);
  EXPECT_EQ(call(1, "GET", ticket + "/typing", {}, 200, kAlice)["investor_typing"], true);

  call(1, "POST", ticket + "/claim", json::object(), 200, kAlice);
  EXPECT_EQ(call(1, "POST", ticket + "/typing", json::object(), 200, kAlice)["recorded"], true);
  EXPECT_EQ(call(0, "GET", session + "/typing", {}, 200, token)["agent_typing"], true);
  // Sending ends the indicator on every replica at once.
  call(1, "POST", ticket + "/messages", {{"text", "您好，我来为您查询。"}}, 200, kAlice);
  EXPECT_EQ(call(0, "GET", session + "/typing", {}, 200, token)["agent_typing"], false);
}

}  // namespace
}  // namespace faqbot::testing
