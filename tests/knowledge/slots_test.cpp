// Conversation slots of the knowledge base: topic and type derived from ids
// or set explicitly, config/followup.json parsed, and what lint says about them.
#include "knowledge/slots.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "config_fixture.h"
#include "knowledge/loader.h"

namespace faqbot::knowledge {
namespace {

using faqbot::testing::ConfigFixture;
using faqbot::testing::any_contains;
using faqbot::testing::diagnostic_lines;

const char* kRecharge = R"({"category": "recharge", "entries": [
  {"id": "recharge.cost", "questions": ["充值收费吗", "充值要手续费吗", "充值手续费", "充钱要钱吗",
   "充值免费吗", "充值扣费吗", "充值手续费多少", "充值有费用吗"],
   "answer": "您好,充值不收取手续费。"},
  {"id": "howto", "topic": "recharge", "type": "how", "questions": ["怎么充值", "充值步骤",
   "如何充值", "充值流程", "在哪充值", "怎样充钱", "充值怎么操作", "充值入口"],
   "answer": "您好,在首页点击充值即可。"}]})";

TEST(Slots, DerivedFromTheIdThroughTheSuffixTable) {
  FollowupCues cues;
  cues.type_of_suffix = {{"cost", "fee"}};
  EXPECT_EQ(topic_from_id("withdraw.fee", "money"), "withdraw");
  EXPECT_EQ(topic_from_id("fee", "money"), "money");  // no dot: the category
  EXPECT_EQ(type_from_id("withdraw.fee", cues), "fee");
  EXPECT_EQ(type_from_id("loan.cost", cues), "fee");
  EXPECT_EQ(type_from_id("a.b.arrival_time", cues), "arrival_time");
}

TEST(Slots, LoadedFromFollowupJsonAndExplicitFields) {
  ConfigFixture cfg;
  cfg.write("kb/recharge.json", kRecharge);
  cfg.write("followup.json", R"({"types": {"fee": {"suffixes": ["cost"], "cues": ["手续费"]},
    "how": {"cues": ["怎么"], "refined_by": ["fee"], "refined_where_missing": ["fee"]}},
    "topics": {"recharge": ["充值"], "withdraw": ["提现"]},
    "references": ["它"], "fillers": ["呢"]})");
  LoadOutcome out = load(cfg.dir());
  ASSERT_TRUE(out.ok()) << (out.diagnostics.empty() ? "" : format(out.diagnostics[0]));
  const Entry* cost = out.kb->find("recharge.cost");
  EXPECT_EQ(cost->topic, "recharge");
  EXPECT_EQ(cost->type, "fee");  // loan.cost-style id mapped to the shared type
  EXPECT_FALSE(cost->explicit_type);
  const Entry* how = out.kb->find("howto");
  EXPECT_EQ(how->topic, "recharge");
  EXPECT_EQ(how->type, "how");
  EXPECT_TRUE(how->explicit_topic && how->explicit_type);
  EXPECT_EQ(out.kb->find("withdraw.fee")->type, "fee");
  EXPECT_EQ(out.kb->followup.topic_cues.at("withdraw"), std::vector<std::string>{"提现"});
  EXPECT_EQ(out.kb->followup.references, std::vector<std::string>{"它"});
  EXPECT_EQ(out.kb->followup.refined_by.at("how"), std::vector<std::string>{"fee"});
  EXPECT_EQ(out.kb->followup.refined_where_missing.at("how"), std::vector<std::string>{"fee"});
  EXPECT_EQ(out.kb->followup.refined_where_missing.count("fee"), 0u);  // left out: none
  EXPECT_TRUE(diagnostic_lines(out, Severity::kWarning).empty());
}

TEST(Slots, MalformedFollowupJsonIsAnError) {
  ConfigFixture cfg;
  cfg.write("followup.json",
            R"({"types": {"fee": {"cues": "手续费", "refined_by": "how", "refined_where_missing": "how"}}, "topics": {"withdraw": [3]}})");
  LoadOutcome out = load(cfg.dir());
  EXPECT_FALSE(out.ok());
  auto errors = diagnostic_lines(out, Severity::kError);
  EXPECT_TRUE(any_contains(errors, "followup.json: -: error: type \"fee\" \"cues\" must be a list"));
  EXPECT_TRUE(any_contains(errors, "topic \"withdraw\" holds an item that is not a non-empty string"));
  EXPECT_TRUE(any_contains(errors, "type \"fee\" \"refined_by\" must be a list"));
  EXPECT_TRUE(any_contains(errors, "type \"fee\" \"refined_where_missing\" must be a list"));

  cfg.write("followup.json", R"({"types": {"fee": {"suffixes": ["cost"]}, "cost": {"suffixes": ["cost"]}}})");
  EXPECT_TRUE(any_contains(diagnostic_lines(load(cfg.dir()), Severity::kError),
                           "id suffix \"cost\" is listed under types"));
}

