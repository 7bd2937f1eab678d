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

// A kind never a means of ours (外币, 话费) is what the question asks about
// wherever it is named, even beside a means word or an about_us word; a kind
// without the mark (信用卡) named as a means stays ours.
TEST(ProductMentions, AThingNeverAMeansOfOursIsAlwaysAskedAbout) {
  const ProductMentions p({"外币", "话费", "信用卡"}, {{"外币", 0}, {"美元", 0}, {"话费", 1}, {"信用卡", 2}},
                          {"用"}, {"你们"}, true, {1, 1, 0});
  EXPECT_EQ(p.asked_about("外币能充值吗"), 0);
  EXPECT_EQ(p.asked_about("用美元充值可以吗"), 0);
  EXPECT_EQ(p.asked_about("话费可以充到你们这吗"), 1);
  EXPECT_EQ(p.asked_about("用信用卡充值可以吗"), -1);
  EXPECT_EQ(p.asked_about("充值多久到账"), -1);
}

// An about_us word right before a product's name takes us for its company
// ("你们微众银行"): the question asks about that product.
TEST(ProductMentions, AboutUsWordRightBeforeAProductNamesIt) {
  const ProductMentions p = make();
  EXPECT_EQ(p.asked_about("我想在你们花呗上借点钱"), 0);
  EXPECT_FALSE(p.speaks_to_us("你们花呗怎么提额"));
  EXPECT_FALSE(p.speaks_to_us("你们支付宝提现收费吗"));
  EXPECT_TRUE(p.speaks_to_us("你们这能用支付宝充值吗"));
  EXPECT_TRUE(p.speaks_to_us("你们花呗逾期了你们这还能借吗")) << "a second 你们 speaks to us";
  EXPECT_EQ(p.asked_about("花呗逾期了你们这还能借吗"), -1);
  // Behind one pointing word (这个, 的) the name is still theirs.
  EXPECT_EQ(p.asked_about("你们这个花呗什么时候能提额"), 0);
  EXPECT_EQ(p.asked_about("你们的支付宝提现收费吗"), 1);
  EXPECT_TRUE(p.speaks_to_us("你们这个能用支付宝充值吗")) << "no name right behind the pointing word";
}

// 从 names a means of ours unless money is moved out of the product toward
// none of ours: then the product's own transfer is asked about.
TEST(ProductMentions, ADebtThereAskedToBeRepaidWithUsIsTheirs) {
  const ProductMentions p = make();
  EXPECT_EQ(p.asked_about("我在花呗借的钱可以在你们这还吗"), 0);
  EXPECT_EQ(p.asked_about("在花呗借了两千你们能帮我还吗"), 0);
  EXPECT_EQ(p.asked_about("我在花呗借的钱你们这能借吗"), -1) << "nothing asked repaid with us";
  EXPECT_EQ(p.asked_about("用花呗借的钱在你们这还可以吗"), -1) << "the money as a means, no debt there";
}

TEST(ProductMentions, MovedOutOfAProduct) {
  const ProductMentions p({"余额宝"}, {{"余额宝", 0}}, {"从", "用"});
  EXPECT_EQ(p.asked_about("从余额宝转出到银行卡要多久"), 0);
  EXPECT_EQ(p.asked_about("从余额宝的转账限额多少"), 0);
  EXPECT_EQ(p.asked_about("从余额宝里面转走要手续费吗"), 0) << "its inside before the verb";
  EXPECT_EQ(p.asked_about("从余额宝转账到平台要多久"), -1) << "brought to us";
  EXPECT_EQ(p.asked_about("从余额宝转出来可以充值吗"), -1) << "a recharge of ours";
  EXPECT_EQ(p.asked_about("能从余额宝付款吗"), -1) << "no moving out";
}

// A means word before a product put to its own use (borrowing, instalments,
// shopping) names their product at work, unless ours follows.
TEST(ProductMentions, PutToItsOwnUse) {
  const ProductMentions p({"借呗", "花呗", "支付宝"}, {{"借呗", 0}, {"花呗", 1}, {"支付宝", 2}}, {"用", "通过"});
  EXPECT_EQ(p.asked_about("用借呗借的钱怎么还"), 0);
  EXPECT_EQ(p.asked_about("通过借呗借款利息多少"), 0);
  EXPECT_EQ(p.asked_about("可以用花呗分期吗"), 1);
  EXPECT_EQ(p.asked_about("用借呗借的钱还款可以吗"), -1) << "a repayment of ours follows";
  EXPECT_EQ(p.asked_about("用花呗充值可以吗"), -1);
  EXPECT_EQ(p.asked_about("用支付宝付款可以吗"), -1) << "paying is no own use";
}

