// PairSimilarity: TF-IDF over character grams with the knowledge base's IDF,
// pinyin evidence (typed pinyin read as the other text's span), the model
// weighted by how familiar both texts are, and what the questions ask.
#include "retrieval/pair_similarity.h"

#include <gtest/gtest.h>

#include "retrieval/normalizer.h"

namespace faqbot::retrieval {
namespace {

const std::vector<std::string> kTexts = {"提现多久到账", "提现手续费多少", "充值手续费多少",
                                         "充值多久到账", "借款多久放款"};

// A few toneless readings, enough for the homophone test.
std::string_view reading(char32_t cp) {
  switch (cp) {
    case U'贷': return "dai";
    case U'带': return "dai";
    case U'款': return "kuan";
    case U'多': return "duo";
    case U'久': return "jiu";
    case U'借': return "jie";
    default: return "";
  }
}

TEST(PairSimilarity, IdenticalDisjointAndEmpty) {
  PairSimilarity s(kTexts, {});
  EXPECT_DOUBLE_EQ(s.score("提现多久到账", "提现多久到账", 0.2), 1.0);
  EXPECT_DOUBLE_EQ(s.score("提现", "天气", -1), 0.0);
  EXPECT_DOUBLE_EQ(s.score("", "提现", 0.9), 0.0);
  EXPECT_DOUBLE_EQ(s.lexical("提现", "天气"), 0.0);
}

TEST(PairSimilarity, RareSharedGramsWeighMoreThanCommonOnes) {
  PairSimilarity s(kTexts, {});
  // Both pairs share two characters; 借款 is rarer in the knowledge base than 多久.
  const double rare = s.lexical("借款吗", "借款呢");
  const double common = s.lexical("多久吗", "多久呢");
  EXPECT_GT(rare, common);
  EXPECT_GT(common, 0.0);
}

TEST(PairSimilarity, PinyinMatchesAHomophoneTypo) {
  PairSimilarity without(kTexts, {});
  PairSimilarity with(kTexts, reading);
  EXPECT_DOUBLE_EQ(without.pinyin("带款多久", "贷款多久"), 0.0);
  EXPECT_GT(with.pinyin("带款多久", "贷款多久"), 0.99);  // same syllables
  EXPECT_GT(with.score("带款多久", "贷款多久", -1), without.score("带款多久", "贷款多久", -1));
}

TEST(PairSimilarity, FamiliarityIsTheShareOfKnownGrams) {
  PairSimilarity s(kTexts, {});
  EXPECT_DOUBLE_EQ(s.familiarity("提现多久到账"), 1.0);
  EXPECT_DOUBLE_EQ(s.familiarity("信用卡年龄"), 0.0);
  const double half = s.familiarity("提现年费");
  EXPECT_GT(half, 0.0);
  EXPECT_LT(half, 1.0);
}

TEST(PairSimilarity, ModelSpeaksOnlyForWhatItKnows) {
  PairSimilarity s(kTexts, {});
  // Unfamiliar texts: the model's opinion does not move the score.
  EXPECT_DOUBLE_EQ(s.score("信用卡年龄", "信用卡积分", 0.0), s.score("信用卡年龄", "信用卡积分", 1.0));
  // Familiar texts: up to kModelWeight of the score is the model's.
  const double low = s.score("提现多久到账", "充值多久到账", 0.0);
  const double high = s.score("提现多久到账", "充值多久到账", 1.0);
  EXPECT_NEAR(high - low, kModelWeight, 1e-9);
  // No model opinion: lexical and pinyin evidence only.
  EXPECT_DOUBLE_EQ(s.score("提现多久到账", "充值多久到账", -1), s.lexical("提现多久到账", "充值多久到账"));
}

TEST(PairSimilarity, TypedPinyinReadsAsTheSpanOfTheOtherTextItSpells) {
  PairSimilarity with(kTexts, reading), without(kTexts, {});
  EXPECT_EQ(with.latin_read_as("daikuan多久", "贷款多久"), "贷款多久");  // syllables
  EXPECT_EQ(with.latin_read_as("jk多久", "借款多久"), "借款多久");       // initials
  EXPECT_EQ(with.latin_read_as("dk多久", "借款多久"), "dk多久");         // spells nothing there
  EXPECT_EQ(without.latin_read_as("jk多久", "借款多久"), "jk多久");
  EXPECT_GT(with.score("jk多久", "借款多久", -1), without.score("jk多久", "借款多久", -1));
}

TEST(PairSimilarity, DifferentAsksAndPolarityClashesLowerTheScore) {
  auto normalizer = Normalizer::create({});
  ASSERT_TRUE(normalizer.ok()) << normalizer.status().message();
  PairSimilarity plain(kTexts, {});
  PairSimilarity asks(kTexts, {},
                      QuestionFacets({{"fee", {"手续费"}}, {"how_long", {"多久"}}}, {}, *normalizer.value(), {}));
  // Same subject, another question type.
  EXPECT_LT(asks.score("提现多久到账", "提现手续费", -1), plain.score("提现多久到账", "提现手续费", -1));
  // Same question type: agreement raises the score.
  EXPECT_GT(asks.score("提现多久到账", "提现要多久", -1), plain.score("提现多久到账", "提现要多久", -1));
  // 成功 on one side, 没成功 on the other: below the lexical evidence alone.
  EXPECT_LT(plain.score("提现成功了", "提现没成功", -1), plain.lexical("提现成功了", "提现没成功"));
  const double s = asks.score("提现多久到账", "提现手续费", 0.7);
  EXPECT_GE(s, 0.0);
  EXPECT_LE(s, 1.0);
}

TEST(PairSimilarity, TheSameNeedViewLeavesTheQuestionTypeOut) {
  auto normalizer = Normalizer::create({});
  ASSERT_TRUE(normalizer.ok()) << normalizer.status().message();
  PairSimilarity asks(kTexts, {},
                      QuestionFacets({{"fee", {"手续费"}}, {"how_long", {"多久"}}}, {}, *normalizer.value(), {}));
  using View = PairSimilarity::View;
  // Another question type about one subject: apart as questions, one need.
  const double as_question = asks.score("提现多久到账", "提现手续费", -1, View::kSameQuestion);
  const double as_need = asks.score("提现多久到账", "提现手续费", -1, View::kSameNeed);
  EXPECT_LT(as_question, as_need);
  PairSimilarity plain(kTexts, {});
  EXPECT_DOUBLE_EQ(as_need, plain.score("提现多久到账", "提现手续费", -1));
  // A polarity clash still counts: 成功 and 没成功 are different needs.
  EXPECT_LT(plain.score("提现成功了", "提现没成功", -1, View::kSameNeed), plain.lexical("提现成功了", "提现没成功"));
}

}  // namespace
}  // namespace faqbot::retrieval