TEST(Slots, FollowupOnlyCuesAndTheProductType) {
  ConfigFixture cfg;
  cfg.write("kb/recharge.json", kRecharge);
  cfg.write("followup.json", R"({"types": {"fee": {"suffixes": ["cost"], "cues": ["手续费"],
    "followup_cues": ["利息"]}, "how": {"cues": ["怎么"], "named_by_products": true}}})");
  LoadOutcome out = load(cfg.dir());
  ASSERT_TRUE(out.ok());
  EXPECT_EQ(out.kb->followup.followup_type_cues.at("fee"), std::vector<std::string>{"利息"});
  EXPECT_EQ(out.kb->followup.type_cues.at("fee"), std::vector<std::string>{"手续费"});  // kept apart
  EXPECT_EQ(out.kb->followup.product_type, "how");
  EXPECT_TRUE(diagnostic_lines(out, Severity::kWarning).empty());

  cfg.write("followup.json", R"({"types": {"fee": {"named_by_products": true},
    "how": {"named_by_products": true}, "holiday": {"named_by_products": "yes"}}})");
  auto errors = diagnostic_lines(load(cfg.dir()), Severity::kError);
  EXPECT_TRUE(any_contains(errors, "types \"fee\" and \"how\" are both named_by_products"));
  EXPECT_TRUE(any_contains(errors, "type \"holiday\" \"named_by_products\" must be true or false"));

  cfg.write("followup.json", R"({"types": {"speed": {"followup_cues": ["快吗"], "named_by_products": true}}})");
  auto warnings = diagnostic_lines(load(cfg.dir()), Severity::kWarning);
  EXPECT_TRUE(any_contains(warnings, "cues for type \"speed\" that no entry has"));
  EXPECT_TRUE(any_contains(warnings, "type \"speed\" is named_by_products but no entry has it"));
}

TEST(Slots, LintWarnsAboutSlotsNothingElseKnows) {
  ConfigFixture cfg;
  std::string kb = kRecharge;
  kb.replace(kb.find("\"type\": \"how\""), 13, "\"type\": \"hwo\"");        // a typo
  kb.replace(kb.find("\"topic\": \"recharge\""), 19, "\"topic\": \"rechrage\"");
  cfg.write("kb/recharge.json", kb);
  cfg.write("followup.json", R"({"types": {"fee": {"suffixes": ["cost"], "refined_by": ["speed"]}, "holiday": {"cues": ["周末"]}},
    "topics": {"withdraw": ["提现", "充值"], "recharge": ["充值"], "promo": ["红包"]}})");
  LoadOutcome out = load(cfg.dir());
  ASSERT_TRUE(out.ok());  // warnings only
  auto warnings = diagnostic_lines(out, Severity::kWarning);
  EXPECT_TRUE(any_contains(warnings, "kb/recharge.json: howto: warning: type \"hwo\" is no other"));
  EXPECT_TRUE(any_contains(warnings, "kb/recharge.json: howto: warning: topic \"rechrage\" is no category"));
  EXPECT_TRUE(any_contains(warnings, "cues for type \"holiday\" that no entry has"));
  EXPECT_TRUE(any_contains(warnings, "cues for topic \"promo\" that no entry has"));
  EXPECT_TRUE(any_contains(warnings, "cue \"充值\" names two topics"));
  EXPECT_TRUE(any_contains(warnings, "type \"fee\" is refined_by \"speed\", a type without cues"));
}

TEST(Slots, OutsideAndPlainWordsAreReadAndAnOutsideWordOfAnEntryIsLinted) {
  ConfigFixture cfg;
  cfg.write("kb/recharge.json", kRecharge);
  cfg.write("followup.json", R"({"topics": {"recharge": ["充值"]}, "references": ["他"],
    "outside": ["交税", "手续费"], "plain_words": ["其他"], "places": ["建行", "储蓄卡"]})");
  LoadOutcome out = load(cfg.dir());
  ASSERT_TRUE(out.ok());  // warnings only
  EXPECT_EQ(out.kb->followup.outside, (std::vector<std::string>{"交税", "手续费"}));
  EXPECT_EQ(out.kb->followup.plain_words, std::vector<std::string>{"其他"});
  EXPECT_EQ(out.kb->followup.places, (std::vector<std::string>{"建行", "储蓄卡"}));
  auto warnings = diagnostic_lines(out, Severity::kWarning);
  // recharge.cost is asked with 手续费: listing it as outside would refuse it.
  EXPECT_TRUE(any_contains(warnings, "outside word \"手续费\" is in entry recharge.cost"));
  EXPECT_FALSE(any_contains(warnings, "outside word \"交税\""));

  cfg.write("followup.json", R"({"outside": "交税"})");
  EXPECT_TRUE(any_contains(diagnostic_lines(load(cfg.dir()), Severity::kError),
                           "\"outside\" must be a list of strings"));
}

