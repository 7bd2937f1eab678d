#include "retrieval/retriever.h"

#include <gtest/gtest.h>

#include <cmath>

#include "fixture.h"
#include "retrieval/engine_trainer.h"

namespace faqbot::retrieval {
namespace {

std::shared_ptr<const Retriever> build_tiny() {
  auto r = Retriever::build(testing::tiny_corpus(), Settings{});
  EXPECT_TRUE(r.ok()) << r.status().message();
  return r.value();
}

std::string top(const SearchResult& r) { return r.candidates.empty() ? "" : r.candidates[0].id; }

TEST(RetrieverTest, FindsParaphrases) {
  auto r = build_tiny();
  EXPECT_EQ(top(r->search("提现几天能到账", 3)), "withdraw.arrival_time");
  EXPECT_EQ(top(r->search("提现要付手续费不", 3)), "withdraw.fee");
  EXPECT_EQ(top(r->search("忘了密码咋办", 3)), "account.password_reset");
  EXPECT_EQ(top(r->search("客服周六上班吗", 3)), "service.hours");
}

TEST(RetrieverTest, TyposAndTraditionalMatchLikeCleanText) {
  auto r = build_tiny();
  const SearchResult clean = r->search("提现多久到账", 3);
  for (const char* variant : {"体现多久到帐", "提現多久到賬", "體現多久到帳？？", "ＴＩ提现多久到账"}) {
    const SearchResult v = r->search(variant, 3);
    EXPECT_EQ(top(v), "withdraw.arrival_time") << variant;
  }
  const SearchResult typo = r->search("体现多久到帐", 3);
  EXPECT_EQ(typo.normalized, clean.normalized);
  EXPECT_DOUBLE_EQ(typo.candidates[0].confidence, clean.candidates[0].confidence);
  EXPECT_EQ(top(r->search("冲值怎么操作", 3)), "recharge.how");
}

TEST(RetrieverTest, ConfidenceIsAProbabilityAndRanked) {
  auto r = build_tiny();
  const SearchResult res = r->search("充值限额是多少", 5);
  ASSERT_FALSE(res.candidates.empty());
  EXPECT_LE(res.candidates.size(), 5u);
  EXPECT_EQ(res.candidates[0].id, "recharge.limit");
  EXPECT_GT(res.candidates[0].confidence, 0.5);
  for (size_t i = 0; i < res.candidates.size(); ++i) {
    EXPECT_GE(res.candidates[i].confidence, 0.0);
    EXPECT_LE(res.candidates[i].confidence, 1.0);
    if (i) EXPECT_GE(res.candidates[i - 1].confidence, res.candidates[i].confidence);
  }
  EXPECT_LT(res.out_of_scope, 0.5);
  EXPECT_EQ(r->search("充值限额是多少", 1).candidates.size(), 1u);
}

TEST(RetrieverTest, OutOfScopeQuestionsScoreHighOutOfScope) {
  auto r = build_tiny();
  const double in_scope = r->search("提现多久到账", 3).out_of_scope;
  EXPECT_LT(in_scope, 0.2);
  for (const char* q : {"后天天气怎么样", "推荐几只股票", "给我讲个故事"}) {
    const SearchResult res = r->search(q, 3);
    EXPECT_GT(res.out_of_scope, 0.3) << q;
    EXPECT_GT(res.out_of_scope, in_scope + 0.2) << q;
    if (!res.candidates.empty()) EXPECT_LT(res.candidates[0].confidence, 0.5) << q;
  }
}

TEST(RetrieverTest, EmptyGarbageAndHugeInputsAreHarmless) {
  auto r = build_tiny();
  const SearchResult empty = r->search("", 3);
  EXPECT_TRUE(empty.candidates.empty());
  EXPECT_DOUBLE_EQ(empty.out_of_scope, 1.0);
  EXPECT_TRUE(r->search("？？？！！😀😀", 3).candidates.empty());
  const SearchResult junk = r->search("qwxz zzkq 8721", 3);
  for (const auto& c : junk.candidates) EXPECT_LT(c.confidence, 0.5);
  const SearchResult binary = r->search(std::string("\x00\xff\xfe\x01", 4), 3);
  EXPECT_TRUE(binary.candidates.empty());
  std::string huge;
  for (int i = 0; i < 10000; ++i) huge += "提";
  const SearchResult big = r->search(huge, 3);
  EXPECT_LE(big.candidates.size(), 3u);
  EXPECT_GE(r->similarity(huge, "提现"), 0.0);
}

TEST(RetrieverTest, IdsAreOurs) {
  auto r = build_tiny();
  const auto corpus = testing::tiny_corpus();
  std::set<std::string> ids;
  for (const auto& d : corpus.docs) ids.insert(d.id);
  for (const char* q : {"提现多久到账", "怎么注册", "平台安全吗", "天气"}) {
    for (const auto& c : r->search(q, 8).candidates) EXPECT_TRUE(ids.count(c.id)) << c.id;
  }
}

TEST(RetrieverTest, BuildIsDeterministic) {
  auto a = build_tiny();
  auto b = build_tiny();
  for (const char* q : {"提现多久到账", "体现要钱吗", "客服电话", "天气", "注册要身份证吗"}) {
    const SearchResult x = a->search(q, 5), y = b->search(q, 5);
    ASSERT_EQ(x.candidates.size(), y.candidates.size()) << q;
    for (size_t i = 0; i < x.candidates.size(); ++i) {
      EXPECT_EQ(x.candidates[i].id, y.candidates[i].id);
      EXPECT_EQ(x.candidates[i].confidence, y.candidates[i].confidence);
    }
    EXPECT_EQ(x.out_of_scope, y.out_of_scope);
  }
}

// An entry's answer sentences and tags (Document::evidence) train the
// models only when it has few variants: they teach words no variant has.
TEST(RetrieverTest, EvidenceTeachesEntriesWithFewVariantsOnly) {
  const char* question = "存管银行是哪家";
  auto with_evidence = [](Corpus c, size_t pad) {
    for (auto& d : c.docs) {
      const std::vector<std::string> texts = d.texts;
      for (size_t i = 0; d.texts.size() < pad; ++i) d.texts.push_back(texts[i % texts.size()] + "呀");
    }
    for (auto& d : c.docs) {
      if (d.id == "risk.platform_safety") d.evidence = {"资金由存管银行全程监管", "存管"};
    }
    return c;
  };
  auto top_of = [&](const Corpus& c) {
    auto r = Retriever::build(c, Settings{});
    EXPECT_TRUE(r.ok()) << r.status().message();
    return r.value()->search(question, 3);
  };
  // Few variants (the fixture's six or seven): the evidence names the entry,
  // which no variant does.
  const SearchResult none = top_of(testing::tiny_corpus());
  EXPECT_TRUE(none.candidates.empty() || none.candidates[0].id != "risk.platform_safety");
  const SearchResult few = top_of(with_evidence(testing::tiny_corpus(), 0));
  ASSERT_FALSE(few.candidates.empty());
  EXPECT_EQ(few.candidates[0].id, "risk.platform_safety");
  // Many variants: the engine is the one built without evidence.
  Corpus plain = testing::tiny_corpus();
  Corpus many = with_evidence(plain, kEvidenceUpToVariants + 1);
  for (auto& d : plain.docs) d.texts = many.docs[&d - plain.docs.data()].texts;
  const SearchResult a = top_of(many), b = top_of(plain);
  ASSERT_EQ(a.candidates.size(), b.candidates.size());
  for (size_t i = 0; i < a.candidates.size(); ++i) {
    EXPECT_EQ(a.candidates[i].id, b.candidates[i].id);
    EXPECT_EQ(a.candidates[i].confidence, b.candidates[i].confidence);
  }
  EXPECT_EQ(a.out_of_scope, b.out_of_scope);
}

TEST(RetrieverTest, SimilarityIsBoundedAndMeaningful) {
  auto r = build_tiny();
  EXPECT_DOUBLE_EQ(r->similarity("提现多久到账", "提現多久到賬"), 1.0);
  const double same = r->similarity("提现多久到账", "提现要几天才到");
  const double different = r->similarity("提现多久到账", "怎么注册账号");
  EXPECT_GT(same, different);
  EXPECT_GE(different, 0.0);
  EXPECT_LE(same, 1.0);
  EXPECT_DOUBLE_EQ(r->similarity("", "提现"), 0.0);
}

TEST(RetrieverTest, NormalizeMatchesSearch) {
  auto r = build_tiny();
  EXPECT_EQ(r->normalize("體現多久到帳？"), "提现多久到账");
  EXPECT_EQ(r->search("體現多久到帳？", 1).normalized, "提现多久到账");
}

TEST(RetrieverTest, RejectsBadSettings) {
  Settings s;
  s.dim = 0;
  EXPECT_FALSE(Retriever::build(testing::tiny_corpus(), s).ok());
  s = Settings{};
  s.index_factory = "NotAnIndex";
  EXPECT_FALSE(Retriever::build(testing::tiny_corpus(), s).ok());
}

// The base model's first choice is reported on the whole message, by id,
// with its margin; "none" winning, or no question at all, reports nothing.
TEST(RetrieverTest, ReportsTheBaseModelsFirstChoice) {
  auto r = build_tiny();
  const SearchResult clear = r->search("提现手续费多少", 3);
  ASSERT_FALSE(clear.candidates.empty());
  EXPECT_EQ(clear.base_choice, "withdraw.fee");
  EXPECT_EQ(clear.base_choice, top(clear));
  EXPECT_GT(clear.base_margin, 0.0);
  for (const char* q : {"", "？？？"}) {
    const SearchResult nothing = r->search(q, 3);
    EXPECT_EQ(nothing.base_choice, "") << q;
    EXPECT_LT(nothing.base_margin, -1e300) << q;
  }
  for (const SearchResult& res : {r->search("后天天气怎么样", 3), r->search("给我讲个故事", 3)}) {
    if (res.base_choice.empty()) {
      EXPECT_LT(res.base_margin, -1e300);
    } else {
      EXPECT_TRUE(std::isfinite(res.base_margin));
    }
  }
}

TEST(RetrieverTest, NoBaseChoiceWithoutTheLinearModel) {
  Settings s;
  s.ablate = "linear";
  auto r = Retriever::build(testing::tiny_corpus(), s);
  ASSERT_TRUE(r.ok()) << r.status().message();
  const SearchResult res = r.value()->search("提现手续费多少", 3);
  EXPECT_EQ(res.base_choice, "");
  EXPECT_LT(res.base_margin, -1e300);
}

TEST(RetrieverTest, NamesTheKindOfProductAskedAbout) {
  Corpus corpus = testing::tiny_corpus();
  corpus.other_kinds.push_back({"信用卡", {"信用卡"}});
  auto r = Retriever::build(corpus, Settings{});
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r.value()->search("信用卡怎么提额", 3).other_kind, "信用卡");
  EXPECT_EQ(r.value()->search("提现手续费多少", 3).other_kind, "");
}

TEST(RetrieverTest, NamesAnotherCompanysOwnServiceAsItsProduct) {
  Corpus corpus = testing::tiny_corpus();
  corpus.other_services.push_back({"银行", {"银行", "建行", "招行", "手机银行"}, {"登录", "挂失"}, {}});
  corpus.product_our_actions = {"充值", "提现", "绑"};
  corpus.product_about_us = {"你们"};
  auto r = Retriever::build(corpus, Settings{});
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r.value()->search("建行手机银行登录不了", 3).other_product, "银行");
  EXPECT_EQ(r.value()->search("银行卡丢了怎么挂失", 3).other_product, "银行");
  EXPECT_EQ(r.value()->search("招行卡绑不上", 3).other_product, "");
  EXPECT_EQ(r.value()->search("银行卡挂失了还能提现吗", 3).other_product, "");
  EXPECT_EQ(r.value()->search("你们手机银行登录不了吗", 3).other_product, "");
}