// A product used with nothing of ours in the question is asked about; used
// to pay or move money, or beside a word of ours, it is a channel.
TEST(ProductMentions, UsedWithNothingOfOurs) {
  const ProductMentions p({"微信支付", "支付宝"}, {{"微信钱包", 0}, {"微信", 0}, {"支付宝", 1}}, {"用", "使用"});
  EXPECT_EQ(p.asked_about("使用微信钱包"), 0);
  EXPECT_EQ(p.asked_about("为什么用微信账号登录不上"), 0);
  EXPECT_EQ(p.asked_about("用支付宝还款"), -1) << "a repayment: a channel";
  EXPECT_EQ(p.asked_about("能用微信零钱往里冲吗"), -1) << "money moved in";
  EXPECT_EQ(p.asked_about("充值能用支付宝吗"), -1) << "a recharge of ours before it";
  EXPECT_EQ(p.asked_about("借款能用支付宝还吗"), -1) << "our loan before it";
  EXPECT_EQ(p.asked_about("支付宝能充吗 我想用微信的钱"), -1) << "a recharge in the question";
  EXPECT_EQ(p.asked_about("自称平台客服的让我用支付宝转账"), -1) << "a transfer";
  const ProductMentions kinds({"信用卡"}, {{"信用卡", 0}}, {"用"}, {}, true);
  EXPECT_EQ(kinds.asked_about("可以用信用卡吗"), -1) << "kinds keep the means reading";
}

// A name right after 影响 (a few characters between, no punctuation) is what
// ours is feared to affect: the question asks about ours.
TEST(ProductMentions, WhatOursIsFearedToAffect) {
  const ProductMentions kinds({"房贷", "信用卡"}, {{"房贷", 0}, {"信用卡", 1}}, {}, {}, true);
  EXPECT_EQ(kinds.asked_about("晚还了会不会影响我以后办房贷"), -1);
  EXPECT_EQ(kinds.asked_about("逾期影响信用卡吗"), -1);
  EXPECT_EQ(kinds.asked_about("房贷逾期会影响什么"), 0) << "named before 影响";
  EXPECT_EQ(kinds.asked_about("会影响吗，房贷利率多少"), 0) << "another clause";
  EXPECT_EQ(kinds.asked_about("影响征信之后我以后还能不能去银行申请房贷"), 0) << "too far after 影响";
  EXPECT_EQ(make().asked_about("逾期了影响花呗吗"), 0) << "a company's product: asked about";
}

TEST(ProductMentions, ArrivingIsAMeansOnlyAsADestination) {
  const ProductMentions p({"支付宝"}, {{"支付宝", 0}}, {"到"});
  EXPECT_EQ(p.asked_about("钱能直接到支付宝吗"), -1);
  EXPECT_EQ(p.asked_about("刚收到支付宝的扣款短信"), 0) << "到 completing 收";
  EXPECT_EQ(p.asked_about("一直没看到支付宝退款"), 0) << "到 completing 看";
}

