#include "bot/wording.h"

#include <gtest/gtest.h>

#include "fake_retriever.h"
#include "kb_fixture.h"

namespace faqbot::bot {
namespace {

TEST(Wording, CannedRepliesFromKbElseBuiltIn) {
  auto kb = testing::make_kb();
  EXPECT_EQ(canned(*kb, "clarify_prompt"), "您是想问以下哪个问题？");
  EXPECT_FALSE(canned(*kb, "apology").empty());  // not in the fixture: built-in
  EXPECT_EQ(canned(*kb, "no_such_key"), "");
}

TEST(Wording, RuntimeVariables) {
  RuntimeVars v;
  v.customer = "王先生";
  v.queue_position = "3";
  EXPECT_EQ(fill_runtime("{customer}您好。您前面还有{queue_position}位。", v),
            "王先生您好。您前面还有3位。");
  // Without a value the sentence holding the placeholder is dropped.
  EXPECT_EQ(fill_runtime("已为您转接。预计{reply_time}前回复您。请稍等。", v), "已为您转接。请稍等。");
  EXPECT_EQ(fill_runtime("{customer}请稍等。", RuntimeVars{}), "您请稍等。");
}

TEST(Wording, AddressesTheCustomerByName) {
  EXPECT_EQ(address_customer("您好，请问有什么可以帮您？", "王先生", false),
            "王先生您好，请问有什么可以帮您？");
  EXPECT_EQ(address_customer("预计当天到账。", "李女士", true), "李女士您好，预计当天到账。");
  EXPECT_EQ(address_customer("预计当天到账。", "李女士", false), "预计当天到账。");
  EXPECT_EQ(address_customer("您好", "", true), "您好");
}

TEST(Wording, ClarifyListsCanonicalQuestions) {
  auto kb = testing::make_kb();
  Decision d;
  d.action = Action::kClarify;
  d.suggestions = testing::result({{"withdraw.fee", 0.4}, {"recharge.fee", 0.38}}).candidates;
  EXPECT_EQ(compose(*kb, d), "您是想问以下哪个问题？\n1. 提现手续费多少\n2. 充值收手续费吗");
}

TEST(Wording, AnswerRendersVariablesAndOfferLine) {
  auto kb = testing::make_kb();
  Decision d;
  d.action = Action::kAnswer;
  d.faq_id = "recharge.fee";
  EXPECT_EQ(compose(*kb, d), "示例贷不收取充值手续费。");
  d.offer_human = true;
  EXPECT_EQ(compose(*kb, d), "示例贷不收取充值手续费。\n如需帮助可点击转人工。");
}

TEST(Wording, AnswerToAnImpatientInvestorOpensWithTheApologyInsteadOfAGreeting) {
  auto kb = testing::make_kb();
  const std::string apology = canned(*kb, "impatience_apology");
  ASSERT_FALSE(apology.empty());
  EXPECT_EQ(open_with_apology(*kb, "您好，示例贷不收取充值手续费。"), apology + "\n示例贷不收取充值手续费。");
  kb->replies["impatience_apology"] = "不好意思让您着急了。";
  EXPECT_EQ(open_with_apology(*kb, "示例贷不收取充值手续费。"), "不好意思让您着急了。\n示例贷不收取充值手续费。");
}

TEST(Wording, OtherProductFallbackNamesTheProduct) {
  auto kb = testing::make_kb();
  Decision d;
  d.action = Action::kFallback;
  d.other_product = "花呗";
  // Without an other_product reply: the built-in one, naming the product
  // and no company (a card is a bank's), never the plain fallback.
  kb->replies.erase("other_product");
  const std::string builtin = compose(*kb, d);
  EXPECT_NE(builtin, kb->reply("fallback"));
  EXPECT_NE(builtin.find("您提到的花呗相关业务"), std::string::npos) << builtin;
  EXPECT_EQ(builtin.find("{product}"), std::string::npos) << builtin;
  EXPECT_EQ(builtin.find("其他公司"), std::string::npos) << builtin;
  kb->replies["other_product"] = "{product}是其他公司的产品，请咨询{product}官方客服。{platform}的问题欢迎咨询。";
  EXPECT_EQ(compose(*kb, d), "花呗是其他公司的产品，请咨询花呗官方客服。示例贷的问题欢迎咨询。");
  d.other_product.clear();
  EXPECT_EQ(compose(*kb, d), kb->reply("fallback"));
}

// A question a rule of out_of_scope.json refused is told why (the rule's
// reply key, Decision::refusal), not asked to be put another way.
TEST(Wording, RefusalByARuleSaysItsOwnReply) {
  auto kb = testing::make_kb();
  Decision d;
  d.action = Action::kFallback;
  d.refusal = "lookup_refusal";
  kb->replies["lookup_refusal"] = "不好意思，我这边看不到个人的记录，您可以在“资金记录”中查看。";
  kb->replies["scope_refusal"] = "不好意思，这方面的问题不在{platform}的服务范围内。";
  EXPECT_EQ(compose(*kb, d), "不好意思，我这边看不到个人的记录，您可以在“资金记录”中查看。");
  d.refusal = "scope_refusal";
  EXPECT_EQ(compose(*kb, d), "不好意思，这方面的问题不在示例贷的服务范围内。");
  // Another company's product named too: that is what the reply is about.
  d.other_product = "花呗";
  EXPECT_NE(compose(*kb, d).find("花呗"), std::string::npos);
  d.other_product.clear();
  // A rule that chose the fallback, or a key without any text: the fallback.
  d.refusal = "fallback";
  EXPECT_EQ(compose(*kb, d), kb->reply("fallback"));
  d.refusal = "no_such_reply";
  EXPECT_EQ(compose(*kb, d), kb->reply("fallback"));
}

// A fallback never dead-ends: whatever it says, it offers the human, once.
TEST(Wording, EveryFallbackOffersTheHumanOnce) {
  auto kb = testing::make_kb();
  Decision d;
  d.action = Action::kFallback;
  d.offer_human = true;
  const std::string offer = kb->reply("offer_human");
  ASSERT_NE(offer.find("转人工"), std::string::npos);
  kb->replies["scope_refusal"] = "不好意思，这方面的问题不在{platform}的服务范围内。";
  d.refusal = "scope_refusal";
  const std::string scope = compose(*kb, d);
  EXPECT_EQ(scope.find("不好意思，这方面的问题不在示例贷的服务范围内。"), 0u) << scope;
  EXPECT_NE(scope.find(offer), std::string::npos) << scope;
  d.refusal.clear();
  d.other_product = "花呗";
  EXPECT_NE(compose(*kb, d).find(offer), std::string::npos);
  // A text that offers the human itself is not followed by a second offer.
  d.other_product.clear();
  kb->replies["lookup_refusal"] = "我这边看不到个人的记录，您可以回复“转人工”由人工客服核实。";
  d.refusal = "lookup_refusal";
  EXPECT_EQ(compose(*kb, d), kb->reply("lookup_refusal"));
  kb->replies["fallback"] = "没找到答案，您可以回复“转人工”。";
  d.refusal.clear();
  EXPECT_EQ(compose(*kb, d), kb->reply("fallback"));
}

// The built-in refusals (an operator's replies.json without them) say why
// without asking to rephrase, and hold no placeholder an investor would see.
TEST(Wording, BuiltInRefusalsNeedNoConfigVariable) {
  auto kb = testing::make_kb();
  kb->replies.erase("lookup_refusal");
  kb->replies.erase("scope_refusal");
  Decision d;
  d.action = Action::kFallback;
  for (const char* key : {"lookup_refusal", "scope_refusal"}) {
    d.refusal = key;
    const std::string text = compose(*kb, d);
    EXPECT_NE(text, kb->reply("fallback")) << key;
    EXPECT_EQ(text.find('{'), std::string::npos) << key << ": " << text;
    EXPECT_EQ(text.find("换个说法"), std::string::npos) << key << ": " << text;
  }
  d.refusal = "lookup_refusal";
  EXPECT_NE(compose(*kb, d).find("转人工"), std::string::npos);
  d.refusal = "scope_refusal";
  EXPECT_NE(compose(*kb, d).find("充值"), std::string::npos);
}

TEST(Wording, UpsetHandoffApologisesFirst) {
  auto kb = testing::make_kb();
  Decision d;
  d.action = Action::kHandoff;
  d.reason = HandoffReason::kAnger;
  d.priority = Priority::kHigh;
  const std::string text = compose(*kb, d);
  EXPECT_EQ(text.rfind(canned(*kb, "apology"), 0), 0u);
  EXPECT_NE(text.find("正在为您转接人工客服"), std::string::npos);
}

}  // namespace
}  // namespace faqbot::bot