TEST(Slots, ModifiersAndOppositesAreReadAndMalformedOnesAreErrors) {
  ConfigFixture cfg;
  cfg.write("kb/recharge.json", kRecharge);
  cfg.write("followup.json", R"({"topics": {"recharge": ["充值"], "withdraw": ["提现"]},
    "modifiers": {"交易": ["支付", "付钱"], "登录": ["登陆"]},
    "opposites": {"topics": {"recharge": "withdraw", "withdraw": "recharge"}, "words": ["反过来", "倒过来"]}})");
  LoadOutcome out = load(cfg.dir());
  ASSERT_TRUE(out.ok()) << (out.diagnostics.empty() ? "" : format(out.diagnostics[0]));
  const FollowupCues& f = out.kb->followup;
  EXPECT_EQ(f.modifier_synonyms.at("交易"), (std::vector<std::string>{"支付", "付钱"}));
  EXPECT_EQ(f.modifier_synonyms.at("登录"), std::vector<std::string>{"登陆"});
  EXPECT_EQ(f.opposites.at("recharge"), "withdraw");
  EXPECT_EQ(f.opposites.at("withdraw"), "recharge");
  EXPECT_EQ(f.opposite_words, (std::vector<std::string>{"反过来", "倒过来"}));

  cfg.write("followup.json", R"({"modifiers": ["支付"], "opposites": ["反过来"]})");
  auto errors = diagnostic_lines(load(cfg.dir()), Severity::kError);
  EXPECT_TRUE(any_contains(errors, "\"modifiers\" must be an object of word lists"));
  EXPECT_TRUE(any_contains(errors, "\"opposites\" must be an object with \"topics\" and \"words\""));

  cfg.write("followup.json", R"({"modifiers": {"交易": "支付", "登录": ["", 3]},
    "opposites": {"topics": {"recharge": 1}, "words": "反过来"}})");
  errors = diagnostic_lines(load(cfg.dir()), Severity::kError);
  EXPECT_TRUE(any_contains(errors, "modifiers \"交易\" must be a list of strings"));
  EXPECT_TRUE(any_contains(errors, "modifiers \"登录\" holds an item that is not a non-empty string"));
  EXPECT_TRUE(any_contains(errors, "opposites \"topics\" \"recharge\" must be a topic name"));
  EXPECT_TRUE(any_contains(errors, "opposites \"words\" must be a list of strings"));

  cfg.write("followup.json", R"({"opposites": {"topics": ["recharge", "withdraw"]}})");
  EXPECT_TRUE(any_contains(diagnostic_lines(load(cfg.dir()), Severity::kError),
                           "opposites \"topics\" must map a topic to a topic"));
}

TEST(Slots, StepWordsAreReadInOrderAndMalformedOnesAreErrors) {
  ConfigFixture cfg;
  cfg.write("kb/recharge.json", kRecharge);
  cfg.write("followup.json", R"({"topics": {"recharge": ["充值"]},
    "steps": {"after": ["以后", "后"], "done": ["通过了", "过了"], "then": ["接下来"], "how_on": ["怎么"]}})");
  LoadOutcome out = load(cfg.dir());
  ASSERT_TRUE(out.ok()) << (out.diagnostics.empty() ? "" : format(out.diagnostics[0]));
  const FollowupCues::StepWords& s = out.kb->followup.steps;
  EXPECT_EQ(s.after, (std::vector<std::string>{"以后", "后"}));
  EXPECT_EQ(s.done, (std::vector<std::string>{"通过了", "过了"}));
  EXPECT_EQ(s.then, std::vector<std::string>{"接下来"});
  EXPECT_EQ(s.how_on, std::vector<std::string>{"怎么"});

  // Left out: empty lists (no step reading applies).
  cfg.write("followup.json", R"({"topics": {"recharge": ["充值"]}, "steps": {"after": ["以后"]}})");
  out = load(cfg.dir());
  ASSERT_TRUE(out.ok());
  EXPECT_TRUE(out.kb->followup.steps.done.empty());
  EXPECT_TRUE(out.kb->followup.steps.how_on.empty());

  cfg.write("followup.json", R"({"steps": ["以后"]})");
  EXPECT_TRUE(any_contains(diagnostic_lines(load(cfg.dir()), Severity::kError),
                           "\"steps\" must be an object of word lists"));
  cfg.write("followup.json", R"({"steps": {"after": "以后", "done": [""], "befor": ["之前"]}})");
  auto errors = diagnostic_lines(load(cfg.dir()), Severity::kError);
  EXPECT_TRUE(any_contains(errors, "steps \"after\" must be a list of strings"));
  EXPECT_TRUE(any_contains(errors, "steps \"done\" holds an item that is not a non-empty string"));
  EXPECT_TRUE(any_contains(errors, "steps \"befor\" is none of after, done, then, how_on"));
}

