#include "knowledge/lint.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "config_fixture.h"

namespace faqbot::knowledge {
namespace {

using faqbot::testing::ConfigFixture;
using faqbot::testing::any_contains;
using faqbot::testing::diagnostic_lines;

const char* kEntryWithAnswer = R"({"entries": [{"id": "invest.safe", "questions":
  ["会亏吗", "保本吗", "能保本吗", "有风险吗", "会不会亏钱", "本金安全吗", "亏了怎么办", "稳不稳"],
  "answer": "%s"}]})";

std::string category_with_answer(const std::string& answer) {
  std::string s = kEntryWithAnswer;
  s.replace(s.find("%s"), 2, answer);
  return s;
}

// Writes kb/withdraw.json with one entry, withdraw.how, asked as `questions`
// (a JSON array).
void write_withdraw_how(ConfigFixture& fx, const std::string& questions) {
  fx.write("kb/withdraw.json", R"({"entries": [{"id": "withdraw.how", "questions": )" + questions +
                                   R"(, "answer": "您好,提现只能到您本人绑定的银行卡。"}]})");
}

// The warnings of the knowledge base in `fx`, which must load.
std::vector<std::string> warnings_of(const ConfigFixture& fx) {
  LoadOutcome out = load(fx.dir());
  EXPECT_TRUE(out.ok());
  return diagnostic_lines(out, Severity::kWarning);
}

TEST(Lint, BannedPromiseRefusesTheKnowledgeBaseAndNamesEntryAndPhrase) {
  ConfigFixture fx;
  fx.write("kb/invest.json", category_with_answer("您好,咱们的产品保本保息,请放心出借。"));
  LoadOutcome out = load(fx.dir());
  EXPECT_FALSE(out.ok());
  auto errors = diagnostic_lines(out, Severity::kError);
  EXPECT_TRUE(any_contains(errors, "kb/invest.json: invest.safe: error: banned promise \"保本\""));
  EXPECT_TRUE(any_contains(errors, "kb/invest.json: invest.safe: error: banned promise \"保息\""));
}

TEST(Lint, NegatedRiskStatementIsAllowed) {
  ConfigFixture fx;
  fx.write("kb/invest.json",
           category_with_answer("您好,出借有风险,平台不承诺保本,也无法保证收益,请您理性出借。"));
  LoadOutcome out = load(fx.dir());
  EXPECT_TRUE(out.ok()) << ::testing::PrintToString(diagnostic_lines(out, Severity::kError));
  // 无法保证 is a negated absolute: no warning either.
  EXPECT_FALSE(any_contains(diagnostic_lines(out, Severity::kWarning), "\"保证\""));
}

TEST(Lint, NegationInAnotherClauseDoesNotCount) {
  EXPECT_TRUE(contains_unnegated("不用担心,保本", "保本", {"不"}));
  EXPECT_FALSE(contains_unnegated("并不保本", "保本", {"不", "并不"}));
  EXPECT_FALSE(contains_unnegated("不承诺保本", "保本", {"不承诺"}));
  EXPECT_TRUE(contains_unnegated("保本", "保本", {"不"}));
}

TEST(Lint, InformalYouAndDeadEndsAreWarnings) {
  ConfigFixture fx;
  fx.write("kb/invest.json", category_with_answer("你好,资金预计当天到账,其他的我不知道。"));
  LoadOutcome out = load(fx.dir());
  EXPECT_TRUE(out.ok());
  auto warnings = diagnostic_lines(out, Severity::kWarning);
  EXPECT_TRUE(any_contains(warnings, "invest.safe: warning: uses 你"));
  EXPECT_TRUE(any_contains(warnings, "invest.safe: warning: dead-end phrasing \"不知道\""));
}

