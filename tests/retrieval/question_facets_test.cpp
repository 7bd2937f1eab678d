// QuestionFacets: agreement of two questions on question type, action and
// subject, the operator's cues added to the built-in ones, pinyin matching
// of typed-wrong cues, and polarity clashes.
#include "retrieval/question_facets.h"

#include <gtest/gtest.h>

#include "retrieval/normalizer.h"

namespace faqbot::retrieval {
namespace {

std::string_view reading(char32_t cp) {
  switch (cp) {
    case U'贷': return "dai";
    case U'带': return "dai";
    case U'款': return "kuan";
    case U'宽': return "kuan";
    default: return "";
  }
}

class QuestionFacetsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto n = Normalizer::create({{"取钱", "提现"}});
    ASSERT_TRUE(n.ok()) << n.status().message();
    normalizer_ = std::move(n).value();
  }
  QuestionFacets facets(Readings readings = {}) const {
    return QuestionFacets({{"fee", {"手续费", "收费"}}, {"how_long", {"多久", "几天"}}},
                          {{"withdraw", {"提现"}}, {"recharge", {"充值"}}, {"loan", {"贷款"}}}, *normalizer_,
                          std::move(readings));
  }
  std::unique_ptr<Normalizer> normalizer_;
};

TEST_F(QuestionFacetsTest, SameSubjectDifferentAskDisagrees) {
  const QuestionFacets f = facets();
  EXPECT_DOUBLE_EQ(f.compare("额度怎么提升", "额度怎么查询").action, -1.0);  // raise vs check
  EXPECT_DOUBLE_EQ(f.compare("额度怎么提升", "额度怎么查询").subject, 1.0);
  EXPECT_DOUBLE_EQ(f.compare("还款日能改吗", "还款日是哪天").type, -1.0);  // can vs when
  EXPECT_DOUBLE_EQ(f.compare("提现多久到账", "提现手续费多少").type, -1.0);  // operator's types
}

TEST_F(QuestionFacetsTest, SameAskAgreesAndSilenceIsNeutral) {
  const QuestionFacets f = facets();
  EXPECT_DOUBLE_EQ(f.compare("提现要几天", "提现多久到").type, 1.0);
  EXPECT_DOUBLE_EQ(f.compare("提现多久到账", "提现").type, 0.0);  // one side names no type
  EXPECT_DOUBLE_EQ(f.compare("提现多久", "充值多久").subject, -1.0);
  EXPECT_DOUBLE_EQ(f.compare("提现多久", "提现和充值多久").subject, 0.5);  // one names more
  EXPECT_DOUBLE_EQ(QuestionFacets().compare("提现多久", "充值多久").subject, 0.0);  // no classes
}

TEST_F(QuestionFacetsTest, CuesAreNormalisedLikeTheText) {
  // The cue 取钱 reads 提现 after the synonym map, as the compared texts do.
  const QuestionFacets f(QuestionFacets::Cues{}, {{"withdraw", {"取钱"}}}, *normalizer_, {});
  EXPECT_DOUBLE_EQ(f.compare(normalizer_->normalize("取钱多久"), "提现要几天").subject, 1.0);
}

TEST_F(QuestionFacetsTest, PinyinMatchesHomophoneTyposOfLongerCues) {
  const QuestionFacets without = facets(), with = facets(reading);
  EXPECT_DOUBLE_EQ(without.compare("带款利率", "贷款利率").subject, 0.5);  // only 利率 seen in the first
  EXPECT_DOUBLE_EQ(with.compare("带款利率", "贷款利率").subject, 1.0);
}

TEST(PolarityClash, NegatedOnOneSideOnly) {
  EXPECT_TRUE(polarity_clash("还款成功了为什么还显示欠款", "还款没成功怎么办"));
  EXPECT_TRUE(polarity_clash("没有信用卡能贷款吗", "有信用卡能多借点吗"));
  EXPECT_FALSE(polarity_clash("没收到验证码", "验证码一直没收到"));  // both negated
  EXPECT_FALSE(polarity_clash("能不能提前还款", "提前还款能行吗"));  // A不A is a question
  EXPECT_FALSE(polarity_clash("提现成功了", "提现多久"));
}

}  // namespace
}  // namespace faqbot::retrieval
