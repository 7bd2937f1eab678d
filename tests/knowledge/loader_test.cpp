#include "knowledge/loader.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>

#include "config_fixture.h"

namespace faqbot::knowledge {
namespace {

using faqbot::testing::ConfigFixture;

bool has_error(const LoadOutcome& out, const std::string& needle) {
  return std::any_of(out.diagnostics.begin(), out.diagnostics.end(), [&](const Diagnostic& d) {
    return d.severity == Severity::kError && format(d).find(needle) != std::string::npos;
  });
}

TEST(Loader, LoadsAValidDirectory) {
  ConfigFixture fx;
  LoadOutcome out = load(fx.dir());
  ASSERT_TRUE(out.ok()) << (out.diagnostics.empty() ? "" : format(out.diagnostics[0]));
  ASSERT_EQ(out.kb->entries.size(), 2u);
  const Entry* fee = out.kb->find("withdraw.fee");
  ASSERT_NE(fee, nullptr);
  EXPECT_EQ(fee->category, "withdraw");
  EXPECT_EQ(fee->questions.size(), 8u);
  EXPECT_EQ(fee->source_file, "kb/withdraw.json");
  EXPECT_EQ(out.kb->find("withdraw.delayed")->handoff, HandoffMode::kHandPriority);
  EXPECT_EQ(out.kb->synonyms.at("体现"), "提现");
  EXPECT_EQ(out.kb->out_of_scope.size(), 1u);
  EXPECT_EQ(out.kb->find("nope"), nullptr);
}

TEST(Loader, RendersVariablesAndKeepsRuntimeOnes) {
  ConfigFixture fx;
  LoadOutcome out = load(fx.dir());
  ASSERT_TRUE(out.ok());
  EXPECT_EQ(out.kb->reply("offer_human"), "如需人工帮助,请回复“转人工”,客服时间 每天 09:00-21:00。");
  EXPECT_NE(out.kb->reply("queue_position").find("{queue_position}"), std::string::npos);
  EXPECT_EQ(out.kb->reply("no_such_key"), "");
}

TEST(Loader, ContentHashFollowsTheFiles) {
  ConfigFixture fx;
  std::string before = load(fx.dir()).kb->content_hash;
  EXPECT_EQ(before, load(fx.dir()).kb->content_hash);
  fx.write("synonyms.json", R"({"体现": "提现", "冲值": "充值"})");
  EXPECT_NE(before, load(fx.dir()).kb->content_hash);
}

TEST(Loader, MalformedJsonNamesTheFile) {
  ConfigFixture fx;
  fx.write("kb/withdraw.json", R"({"entries": [ {"id": "x", )");
  LoadOutcome out = load(fx.dir());
  EXPECT_FALSE(out.ok());
  EXPECT_TRUE(has_error(out, "kb/withdraw.json: -: error: invalid JSON"));
}

TEST(Loader, InvalidUtf8IsAnErrorNotACrash) {
  ConfigFixture fx;
  fx.write("replies.json", "{\"fallback\": \"\xff\xfe\"}");
  LoadOutcome out = load(fx.dir());
  EXPECT_FALSE(out.ok());
  EXPECT_TRUE(has_error(out, "replies.json: -: error: invalid JSON"));
}

TEST(Loader, MissingDirectoryIsAnError) {
  LoadOutcome out = load("/nonexistent/faqbot/config");
  EXPECT_FALSE(out.ok());
  EXPECT_TRUE(has_error(out, "configuration directory not found"));
}

TEST(Loader, WrongTypesAndUnknownHandoffNameTheEntry) {
  ConfigFixture fx;
  fx.write("kb/withdraw.json", R"({"entries": [
    {"id": "a.b", "questions": "not a list", "answer": "您好。", "handoff": "maybe"}]})");
  LoadOutcome out = load(fx.dir());
  EXPECT_FALSE(out.ok());
  EXPECT_TRUE(has_error(out, "kb/withdraw.json: a.b: error: field \"questions\" must be a list"));
  EXPECT_TRUE(has_error(out, "kb/withdraw.json: a.b: error: unknown handoff mode \"maybe\""));
}