namespace faqbot::bot {
namespace {

TEST(Wording, EntryHandoffSaysTheHoldingReplyOnly) {
  auto kb = testing::make_kb();
  Decision d;
  d.action = Action::kHandoff;
  d.reason = HandoffReason::kEntry;
  d.priority = Priority::kHigh;
  d.faq_id = "withdraw.delayed";
  EXPECT_EQ(compose(*kb, d), "非常抱歉让您久等了。");
  d.reason = HandoffReason::kExplicitRequest;
  EXPECT_EQ(compose(*kb, d), "正在为您转接人工客服，请稍等。");
}

}  // namespace
}  // namespace faqbot::bot

namespace faqbot::bot {
namespace {

TEST(Wording, GreetingDroppedAfterTheFirstTurn) {
  EXPECT_EQ(drop_greeting("您好，提现预计当天到账。"), "提现预计当天到账。");
  EXPECT_EQ(drop_greeting("您好！请问有什么可以帮您？"), "请问有什么可以帮您？");
  EXPECT_EQ(drop_greeting("提现预计当天到账。"), "提现预计当天到账。");
  EXPECT_EQ(drop_greeting("您好"), "您好");  // nothing but the greeting: kept
}

TEST(Wording, ClosingsAreStrippedThenSaidEveryThirdAnswerInTurn) {
  const std::vector<std::string> closings =
      alternatives("如有其他问题欢迎随时咨询。\n\n  祝您生活愉快！ \n");
  ASSERT_EQ(closings, (std::vector<std::string>{"如有其他问题欢迎随时咨询。", "祝您生活愉快！"}));
  EXPECT_EQ(strip_closing("预计当天到账。如有其他问题欢迎随时咨询。", closings), "预计当天到账。");
  EXPECT_EQ(strip_closing("预计当天到账，如有其他问题欢迎随时咨询。", closings), "预计当天到账。");
  EXPECT_EQ(strip_closing("预计当天到账。如有其他问题欢迎随时咨询", closings), "预计当天到账。");
  EXPECT_EQ(strip_closing("预计当天到账。", closings), "预计当天到账。");
  std::vector<std::string> said;
  for (int n = 0; n < 9; ++n) said.push_back(closing_for(n, closings));
  EXPECT_EQ(said, (std::vector<std::string>{"", "", "如有其他问题欢迎随时咨询。", "", "", "祝您生活愉快！", "",
                                            "", "如有其他问题欢迎随时咨询。"}));
}

}  // namespace
}  // namespace faqbot::bot
