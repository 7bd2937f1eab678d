// Which other company's own service a question asks about when its words
// look like ours (service_mentions.h).
#include "retrieval/service_mentions.h"

#include <gtest/gtest.h>

namespace faqbot::retrieval {
namespace {

ServiceMentions make() {
  return ServiceMentions(
      {{"银行", {"银行", "建行", "工行", "招行", "网银", "手机银行", "atm"}, {"登录", "挂失", "吞卡", "密码", "定期", "客服电话"}, {}},
       {"游戏", {"游戏"}, {"充"}, {"充值", "到账"}},
       {"快递", {"快递"}, {}, {}}},
      {"充值", "提现", "绑", "借款", "到账", "余额"}, {"你们"}, {"用", "到"});
}

TEST(ServiceMentions, ABanksOwnServiceNamedWithoutOurActions) {
  const ServiceMentions s = make();
  EXPECT_EQ(s.name(s.asked_about("建行手机银行登录不了")), "银行");
  EXPECT_EQ(s.name(s.asked_about("银行卡丢了要怎么挂失")), "银行");
  EXPECT_EQ(s.name(s.asked_about("atm吞卡了")), "银行");
  EXPECT_EQ(s.name(s.asked_about("工行卡的密码忘了")), "银行");
  EXPECT_EQ(s.name(s.asked_about("招行客服电话多少")), "银行");
}

TEST(ServiceMentions, OurQuestionsNamingABankStayOurs) {
  const ServiceMentions s = make();
  EXPECT_EQ(s.asked_about("建行卡绑不上"), -1);                // our action
  EXPECT_EQ(s.asked_about("手机银行转账充值能行吗"), -1);
  EXPECT_EQ(s.asked_about("银行卡挂失了还能提现吗"), -1);
  EXPECT_EQ(s.asked_about("工行卡的密码忘了 你们能帮我改吗"), -1);  // put to us
  EXPECT_EQ(s.asked_about("用网银登录密码怎么设"), -1);          // a means of ours
  EXPECT_EQ(s.asked_about("工行卡能用吗"), -1);                  // none of its words
}

TEST(ServiceMentions, ActionsTheServiceUsesInItsOwnSense) {
  const ServiceMentions s = make();
  EXPECT_EQ(s.name(s.asked_about("游戏充值没到账")), "游戏");
  EXPECT_EQ(s.asked_about("游戏充值没到账 提现也没到"), -1);  // 提现: ours as well
  EXPECT_EQ(s.asked_about("充值没到账"), -1);
  EXPECT_EQ(s.name(s.asked_about("快递三天了还没到")), "快递");  // a holder alone
  EXPECT_EQ(s.asked_about("快递到账要多久"), -1);
}

// As other_products.json lists them: a credit card's repayment and a
// wallet's unbinding are their own, named by its holder.
TEST(ServiceMentions, RepayingOrUnbindingInTheirOwnSense) {
  const ServiceMentions s({{"信用卡", {"信用卡"}, {"逾期"}, {"还款"}}, {"微信", {"微信"}, {"解绑", "换卡"}, {"绑"}}},
                          {"还款", "绑", "借款"}, {"你们"}, {"用"});
  EXPECT_EQ(s.name(s.asked_about("信用卡分期还款晚了两天算逾期吗")), "信用卡");
  EXPECT_EQ(s.asked_about("信用卡还款逾期了借款还能申请吗"), -1) << "借款: ours";
  EXPECT_EQ(s.asked_about("用信用卡还款逾期了"), -1) << "a means of ours";
  EXPECT_EQ(s.name(s.asked_about("微信里那张卡想解绑怎么弄")), "微信");
  EXPECT_EQ(s.asked_about("你们这解绑要先去微信操作吗"), -1) << "put to us";
  EXPECT_EQ(s.asked_about("微信能绑吗 想把旧的解绑"), -1) << "the name beside our feature";
}

TEST(ServiceMentions, ArrivalWordsThatAreNoMeans) {
  const ServiceMentions s = make();
  // 到 completing a verb of perception is no destination of ours.
  EXPECT_EQ(s.name(s.asked_about("刚看到建行卡密码被锁了")), "银行");
  EXPECT_EQ(s.asked_about("到建行卡密码被锁了"), -1) << "到 alone: a means";
  // A negated arrival: where their payment did not get to.
  EXPECT_EQ(s.name(s.asked_about("寄的东西还没到快递点")), "快递");
  EXPECT_EQ(s.asked_about("寄的东西到快递点了"), -1);
}

// As other_products.json lists them: a bank's own VIP or premier tier is
// the bank's business; ours, put to us or reached with our action, stays ours.
TEST(ServiceMentions, ABanksOwnVipTier) {
  const ServiceMentions s({{"银行", {"银行", "工行", "招行"}, {"vip", "贵宾"}, {}}}, {"充值", "提现"}, {"你们"},
                          {"用"});
  EXPECT_EQ(s.name(s.asked_about("工行的vip有啥好处")), "银行");
  EXPECT_EQ(s.name(s.asked_about("银行贵宾厅能进几次")), "银行");
  EXPECT_EQ(s.asked_about("你们的vip比工行的好在哪"), -1) << "put to us";
  EXPECT_EQ(s.asked_about("招行卡充值够多能升vip吗"), -1) << "our action";
  EXPECT_EQ(s.asked_about("vip有啥好处"), -1) << "no holder";
}

TEST(ServiceMentions, EmptyListsAndHoldersAreIgnored) {
  const ServiceMentions none;
  EXPECT_TRUE(none.empty());
  EXPECT_EQ(none.asked_about("建行手机银行登录不了"), -1);
  const ServiceMentions blank({{"空", {""}, {}, {}}, {"银行", {"", "银行"}, {""}, {}}}, {""}, {""}, {""});
  EXPECT_FALSE(blank.empty());
  EXPECT_EQ(blank.name(blank.asked_about("银行客服")), "银行");  // "" words: the holder alone
}

// As other_products.json lists them: a bank's own fees, the salary card an
// employer asks for, and a late holder's deposits are the bank's business.
TEST(ServiceMentions, ABanksOwnFeesCardsAndDepositsOfTheLate) {
  const ServiceMentions s({{"银行", {"银行", "光大", "建行"}, {"短信提醒", "年费", "工资卡", "过世"}, {}}},
                          {"充值", "提现", "绑", "到账"}, {"你们"}, {"用"});
  EXPECT_EQ(s.name(s.asked_about("建行每年扣的卡片年费能退吗")), "银行");
  EXPECT_EQ(s.name(s.asked_about("换了工作光大的工资卡要不要注销")), "银行");
  EXPECT_EQ(s.name(s.asked_about("外婆过世了她存在银行的钱谁能去拿")), "银行");
  EXPECT_EQ(s.asked_about("光大的工资卡能绑上吗"), -1) << "绑: ours";
  EXPECT_EQ(s.asked_about("建行的短信提醒你们能开吗"), -1) << "put to us";
  EXPECT_EQ(s.asked_about("提现到建行工资卡要多久"), -1) << "提现: ours";
}

// A service's bad record told as the investor's condition for our loan.
TEST(ServiceMentions, ARecordAsTheConditionOfOurLoan) {
  const ServiceMentions s({{"信用卡", {"信用卡"}, {"逾期", "账单"}, {"还款"}}}, {"充值", "提现", "借款"}, {"你们"}, {"用"});
  EXPECT_EQ(s.asked_about("信用卡逾期可以办理吗"), -1);
  EXPECT_EQ(s.asked_about("我信用卡逾期过能贷吗"), -1);
  EXPECT_EQ(s.name(s.asked_about("信用卡逾期了怎么办")), "信用卡");
  EXPECT_EQ(s.name(s.asked_about("信用卡账单怎么查")), "信用卡");
}

// An about-us word that only asks whether one can top up ("能充值吗") puts
// no question to us when the service tops up in its own sense; one that
// names us (你们) or our account still does.
TEST(ServiceMentions, AskingWhetherOneCanTopUpTheirService) {
  const ServiceMentions s({{"外币", {"美金", "现钞"}, {}, {"充值"}}, {"银行", {"银行"}, {"定期"}, {}}},
                          {"充值", "提现"}, {"你们", "能充值吗", "充到账户"}, {"用"});
  EXPECT_EQ(s.name(s.asked_about("美金现钞能充值吗")), "外币");
  EXPECT_EQ(s.asked_about("你们美金现钞能充值吗"), -1) << "put to us";
  EXPECT_EQ(s.asked_about("美金现钞充到账户里"), -1) << "our account named";
  EXPECT_EQ(s.asked_about("用美金能充值吗"), -1) << "a means of ours";
  EXPECT_EQ(s.asked_about("银行定期能充值吗"), -1) << "充值: ours for the bank";
}

}  // namespace
}  // namespace faqbot::retrieval