TEST(Loader, OtherProductsAreOptionalAndLoadedInFileOrder) {
  ConfigFixture fx;
  EXPECT_TRUE(load(fx.dir()).kb->other_products().empty());
  fx.write("other_products.json", R"({"products": [
    {"name": "花呗", "aliases": ["蚂蚁花呗"], "company": "蚂蚁集团"},
    {"name": "微粒贷"}]})");
  LoadOutcome out = load(fx.dir());
  ASSERT_TRUE(out.ok()) << format(out.diagnostics.at(0));
  const auto& products = out.kb->other_products();
  ASSERT_EQ(products.size(), 2u);
  EXPECT_EQ(products[0].name, "花呗");
  EXPECT_EQ(products[0].aliases, std::vector<std::string>{"蚂蚁花呗"});
  EXPECT_EQ(products[0].company, "蚂蚁集团");
  EXPECT_EQ(products[1].name, "微粒贷");
  EXPECT_TRUE(products[1].aliases.empty());
  EXPECT_EQ(products[1].company, "");
  EXPECT_TRUE(out.kb->other_product_cues.as_means.empty());
  fx.write("other_products.json", R"({"as_means": ["用", "提到"], "about_us": ["你们"],
    "products": [{"name": "花呗"}]})");
  LoadOutcome cued = load(fx.dir());
  ASSERT_TRUE(cued.ok()) << format(cued.diagnostics.at(0));
  EXPECT_EQ(cued.kb->other_product_cues.as_means, (std::vector<std::string>{"用", "提到"}));
  EXPECT_EQ(cued.kb->other_product_cues.about_us, std::vector<std::string>{"你们"});
}

TEST(Loader, OtherKindsAreOptionalAndLoadedInFileOrder) {
  ConfigFixture fx;
  fx.write("other_products.json", R"({"products": []})");
  EXPECT_TRUE(load(fx.dir()).kb->other_kinds().empty());
  fx.write("other_products.json", R"({"products": [], "kinds": [
    {"name": "股票", "aliases": ["炒股", "股市"]}, {"name": "房贷"}]})");
  LoadOutcome out = load(fx.dir());
  ASSERT_TRUE(out.ok()) << format(out.diagnostics.at(0));
  const auto& kinds = out.kb->other_kinds();
  ASSERT_EQ(kinds.size(), 2u);
  EXPECT_EQ(kinds[0].name, "股票");
  EXPECT_EQ(kinds[0].aliases, (std::vector<std::string>{"炒股", "股市"}));
  EXPECT_EQ(kinds[1].name, "房贷");
  EXPECT_TRUE(out.kb->other_products().empty());
  fx.write("other_products.json", R"({"products": [], "kinds": [{"name": "股票"}, "外汇"]})");
  EXPECT_TRUE(has_error(load(fx.dir()), "other_products.json: kind #2: error: a kind must be a JSON object"));
  fx.write("other_products.json", R"({"products": [], "kinds": "股票"})");
  EXPECT_TRUE(has_error(load(fx.dir()), "other_products.json: kinds: error: must be a list"));
}

// "not_a_means" marks a kind never a means of ours (knowledge_base.h);
// missing is false, anything but a boolean is an error.
TEST(Loader, AKindMayBeMarkedNeverAMeansOfOurs) {
  ConfigFixture fx;
  fx.write("other_products.json", R"({"products": [], "kinds": [
    {"name": "外币", "aliases": ["美元"], "not_a_means": true}, {"name": "信用卡"}]})");
  LoadOutcome out = load(fx.dir());
  ASSERT_TRUE(out.ok()) << format(out.diagnostics.at(0));
  ASSERT_EQ(out.kb->other_kinds().size(), 2u);
  EXPECT_TRUE(out.kb->other_kinds()[0].not_a_means);
  EXPECT_FALSE(out.kb->other_kinds()[1].not_a_means);
  fx.write("other_products.json", R"({"products": [], "kinds": [{"name": "外币", "not_a_means": "yes"}]})");
  EXPECT_TRUE(has_error(load(fx.dir()), "must be true or false"));
}