TEST(ProductMentions, NotWhenNamedBesideTheSubject) {
  const ProductMentions kinds({"信用卡", "房贷", "公积金"}, {{"信用卡", 0}, {"房贷", 1}, {"公积金", 2}});
  // Something the investor does not have.
  EXPECT_EQ(kinds.asked_about("一个月五千没有房贷我符合借款条件吗"), -1);
  EXPECT_EQ(kinds.asked_about("没信用卡能借款吗"), -1);
  // asked_about reads a negation asked why as beside the subject too
  // ("为什么没有房贷也借不了" is about our loan); see AskedWhyMissing.
  EXPECT_EQ(kinds.asked_about("为什么没有房贷也借不了"), -1);
  // A question ending in a negation word negates nothing.
  EXPECT_EQ(kinds.asked_about("你们有没有房贷产品"), 1);
  EXPECT_EQ(kinds.asked_about("有没信用卡可以办"), 0);
  // The object of our feature: binding it, or a recharge / repayment with a
  // modal or an acceptance question.
  EXPECT_EQ(kinds.asked_about("招行信用卡能绑不"), -1);
  EXPECT_EQ(kinds.asked_about("信用卡可以绑定吗"), -1);
  EXPECT_EQ(kinds.asked_about("信用卡能充值吗"), -1);
  EXPECT_EQ(kinds.asked_about("信用卡充值可以吗"), -1);
  EXPECT_EQ(kinds.asked_about("信用卡能直接充值吗"), -1) << "an adverb after the modal";
  EXPECT_EQ(kinds.asked_about("信用卡直接充值多少钱"), 0) << "no modal: the adverb is not skipped";
  // Evidence offered for ours.
  const ProductMentions p = make();
  EXPECT_EQ(p.asked_about("没有工资流水能贷不支付宝流水算吗"), -1);
  EXPECT_EQ(p.asked_about("支付宝的账单可以吗"), -1);
  // The subject of a recharge toward ours.
  EXPECT_EQ(p.asked_about("支付宝能给账户充值吗"), -1);
  EXPECT_EQ(p.asked_about("支付宝往我的账户充钱可以吗"), -1);
  EXPECT_EQ(p.asked_about("支付宝给余额宝充值要多久"), 1) << "a recharge inside their products";
  // The maker of the investor's card or phone number.
  EXPECT_EQ(p.asked_about("支付宝的卡能绑吗"), -1);
  EXPECT_EQ(p.asked_about("支付宝手机号收不到验证码"), -1);
  EXPECT_EQ(p.asked_about("支付宝的号码要换"), -1);
  // A verb of changing right before the name: their app's own setting.
  EXPECT_EQ(p.asked_about("怎么更改花呗手机号码"), 0);
  EXPECT_EQ(p.asked_about("想换支付宝的手机号"), 1);
  EXPECT_EQ(p.asked_about("改了手机号以后支付宝手机号收不到验证码"), -1) << "a change earlier, not before the name";
  EXPECT_EQ(p.asked_about("支付宝卡包在哪"), 1) << "卡 without 的 is their own";
  EXPECT_EQ(p.asked_about("支付宝的号被冻结了"), 1) << "号: their account as well";
  EXPECT_EQ(p.asked_about("支付宝银行卡怎么解绑"), 1) << "a bank card in their app";
  // The investor's workplace.
  EXPECT_EQ(p.asked_about("我在支付宝上班想借两万"), -1);
  EXPECT_EQ(p.asked_about("支付宝员工借款有限制吗"), -1);
  EXPECT_EQ(p.asked_about("在支付宝里工作日转账多久到"), 1) << "在 … 里: inside their app";
  EXPECT_EQ(p.asked_about("在支付宝工作日转账多久到"), 1) << "工作日 is no work";
  // The subject of the question's action stays theirs.
  EXPECT_EQ(kinds.asked_about("招商银行信用卡怎么提现"), 0);
  EXPECT_EQ(kinds.asked_about("信用卡还款日是哪天"), 0);
  EXPECT_EQ(kinds.asked_about("没有房贷可以申请公积金贷款吗"), 2);
  EXPECT_EQ(p.asked_about("支付宝账单怎么查"), 1);
  EXPECT_EQ(p.asked_about("支付宝绑卡失败"), 1) << "binding in their app";
  EXPECT_EQ(p.asked_about("支付宝绑定银行卡失败"), 1);
  // A hedge before the modal still leaves the name the object of ours.
  EXPECT_EQ(kinds.asked_about("招行信用卡估计也能绑的吧"), -1);
  EXPECT_EQ(kinds.asked_about("信用卡是不是可以充值"), -1);
  EXPECT_EQ(kinds.asked_about("信用卡应该怎么还款"), 0) << "a hedge without a modal";
  // A bare recharge verb with a modal and nothing of its own after it.
  EXPECT_EQ(p.asked_about("支付宝可以充不"), -1);
  EXPECT_EQ(p.asked_about("支付宝也能直接充进去吗"), -1);
  EXPECT_EQ(p.asked_about("支付宝能充话费吗"), 1) << "their object after the verb";
  EXPECT_EQ(p.asked_about("支付宝充了好几次"), 1) << "no modal";
  EXPECT_TRUE(kinds.named_beside_subject_in("招行信用卡能绑不"));
  EXPECT_FALSE(kinds.named_beside_subject_in("招商银行信用卡怎么提现"));
}

// Asked why a product is missing, the product is what the question is about.
TEST(ProductMentions, AskedWhyMissing) {
  const ProductMentions p = make();
  EXPECT_EQ(p.asked_why_missing("为什么我没有花呗"), 0);
  EXPECT_EQ(p.asked_why_missing("为啥我没花呗怎么开通"), 0);
  EXPECT_EQ(p.asked_why_missing("怎么没有余额宝了"), 2);
  EXPECT_EQ(p.asked_why_missing("我没有花呗能借款吗"), -1) << "not asked why";
  EXPECT_EQ(p.asked_why_missing("没有支付宝为什么不能充值"), -1) << "the why-word after the name";
  EXPECT_EQ(p.asked_why_missing("为什么我没有花呗你们也不给借"), -1) << "about us";
  EXPECT_EQ(p.asked_why_missing("为什么没有支付宝充值"), -1) << "a means of ours";
  EXPECT_EQ(p.asked_why_missing("怎么没有支付宝的选项"), -1) << "a means of ours";
}

