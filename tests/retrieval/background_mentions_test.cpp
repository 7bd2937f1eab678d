// Whether another product named in a message is only its background
// (background_mentions.h).
#include "retrieval/background_mentions.h"

#include <gtest/gtest.h>

namespace faqbot::retrieval {
namespace {

MentionClause other(const std::string& text) { return {text, true, false, false}; }
MentionClause ours(const std::string& text, bool to_us, bool topic) { return {text, false, to_us, topic}; }

TEST(BackgroundMentions, OnlyTells) {
  EXPECT_TRUE(only_tells("基金十块钱就能买"));
  EXPECT_TRUE(only_tells("银行app都没这么严")) << "这么 asks nothing";
  EXPECT_FALSE(only_tells("花呗额度怎么提"));
  EXPECT_FALSE(only_tells("支付宝提现要手续费吗"));
  EXPECT_FALSE(only_tells("想了解一下借呗"));
  EXPECT_FALSE(only_tells("我想办张信用卡"));
}

TEST(BackgroundMentions, Compares) {
  EXPECT_TRUE(compares("在京东付款都正常"));
  EXPECT_TRUE(compares("支付宝从来不会这样"));
  EXPECT_TRUE(compares("余额宝早就有了"));
  EXPECT_FALSE(compares("我花呗额度太低"));
}

TEST(BackgroundMentions, TurnsToUs) {
  EXPECT_TRUE(turns_to_us("这边提现收钱吗"));
  EXPECT_TRUE(turns_to_us("平台起投多少"));
  EXPECT_FALSE(turns_to_us("提现收钱吗"));
}

TEST(BackgroundMentions, AComparisonBesideAQuestionToUsIsBackground) {
  EXPECT_EQ(background_of({other("银行理财一万起"), ours("你们这起投多少", true, true)}), Background::kSure);
  EXPECT_EQ(background_of({other("招行转账从不收费"), ours("这边提现收钱吗", true, true)}), Background::kSure);
  // Put to us without a topic word: background only if it reads as ours.
  EXPECT_EQ(background_of({other("基金十块钱就能买"), ours("你们这门槛多高", true, false)}), Background::kIfOurs);
  // Implicit: the named clause compares, the rest names our topic.
  EXPECT_EQ(background_of({ours("充值老是失败", false, true), other("同一张卡在京东上付款都没问题")}),
            Background::kSure);
  EXPECT_EQ(background_of({ours("提了三天还没到", false, false), other("支付宝从来不会这样")}),
            Background::kIfOurs);
  EXPECT_EQ(background_of({ours("密码输错几次就锁了", false, true), other("银行app都没这么严")}),
            Background::kSure)
      << "a count asks nothing";
}

TEST(BackgroundMentions, AComparisonAfterAQuestionOfOursIsBackground) {
  EXPECT_TRUE(compares("像注销支付宝那样"));
  EXPECT_TRUE(compares("余额宝起码每天有收益"));
  // The question comes first: it cannot point back to the product named after it.
  EXPECT_EQ(background_of({ours("借款要什么条件", false, true), other("微粒贷都不要资料")}), Background::kSure);
  EXPECT_EQ(background_of({ours("怎么注销账户", false, true), other("像注销支付宝那样")}), Background::kSure);
  EXPECT_EQ(background_of({ours("能保证收益吗", false, false), other("余额宝至少不亏")}), Background::kIfOurs);
  // Told of the product without a comparison, it may be what is asked about.
  EXPECT_EQ(background_of({ours("怎么提额", false, false), other("花呗额度太低")}), Background::kNone);
  // A question after the name may still be about it.
  EXPECT_EQ(background_of({ours("提现多久", false, true), other("余额宝都是随存随取"), ours("怎么转出", false, true)}),
            Background::kNone);
}

TEST(BackgroundMentions, AQuestionAboutTheOtherProductIsNot) {
  // The named clause asks or wishes.
  EXPECT_EQ(background_of({other("花呗额度怎么提"), ours("你们知道吗", true, false)}), Background::kNone);
  EXPECT_EQ(background_of({other("我想办张信用卡"), ours("你们能办吗", true, false)}), Background::kNone);
  // It tells without comparing, and the rest is not put to us.
  EXPECT_EQ(background_of({other("花呗额度太低"), ours("怎么提额", false, false)}), Background::kNone);
  EXPECT_EQ(background_of({other("我在京东买了东西"), ours("退款要多久到账", false, true)}), Background::kNone);
  // 都 of a state told of it ("花呗都还清了") is no comparison, but the rest
  // asks without turning to us.
  EXPECT_EQ(background_of({other("花呗都还清了"), ours("怎么还显示欠款", false, false)}), Background::kNone);
  // It compares, but the rest asks without turning to us: maybe about it.
  EXPECT_EQ(background_of({other("余额宝都是随存随取"), ours("怎么转出", false, true)}), Background::kNone);
  // Every clause names it, or none does.
  EXPECT_EQ(background_of({other("支付宝都正常"), other("支付宝提现到账慢")}), Background::kNone);
  EXPECT_EQ(background_of({ours("提现多久到账", false, true), ours("你们这", true, false)}), Background::kNone);
}

TEST(BackgroundMentions, MixedClauses) {
  // One naming clause compares, another asks about the product: not background.
  EXPECT_EQ(background_of({other("支付宝都秒到"), other("余额宝怎么转出"), ours("你们这提现呢", true, true)}),
            Background::kNone);
  // A naming clause put to us is left to the reading of the whole message.
  EXPECT_EQ(background_of({{"你们跟支付宝都一样", true, true, false}, ours("提现多久到账", false, true)}),
            Background::kNone);
  // Two comparisons before a question to us.
  EXPECT_EQ(background_of({other("支付宝都秒到"), other("银行也从不收费"), ours("你们提现收费吗", true, true)}),
            Background::kSure);
  // Not every naming clause compares and nothing is put to us.
  EXPECT_EQ(background_of({other("支付宝都秒到"), other("银行卡也绑了"), ours("提现多久到", false, true)}),
            Background::kNone);
}

}  // namespace
}  // namespace faqbot::retrieval