TEST(Loader, OtherServicesAndOurActionsAreOptionalAndLoadedInFileOrder) {
  ConfigFixture fx;
  fx.write("other_products.json", R"({"products": []})");
  LoadOutcome plain = load(fx.dir());
  EXPECT_TRUE(plain.kb->other_services.empty());
  EXPECT_TRUE(plain.kb->other_product_cues.our_actions.empty());
  fx.write("other_products.json", R"({"products": [], "our_actions": ["充值", "提现"], "services": [
    {"name": "银行", "holders": ["银行", "建行"], "words": ["挂失"]},
    {"name": "游戏", "holders": ["游戏"], "own_actions": ["充值"]}]})");
  LoadOutcome out = load(fx.dir());
  ASSERT_TRUE(out.ok()) << format(out.diagnostics.at(0));
  EXPECT_EQ(out.kb->other_product_cues.our_actions, (std::vector<std::string>{"充值", "提现"}));
  const auto& services = out.kb->other_services;
  ASSERT_EQ(services.size(), 2u);
  EXPECT_EQ(services[0].name, "银行");
  EXPECT_EQ(services[0].holders, (std::vector<std::string>{"银行", "建行"}));
  EXPECT_EQ(services[0].words, std::vector<std::string>{"挂失"});
  EXPECT_TRUE(services[0].own_actions.empty());
  EXPECT_TRUE(services[1].words.empty());
  EXPECT_EQ(services[1].own_actions, std::vector<std::string>{"充值"});
  fx.write("other_products.json", R"({"products": [], "services": [{"name": "银行"}, "游戏"]})");
  LoadOutcome bad = load(fx.dir());
  EXPECT_TRUE(has_error(bad, "other_products.json: service #1: error: missing field \"holders\""));
  EXPECT_TRUE(has_error(bad, "other_products.json: service #2: error: a service must be a JSON object"));
  fx.write("other_products.json", R"({"products": [], "services": "银行"})");
  EXPECT_TRUE(has_error(load(fx.dir()), "other_products.json: services: error: must be a list"));
}

TEST(Loader, LookupsAreOptionalAndLoadedInFileOrder) {
  ConfigFixture fx;
  fx.write("out_of_scope.json", R"({"questions": ["今天天气怎么样"]})");
  EXPECT_TRUE(load(fx.dir()).kb->lookups.empty());
  fx.write("out_of_scope.json", R"({"questions": ["今天天气怎么样"], "lookups": [
    {"name": "借款人", "all_of": [["借款人"], ["我投的", "那笔"]]}]})");
  LoadOutcome out = load(fx.dir());
  ASSERT_TRUE(out.ok()) << format(out.diagnostics.at(0));
  ASSERT_EQ(out.kb->lookups.size(), 1u);
  EXPECT_EQ(out.kb->lookups[0].name, "借款人");
  ASSERT_EQ(out.kb->lookups[0].all_of.size(), 2u);
  EXPECT_EQ(out.kb->lookups[0].all_of[1], (std::vector<std::string>{"我投的", "那笔"}));
  EXPECT_TRUE(out.kb->lookups[0].none_of.empty());
  fx.write("out_of_scope.json", R"({"questions": [], "lookups": [
    {"name": "还款日", "all_of": [["我的还款日"]], "none_of": ["过了", "逾期"]}]})");
  LoadOutcome with_none = load(fx.dir());
  ASSERT_TRUE(with_none.ok()) << format(with_none.diagnostics.at(0));
  ASSERT_EQ(with_none.kb->lookups.size(), 1u);
  EXPECT_EQ(with_none.kb->lookups[0].none_of, (std::vector<std::string>{"过了", "逾期"}));
  fx.write("out_of_scope.json", R"({"questions": [], "lookups": [
    {"name": "坏", "all_of": [["a"]], "none_of": "过了"}]})");
  EXPECT_TRUE(has_error(load(fx.dir()), "out_of_scope.json: lookup #1: error: field \"none_of\" must be a list of strings"));
  fx.write("out_of_scope.json", R"({"questions": [], "lookups": [{"name": "x", "all_of": []}, "y",
    {"name": "z", "all_of": [["a"], "b"]}]})");
  LoadOutcome bad = load(fx.dir());
  EXPECT_TRUE(has_error(bad, "out_of_scope.json: lookup #1: error: field \"all_of\" must be a non-empty list"));
  EXPECT_TRUE(has_error(bad, "out_of_scope.json: lookup #2: error: a lookup must be a JSON object"));
  EXPECT_TRUE(has_error(bad, "out_of_scope.json: lookup #3: error: each group of \"all_of\" must be a list of strings"));
  fx.write("out_of_scope.json", R"({"questions": [], "lookups": "借款人"})");
  EXPECT_TRUE(has_error(load(fx.dir()), "out_of_scope.json: lookups: error: must be a list"));
}