TEST(Slots, QuestionsOfTheAnswerAreReadAndMalformedOnesAreErrors) {
  ConfigFixture cfg;
  cfg.write("kb/recharge.json", kRecharge);
  cfg.write("followup.json", R"({"topics": {"recharge": ["充值"]},
    "of_the_answer": [{"asks": ["怎么算", "咋算"], "stated_by": ["%", "元"], "bare": true},
                      {"asks": ["撤回"], "stated_by": ["无法"], "topic_first": true, "other_topics": true}]})");
  LoadOutcome out = load(cfg.dir());
  ASSERT_TRUE(out.ok()) << (out.diagnostics.empty() ? "" : format(out.diagnostics[0]));
  const auto& table = out.kb->followup.of_the_answer;
  ASSERT_EQ(table.size(), 2u);
  EXPECT_EQ(table[0].asks, (std::vector<std::string>{"怎么算", "咋算"}));
  EXPECT_EQ(table[0].stated_by, (std::vector<std::string>{"%", "元"}));
  EXPECT_TRUE(table[0].bare);
  EXPECT_EQ(table[1].asks, std::vector<std::string>{"撤回"});
  EXPECT_FALSE(table[1].bare);  // left out: what else the message says must be in the answer
  EXPECT_FALSE(table[0].topic_first);  // left out: the answer is read whatever the text alone reads
  EXPECT_TRUE(table[1].topic_first);
  EXPECT_FALSE(table[0].other_topics);  // left out: the message names no other topic
  EXPECT_TRUE(table[1].other_topics);

  // Left out: no question of the answer is read.
  cfg.write("followup.json", R"({"topics": {"recharge": ["充值"]}})");
  out = load(cfg.dir());
  ASSERT_TRUE(out.ok());
  EXPECT_TRUE(out.kb->followup.of_the_answer.empty());

  cfg.write("followup.json", R"({"of_the_answer": {"asks": ["怎么算"]}})");
  EXPECT_TRUE(any_contains(diagnostic_lines(load(cfg.dir()), Severity::kError),
                           "\"of_the_answer\" must be a list of"));
  cfg.write("followup.json", R"({"of_the_answer": ["怎么算",
    {"asks": "怎么算", "stated_by": ["%"]},
    {"asks": ["撤回"], "stated_by": [""], "bare": "yes", "mark": ["无法"], "topic_first": 1, "other_topics": "no"},
    {"asks": ["剩下"]}]})");
  auto errors = diagnostic_lines(load(cfg.dir()), Severity::kError);
  EXPECT_TRUE(any_contains(errors, "of_the_answer item 1 must be an object with \"asks\" and \"stated_by\""));
  EXPECT_TRUE(any_contains(errors, "of_the_answer item 2 \"asks\" must be a list of strings"));
  EXPECT_TRUE(any_contains(errors, "of_the_answer item 3 \"stated_by\" holds an item that is not a non-empty string"));
  EXPECT_TRUE(any_contains(errors, "of_the_answer item 3 \"bare\" must be true or false"));
  EXPECT_TRUE(any_contains(errors, "of_the_answer item 3 \"topic_first\" must be true or false"));
  EXPECT_TRUE(any_contains(errors, "of_the_answer item 3 \"other_topics\" must be true or false"));
  EXPECT_TRUE(any_contains(errors, "of_the_answer item 3 \"mark\" is none of asks, stated_by, bare"));
  EXPECT_TRUE(any_contains(errors, "of_the_answer item 4 needs non-empty \"asks\" and \"stated_by\""));
}

