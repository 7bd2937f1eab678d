#include "retrieval/normalizer.h"

#include <gtest/gtest.h>

namespace faqbot::retrieval {
namespace {

std::unique_ptr<Normalizer> make(std::map<std::string, std::string> synonyms = {}) {
  auto n = Normalizer::create(synonyms);
  EXPECT_TRUE(n.ok()) << n.status().message();
  return std::move(n).value();
}

TEST(NormalizerTest, FoldsFullWidthAndCase) {
  auto n = make();
  EXPECT_EQ(n->normalize("ＶＩＰ等级"), "vip等级");
  EXPECT_EQ(n->normalize("ABC１２３"), "abc123");
}

TEST(NormalizerTest, ConvertsTraditionalToSimplified) {
  auto n = make();
  EXPECT_EQ(n->normalize("提現多久到賬"), "提现多久到账");
  EXPECT_EQ(n->normalize("會員等級"), "会员等级");
}

TEST(NormalizerTest, StripsPunctuationEmojiAndWhitespace) {
  auto n = make();
  EXPECT_EQ(n->normalize("  请问，提现 多久？？😀！"), "请问提现多久");
  EXPECT_EQ(n->normalize("「充值」…—~"), "充值");
  EXPECT_EQ(n->normalize("？！。 😡"), "");
}

// A plus right after an ideograph spells 加 in a product's name; before a
// digit or after no ideograph it is dropped like other punctuation.
TEST(NormalizerTest, PlusAfterAnIdeographSpellsJia) {
  auto n = make();
  EXPECT_EQ(n->normalize("活期+转出限额"), "活期加转出限额");
  EXPECT_EQ(n->normalize("活期＋"), "活期加");
  EXPECT_EQ(n->normalize("活期 + 收益"), "活期加收益");
  EXPECT_EQ(n->normalize("本金+100"), "本金100");
  EXPECT_EQ(n->normalize("5000+利息"), "5000利息");
}

TEST(NormalizerTest, AppliesSynonymsLongestMatchFirst) {
  auto n = make({{"体现", "提现"}, {"到帐", "到账"}, {"取钱", "提现"}, {"取钱到卡", "提现到银行卡"}});
  EXPECT_EQ(n->normalize("体现多久到帐"), "提现多久到账");
  EXPECT_EQ(n->normalize("取钱到卡要多久"), "提现到银行卡要多久");
  EXPECT_EQ(n->normalize("取钱要多久"), "提现要多久");
}

TEST(NormalizerTest, AKeyMappedToItselfGuardsTheShorterKeysInside) {
  auto n = make({{"取款", "提现"}, {"取款机", "取款机"}});
  EXPECT_EQ(n->normalize("取款要多久"), "提现要多久");
  EXPECT_EQ(n->normalize("附近的取款机能取吗"), "附近的取款机能取吗");
  EXPECT_EQ(n->normalize("取款机取款"), "取款机提现");
}

TEST(NormalizerTest, RewritesForeignWordsOnlyWhole) {
  auto n = make({{"withdraw", "提现"}, {"log in", "登录"}, {"login", "登录"}, {"fee", "手续费"},
                 {"tx", "提现"}, {"sxf", "手续费"}});
  EXPECT_EQ(n->normalize("单日withdraw最多多少"), "单日提现最多多少");
  EXPECT_EQ(n->normalize("Login一直失败"), "登录一直失败");
  EXPECT_EQ(n->normalize("LOG IN不了"), "登录不了");
  EXPECT_EQ(n->normalize("提现fee多少"), "提现手续费多少");
  // Inside another word nothing is rewritten, not even with pinyin around it.
  EXPECT_EQ(n->normalize("coffee好喝吗"), "coffee好喝吗");
  EXPECT_EQ(n->normalize("feeling不错"), "feeling不错");
  EXPECT_EQ(n->normalize("blogin"), "blogin");
  EXPECT_EQ(n->normalize("log"), "log");
  // Abbreviations still compose with each other and with pinyin.
  EXPECT_EQ(n->normalize("txsxf"), "提现手续费");
}

TEST(NormalizerTest, AnApostropheBetweenLettersIsInsideTheWord) {
  auto n = make({{"what's", "什么"}, {"what", "什么"}, {"fee", "手续费"}, {"didn't arrive", "没到账"}});
  EXPECT_EQ(n->normalize("What's the fee"), "什么the手续费");
  EXPECT_EQ(n->normalize("what’s the fee"), "什么the手续费");   // a typographic apostrophe
  EXPECT_EQ(n->normalize("it didn't arrive"), "it没到账");      // across words too
  EXPECT_EQ(n->normalize("fee'"), "手续费");                    // no letter after it: not inside
}

TEST(NormalizerTest, TraditionalTypoAndCleanFormsMeet) {
  auto n = make({{"体现", "提现"}, {"到帐", "到账"}});
  EXPECT_EQ(n->normalize("體現多久到帳？"), n->normalize("提现多久到账"));
}

TEST(NormalizerTest, SynonymKeysAreNormalisedToo) {
  auto n = make({{"衝值", "充值"}});  // traditional key, matched after t2s
  EXPECT_EQ(n->normalize("冲值怎么弄"), "充值怎么弄");
}

TEST(NormalizerTest, LatinWordsAreRewrittenWholeOrNotAtAll) {
  auto n = make({{"tx", "提现"}, {"sxf", "手续费"}, {"tixian", "提现"}, {"kf", "客服"},
                 {"vip等级", "会员等级"}, {"zhuan", "转"}});
  EXPECT_EQ(n->normalize("tx要多久"), "提现要多久");
  EXPECT_EQ(n->normalize("TX SXF"), "提现手续费");           // keys side by side
  EXPECT_EQ(n->normalize("tixian yao duojiu"), "提现yaoduojiu");  // key and pinyin
  EXPECT_EQ(n->normalize("txt文件打不开"), "txt文件打不开");     // a foreign word
  EXPECT_EQ(n->normalize("kfc好吃吗"), "kfc好吃吗");
  EXPECT_EQ(n->normalize("zhuangxiu"), "zhuangxiu");          // pinyin without a key
  EXPECT_EQ(n->normalize("VIP等级"), "会员等级");              // a key covering the word
  EXPECT_EQ(n->normalize("找kf"), "找客服");
}

TEST(NormalizerTest, LettersOfAnIdentifierAreNotRewritten) {
  auto n = make({{"cz", "充值"}, {"tx", "提现"}});
  EXPECT_EQ(n->normalize("订单号CZ20240311008765"), "订单号cz20240311008765");
  EXPECT_EQ(n->normalize("单号20240311tx"), "单号20240311tx");
  EXPECT_EQ(n->normalize("cz100块"), "充值100块");  // a short amount is no identifier
  EXPECT_EQ(n->normalize("cz要多久"), "充值要多久");
}

TEST(NormalizerTest, SurvivesInvalidUtf8AndHugeInput) {
  auto n = make();
  EXPECT_EQ(n->normalize(std::string("\xff\xfe提现\xc3", 9)), "提现");
  const std::string huge(100000, 'a');
  EXPECT_FALSE(n->normalize(huge).empty());
}

}  // namespace
}  // namespace faqbot::retrieval