TEST(Loader, IssuedProductsAreOptionalAndLoaded) {
  ConfigFixture fx;
  fx.write("other_products.json", R"({"products": []})");
  EXPECT_TRUE(load(fx.dir()).kb->issued_products.empty());
  fx.write("other_products.json", R"({"products": [], "issuers": [{"name": "众安保险", "aliases": ["众安"],
    "not_in": ["公众安全"]}], "issued_products": ["理财"], "wealth_products": [{"name": "天天利"}]})");
  LoadOutcome out = load(fx.dir());
  ASSERT_TRUE(out.ok()) << format(out.diagnostics.at(0));
  const IssuedProducts& list = out.kb->issued_products;
  ASSERT_EQ(list.issuers.size(), 1u);
  EXPECT_EQ(list.issuers[0].name, "众安保险");
  EXPECT_EQ(list.issuers[0].not_in, (std::vector<std::string>{"公众安全"}));
  EXPECT_EQ(list.product_words, (std::vector<std::string>{"理财"}));
  ASSERT_EQ(list.wealth_products.size(), 1u);
  EXPECT_TRUE(list.wealth_products[0].aliases.empty());
  fx.write("other_products.json", R"({"products": [], "issuers": "众安", "wealth_products": ["天天利"]})");
  LoadOutcome bad = load(fx.dir());
  EXPECT_TRUE(has_error(bad, "other_products.json: issuers: error: must be a list"));
  EXPECT_TRUE(has_error(bad, "other_products.json: wealth product #1: error: a wealth product must be a JSON object"));
}

// Needs of daily life no entry covers are refused as lookups are: loaded
// after them, in file order.
TEST(Loader, DomainsAreLoadedAfterTheLookups) {
  ConfigFixture fx;
  fx.write("out_of_scope.json", R"({"questions": [], "domains": [
    {"name": "外币", "all_of": [["美元", "日元"], ["换", "兑"]]}], "lookups": [
    {"name": "借款人", "all_of": [["借款人"], ["我投的"]]}]})");
  LoadOutcome out = load(fx.dir());
  ASSERT_TRUE(out.ok()) << format(out.diagnostics.at(0));
  ASSERT_EQ(out.kb->lookups.size(), 2u);
  EXPECT_EQ(out.kb->lookups[0].name, "借款人");
  EXPECT_EQ(out.kb->lookups[1].name, "外币");
  EXPECT_EQ(out.kb->lookups[1].all_of[0], (std::vector<std::string>{"美元", "日元"}));
  fx.write("out_of_scope.json", R"({"questions": [], "domains": [{"name": "x", "all_of": []}]})");
  EXPECT_TRUE(has_error(load(fx.dir()), "out_of_scope.json: domain #1: error: field \"all_of\" must be a non-empty list"));
  fx.write("out_of_scope.json", R"({"questions": [], "domains": "外币"})");
  EXPECT_TRUE(has_error(load(fx.dir()), "out_of_scope.json: domains: error: must be a list"));
}

