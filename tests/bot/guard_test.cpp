#include "bot/guard.h"

#include <gtest/gtest.h>

#include "kb_fixture.h"

namespace faqbot::bot {
namespace {

class GuardTest : public ::testing::Test {
 protected:
  GuardTest() : guard_(testing::make_kb()->hedge, "抱歉，稍后请同事回复您。") {}
  Guard guard_;
};

// Words inside a sentence are not rewritten (that made "提现一定预计很快到账"
// of "提现一定立即到账"): absolute wording is refused by lint at load.
TEST_F(GuardTest, LeavesTheWordingAsWritten) {
  EXPECT_EQ(guard_.apply("提现一定立即到账。"), "提现一定立即到账。");
  EXPECT_EQ(guard_.apply("工作日当天到账"), "工作日当天到账");
}

TEST_F(GuardTest, KeepsNegatedPhrases) {
  EXPECT_EQ(guard_.apply("平台无法保证收益。"), "平台无法保证收益。");
  EXPECT_EQ(guard_.apply("出借有风险，平台不承诺保本。"), "出借有风险，平台不承诺保本。");
  EXPECT_EQ(guard_.apply("这不保本。"), "这不保本。");
}

TEST_F(GuardTest, NegationDoesNotReachAcrossAClause) {
  // "不" belongs to the first clause; the second promises.
  EXPECT_EQ(guard_.apply("不用担心，稳赚。"), "抱歉，稍后请同事回复您。");
}

TEST_F(GuardTest, InformalYouBecomesPolite) {
  EXPECT_EQ(guard_.apply("你好，你的提现已受理。"), "您好，您的提现已受理。");
  EXPECT_EQ(guard_.apply("您好"), "您好");
  EXPECT_EQ(guard_.apply("你们平台"), "咱们平台");
}

TEST_F(GuardTest, RefusesBannedPromises) {
  EXPECT_EQ(guard_.apply("本产品保本保息，放心投。"), "抱歉，稍后请同事回复您。");
  EXPECT_TRUE(guard_.has_banned("稳赚不赔"));
  EXPECT_FALSE(guard_.has_banned("无法保本"));
}

TEST_F(GuardTest, RefusalTextThatPromisesIsReplacedByBuiltIn) {
  Guard g(testing::make_kb()->hedge, "保本理财");
  EXPECT_FALSE(g.has_banned(g.refusal()));
  EXPECT_NE(g.refusal().find("欢迎您随时再来咨询"), std::string::npos);
}

TEST(PromisesIn, NamesBannedPhrasesAndAbsoluteArrivalPromises) {
  const auto kb = testing::make_kb();
  EXPECT_EQ(promises_in("本产品保本，一定今天到账。", kb->hedge),
            (std::vector<std::string>{"保本", "一定今天到账"}));
  EXPECT_EQ(promises_in("马上到账，稳赚", kb->hedge), (std::vector<std::string>{"马上到账", "稳赚"}));
  // Each phrase once, the longest arrival promise only.
  EXPECT_EQ(promises_in("保本！保本！", kb->hedge), (std::vector<std::string>{"保本"}));
  EXPECT_EQ(promises_in("一定马上到账", kb->hedge), (std::vector<std::string>{"一定马上到账"}));
}

TEST(PromisesIn, AllowsNegatedPhrasesAndAbsoluteWordsWithoutArrival) {
  const auto kb = testing::make_kb();
  EXPECT_TRUE(promises_in("这个产品不保本，请您知悉。", kb->hedge).empty());
  EXPECT_TRUE(promises_in("平台无法保证今天到账", kb->hedge).empty());
  EXPECT_TRUE(promises_in("我一定帮您跟进，提现预计今天到账", kb->hedge).empty());  // another clause
  EXPECT_TRUE(promises_in("我马上帮您查询", kb->hedge).empty());
  EXPECT_TRUE(promises_in("", kb->hedge).empty());
  // Not rewritten: the agent's words are refused or sent as written.
  EXPECT_EQ(promises_in("不用担心，稳赚", kb->hedge), (std::vector<std::string>{"稳赚"}));
}

TEST(NegatedAt, ReachesThreeCharactersWithinTheClause) {
  const std::vector<std::string> neg = {"不", "无法"};
  const std::string t = "无法完全保证";
  EXPECT_TRUE(negated_at(t, t.find("保证"), neg));
  const std::string far = "不是说一定要保证";
  EXPECT_FALSE(negated_at(far, far.find("保证"), neg));
  const std::string cut = "不，保证";
  EXPECT_FALSE(negated_at(cut, cut.find("保证"), neg));
}

}  // namespace
}  // namespace faqbot::bot
