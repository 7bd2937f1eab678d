// The compliance guard on agents' replies, over loopback: a reply that
// promises principal or an absolute arrival is answered 422 "compliance"
// naming the phrase, never reaches the investor, and is counted per agent.
#include "server_fixture.h"

namespace faqbot::testing {
namespace {

using nlohmann::json;

class AgentReplyGuardTest : public ServerTest {
 protected:
  // A ticket of the session "inv" claimed by alice; returns its path.
  std::string claimed_ticket() {
    json h = chat("inv", "转人工");
    const int64_t ticket = h["handoff"]["ticket_id"];
    const std::string t = "/v1/handoffs/" + std::to_string(ticket);
    post(t + "/claim", json::object(), 200, bearer(kAlice));
    return t;
  }

  std::vector<std::string> agent_texts() {
    std::vector<std::string> out;
    json all = get(messages_path("inv"), 200, auth("inv"));
    for (const json& m : all["messages"]) {
      if (m["role"] == "agent") out.push_back(m["text"]);
    }
    return out;
  }

  std::string metrics() {
    auto res = client_->Get("/metrics", bearer(kAdmin));
    return res ? res->body : "";
  }
};

TEST_F(AgentReplyGuardTest, BannedPromiseIsRefusedNamedAndNeverReachesTheInvestor) {
  start();
  const std::string t = claimed_ticket();

  json refused = post(t + "/messages", {{"text", "保证本金安全，绝对今天到账"}}, 422, bearer(kAlice));
  expect_envelope(refused, "compliance");
  const std::string message = refused["error"]["message"];
  EXPECT_NE(message.find("保证本金"), std::string::npos) << message;
  EXPECT_NE(message.find("绝对今天到账"), std::string::npos) << message;
  EXPECT_TRUE(agent_texts().empty());
  EXPECT_NE(metrics().find("faqbot_agent_replies_refused_total{agent=\"alice\"} 1"), std::string::npos);

  post(t + "/messages", {{"text", "这款产品稳赚"}}, 422, bearer(kAlice));
  EXPECT_NE(metrics().find("faqbot_agent_replies_refused_total{agent=\"alice\"} 2"), std::string::npos);
  EXPECT_TRUE(agent_texts().empty());

  // The agent edits and resends: a hedged, negated text goes through.
  const std::string clean = "出借有风险，平台不承诺保本，提现预计今天到账";
  json sent = post(t + "/messages", {{"text", clean}}, 200, bearer(kAlice));
  EXPECT_EQ(sent["role"], "agent");
  EXPECT_EQ(agent_texts(), std::vector<std::string>{clean});
  const std::string m = metrics();
  EXPECT_NE(m.find("faqbot_agent_replies_refused_total{agent=\"alice\"} 2"), std::string::npos) << m;
  EXPECT_NE(m.find("faqbot_agent_messages_total 1"), std::string::npos) << m;
}

TEST_F(AgentReplyGuardTest, RefusalIsCountedForTheAgentWhoWroteIt) {
  start();
  const std::string t = claimed_ticket();
  post(t + "/messages", {{"text", "一定马上到账"}}, 422, bearer(kAlice));
  const std::string m = metrics();
  EXPECT_NE(m.find("faqbot_agent_replies_refused_total{agent=\"alice\"} 1"), std::string::npos) << m;
  EXPECT_EQ(m.find("agent=\"bob\""), std::string::npos) << m;
}

}  // namespace
}  // namespace faqbot::testing