// A rule's refusal is worded by its "reply", else by its section's own.
TEST(Loader, LookupsAndDomainsCarryTheReplyTheirRefusalIsWordedWith) {
  ConfigFixture fx;
  fx.write("out_of_scope.json", R"({"questions": [], "domains": [
    {"name": "外币", "all_of": [["美元"], ["换"]]},
    {"name": "改还款日", "all_of": [["还款日"], ["改"]], "reply": "fallback"}], "lookups": [
    {"name": "借款人", "all_of": [["借款人"], ["我投的"]]}]})");
  LoadOutcome out = load(fx.dir());
  ASSERT_TRUE(out.ok()) << format(out.diagnostics.at(0));
  ASSERT_EQ(out.kb->lookups.size(), 3u);
  EXPECT_EQ(out.kb->lookups[0].reply, "lookup_refusal");
  EXPECT_EQ(out.kb->lookups[1].reply, "scope_refusal");
  EXPECT_EQ(out.kb->lookups[2].reply, "fallback");
  fx.write("out_of_scope.json", R"({"questions": [], "lookups": [{"name": "x", "all_of": [["a"]], "reply": 1}]})");
  EXPECT_TRUE(has_error(load(fx.dir()), "out_of_scope.json: lookup #1: error: field \"reply\" must be a string"));
}

TEST(Loader, MalformedOtherProductsNameTheProduct) {
  ConfigFixture fx;
  fx.write("other_products.json", R"({"products": [{"aliases": ["x"]}, "花呗", {"name": 3}]})");
  LoadOutcome out = load(fx.dir());
  EXPECT_FALSE(out.ok());
  EXPECT_TRUE(has_error(out, "other_products.json: product #1: error: missing field \"name\""));
  EXPECT_TRUE(has_error(out, "other_products.json: product #2: error: a product must be a JSON object"));
  EXPECT_TRUE(has_error(out, "other_products.json: product #3: error: field \"name\" must be a string"));
  fx.write("other_products.json", R"(["花呗"])");
  EXPECT_TRUE(has_error(load(fx.dir()), "other_products.json: -: error: must be an object with a list"));
}

TEST(Loader, DefaultKnowledgeBaseLoadsWithoutErrors) {
  LoadOutcome out = load(FAQBOT_DEFAULT_CONFIG);
  for (const Diagnostic& d : out.diagnostics) {
    EXPECT_NE(d.severity, Severity::kError) << format(d);
  }
  ASSERT_TRUE(out.ok());
  EXPECT_EQ(out.kb->entries.size(), 67u);
  for (const Entry& e : out.kb->entries) EXPECT_GE(e.questions.size(), 8u) << e.id;
  EXPECT_GE(out.kb->other_products().size(), 40u);
  EXPECT_NE(out.kb->replies.at("other_product").find("{product}"), std::string::npos);
}

// catalog_ids.txt is the id column of shared/domain/catalog.md: the default
// knowledge base has exactly these entries, with the handoff of its table.
TEST(Loader, DefaultKnowledgeBaseHasExactlyTheCatalogIds) {
  LoadOutcome out = load(FAQBOT_DEFAULT_CONFIG);
  ASSERT_TRUE(out.ok());
  std::ifstream in(FAQBOT_CATALOG_IDS);
  std::vector<std::string> want;
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) want.push_back(line);
  ASSERT_EQ(want.size(), 67u);
  std::vector<std::string> have;
  for (const Entry& e : out.kb->entries) have.push_back(e.id);
  std::sort(want.begin(), want.end());
  std::sort(have.begin(), have.end());
  EXPECT_EQ(have, want);
  EXPECT_EQ(out.kb->find("withdraw.delayed")->handoff, HandoffMode::kHandPriority);
  EXPECT_EQ(out.kb->find("service.human")->handoff, HandoffMode::kHand);
  EXPECT_EQ(out.kb->find("recharge.not_arrived")->handoff, HandoffMode::kOffer);
  EXPECT_EQ(out.kb->find("withdraw.fee")->handoff, HandoffMode::kNone);
}

