// The respond() pipeline over a tiny in-code knowledge base and a scripted
// retriever: input checks, PII, signals, policy, wording, guard, state.
#include "bot/engine.h"

#include <gtest/gtest.h>

#include "bot/settings.h"
#include "bot/wording.h"
#include "knowledge/utf8.h"
#include "fake_retriever.h"
#include "kb_fixture.h"

namespace faqbot::bot {
namespace {

using testing::FakeRetriever;
using testing::result;

class EngineTest : public ::testing::Test {
 protected:
  EngineTest() : retriever_(std::make_shared<FakeRetriever>()) {
    retriever_->on("提现多久到账", result({{"withdraw.arrival_time", 0.9}, {"withdraw.fee", 0.2}}));
    retriever_->on("提现手续费", result({{"withdraw.fee", 0.9}}));
    retriever_->on("手续费", result({{"withdraw.fee", 0.4}, {"recharge.fee", 0.38}}));
    retriever_->on("转人工", result({{"service.human", 0.9}}));
    retriever_->on("登录不了", result({{"account.login_problem", 0.85}}));
    engine_ = Engine::create(testing::make_kb(), retriever_, EngineSettings{});
  }
  Reply ask(const std::string& text) { return engine_->respond(conversation_, text); }

  std::shared_ptr<FakeRetriever> retriever_;
  std::shared_ptr<const Engine> engine_;
  Conversation conversation_;
};

TEST_F(EngineTest, ImpatientClearQuestionIsAnsweredWithApologyAndHumanOffered) {
  retriever_->on("提现手续费烦死了", result({{"withdraw.fee", 0.9}}));
  Reply r = ask("提现手续费烦死了");
  EXPECT_EQ(r.action, Action::kAnswer);
  EXPECT_EQ(r.faq_id, "withdraw.fee");
  EXPECT_TRUE(r.offer_human);
  EXPECT_EQ(r.text.rfind(canned(engine_->kb(), "impatience_apology"), 0), 0u) << r.text;
  EXPECT_NE(r.text.find(canned(engine_->kb(), "offer_human")), std::string::npos) << r.text;

  // Impatient and unsure: a human at once, not a list to choose from.
  Conversation other;
  retriever_->on("手续费烦死了", result({{"withdraw.fee", 0.4}, {"recharge.fee", 0.38}}));
  Reply unsure = engine_->respond(other, "手续费烦死了");
  EXPECT_EQ(unsure.action, Action::kHandoff);
  EXPECT_EQ(unsure.priority, Priority::kHigh);
}

TEST_F(EngineTest, CreateNeedsBothParts) {
  EXPECT_EQ(Engine::create(nullptr, retriever_, EngineSettings{}), nullptr);
  EXPECT_EQ(Engine::create(testing::make_kb(), nullptr, EngineSettings{}), nullptr);
}

TEST_F(EngineTest, AnswersWithGuardedEntryText) {
  Reply r = ask("提现多久到账");
  EXPECT_EQ(r.action, Action::kAnswer);
  EXPECT_EQ(r.faq_id, "withdraw.arrival_time");
  EXPECT_DOUBLE_EQ(r.confidence, 0.9);
  EXPECT_EQ(r.text, "工作日15:00前提交的提现，预计当天到账。");  // not "预计预计"
  ASSERT_FALSE(r.candidates.empty());
  EXPECT_EQ(r.candidates[0].faq_id, "withdraw.arrival_time");
  EXPECT_EQ(r.candidates[0].question, "提现多久到账");
  EXPECT_FALSE(r.pii_detected);
  EXPECT_EQ(r.masked_question, "提现多久到账");
}

TEST(EngineRelated, AnAnswerOffersItsEntrysFollowUpsThatExistAndAreActive) {
  auto kb = testing::make_kb();
  for (knowledge::Entry& e : kb->entries) {
    if (e.id == "withdraw.arrival_time") e.follow_ups = {"withdraw.holiday", "no.such_entry", "withdraw.fee"};
    if (e.id == "withdraw.fee") e.expires = "2000-01-01";  // long expired
  }
  auto retriever = std::make_shared<FakeRetriever>();
  retriever->on("提现多久到账", result({{"withdraw.arrival_time", 0.9}, {"recharge.fee", 0.01}}));
  auto engine = Engine::create(kb, retriever, EngineSettings{});
  Conversation c;
  Reply answer = engine->respond(c, "提现多久到账");
  ASSERT_EQ(answer.action, Action::kAnswer);
  ASSERT_EQ(answer.related.size(), 1u);  // unknown and expired follow-ups left out
  EXPECT_EQ(answer.related[0].faq_id, "withdraw.holiday");
  EXPECT_EQ(answer.related[0].question, "周末提现什么时候到账");
  Reply fallback = engine->respond(c, "今天天气怎么样");
  EXPECT_EQ(fallback.action, Action::kFallback);
  EXPECT_TRUE(fallback.related.empty());
}

TEST_F(EngineTest, EmptyInputGetsACourteousPrompt) {
  for (const char* text : {"", "   ", "\n\t", "。。？"}) {
    Conversation c;
    Reply r = engine_->respond(c, text);
    EXPECT_EQ(r.action, Action::kFallback) << text;
    EXPECT_EQ(r.text, "您好，请问有什么可以帮您？") << text;
    EXPECT_EQ(c.consecutive_fallbacks, 0);  // an empty message is no failure
  }
  EXPECT_TRUE(retriever_->queries.empty());
}

TEST_F(EngineTest, InvalidUtf8IsSanitised) {
  Reply garbage = ask("\xff\xfe\xc3");
  EXPECT_EQ(garbage.action, Action::kFallback);
  EXPECT_EQ(garbage.text, "您好，请问有什么可以帮您？");
  Reply mixed = ask("提现\xff多久到账\xc0\xaf");
  EXPECT_EQ(mixed.action, Action::kAnswer);
  EXPECT_EQ(mixed.faq_id, "withdraw.arrival_time");
  EXPECT_TRUE(utf8::valid(mixed.masked_question));
  EXPECT_TRUE(utf8::valid(mixed.text));
}

TEST_F(EngineTest, OverlongInputIsTruncatedForMatching) {
  std::string text;
  for (int i = 0; i < 10000; ++i) text += "啊";
  Reply r = ask(text);
  EXPECT_NE(r.action, Action::kAnswer);
  ASSERT_FALSE(retriever_->queries.empty());
  for (const std::string& q : retriever_->queries) EXPECT_LE(utf8::length(q), 2000u + 1);
  EXPECT_TRUE(utf8::valid(r.text));
}

TEST_F(EngineTest, PersonalDataIsMaskedEverywhere) {
  Reply r = ask("提现到卡6222020200112230，验证码是445566，手机13800001234");
  EXPECT_TRUE(r.pii_detected);
  for (const char* secret : {"020200112", "445566", "0000"}) {
    EXPECT_EQ(r.masked_question.find(secret), std::string::npos) << secret;
    EXPECT_EQ(r.text.find(secret), std::string::npos) << secret;
    EXPECT_EQ(conversation_.last_question.find(secret), std::string::npos) << secret;
    for (const std::string& q : retriever_->queries) EXPECT_EQ(q.find(secret), std::string::npos);
  }
  EXPECT_EQ(r.text.rfind("请不要发送卡号、身份证号、密码或验证码。", 0), 0u);  // warning first
}

TEST_F(EngineTest, LongNumberGetsItsOwnNotice) {
  Reply r = ask("订单号20240115123456提现多久到账");
  EXPECT_TRUE(r.pii_detected);
  EXPECT_EQ(r.masked_question, "订单号**********3456提现多久到账");
  EXPECT_EQ(r.text.find("请不要发送卡号"), std::string::npos);  // no card warning
  EXPECT_EQ(r.text.find("20240115"), std::string::npos);
}

// A retriever whose normaliser drops every separator, as the real one does:
// a number the masker reads as several short ones becomes one long run.
class JoiningRetriever : public FakeRetriever {
 public:
  std::string normalize(std::string_view text) const override {
    std::string out;
    for (char32_t cp : utf8::decode(text)) {
      if ((cp >= '0' && cp <= '9') || cp >= 0x4E00) utf8::append(out, cp);
    }
    return out;
  }
  retrieval::SearchResult search(std::string_view text, size_t k) const override {
    retrieval::SearchResult r = FakeRetriever::search(text, k);
    r.normalized = normalize(text);
    return r;
  }
};

TEST(EngineState, KeepsNoNumberThatNormalisingJoins) {
  auto retriever = std::make_shared<JoiningRetriever>();
  retriever->otherwise = result({{"account.login_problem", 0.9}});  // answered: remembered
  auto engine = Engine::create(testing::make_kb(), retriever, EngineSettings{});
  Conversation c;
  // Four separators between groups: four short numbers to the masker.
  engine->respond(c, "卡号6222 , , , 0202 , , , 0011 , , , 2231怎么解绑");
  EXPECT_FALSE(c.last_question.empty());
  EXPECT_EQ(c.last_question.find("0202"), std::string::npos) << c.last_question;
  EXPECT_EQ(c.last_question.find("0011"), std::string::npos) << c.last_question;
}

TEST_F(EngineTest, ExplicitRequestHandsOff) {
  Reply r = ask("转人工");
  EXPECT_EQ(r.action, Action::kHandoff);
  EXPECT_EQ(r.handoff_reason, HandoffReason::kExplicitRequest);
  EXPECT_NE(r.text.find("正在为您转接人工客服"), std::string::npos);
}

TEST_F(EngineTest, AbuseHandsOffPolitely) {
  Reply r = ask("你们这些废物");
  EXPECT_EQ(r.action, Action::kHandoff);
  EXPECT_EQ(r.handoff_reason, HandoffReason::kAbuse);
  EXPECT_EQ(r.priority, Priority::kHigh);
  EXPECT_EQ(r.text.find("废物"), std::string::npos);
}

TEST_F(EngineTest, OfferEntryAppendsOfferLine) {
  Reply r = ask("登录不了");
  EXPECT_EQ(r.action, Action::kAnswer);
  EXPECT_TRUE(r.offer_human);
  EXPECT_NE(r.text.find("如需帮助可点击转人工。"), std::string::npos);
}

TEST_F(EngineTest, ClarifyListsSuggestions) {
  Reply r = ask("手续费");
  EXPECT_EQ(r.action, Action::kClarify);
  EXPECT_EQ(r.faq_id, "");
  ASSERT_EQ(r.candidates.size(), 2u);
  EXPECT_EQ(r.candidates[1].faq_id, "recharge.fee");
  EXPECT_NE(r.text.find("1. 提现手续费多少"), std::string::npos);
}

TEST_F(EngineTest, TwoFallbacksInARowHandOff) {
  EXPECT_EQ(ask("今天天气怎么样").action, Action::kFallback);
  Reply second = ask("推荐一只股票");
  EXPECT_EQ(second.action, Action::kHandoff);
  EXPECT_EQ(second.handoff_reason, HandoffReason::kRepeatedFallback);
}

// A fallback offers only plausible guesses at our entries: no small talk,
// none below the suggestion threshold, none when a rule refused the question.
TEST_F(EngineTest, FallbackOffersOnlyPlausibleEntries) {
  retriever_->on("随便说点什么", result({{"smalltalk.abuse", 0.15}, {"withdraw.fee", 0.12}, {"recharge.fee", 0.05}}, 0.9));
  Reply guessed = ask("随便说点什么");
  ASSERT_EQ(guessed.action, Action::kFallback);
  ASSERT_EQ(guessed.candidates.size(), 3u);  // every candidate still ranked (agents, eval)
  ASSERT_EQ(guessed.fallback_offers.size(), 1u);
  EXPECT_EQ(guessed.fallback_offers[0].faq_id, "withdraw.fee");

  conversation_ = Conversation{};
  retrieval::SearchResult refused = result({{"withdraw.fee", 0.12}}, 0.9);
  refused.refusal = "scope_refusal";
  retriever_->on("今天吃什么", refused);
  Reply by_rule = ask("今天吃什么");
  ASSERT_EQ(by_rule.action, Action::kFallback);
  EXPECT_TRUE(by_rule.fallback_offers.empty());
  EXPECT_FALSE(by_rule.candidates.empty());
}

TEST_F(EngineTest, FollowUpUnderstoodInTheSameConversation) {
  retriever_->on("那周末呢", result({{"withdraw.holiday", 0.3}}, 0.3));
  retriever_->on("提现那周末呢", result({{"withdraw.holiday", 0.8}, {"withdraw.arrival_time", 0.5}}));
  ASSERT_EQ(ask("提现多久到账").action, Action::kAnswer);
  EXPECT_EQ(conversation_.topic, "withdraw");
  EXPECT_EQ(conversation_.type, "how_long");
  Reply follow = ask("那周末呢");  // names only a type: the topic stays
  EXPECT_EQ(follow.action, Action::kAnswer);
  EXPECT_EQ(follow.faq_id, "withdraw.holiday");
  EXPECT_EQ(conversation_.last_question, "提现那周末呢");  // remembered as read in context
  EXPECT_EQ(conversation_.topic, "withdraw");
  EXPECT_EQ(conversation_.type, "holiday");

  Conversation fresh;  // `ask`: every line alone
  EXPECT_NE(engine_->respond(fresh, "那周末呢").action, Action::kAnswer);
}

TEST_F(EngineTest, AClarifyOfferingOneEntryKeepsItsTopicForAFollowUp) {
  // One entry offered, unsure: the bot's one reading of the question.
  retriever_->on("钱提走了大概几天能见到", result({{"withdraw.arrival_time", 0.28}}));
  ASSERT_EQ(ask("钱提走了大概几天能见到").action, Action::kClarify);
  EXPECT_EQ(conversation_.topic, "withdraw");
  EXPECT_EQ(conversation_.type, "how_long");
  EXPECT_EQ(conversation_.last_question, "钱提走了大概几天能见到");
  EXPECT_EQ(conversation_.last_faq_id, "");  // nothing was answered

  // Control: a clarify between two entries keeps no topic of either.
  Conversation other;
  ASSERT_EQ(engine_->respond(other, "手续费").action, Action::kClarify);
  EXPECT_EQ(other.topic, "");
  EXPECT_EQ(other.last_question, "");
}

TEST_F(EngineTest, AddressesAKnownCustomer) {
  conversation_.customer_name = "王先生";
  Reply r = ask("提现多久到账");
  EXPECT_EQ(r.text.rfind("王先生您好，", 0), 0u);
  Reply later = ask("提现手续费");
  EXPECT_EQ(later.text.find("王先生"), std::string::npos);  // not on every line
}

TEST_F(EngineTest, GreetsOnceClosesSometimesAndDoesNotRepeatAnAnswer) {
  auto kb = testing::make_kb();
  for (knowledge::Entry& e : kb->entries) e.answer = "您好，" + e.answer + "如有其他问题欢迎随时咨询。";
  kb->replies["closing"] = "如有其他问题欢迎随时咨询。\n祝您生活愉快！";
  auto engine = Engine::create(kb, retriever_, EngineSettings{});
  Conversation c;
  Reply first = engine->respond(c, "提现多久到账");
  EXPECT_EQ(first.text, "您好，工作日15:00前提交的提现，预计当天到账。");  // greeted once, no closing
  Reply again = engine->respond(c, "提现多久到账");
  EXPECT_EQ(again.action, Action::kAnswer);
  EXPECT_EQ(again.faq_id, "withdraw.arrival_time");
  EXPECT_EQ(again.text.find("预计当天到账"), std::string::npos) << again.text;  // not verbatim again
  EXPECT_NE(again.text.find("刚刚"), std::string::npos) << again.text;
  EXPECT_TRUE(again.offer_human);
  EXPECT_TRUE(again.repeated);
  Reply third = engine->respond(c, "提现手续费");
  EXPECT_EQ(third.text, "每月前4次提现免费，之后每次2元。如有其他问题欢迎随时咨询。");  // the third answer closes
}

TEST_F(EngineTest, AFollowUpAskingSomethingNewOfTheSameEntryGetsItsAnswerAgain) {
  retriever_->on("工商银行的卡呢", result({{"withdraw.arrival_time", 0.9}}));
  retriever_->on("工商银行的卡提现多久到账", result({{"withdraw.arrival_time", 0.9}}));
  ask("提现多久到账");
  Reply r = ask("工商银行的卡提现多久到账");
  EXPECT_EQ(r.action, Action::kAnswer);
  EXPECT_EQ(r.faq_id, "withdraw.arrival_time");
  EXPECT_FALSE(r.repeated);
  EXPECT_NE(r.text.find("预计当天到账"), std::string::npos) << r.text;
  EXPECT_EQ(r.text.find("刚刚"), std::string::npos) << r.text;
  // (the same question again is told so: GreetsOnceClosesSometimesAndDoesNotRepeatAnAnswer)
}

TEST_F(EngineTest, GreetsOnlyWhenNobodyHasGreeted) {
  auto kb = testing::make_kb();
  for (knowledge::Entry& e : kb->entries) e.answer = "您好，" + e.answer;
  auto engine = Engine::create(kb, retriever_, EngineSettings{});
  Conversation widget;
  widget.greeted = true;  // the client greeted
  EXPECT_EQ(engine->respond(widget, "提现多久到账").text, "工作日15:00前提交的提现，预计当天到账。");
  Conversation im;
  EXPECT_EQ(engine->respond(im, "").text, "您好，请问有什么可以帮您？");  // the first reply greets
  EXPECT_TRUE(im.greeted);
  EXPECT_EQ(engine->respond(im, "").text, "请问有什么可以帮您？");
  EXPECT_EQ(engine->respond(im, "提现多久到账").text, "工作日15:00前提交的提现，预计当天到账。");
}

TEST_F(EngineTest, WordFillsRuntimeVariablesAndGuards) {
  RuntimeVars v;
  v.customer = "李女士";
  v.queue_position = "2";
  EXPECT_EQ(engine_->word("您好，{platform}客服为你服务，您前面还有{queue_position}位。", v),
            "李女士您好，示例贷客服为您服务，您前面还有2位。");
  EXPECT_EQ(engine_->guard("你放心，稳赚"), engine_->guard(engine_->kb().reply("fallback")));
}

}  // namespace
}  // namespace faqbot::bot

namespace faqbot::bot {
namespace {

TEST(EngineReplies, OperatorTextsForAngerAndOverlongInput) {
  auto kb = testing::make_kb();
  kb->replies["handoff_anger_notice"] = "非常抱歉让您不愉快，已为您优先转接人工客服。";
  kb->replies["too_long"] = "麻烦您简要描述一下问题。";
  auto engine = Engine::create(kb, std::make_shared<testing::FakeRetriever>(), EngineSettings{});
  Conversation c1;
  Reply angry = engine->respond(c1, "气死我了");
  EXPECT_EQ(angry.text, "非常抱歉让您不愉快，已为您优先转接人工客服。");
  Conversation c2;
  Reply long_one = engine->respond(c2, std::string(3000, 'a'));
  EXPECT_EQ(long_one.action, Action::kFallback);
  EXPECT_EQ(long_one.text, "麻烦您简要描述一下问题。");
  Conversation c3;
  EXPECT_NE(engine->respond(c3, "aaa").text, "麻烦您简要描述一下问题。");
}

}  // namespace
}  // namespace faqbot::bot
