// Agent-assist with the real engine over the default knowledge base: the
// console's suggestions read the whole ticket, so a conversation that ends
// with "人工客服" and "谢谢" still gets suggestions about what the investor
// asked (not 不客气), and the quick replies are ranked by the same engine.
#include "server_fixture.h"

namespace faqbot::testing {
namespace {

using nlohmann::json;

const std::vector<std::string> kQuickReplies = {
    "您好，请问有什么可以帮您？",
    "提现到账时间以银行处理为准，请您留意银行卡的到账通知。",
    "充值未到账的话，麻烦您提供一下支付凭证，我们为您核实。",
    "感谢您的耐心等待，欢迎您随时再来咨询。",
};

class AgentAssistTest : public ServerTest {
 protected:
  void start_default_kb() {
    http::Settings s = settings();
    s.config_dir = FAQBOT_DEFAULT_CONFIG;
    s.quick_replies = kQuickReplies;
    start_real(std::move(s));
  }

  json detail_after(const std::string& label, const std::vector<std::string>& turns) {
    int64_t ticket = 0;
    for (const std::string& text : turns) {
      json r = chat(label, text);
      if (r["handoff"].is_object()) ticket = r["handoff"]["ticket_id"];
    }
    EXPECT_GT(ticket, 0) << "the conversation was handed over";
    return get("/v1/handoffs/" + std::to_string(ticket), 200, bearer(kAlice));
  }
};

TEST_F(AgentAssistTest, SuggestionsComeFromTheWholeTicketNotItsLastMessage) {
  start_default_kb();
  json d = detail_after("w", {"我提现申请了三天了还没到账", "人工客服", "谢谢"});
  ASSERT_FALSE(d["suggestions"].empty()) << d;
  EXPECT_EQ(d["suggestions"][0]["faq_id"].get<std::string>().rfind("withdraw.", 0), 0u) << d["suggestions"];
  for (const json& s : d["suggestions"]) {
    const std::string id = s["faq_id"];
    EXPECT_NE(id.rfind("smalltalk.", 0), 0u) << "small talk is no help to an agent: " << id;
    EXPECT_NE(id, "service.human") << "the agent is the human";
    EXPECT_EQ(s["answer"].get<std::string>().find("不客气"), std::string::npos) << s;
  }
  // The questions read reach back to the one about the business.
  const json& questions = d["assist"]["questions"];
  ASSERT_FALSE(questions.empty());
  EXPECT_EQ(questions.front(), "我提现申请了三天了还没到账") << questions;
  // The quick reply about withdrawals ranks first and is suggested.
  const json& quick = d["assist"]["quick_replies"];
  ASSERT_EQ(quick.size(), kQuickReplies.size());
  EXPECT_EQ(quick[0]["text"], kQuickReplies[1]) << quick;
  EXPECT_EQ(quick[0]["suggested"], true) << quick;
  EXPECT_EQ(d["quick_replies"][0], kQuickReplies[1]);

  // Another conversation about a recharge ranks the recharge reply first.
  json r = detail_after("r", {"充值了钱没到账怎么办", "转人工"});
  ASSERT_FALSE(r["suggestions"].empty()) << r;
  EXPECT_EQ(r["suggestions"][0]["faq_id"].get<std::string>().rfind("recharge.", 0), 0u) << r["suggestions"];
  EXPECT_EQ(r["assist"]["quick_replies"][0]["text"], kQuickReplies[2]) << r["assist"];
}

TEST_F(AgentAssistTest, AfterTheAgentAnswersOnlyNewQuestionsCount) {
  start_default_kb();
  json d = detail_after("w", {"提现多久到账", "转人工"});
  const std::string t = "/v1/handoffs/" + std::to_string(d["ticket_id"].get<int64_t>());
  post(t + "/claim", json::object(), 200, bearer(kAlice));
  post(t + "/messages", {{"text", "您好，提现一般预计1-2个工作日到账，具体以银行处理为准。"}}, 200, bearer(kAlice));
  chat("w", "那充值有手续费吗");
  json after = get(t, 200, bearer(kAlice));
  ASSERT_FALSE(after["suggestions"].empty()) << after;
  EXPECT_EQ(after["suggestions"][0]["faq_id"].get<std::string>().rfind("recharge.", 0), 0u) << after["suggestions"];
  EXPECT_EQ(after["assist"]["questions"], json::array({"那充值有手续费吗"}));
}

}  // namespace
}  // namespace faqbot::testing