// The default synonyms read English repayment and amount words as the
// catalog's Chinese (mixed-language investors: probe_hk_mixed).
TEST(DefaultSynonyms, ReadEnglishRepaymentAndAmountWords) {
  const LoadOutcome out = load(FAQBOT_DEFAULT_CONFIG);
  ASSERT_TRUE(out.ok());
  const auto& s = out.kb->synonyms;
  for (const char* early : {"early repayment", "repay early", "pay off early", "prepay"}) {
    ASSERT_TRUE(s.count(early)) << early;
    EXPECT_EQ(s.at(early), "提前还款") << early;
  }
  EXPECT_EQ(s.at("max"), "最多");
  EXPECT_EQ(s.at("how long"), "多久");
}

// The default synonyms read consumer-credit customers' loan words and typos
// (借贷, 还贷, 代款, 代多少, 日息) as the catalog's, while the longer words
// holding them are kept as typed by guards (a key mapped to itself).
TEST(DefaultSynonyms, ReadCreditCustomersLoanWordsWithGuards) {
  const LoadOutcome out = load(FAQBOT_DEFAULT_CONFIG);
  ASSERT_TRUE(out.ok());
  const auto& s = out.kb->synonyms;
  const std::pair<const char*, const char*> rewrites[] = {
      {"借贷", "借款"}, {"还贷", "还款"}, {"还贷款", "还款"}, {"代款", "贷款"},
      {"代多少", "贷多少"}, {"日息", "借款日息"}};
  for (const auto& [from, to] : rewrites) {
    ASSERT_TRUE(s.count(from)) << from;
    EXPECT_EQ(s.at(from), to) << from;
  }
  for (const char* guard : {"网络借贷", "民间借贷", "借贷平台", "借贷关系", "借贷宝", "借款日息", "贷款日息"}) {
    ASSERT_TRUE(s.count(guard)) << guard;
    EXPECT_EQ(s.at(guard), guard);
  }
}

// Follow-up words of the default configuration added in issue 7: banks as
// places, the contrary of early repayment, a spoken form of 投标.
TEST(DefaultFollowupCues, NamePlacesContrastsAndSpokenTopicWords) {
  const LoadOutcome out = load(FAQBOT_DEFAULT_CONFIG);
  ASSERT_TRUE(out.ok());
  const FollowupCues& f = out.kb->followup;
  auto holds = [](const std::vector<std::string>& words, const char* w) {
    return std::find(words.begin(), words.end(), w) != words.end();
  };
  EXPECT_TRUE(holds(f.places, "建行"));
  EXPECT_TRUE(holds(f.places, "招商银行"));
  ASSERT_TRUE(f.contrasts.count("early_repay"));
  EXPECT_TRUE(holds(f.contrasts.at("early_repay"), "晚还"));
  ASSERT_TRUE(f.topic_cues.count("invest"));
  EXPECT_TRUE(holds(f.topic_cues.at("invest"), "投的标"));
}

// Lending money out (借出去) is investing here (出借), not borrowing: the
// synonym reads it so; borrowing words keep their own reading.
TEST(DefaultSynonyms, ReadLendingOutAsInvestingAndBorrowingAsALoan) {
  const LoadOutcome out = load(FAQBOT_DEFAULT_CONFIG);
  ASSERT_TRUE(out.ok());
  const auto& s = out.kb->synonyms;
  ASSERT_TRUE(s.count("借出去"));
  EXPECT_EQ(s.at("借出去"), "出借");
  // Control: borrowing is a loan.
  EXPECT_EQ(s.at("借钱"), "借款");
}

