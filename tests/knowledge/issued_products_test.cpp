// Other companies' named wealth products and their issuers (issued_products.h).
#include "knowledge/issued_products.h"

#include <gtest/gtest.h>

namespace faqbot::knowledge {
namespace {

IssuedProducts make() {
  IssuedProducts list;
  list.issuers = {{"众安保险", {"众安"}, {"公众安全"}},
                  {"太平保险", {"太平"}, {"太平洋", "天下太平"}},
                  {"太平洋保险", {"太平洋"}, {}},
                  {"齐鲁银行", {"齐鲁"}, {}}};
  list.product_words = {"稳固", "理财", "定期", "产品"};
  list.wealth_products = {{"天天利", {}, {"天天利息"}}, {"薪金宝", {}, {}}};
  return list;
}

const std::vector<std::string> kMeans = {"用", "通过"};
const std::vector<std::string> kAboutUs = {"你们"};

std::string named(const std::string& text) { return issued_product_named(text, make(), kMeans, kAboutUs); }

TEST(IssuedProducts, AnIssuerRightBeforeAProductWord) {
  EXPECT_EQ(named("齐鲁稳固的收益怎么算"), "齐鲁银行的稳固");
  EXPECT_EQ(named("太平的理财周末有收益吗"), "太平保险的理财");
  EXPECT_EQ(named("众安家的定期多久到期"), "众安保险的定期");
  EXPECT_EQ(named("众安天天利周末有收益吗"), "众安保险的天天利") << "a wealth product after its issuer";
  EXPECT_EQ(named("太平洋的产品靠谱吗"), "太平洋保险的产品") << "太平 guarded inside 太平洋";
}

TEST(IssuedProducts, AnIssuerWithoutAProductWordIsNoProduct) {
  EXPECT_EQ(named("众安的客服电话多少"), "");
  EXPECT_EQ(named("齐鲁大地的朋友能借款吗"), "");
}

TEST(IssuedProducts, GuardedSpellingsAreNoMention) {
  EXPECT_EQ(named("公众安全产品有哪些"), "") << "众安 inside 公众安全";
  EXPECT_EQ(named("天下太平理财就放心"), "");
  EXPECT_EQ(named("收益是天天利息到账吗"), "") << "天天利 inside 天天利息";
  EXPECT_EQ(named("天天都能提现吗"), "");
}

TEST(IssuedProducts, AWealthProductNamedAlone) {
  EXPECT_EQ(named("天天利为什么没有收益"), "天天利");
  EXPECT_EQ(named("薪金宝怎么转出"), "薪金宝");
}

TEST(IssuedProducts, NotAsAMeansNorInAQuestionAboutUs) {
  EXPECT_EQ(named("能用薪金宝里的钱充值吗"), "");
  EXPECT_EQ(named("你们跟众安理财比哪个好"), "");
}

// Money put into a wealth product goes to theirs: 到 or 进 after 转/存 makes
// it no means of ours.
TEST(IssuedProducts, MoneyMovedIntoAWealthProductNamesIt) {
  const std::vector<std::string> means = {"用", "到", "进"};
  auto named_with = [&](const std::string& text) { return issued_product_named(text, make(), means, kAboutUs); };
  EXPECT_EQ(named_with("从建行卡转到天天利一直失败"), "天天利");
  EXPECT_EQ(named_with("工资存入薪金宝要多久"), "薪金宝");
  EXPECT_EQ(named_with("转进众安定期的钱什么时候到期"), "众安保险的定期");
  EXPECT_EQ(named_with("余额能提到天天利吗"), "") << "提到: a destination of our withdrawal";
  EXPECT_EQ(named_with("能用薪金宝充值吗"), "");
}

TEST(IssuedProducts, EmptySpellingsAndWordsAreIgnored) {
  IssuedProducts list;
  list.issuers = {{"", {""}, {""}}};
  list.product_words = {""};
  list.wealth_products = {{"", {}, {}}};
  EXPECT_EQ(issued_product_named("随便问问", list, {""}, {""}), "");
  EXPECT_TRUE(IssuedProducts().empty());
}

}  // namespace
}  // namespace faqbot::knowledge