TEST(RetrieverTest, ALookupOnlyAnAgentCanDoIsOutOfScope) {
  Corpus corpus = testing::tiny_corpus();
  corpus.lookups.push_back({{"提现"}, {"我那笔", "编号"}, {"谁审批"}});
  auto r = Retriever::build(corpus, Settings{});
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r.value()->search("我那笔提现谁审批的", 3).out_of_scope, 1.0);
  EXPECT_LT(r.value()->search("提现手续费多少", 3).out_of_scope, 0.5);
}

TEST(RetrieverTest, AnIssuedOrNamedWealthProductIsAnotherCompanys) {
  Corpus corpus = testing::tiny_corpus();
  corpus.issued_products.issuers = {{"众安保险", {"众安"}, {"公众安全"}}};
  corpus.issued_products.product_words = {"理财"};
  corpus.issued_products.wealth_products = {{"天天利", {}, {"天天利息"}}};
  corpus.product_about_us = {"你们"};
  auto r = Retriever::build(corpus, Settings{});
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r.value()->search("众安理财怎么提现", 3).other_product, "众安保险的理财");
  EXPECT_EQ(r.value()->search("天天利提现多久到账", 3).other_product, "天天利");
  EXPECT_EQ(r.value()->search("天天利息提现多久到账", 3).other_product, "");
  EXPECT_EQ(r.value()->search("公众安全理财提现多久到账", 3).other_product, "");
  EXPECT_EQ(r.value()->search("你们和众安理财哪个提现快", 3).other_product, "");
}

TEST(RetrieverTest, ALookupsNoneOfWordsKeepTheQuestion) {
  Corpus corpus = testing::tiny_corpus();
  corpus.lookups.push_back({{"提现"}, {"我那笔"}});
  corpus.lookup_exclusions.push_back({"手续费"});
  auto r = Retriever::build(corpus, Settings{});
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r.value()->search("我那笔提现到哪了", 3).out_of_scope, 1.0);
  EXPECT_LT(r.value()->search("我那笔提现手续费多少", 3).out_of_scope, 1.0);
}

TEST(RetrieverTest, EmptyCorpusBuildsAndAnswersNothing) {
  auto r = Retriever::build(Corpus{}, Settings{});
  ASSERT_TRUE(r.ok()) << r.status().message();
  const SearchResult res = r.value()->search("提现多久到账", 3);
  EXPECT_TRUE(res.candidates.empty());
}

}  // namespace
}  // namespace faqbot::retrieval