TEST(ProductMentions, NamedInComparison) {
  const ProductMentions kinds({"基金", "外汇"}, {{"基金", 0}, {"基金定投", 0}, {"外汇", 1}});
  EXPECT_TRUE(kinds.named_in_comparison_in("像基金定投那样自动帮我投"));
  EXPECT_TRUE(kinds.named_in_comparison_in("跟基金比收益怎么样"));
  EXPECT_FALSE(kinds.named_in_comparison_in("你们支持炒外汇吗"));
  EXPECT_FALSE(kinds.named_in_comparison_in("基金怎么买"));
  // Ours likened to a kind, a verb of getting between them or not.
  EXPECT_TRUE(kinds.named_in_comparison_in("自动投标等于买了基金定投吗"));
  EXPECT_TRUE(kinds.named_in_comparison_in("这个产品类似于基金吧"));
  EXPECT_EQ(kinds.asked_about("出借就相当于买基金了是吧"), -1);
  EXPECT_EQ(kinds.asked_about("出借等于投了外汇吗"), -1);
  EXPECT_EQ(kinds.asked_about("买了基金等于什么"), 0) << "the name before the likening word";
  EXPECT_EQ(kinds.asked_about("我买了基金"), 0) << "a verb of getting alone";
}

TEST(ProductMentions, NamedAsHoldingMoney) {
  const ProductMentions kinds({"公积金", "房贷", "社保"}, {{"公积金", 0}, {"房贷", 1}, {"社保卡", 2}});
  EXPECT_TRUE(kinds.named_as_holder("公积金账户里有6万"));
  EXPECT_TRUE(kinds.named_as_holder("我社保卡里还有三千块"));
  EXPECT_FALSE(kinds.named_as_holder("我在建行有房贷每月自动扣款"));
  EXPECT_FALSE(kinds.named_as_holder("没有公积金账户"));
}

TEST(ProductMentions, NotWhenTheQuestionIsAboutUs) {
  const ProductMentions p = make();
  EXPECT_EQ(p.asked_about("花呗逾期过还能在你们这借款吗"), -1);
}

// A kind's bad record told as the investor's condition for our loan is not
// what the question asks about; a company's own product keeps its record.
TEST(ProductMentions, ARecordAsTheConditionOfOurLoan) {
  const ProductMentions kinds({"信用卡", "房贷"}, {{"信用卡", 0}, {"房贷", 1}}, {}, {}, true);
  EXPECT_EQ(kinds.asked_about("信用卡逾期可以办理吗"), -1);
  EXPECT_EQ(kinds.asked_about("房贷之前有逾期还能借吗"), -1) << "the record within three characters";
  EXPECT_EQ(kinds.asked_about("信用卡欠款没还清会影响借款吗"), -1);
  EXPECT_EQ(kinds.asked_about("信用卡逾期了怎么办"), 0) << "no question of applying for ours";
  EXPECT_EQ(kinds.asked_about("信用卡逾期了能办分期吗"), 0);
  EXPECT_EQ(kinds.asked_about("信用卡怎么办理"), 0) << "no record told";
  const ProductMentions p = make();
  EXPECT_EQ(p.asked_about("花呗逾期了还能借吗"), 0) << "a company's product: its own record";
  EXPECT_TRUE(ProductMentions::named_as_record("逾期记录可以申请吗"));
  EXPECT_FALSE(ProductMentions::named_as_record("的账单怎么还能少还点逾期"));
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
  // The kinds' reading of records survives the round trip.
  const ProductMentions kinds({"信用卡"}, {{"信用卡", 0}}, {}, {}, true);
  BinaryWriter kw;
  kinds.serialize(kw);
  ProductMentions kinds_back;
  BinaryReader kr(kw.data());
  ASSERT_TRUE(kinds_back.deserialize(kr));
  EXPECT_EQ(kinds_back.asked_about("信用卡逾期可以办理吗"), -1);
  EXPECT_EQ(kinds_back.asked_about("信用卡怎么办理"), 0);
}

}  // namespace
}  // namespace faqbot::retrieval