TEST(Slots, DefaultKnowledgeBaseHasCuesForEveryTopic) {
  LoadOutcome out = load(FAQBOT_DEFAULT_CONFIG);
  ASSERT_TRUE(out.ok());
  for (const Entry& e : out.kb->entries) {
    EXPECT_TRUE(out.kb->followup.topic_cues.count(e.topic)) << e.id << ": topic " << e.topic;
  }
  EXPECT_EQ(out.kb->find("loan.cost")->type, out.kb->find("recharge.fee")->type);
  EXPECT_EQ(out.kb->find("loan.review_time")->type, out.kb->find("withdraw.arrival_time")->type);
  EXPECT_FALSE(any_contains(diagnostic_lines(out, Severity::kWarning), "followup.json"));
}

TEST(Slots, TheShippedCuesTellABidThatNeverFilledFromOneStillWaiting) {
  LoadOutcome out = load(FAQBOT_DEFAULT_CONFIG);
  ASSERT_TRUE(out.ok());
  const auto& failed = out.kb->followup.type_cues.at("failed");
  auto names_failed = [&](const std::string& text) {
    return std::any_of(failed.begin(), failed.end(),
                       [&](const std::string& w) { return text.find(w) != std::string::npos; });
  };
  // How it ended: the bid never filled.
  EXPECT_TRUE(names_failed("等到最后也没满标的话钱怎么处理"));
  EXPECT_TRUE(names_failed("最终没满会退回来吗"));
  // Control: still not full is the wait, not the failure.
  EXPECT_FALSE(names_failed("我的标一直没满要等到什么时候"));
  EXPECT_FALSE(names_failed("投了三天了还没满正常吗"));
}

TEST(Slots, TheShippedCuesTellWhatIsChargedFromHowMuchMayBePut) {
  LoadOutcome out = load(FAQBOT_DEFAULT_CONFIG);
  ASSERT_TRUE(out.ok());
  const auto& fee = out.kb->followup.type_cues.at("fee");
  auto names_fee = [&](const std::string& text) {
    return std::any_of(fee.begin(), fee.end(),
                       [&](const std::string& w) { return text.find(w) != std::string::npos; });
  };
  // What is charged, or paid on top, asked with how much.
  EXPECT_TRUE(names_fee("卖出去的话你们得收多少"));
  EXPECT_TRUE(names_fee("这样我还要多付多少"));
  // Control: how much may be put in or comes back is no charge.
  EXPECT_FALSE(names_fee("一回最多能存多少钱"));
  EXPECT_FALSE(names_fee("放一年收益多少"));
  // Paying back early is refined by what it costs: the fee asked after it
  // is the early repayment's, not a new question.
  const auto& refined = out.kb->followup.refined_by.at("early_repay");
  EXPECT_NE(std::find(refined.begin(), refined.end(), "fee"), refined.end());
}

TEST(Slots, TheShippedFollowupCuesTellAGuaranteeAskedOfTheReturns) {
  LoadOutcome out = load(FAQBOT_DEFAULT_CONFIG);
  ASSERT_TRUE(out.ok());
  const auto& guarantee = out.kb->followup.followup_type_cues.at("principal_guarantee");
  auto names_guarantee = [&](const std::string& text) {
    return std::any_of(guarantee.begin(), guarantee.end(),
                       [&](const std::string& w) { return text.find(w) != std::string::npos; });
  };
  // Whether the money just computed is sure to come.
  EXPECT_TRUE(names_guarantee("这回报能保证到手吗"));
  // Control: a deposit a borrower is asked for is no guarantee of ours.
  EXPECT_FALSE(names_guarantee("借钱要先交保证金吗"));
}

TEST(Slots, TheShippedFollowupCuesTellWhatIsEarnedAsTheReturns) {
  LoadOutcome out = load(FAQBOT_DEFAULT_CONFIG);
  ASSERT_TRUE(out.ok());
  const auto& returns = out.kb->followup.followup_type_cues.at("returns_calc");
  auto names_returns = [&](const std::string& text) {
    return std::any_of(returns.begin(), returns.end(),
                       [&](const std::string& w) { return text.find(w) != std::string::npos; });
  };
  // What the money earns, asked after the products were listed.
  EXPECT_TRUE(names_returns("那挣到的怎么个算法"));
  EXPECT_TRUE(names_returns("一年下来赚头有多少"));
  // Control: what one must put in first is no return.
  EXPECT_FALSE(names_returns("那最低放多少进去"));
}

}  // namespace
}  // namespace faqbot::knowledge
