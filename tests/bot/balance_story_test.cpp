// A balance told shrunk without the investor's doing (bot/balance_story.h)
// and the policy's rule 2a for it.
#include "bot/balance_story.h"

#include <gtest/gtest.h>

#include "bot/policy.h"
#include "fake_retriever.h"
#include "kb_fixture.h"
#include "policy_fixture.h"

namespace faqbot::bot {
namespace {

TEST(BalanceStory, TellsABalanceThatShrank) {
  for (const char* q : {"卡里本来三万块登进去一看只剩八千了怎么回事", "账户里明明有1.2万现在只显示8千多钱去哪了",
                        "余额昨天还有两万今天就剩五千了", "我账户原本有五万多现在变成三万了",
                        "上周还有十万的余额怎么少了一半", "someone logged into my account and my balance is gone",
                        "my money disappeared from the account",
                        "my account balance dropped by 5000 overnight and i did nothing",
                        "my账户余额dropped5000overnight", "my余额iswrong2000yuanismissing"}) {
    EXPECT_TRUE(tells_balance_shrank(q)) << q;
  }
}

// The investor's own doing, a possibility, an intention or something other
// than money: no story of money gone.
TEST(BalanceStory, LookAlikesAreNoneTold) {
  for (const char* q : {"余额本来有一万提现了五千现在只剩五千对吗", "本来有三万投了一个标以后只剩五千",
                        "账户本来有两万冻结了一部分只显示可用一万", "本来想投三万只有两万可以吗",
                        "借款额度本来五万现在只有两万了", "收益率原来是百分之八现在只有百分之六",
                        "万一账户里本来的钱变少了怎么办", "余额怎么提现", "原来是这样那余额怎么提到卡里",
                        "本来还了一万现在只剩五千没还", "what if my money disappeared",
                        "where does the balance go when i withdraw", "what if my balance dropped"}) {
    EXPECT_FALSE(tells_balance_shrank(q)) << q;
  }
}

// Cantonese tells money gone without the balance as it was; a cause of the
// investor's own, a possibility or something other than money still tells
// none.
TEST(BalanceStory, CantoneseMoneyGone) {
  for (const char* q : {"户口入面啲钱唔见咗一半", "户口啲钱少咗三千蚊我冇做过任何嘢", "我啲钱去咗边户口冇咗成万蚊",
                        "我嘅户口俾人盗咗啲钱全部冇晒"}) {
    EXPECT_TRUE(tells_balance_shrank(q)) << q;
  }
  for (const char* q : {"我提咗两万户口少咗两万啱唔啱", "额度少咗系咪", "户口啲钱会唔会唔见咗", "我部手机冇咗点登录",
                        "利息少咗", "户口点样开"}) {
    EXPECT_FALSE(tells_balance_shrank(q)) << q;
  }
}

class BalanceShrankPolicy : public testing::PolicyFixture {
 protected:
  BalanceShrankPolicy() {
    kb_->entries.push_back(testing::entry("account.funds_abnormal", "账户资金异常", "已为您优先转接人工客服。",
                                          knowledge::HandoffMode::kHandPriority));
    kb_->entries.push_back(testing::entry("account.login_problem", "无法登录", "请重置密码。"));
  }
};

TEST_F(BalanceShrankPolicy, HandsOverWithTheAbnormalFundsEntry) {
  const auto ranked = testing::result({{"account.login_problem", 0.9}, {"account.funds_abnormal", 0.05}});
  Decision d = decide("卡里本来三万块登进去一看只剩八千了", ranked);
  EXPECT_EQ(d.action, Action::kHandoff);
  EXPECT_EQ(d.faq_id, "account.funds_abnormal");
  EXPECT_EQ(d.priority, Priority::kHigh);
  // The investor's own withdrawal explains it: answered as ranked.
  Decision own = decide("本来三万提现了两万二只剩八千了", ranked);
  EXPECT_EQ(own.action, Action::kAnswer);
  EXPECT_EQ(own.faq_id, "account.login_problem");
}

// The investor's own investing, then money held less or frozen: the money
// bid waits for the loan to fill.
TEST(BalanceStory, OwnInvestingThenLessIsTheFullBidWait) {
  for (const char* q : {"投了标以后可用余额少了是被冻结了吗", "投资之后账户余额变少了", "投了一笔之后可用的钱少了",
                        "出借以后余额怎么少了", "投了标以后可用余额少了 是被冻结了吗", "刚买了一个标钱就被冻结了",
                        "出借了两万之后可用资金减少了两万"}) {
    EXPECT_TRUE(tells_own_investing_then_less(q)) << q;
    EXPECT_FALSE(tells_balance_shrank(q)) << q;
  }
}

// Money gone without the investor's doing, not after investing, or
// something other than money: not the full-bid wait.
TEST(BalanceStory, MoneyGoneWithoutInvestingIsNoFullBidWait) {
  for (const char* q : {"没投资余额少了一半", "什么都没做钱少了", "投资的钱不见了也没有记录", "没投标余额却少了",
                        "没有投标账户余额少了五千", "投了标以后余额不见了", "投了一万余额却少了两万多扣了",
                        "投了标以后账户被盗钱少了", "投资之后收益变少了", "余额少了我昨天投了标",
                        "怎么投标", "投了标以后多久满标"}) {
    EXPECT_FALSE(tells_own_investing_then_less(q)) << q;
  }
}

// Two amounts told that differ, or the bid missing from the records: more
// or other money gone than the bid, for a person to look at. The same
// amount told twice is the bid.
TEST(BalanceStory, AmountsThatDifferOrNoRecordAreNoFullBidWait) {
  for (const char* q : {"投了一万余额少了两万", "我投了5000可是账户少了10000", "投了三百块余额少了五百块",
                        "投资之后余额少了但是投资记录里没有", "投了标以后余额少了跟投的对不上"}) {
    EXPECT_FALSE(tells_own_investing_then_less(q)) << q;
  }
  for (const char* q : {"投了一万余额少了一万是冻结了吗", "投了5000以后可用余额少了5000",
                        "投了一笔以后余额少了一些"}) {
    EXPECT_TRUE(tells_own_investing_then_less(q)) << q;
  }
}

TEST(BalanceStory, MoneyFrozenForNoReasonGiven) {
  EXPECT_TRUE(tells_money_frozen_unexplained("账户莫名其妙被冻住了里面还有三万块急用钱"));
  EXPECT_TRUE(tells_money_frozen_unexplained("无缘无故账户被冻结了余额两万多取不出来"));
  EXPECT_FALSE(tells_money_frozen_unexplained("账号被冻结了登录不了怎么回事")) << "no mystery, no money told";
  EXPECT_FALSE(tells_money_frozen_unexplained("账户莫名其妙被冻结了怎么解冻")) << "no money told in it";
  EXPECT_FALSE(tells_money_frozen_unexplained("投了标以后莫名其妙冻结了两万块")) << "the money bid";
  EXPECT_FALSE(tells_money_frozen_unexplained("万一账户莫名其妙被冻结了里面的钱还有吗")) << "a possibility";
}

TEST_F(BalanceShrankPolicy, MoneyFrozenForNoReasonGivenIsHandedOver) {
  const auto ranked = testing::result({{"account.login_problem", 0.65}, {"account.funds_abnormal", 0.1}});
  Decision d = decide("账户莫名其妙被冻住了里面还有三万块急用钱", ranked);
  EXPECT_EQ(d.action, Action::kHandoff);
  EXPECT_EQ(d.faq_id, "account.funds_abnormal");
  EXPECT_EQ(decide("账号被冻结了登录不了怎么回事", ranked).faq_id, "account.login_problem");
}

TEST_F(BalanceShrankPolicy, OwnInvestingThenLessIsAnsweredWithTheFullBidWait) {
  kb_->entries.push_back(testing::entry("invest.full_bid_wait", "满标前资金冻结", "满标前资金会被冻结。"));
  const auto ranked = testing::result({{"account.funds_abnormal", 0.72}, {"invest.full_bid_wait", 0.37}});
  Decision d = decide("投了标以后可用余额少了是被冻结了吗", ranked);
  EXPECT_EQ(d.action, Action::kAnswer);
  EXPECT_EQ(d.faq_id, "invest.full_bid_wait");
  EXPECT_DOUBLE_EQ(d.confidence, 0.37);
  // Money gone without the investor's doing is still handed over.
  for (const char* q : {"没投资余额少了一半", "什么都没做钱少了", "投资的钱不见了也没有记录"}) {
    Decision gone = decide(q, ranked);
    EXPECT_EQ(gone.action, Action::kHandoff) << q;
    EXPECT_EQ(gone.faq_id, "account.funds_abnormal") << q;
  }
  // Only when retrieval ranks the abnormal-funds entry first.
  Decision other = decide("投了标以后可用余额少了", testing::result({{"account.login_problem", 0.9}}));
  EXPECT_EQ(other.faq_id, "account.login_problem");
  // Switched off.
  Thresholds off;
  off.full_bid_entry = "";
  EXPECT_EQ(decide("投了标以后可用余额少了", ranked, {}, off).action, Action::kHandoff);
}

}  // namespace
}  // namespace faqbot::bot