// The bot no longer rewrites absolute words at run time (that produced
// "提现一定预计很快到账"): they refuse the knowledge base, each named with
// the hedge to write instead.
TEST(Lint, AbsoluteWordingIsAnErrorWithASuggestedHedge) {
  ConfigFixture fx;
  fx.write("kb/invest.json", category_with_answer("您好,提现一定马上到账,工作日当天到账。"));
  LoadOutcome out = load(fx.dir());
  EXPECT_FALSE(out.ok());
  auto errors = diagnostic_lines(out, Severity::kError);
  EXPECT_TRUE(any_contains(errors, "invest.safe: error: absolute wording \"一定\": write 一般/预计/通常 instead"))
      << ::testing::PrintToString(errors);
  EXPECT_TRUE(any_contains(errors, "invest.safe: error: absolute wording \"马上\""));
  // A phrase with its own hedge in hedge.json is told that hedge.
  EXPECT_TRUE(any_contains(errors, "invest.safe: error: absolute wording \"当天到账\": write 预计当天到账 instead"));
  EXPECT_EQ(std::count_if(errors.begin(), errors.end(),
                          [](const std::string& e) { return e.find("absolute wording") != std::string::npos; }),
            3);
}

TEST(Lint, HedgedNegatedAndVariableWordingIsChecked) {
  ConfigFixture fx;
  fx.write("kb/invest.json", category_with_answer("您好,提现预计当天到账,平台不一定能处理,无法保证时间。"));
  EXPECT_TRUE(load(fx.dir()).ok()) << ::testing::PrintToString(diagnostic_lines(load(fx.dir()), Severity::kError));
  // A variable's value is said as part of the answer.
  fx.write("variables.json", R"({"platform": "示例贷", "service_hours": "每天 09:00-21:00 一定有人"})");
  fx.write("replies.json", R"({"fallback": "不好意思,这个问题已记录,欢迎您随时再来咨询。",
      "clarify_prompt": "请问您是想咨询以下哪个问题呢?", "handoff_notice": "马上为您转接。",
      "offer_human": "如需人工帮助,请回复“转人工”,客服时间 {service_hours}。"})");
  auto errors = diagnostic_lines(load(fx.dir()), Severity::kError);
  EXPECT_TRUE(any_contains(errors, "replies.json: offer_human: error: absolute wording \"一定\""))
      << ::testing::PrintToString(errors);
  EXPECT_TRUE(any_contains(errors, "replies.json: handoff_notice: error: absolute wording \"马上\""));
}

TEST(Lint, DuplicateIdsUnknownVariablesAndFollowUpsAreErrors) {
  ConfigFixture fx;
  fx.write("kb/zzz.json", R"({"entries": [{"id": "withdraw.fee",
    "questions": ["a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8"],
    "answer": "您好,请拨打 {hotlline}。", "follow_ups": ["no.such"]}]})");
  LoadOutcome out = load(fx.dir());
  EXPECT_FALSE(out.ok());
  auto errors = diagnostic_lines(out, Severity::kError);
  EXPECT_TRUE(any_contains(errors, "kb/zzz.json: withdraw.fee: error: duplicate id (first defined in kb/withdraw.json)"));
  EXPECT_TRUE(any_contains(errors, "unknown template variable {hotlline}"));
  EXPECT_TRUE(any_contains(errors, "unknown follow-up entry \"no.such\""));
}

TEST(Lint, EmptyFieldsAreErrorsFewVariantsAWarning) {
  ConfigFixture fx;
  fx.write("kb/zzz.json", R"({"entries": [{"id": "x.empty", "questions": ["  "], "answer": ""},
    {"id": "x.few", "questions": ["提现"], "answer": "您好。"}]})");
  LoadOutcome out = load(fx.dir());
  EXPECT_FALSE(out.ok());
  auto errors = diagnostic_lines(out, Severity::kError);
  EXPECT_TRUE(any_contains(errors, "x.empty: error: empty question variant"));
  EXPECT_TRUE(any_contains(errors, "x.empty: error: empty answer"));
  EXPECT_TRUE(any_contains(diagnostic_lines(out, Severity::kWarning), "x.few: warning: only 1 question variants"));
}

