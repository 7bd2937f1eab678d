// Which other company's product a question asks about (product_mentions.h).
#include "retrieval/product_mentions.h"

#include <gtest/gtest.h>

namespace faqbot::retrieval {
namespace {

ProductMentions make() {
  return ProductMentions({"花呗", "支付宝", "余额宝"},
                         {{"花呗", 0}, {"蚂蚁花呗", 0}, {"支付宝", 1}, {"余额宝", 2}},
                         {"用", "提到", "像", ""}, {"你们"});
}

TEST(ProductMentions, AsksAboutAProductNamedAsTheSubject) {
  const ProductMentions p = make();
  EXPECT_EQ(p.asked_about("花呗怎么提额"), 0);
  EXPECT_EQ(p.asked_about("蚂蚁花呗逾期了"), 0);
  EXPECT_EQ(p.asked_about("支付宝提现到银行卡要手续费吗"), 1);
  EXPECT_EQ(p.name(1), "支付宝");
  EXPECT_EQ(p.asked_about("提现多久到账"), -1);
}

TEST(ProductMentions, NotWhenNamedAsAMeansOfOurs) {
  const ProductMentions p = make();
  EXPECT_EQ(p.asked_about("能用支付宝充值吗"), -1);
  EXPECT_EQ(p.asked_about("余额能提到余额宝吗"), -1);
  EXPECT_EQ(p.asked_about("提现能像支付宝那样秒到吗"), -1);
  // The second item of a list of means is a means too.
  EXPECT_EQ(p.asked_about("能不能用微信或者支付宝转进来"), -1);
  EXPECT_EQ(p.asked_about("用银行卡还是余额宝付"), -1);
  // A list without a means word is a list of their products.
  EXPECT_EQ(p.asked_about("微信或者支付宝提现收费吗"), 1);
  EXPECT_EQ(p.asked_about("我用了好长时间的银行卡的和花呗额度"), 0) << "the means word too far back";
  // Any mention as the subject makes it theirs.
  EXPECT_EQ(p.asked_about("余额宝的钱能用支付宝转出吗"), 2);
}

TEST(ProductMentions, NotWhenTheQuestionIsAboutUs) {
  const ProductMentions p = make();
  EXPECT_EQ(p.asked_about("花呗逾期过还能在你们这借款吗"), -1);
}

TEST(ProductMentions, WithoutNamesAndSerialisation) {
  const ProductMentions p = make();
  EXPECT_EQ(p.without_names("能用支付宝充值吗"), "能用充值吗");
  EXPECT_EQ(p.without_names("蚂蚁花呗和花呗"), "和");
  BinaryWriter w;
  p.serialize(w);
  ProductMentions back;
  BinaryReader r(w.data());
  ASSERT_TRUE(back.deserialize(r));
  EXPECT_EQ(back.asked_about("能用支付宝充值吗"), -1);
  EXPECT_EQ(back.asked_about("花呗怎么提额"), 0);
  EXPECT_EQ(back.asked_about("花呗逾期过你们这能借吗"), -1);
}

}  // namespace
}  // namespace faqbot::retrieval
