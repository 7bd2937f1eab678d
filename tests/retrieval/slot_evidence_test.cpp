#include "retrieval/slot_evidence.h"

#include <gtest/gtest.h>

#include <array>

#include "fixture.h"
#include "retrieval/normalizer.h"
#include "retrieval/retriever.h"

namespace faqbot::retrieval {
namespace {

using Features = std::array<float, kSlotFeatureCount>;

const QuestionFacets::Cues& type_cues() {
  static const QuestionFacets::Cues cues = {{"how", {"怎么申请", "流程"}},
                                            {"requirements", {"条件", "资格", "门槛"}},
                                            {"fee", {"手续费", "收费"}},
                                            {"how_long", {"多久", "几天"}}};
  return cues;
}

const QuestionFacets::Cues& topic_cues() {
  static const QuestionFacets::Cues cues = {{"loan", {"借款", "贷款"}}, {"withdraw", {"提现"}}};
  return cues;
}

// Entries 0 loan.apply (how), 1 loan.requirements (requirements),
// 2 withdraw.fee (fee), 3 greeting (no type), profiled from their variants.
SlotEvidence loan_evidence() {
  auto normalizer = Normalizer::create({});
  EXPECT_TRUE(normalizer.ok());
  auto facets = std::make_shared<const QuestionFacets>(type_cues(), topic_cues(), *normalizer.value(), Readings{});
  const SlotEvidence base(facets, {"loan", "loan", "withdraw", ""}, {"how", "requirements", "fee", ""});
  return base.fitted({0, 1, 2, 3}, {{"借款怎么申请", "借款流程", "贷款怎么申请"},
                                    {"借款条件", "借款要什么资格", "借款门槛高吗"},
                                    {"提现手续费", "提现收费吗"},
                                    {"你好", "您好"}});
}

Features features(const SlotEvidence& s, const std::string& question, int entry) {
  Features out{};
  out.fill(-1);
  s.features(s.read(question), entry, out.data());
  return out;
}

TEST(SlotEvidence, TheNamedTypeSetsASiblingApart) {
  const SlotEvidence s = loan_evidence();
  // Names requirements, loan, and the built-in subjects borrowing and car loan.
  const std::string q = "我想借款买车要什么资格";
  // loan.requirements: its variants name all but the car loan; its type is
  // named.
  EXPECT_EQ(features(s, q, 1), (Features{0.25f, 1, 0}));
  // loan.apply: no variant names requirements or a car loan; another type is
  // named.
  EXPECT_EQ(features(s, q, 0), (Features{0.5f, 0, 1}));
  // withdraw.fee: no variant names any of the four.
  EXPECT_EQ(features(s, q, 2), (Features{1, 0, 1}));
  // No type: no type evidence either way.
  EXPECT_EQ(features(s, q, 3)[1], 0);
  EXPECT_EQ(features(s, q, 3)[2], 0);
}

TEST(SlotEvidence, AQuestionNamingNothingOrAnUnknownEntryIsNoEvidenceAgainst) {
  const SlotEvidence s = loan_evidence();
  EXPECT_EQ(features(s, "在吗", 1)[0], 0);
  EXPECT_EQ(features(s, "在吗", 1)[2], 0);
  EXPECT_EQ(features(s, "借款条件", 99), (Features{0, 0, 0}));
  EXPECT_EQ(features(s, "借款条件", -1), (Features{0, 0, 0}));
  EXPECT_EQ(features(SlotEvidence(), "借款条件", 0), (Features{0, 0, 0}));  // no matcher
}

TEST(SlotEvidence, AFittedSubsetRenumbersEntriesAndProfilesFromItsOwnVariants) {
  const SlotEvidence s = loan_evidence();
  // Entry 0 is withdraw.fee, profiled from one variant that names no fee.
  const SlotEvidence sub = s.fitted({2, 1}, {{"提现"}, {"借款条件"}});
  ASSERT_EQ(sub.num_entries(), 2u);
  EXPECT_EQ(features(sub, "提现手续费", 0), (Features{0.5f, 1, 0}));
  EXPECT_EQ(features(sub, "提现手续费", 1), (Features{1, 0, 1}));
}

TEST(SlotEvidence, RoundTripsThroughTheCacheFormat) {
  const SlotEvidence s = loan_evidence();
  BinaryWriter w;
  s.serialize(w);
  SlotEvidence back;
  BinaryReader r(w.data());
  ASSERT_TRUE(back.deserialize(r));
  EXPECT_TRUE(r.at_end());
  back.set_facets(std::make_shared<const QuestionFacets>(type_cues(), topic_cues(),
                                                        *Normalizer::create({}).value(), Readings{}));
  for (int e = 0; e < 4; ++e) EXPECT_EQ(features(back, "借款要什么条件", e), features(s, "借款要什么条件", e));
  BinaryReader truncated(w.data().substr(0, w.data().size() / 2));
  EXPECT_FALSE(SlotEvidence().deserialize(truncated));
}

Corpus sibling_corpus() {
  Corpus c = testing::tiny_corpus();
  c.docs.push_back({"loan.apply",
                    {"如何申请借款", "借款怎么申请", "我想借钱", "我想贷款五万", "借款流程是什么",
                     "网上申请借款", "借款在哪里申请"},
                    "loan",
                    "how"});
  c.docs.push_back({"loan.requirements",
                    {"申请借款需要满足什么条件", "借款要哪些资料", "借款条件", "多大年纪可以借款",
                     "没有工作能借款吗", "借款门槛高吗", "借款资格"},
                    "loan",
                    "requirements"});
  c.type_cues = type_cues();
  c.topic_cues = topic_cues();
  return c;
}

double total_confidence(const SearchResult& r) {
  double sum = 0;
  for (const Candidate& c : r.candidates) sum += c.confidence;
  return sum;
}

TEST(SlotEvidence, TheRetrieverMovesConfidenceBetweenCandidatesAndAddsNone) {
  const Corpus c = sibling_corpus();
  Settings off;
  off.ablate = "slots";
  auto with = Retriever::build(c, Settings{});
  auto without = Retriever::build(c, off);
  ASSERT_TRUE(with.ok()) << with.status().message();
  ASSERT_TRUE(without.ok()) << without.status().message();
  // Single clauses, every candidate listed: the same total as from the words
  // alone, and the same out-of-scope probability.
  for (const char* q : {"借款要什么资格", "提现手续费多少", "信用卡年费怎么收", "房贷审批要几天",
                        "去银行办贷款需要什么材料", "借款怎么申请", "今天天气怎么样"}) {
    const SearchResult a = with.value()->search(q, 100);
    const SearchResult b = without.value()->search(q, 100);
    ASSERT_FALSE(a.candidates.empty()) << q;
    EXPECT_LE(total_confidence(a), total_confidence(b) + 1e-9) << q;
    // Less only where a confidence stopped at 1.
    if (a.candidates[0].confidence < 1.0) EXPECT_NEAR(total_confidence(a), total_confidence(b), 1e-9) << q;
    EXPECT_DOUBLE_EQ(a.out_of_scope, b.out_of_scope) << q;
  }
}

TEST(SlotEvidence, TheRetrieverRanksFirstTheSiblingWhoseTypeIsNamed) {
  auto r = Retriever::build(sibling_corpus(), Settings{});
  ASSERT_TRUE(r.ok()) << r.status().message();
  const SearchResult s = r.value()->search("我想借款买车，大概要什么资格", 3);
  ASSERT_FALSE(s.candidates.empty());
  EXPECT_EQ(s.candidates[0].id, "loan.requirements");
}

}  // namespace
}  // namespace faqbot::retrieval