TEST(Lint, MissingRequiredReplyIsAnError) {
  ConfigFixture fx;
  fx.write("replies.json", R"({"fallback": "不好意思,已转给同事跟进。"})");
  LoadOutcome out = load(fx.dir());
  EXPECT_FALSE(out.ok());
  EXPECT_TRUE(any_contains(diagnostic_lines(out, Severity::kError), "replies.json: clarify_prompt: error: missing canned reply"));
}

TEST(Lint, OtherProductsNeedNamesThatAreNotRepeated) {
  ConfigFixture fx;
  fx.write("other_products.json", R"({"products": [
    {"name": "花呗", "aliases": ["蚂蚁花呗", ""]},
    {"name": " "},
    {"name": "借呗", "aliases": ["花呗"]},
    {"name": "借呗"}]})");
  LoadOutcome out = load(fx.dir());
  EXPECT_FALSE(out.ok());
  auto errors = diagnostic_lines(out, Severity::kError);
  EXPECT_TRUE(any_contains(errors, "other_products.json: 花呗: error: empty alias"));
  EXPECT_TRUE(any_contains(errors, "other_products.json: -: error: a product with an empty name"));
  EXPECT_TRUE(any_contains(errors, "other_products.json: 借呗: error: \"花呗\" is already listed under 花呗"));
  EXPECT_TRUE(any_contains(errors, "other_products.json: 借呗: error: \"借呗\" is already listed under 借呗"));
}

TEST(Lint, WarnsWhichEntriesNameAnotherCompanysProduct) {
  ConfigFixture fx;
  fx.write("other_products.json", R"({"products": [
    {"name": "支付宝", "aliases": ["alipay"]}, {"name": "花呗"}, {"name": "微粒贷"}]})");
  write_withdraw_how(fx, R"(["怎么提现", "提现到支付宝行吗", "能提到alipay吗", "花呗能还吗", "提现步骤",
                             "提现入口", "如何提现", "提现流程"])");
  auto warnings = warnings_of(fx);
  EXPECT_TRUE(any_contains(warnings,
      "kb/withdraw.json: withdraw.how: warning: variants name another company's product: "
      "支付宝 (\"提现到支付宝行吗\"), 花呗 (\"花呗能还吗\")"))
      << ::testing::PrintToString(warnings);
  EXPECT_FALSE(any_contains(warnings, "微粒贷"));
}

TEST(Lint, WarnsWhichEntriesNameAKindWeDoNotOfferOtherThanAsAMeans) {
  ConfigFixture fx;
  fx.write("other_products.json", R"({"as_means": ["用", "到"], "products": [{"name": "花呗"}],
    "kinds": [{"name": "信用卡", "aliases": ["信用卡额度"]}, {"name": "股票"}, {"name": " "},
              {"name": "房贷", "aliases": ["花呗"]}]})");
  write_withdraw_how(fx, R"(["怎么提现", "能提现到信用卡吗", "用信用卡可以吗", "提现步骤",
                             "提现入口", "如何提现", "提现流程", "股票账户里的钱怎么提现"])");
  LoadOutcome out = load(fx.dir());
  auto errors = diagnostic_lines(out, Severity::kError);
  EXPECT_TRUE(any_contains(errors, "other_products.json: -: error: a kind with an empty name"));
  EXPECT_TRUE(any_contains(errors, "other_products.json: 房贷: error: \"花呗\" is already listed under 花呗"));
  auto warnings = diagnostic_lines(out, Severity::kWarning);
  EXPECT_TRUE(any_contains(warnings,
      "kb/withdraw.json: withdraw.how: warning: variants name a kind of product the platform does not offer, "
      "not as a means (用, 绑 …): 股票 (\"股票账户里的钱怎么提现\")"))
      << ::testing::PrintToString(warnings);
  EXPECT_FALSE(any_contains(warnings, "信用卡 ("));  // only ever named as a means (到, 用)
}