// 审批 reads as 审核 (the review), but a requirement asked of it (审批要求,
// 审批条件) is kept as typed by guards, so the review's words do not take
// the requirements question (issue 7, real borrowers' questions).
TEST(DefaultSynonyms, ReadApprovalAsReviewButKeepItsRequirements) {
  const LoadOutcome out = load(FAQBOT_DEFAULT_CONFIG);
  ASSERT_TRUE(out.ok());
  const auto& s = out.kb->synonyms;
  ASSERT_TRUE(s.count("审批"));
  EXPECT_EQ(s.at("审批"), "审核");
  for (const char* guard : {"审批要求", "审批条件"}) {
    ASSERT_TRUE(s.count(guard)) << guard;
    EXPECT_EQ(s.at(guard), guard);
  }
}

// A wait for approval (多久能通过, 什么时候能通过) asks how long the review
// takes, not when the money arrives; meeting the approval (符合审批,
// 满足审批) asks its conditions; 待 typed for 贷 in 可以待多少 asks the amount.
TEST(DefaultSynonyms, ReadApprovalWaitsAsTheReviewAndItsConditions) {
  const LoadOutcome out = load(FAQBOT_DEFAULT_CONFIG);
  ASSERT_TRUE(out.ok());
  const auto& s = out.kb->synonyms;
  const std::pair<const char*, const char*> rewrites[] = {
      {"多久能通过", "多久能审核完"}, {"什么时候能通过", "什么时候能审核完"},
      {"符合审批", "符合审核条件"}, {"满足审批", "满足审核条件"}, {"可以待多少", "可以贷多少"}};
  for (const auto& [from, to] : rewrites) {
    ASSERT_TRUE(s.count(from)) << from;
    EXPECT_EQ(s.at(from), to) << from;
  }
}

// A shape typo of 余额 (佘额) reads as the balance, so a balance gone short is
// handed over as money missing; Cantonese 攞咗钱 (took the money out, 咗
// between verb and object) reads as a withdrawal done (提了钱), as 攞钱 does.
TEST(DefaultSynonyms, ReadBalanceShapeTypoAndCantoneseWithdrawalDone) {
  const LoadOutcome out = load(FAQBOT_DEFAULT_CONFIG);
  ASSERT_TRUE(out.ok());
  const auto& s = out.kb->synonyms;
  const std::pair<const char*, const char*> rewrites[] = {
      {"佘额", "余额"}, {"攞咗钱", "提了钱"}, {"攞钱", "提现"}};
  for (const auto& [from, to] : rewrites) {
    ASSERT_TRUE(s.count(from)) << from;
    EXPECT_EQ(s.at(from), to) << from;
  }
}

// 批复 (the lender's reply to an application) reads as the review (审核), so
// 多久批复 asks how long the review takes, as 多久审批 does.
TEST(DefaultSynonyms, ReadTheApprovalReplyAsTheReview) {
  const LoadOutcome out = load(FAQBOT_DEFAULT_CONFIG);
  ASSERT_TRUE(out.ok());
  const auto& s = out.kb->synonyms;
  ASSERT_TRUE(s.count("批复"));
  EXPECT_EQ(s.at("批复"), "审核");
  EXPECT_EQ(s.at("审批"), "审核");
}

// A loan that 贷下来 (comes through) is paid out (放款, as 下款); a wait for
// approval asked with 可以 or 何时 (什么时候可以通过, 何时能通过) asks how
// long the review takes, as 什么时候能通过 does.
TEST(DefaultSynonyms, ReadTheLoanComingThroughAndApprovalWaitsWithKeyi) {
  const LoadOutcome out = load(FAQBOT_DEFAULT_CONFIG);
  ASSERT_TRUE(out.ok());
  const auto& s = out.kb->synonyms;
  const std::pair<const char*, const char*> rewrites[] = {
      {"贷下来", "放款"}, {"下款", "放款"}, {"什么时候可以通过", "什么时候能审核完"},
      {"何时能通过", "什么时候能审核完"}, {"什么时候能通过", "什么时候能审核完"}};
  for (const auto& [from, to] : rewrites) {
    ASSERT_TRUE(s.count(from)) << from;
    EXPECT_EQ(s.at(from), to) << from;
  }
}

}  // namespace
}  // namespace faqbot::knowledge