TEST(Lint, ServicesNeedNamesAndHoldersAndWarnWhichEntriesReadAsOne) {
  ConfigFixture fx;
  fx.write("other_products.json", R"({"products": [], "as_means": ["到"], "about_us": ["你们"],
    "our_actions": ["提现", "充值"], "services": [
      {"name": "银行", "holders": ["银行", "建行"], "words": ["挂失", "登录"]},
      {"name": "游戏", "holders": ["游戏", ""], "own_actions": ["充值", "充钱"]},
      {"name": " ", "holders": ["x"]}]})");
  write_withdraw_how(fx, R"(["怎么提现", "银行卡挂失了怎么办", "建行卡挂失了还能提现吗", "到银行登录不了",
                             "你们银行卡挂失", "游戏充值", "提现入口", "提现流程"])");
  LoadOutcome out = load(fx.dir());
  auto errors = diagnostic_lines(out, Severity::kError);
  EXPECT_TRUE(any_contains(errors, "other_products.json: -: error: a service with an empty name"));
  EXPECT_TRUE(any_contains(errors, "other_products.json: 游戏: error: empty holder"));
  auto warnings = diagnostic_lines(out, Severity::kWarning);
  EXPECT_TRUE(any_contains(warnings, "other_products.json: 游戏: warning: own action \"充钱\" is not one of our_actions"));
  // 提现 is ours, 到 a means, 你们 about us; 游戏充值 is the game's own top-up.
  EXPECT_TRUE(any_contains(warnings,
      "kb/withdraw.json: withdraw.how: warning: variants read as another company's own service: "
      "银行 (\"银行卡挂失了怎么办\"), 游戏 (\"游戏充值\")"))
      << ::testing::PrintToString(warnings);
}

TEST(Lint, LookupsNeedWordsInEveryGroupAndWarnWhichVariantsAskForOne) {
  ConfigFixture fx;
  fx.write("out_of_scope.json", R"({"questions": ["今天天气怎么样"], "lookups": [
    {"name": "借款人", "all_of": [["借款人"], ["我投的", "那笔"], ["是谁"]]},
    {"name": "空", "all_of": [["借款人"], [" "]]}]})");
  write_withdraw_how(fx, R"(["怎么提现", "提现步骤", "提现入口", "我投的那笔借款人是谁", "借款人是谁审核的",
                             "如何提现", "提现流程"])");
  LoadOutcome out = load(fx.dir());
  EXPECT_TRUE(any_contains(diagnostic_lines(out, Severity::kError),
                           "out_of_scope.json: 空: error: a lookup group without a word"));
  auto warnings = diagnostic_lines(out, Severity::kWarning);
  EXPECT_TRUE(any_contains(warnings, "kb/withdraw.json: withdraw.how: warning: variant \"我投的那笔借款人是谁\" asks for "
                                     "the lookup 借款人"))
      << ::testing::PrintToString(warnings);
  EXPECT_FALSE(any_contains(warnings, "借款人是谁审核的"));
}

// A rule's reply key must have a text: in replies.json, or one the bot has
// built in (the sections' own); else its refusals say the fallback.
TEST(Lint, LookupReplyWithoutATextIsWarnedOf) {
  ConfigFixture fx;
  fx.write("out_of_scope.json", R"({"questions": ["今天天气怎么样"], "lookups": [
    {"name": "借款人", "all_of": [["借款人"], ["是谁"]]},
    {"name": "改日子", "all_of": [["还款日"], ["改"]], "reply": "fallback"},
    {"name": "错字", "all_of": [["外币"], ["换"]], "reply": "scope_refusl"}]})");
  LoadOutcome out = load(fx.dir());
  auto warnings = diagnostic_lines(out, Severity::kWarning);
  EXPECT_TRUE(any_contains(warnings, "out_of_scope.json: 错字: warning: reply \"scope_refusl\" is not in replies.json"))
      << ::testing::PrintToString(warnings);
  EXPECT_FALSE(any_contains(warnings, "out_of_scope.json: 借款人: warning: reply"));
  EXPECT_FALSE(any_contains(warnings, "out_of_scope.json: 改日子: warning: reply"));
}

TEST(Lint, IssuedProductsNeedNamesAndWarnWhichVariantsNameOne) {
  ConfigFixture fx;
  fx.write("other_products.json", R"({"products": [], "issuers": [
    {"name": "众安保险", "aliases": ["众安", " "], "not_in": ["公众安全", "太平洋"]}, {"name": ""}],
    "issued_products": ["理财", ""], "wealth_products": [{"name": "天天利", "not_in": ["天天利息"]}]})");
  write_withdraw_how(fx, R"(["怎么提现", "提现步骤", "提现入口", "众安理财怎么提现", "天天利息能提现吗",
                             "如何提现", "提现流程"])");
  LoadOutcome out = load(fx.dir());
  auto errors = diagnostic_lines(out, Severity::kError);
  EXPECT_TRUE(any_contains(errors, "other_products.json: 众安保险: error: empty alias")) << ::testing::PrintToString(errors);
  EXPECT_TRUE(any_contains(errors, "other_products.json: -: error: an issuer with an empty name"));
  EXPECT_TRUE(any_contains(errors, "other_products.json: issued_products: error: empty word"));
  auto warnings = diagnostic_lines(out, Severity::kWarning);
  EXPECT_TRUE(any_contains(warnings, "other_products.json: 众安保险: warning: not_in word \"太平洋\" holds none"))
      << ::testing::PrintToString(warnings);
  EXPECT_TRUE(any_contains(warnings, "withdraw.how: warning: variant \"众安理财怎么提现\" names another company's "
                                     "product: 众安保险的理财"));
  EXPECT_FALSE(any_contains(warnings, "天天利息能提现吗"));
}

TEST(Lint, ALookupsNoneOfWordsSpareTheVariantsHoldingOne) {
  ConfigFixture fx;
  fx.write("out_of_scope.json", R"({"questions": ["今天天气怎么样"], "lookups": [
    {"name": "还款日", "all_of": [["还款日"], ["哪天"]], "none_of": ["提现", " "]}]})");
  write_withdraw_how(fx, R"(["怎么提现", "提现步骤", "提现入口", "还款日哪天提现好", "还款日是哪天",
                             "如何提现", "提现流程"])");
  LoadOutcome out = load(fx.dir());
  EXPECT_TRUE(any_contains(diagnostic_lines(out, Severity::kError),
                           "out_of_scope.json: 还款日: error: a blank word in none_of"));
  auto warnings = diagnostic_lines(out, Severity::kWarning);
  EXPECT_TRUE(any_contains(warnings, "variant \"还款日是哪天\" asks for the lookup 还款日"))
      << ::testing::PrintToString(warnings);
  EXPECT_FALSE(any_contains(warnings, "还款日哪天提现好"));
}

TEST(Lint, WarnsOfSmallTalkClausesInOtherEntriesVariants) {
  ConfigFixture fx;
  fx.write("kb/smalltalk.json", R"({"entries": [{"id": "smalltalk.greeting",
    "questions": ["您好", "Hi", "在吗", "您好,在吗?"], "answer": "您好,请问有什么可以帮您?"}]})");
  write_withdraw_how(fx, R"(["你好,我要提现", "怎么提现 hi", "您好呀怎么提现", "在吗在吗 提现", "提现步骤"])");
  std::vector<std::string> warnings;
  for (const std::string& w : warnings_of(fx)) {
    if (w.find("small-talk clause") != std::string::npos) warnings.push_back(w);
  }
  ASSERT_EQ(warnings.size(), 2u) << ::testing::PrintToString(warnings);
  EXPECT_EQ(warnings[0],
            "kb/withdraw.json: withdraw.how: warning: variant \"你好,我要提现\" holds a small-talk clause "
            "(smalltalk.greeting: \"您好\"), which then counts as evidence for this entry: write the question "
            "alone");
  EXPECT_TRUE(any_contains(warnings, "variant \"怎么提现 hi\" holds a small-talk clause (smalltalk.greeting: \"Hi\")"));
  // Only a whole clause counts, and only a small-talk variant of one clause.
  EXPECT_FALSE(any_contains(warnings, "您好呀怎么提现"));
  EXPECT_FALSE(any_contains(warnings, "在吗在吗"));
  EXPECT_FALSE(any_contains(warnings, "smalltalk.greeting: warning: variant"));
}

TEST(Lint, ProductPlaceholderIsARuntimeVariable) {
  ConfigFixture fx;
  fx.write("replies.json", R"({"fallback": "不好意思,已记录并转给同事跟进。",
    "clarify_prompt": "请问您是想咨询以下哪个问题呢?", "handoff_notice": "已为您转接人工客服,请稍等。",
    "other_product": "您好,{product}是其他公司的产品,建议您咨询其官方客服。"})");
  LoadOutcome out = load(fx.dir());
  EXPECT_TRUE(out.ok()) << ::testing::PrintToString(diagnostic_lines(out, Severity::kError));
}

TEST(Lint, SingleCharacterSynonymKeysAreErrors) {
  ConfigFixture fx;
  fx.write("synonyms.json", R"({"体现": "提现", "咋": "怎么", "咋办": "怎么办"})");
  LoadOutcome out = load(fx.dir());
  EXPECT_FALSE(out.ok());
  auto errors = diagnostic_lines(out, Severity::kError);
  EXPECT_TRUE(any_contains(errors, "synonyms.json: 咋: error: single-character key"));
  EXPECT_FALSE(any_contains(errors, "咋办"));
}

TEST(Lint, SynonymThatRewritesACanonicalWordIsAnError) {
  ConfigFixture fx;
  // 提前还 fires inside 提前还款, the map's own output: 提前还款 -> 提前还款款.
  fx.write("synonyms.json", R"({"提前还": "提前还款", "提钱还款": "提前还款"})");
  auto errors = diagnostic_lines(load(fx.dir()), Severity::kError);
  EXPECT_TRUE(any_contains(errors, "synonyms.json: 提前还: error: rewriting it breaks the canonical word 提前还款"));
  EXPECT_FALSE(any_contains(errors, "提钱还款"));
}

TEST(Lint, SynonymThatCutsAWordOfAQuestionIsAnError) {
  ConfigFixture fx;
  // 现要 straddles 提现 in the variant 提现要手续费吗: 提需要手续费吗.
  fx.write("synonyms.json", R"({"体现": "提现", "现要": "需要", "sxf": "手续费"})");
  fx.write("out_of_scope.json", R"({"questions": ["sxfile是什么文件"]})");
  auto errors = diagnostic_lines(load(fx.dir()), Severity::kError);
  EXPECT_TRUE(any_contains(errors,
      "synonyms.json: 现要: error: rewriting it breaks 提现 in \"提现要手续费吗\" (withdraw.fee)"))
      << ::testing::PrintToString(errors);
  EXPECT_TRUE(any_contains(errors,
      "synonyms.json: sxf: error: rewriting it breaks a Latin word in \"sxfile是什么文件\" (out_of_scope.json)"));
  EXPECT_FALSE(any_contains(errors, "体现"));
}

TEST(Lint, SynonymMayRewriteInsideAProductNameButNotAcrossItsEdge) {
  ConfigFixture fx;
  fx.write("other_products.json", R"({"products": [{"name": "美团借钱"}, {"name": "花呗"}]})");
  fx.write("out_of_scope.json", R"({"questions": ["美团借钱怎么样", "花呗额度怎么提"]})");
  fx.write("synonyms.json", R"({"借钱": "借款", "呗额": "额"})");
  auto errors = diagnostic_lines(load(fx.dir()), Severity::kError);
  EXPECT_FALSE(any_contains(errors, "借钱")) << ::testing::PrintToString(errors);
  EXPECT_TRUE(any_contains(errors, "synonyms.json: 呗额: error: rewriting it breaks 花呗 in \"花呗额度怎么提\""));
}

}  // namespace
}  // namespace faqbot::knowledge
