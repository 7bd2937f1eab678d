// A withdrawal told overdue (bot/wait_story.h) and the policy's rule 2b.
#include "bot/wait_story.h"

#include <gtest/gtest.h>

#include "bot/policy.h"
#include "fake_retriever.h"
#include "kb_fixture.h"
#include "policy_fixture.h"

namespace faqbot::bot {
namespace {

TEST(WaitStory, DaysWaited) {
  EXPECT_EQ(days_waited("提现卡在处理中整整三天"), 3);
  EXPECT_EQ(days_waited("提现申请提交快一周了"), 7);
  EXPECT_EQ(days_waited("我上周三中午提的到现在都没到"), 7);
  EXPECT_EQ(days_waited("提了3个工作日了"), 3);
  EXPECT_EQ(days_waited("等了十二天"), 12);
  EXPECT_EQ(days_waited("前天提的"), 2);
  EXPECT_EQ(days_waited("好几天了"), 3);
  EXPECT_EQ(days_waited("上午10点提的现在12点还没到"), -1) << "hours are no days";
  EXPECT_EQ(days_waited("提现多久到账"), -1);
}

TEST(WaitStory, DaysWaitedWithoutACountOfDays) {
  EXPECT_EQ(days_waited("周末过了周一周二也过了还没到"), 4) << "days named as gone by";
  EXPECT_EQ(days_waited("周二提的钱今天周五了卡里还是没有"), 3) << "from one day of the week to another";
  EXPECT_EQ(days_waited("周五晚上提的现周六还没到是不是要等到周一"), 1) << "a third day is no later now";
  EXPECT_EQ(days_waited("我6号提交的提现今天11号了还没到账"), 5);
  EXPECT_EQ(days_waited("上上周提的"), 7);
  EXPECT_EQ(days_waited("一个礼拜了"), 7);
  EXPECT_EQ(days_waited("一个多星期了"), 7);
  EXPECT_EQ(days_waited("两周了"), 14);
  EXPECT_EQ(days_waited("快一周了"), 7);
  EXPECT_EQ(days_waited("一星期了"), 7);
  EXPECT_EQ(days_waited("十来天了"), 10);
  EXPECT_EQ(days_waited("提现已经超过48小时了"), 2);
  EXPECT_EQ(days_waited("提现三个小时了"), 0) << "hours under a day";
  EXPECT_EQ(days_waited("周一周二"), 1) << "一 is a day of the week, not one week";
}

TEST(WaitStory, TellsWaitOfHours) {
  EXPECT_TRUE(tells_wait_of_hours("我今天上午10点提的现现在中午12点还没到正常吗"));
  EXPECT_TRUE(tells_wait_of_hours("提现三个小时了还没到"));
  EXPECT_TRUE(tells_wait_of_hours("10点提的现在12点还没到"));
  EXPECT_TRUE(tells_wait_of_hours("刚提现完怎么还没到"));
  EXPECT_FALSE(tells_wait_of_hours("昨天上午10点提现的今天下午了还没到账")) << "an earlier day";
  EXPECT_FALSE(tells_wait_of_hours("周二上午提的现今天周三晚上8点了还没到账"));
  EXPECT_FALSE(tells_wait_of_hours("提现已经超过48小时了还显示处理中"));
  EXPECT_FALSE(tells_wait_of_hours("提现显示成功但银行卡没收到")) << "no wait told";
  EXPECT_FALSE(tells_wait_of_hours("提现怎么还没到快一点")) << "一点 is no time of day";
  EXPECT_FALSE(tells_wait_of_hours("今天上午10点提的大概什么时候到")) << "nothing told as not arrived";
}

TEST(WaitStory, TellsOverdueWithdrawal) {
  EXPECT_TRUE(tells_overdue_withdrawal("提现卡在处理中整整三天客服电话也打不通怎么办", 2));
  EXPECT_TRUE(tells_overdue_withdrawal("我上周三中午提的到现在都没到", 2));
  EXPECT_TRUE(tells_overdue_withdrawal("提现两天了还没收到", 2));
  EXPECT_FALSE(tells_overdue_withdrawal("昨天提的今天还没到", 2)) << "a day may still be expected";
  EXPECT_FALSE(tells_overdue_withdrawal("提现一般要两天吗", 2)) << "nothing told as not arrived";
  EXPECT_FALSE(tells_overdue_withdrawal("充值三天了还没到", 2)) << "no money taken out";
  EXPECT_FALSE(tells_overdue_withdrawal("今天上午10点提的现现在12点还没到正常吗", 2));
  EXPECT_TRUE(tells_overdue_withdrawal("提现周末过了周一周二也过了还没到", 2));
  EXPECT_TRUE(tells_overdue_withdrawal("提现好几天了还没到", 2));
  EXPECT_TRUE(tells_overdue_withdrawal("工作日上午十点提的 都过两天了 钱呢", 2)) << "asks where it is";
  EXPECT_TRUE(tells_overdue_withdrawal("三天前提现的钱去哪了", 2));
  EXPECT_FALSE(tells_overdue_withdrawal("提现要两天 那这两天的钱呢 有利息吗", 2)) << "other money asked about";
  EXPECT_FALSE(tells_overdue_withdrawal("昨天提的钱呢", 2)) << "a day may still be expected";
  EXPECT_TRUE(tells_overdue_withdrawal("我提咗款成个星期都未到", 2)) << "Cantonese: a whole week";
  EXPECT_FALSE(tells_overdue_withdrawal("我提咗款今日未到", 2)) << "Cantonese: the same day";
}

// The promised arrival time told gone by is past every expected arrival,
// however long it was; without money taken out named it is still the
// investor's money coming out, unless another flow is named.
TEST(WaitStory, PastThePromisedArrivalTime) {
  EXPECT_TRUE(tells_overdue_withdrawal("说好的到账时间过了钱还没到", 2));
  EXPECT_TRUE(tells_overdue_withdrawal("昨天提的已经超过预计到账时间了还没收到", 2));
  EXPECT_FALSE(tells_overdue_withdrawal("充值说好的到账时间过了还没到", 2)) << "a recharge";
  EXPECT_FALSE(tells_overdue_withdrawal("借款到账时间过了还没放款", 2)) << "a loan";
  EXPECT_FALSE(tells_overdue_withdrawal("到账时间过了吗", 2)) << "nothing told as not arrived";
  EXPECT_FALSE(tells_overdue_withdrawal("提现超过到账时间怎么办", 2)) << "nothing told as not arrived";
}

// English day counts, as normalised (spaces dropped; withdrawal, arrived
// read 提现, 到账 by the synonym map), and Chinese told without a word of
// arrival (一直没动静).
TEST(WaitStory, EnglishDayCounts) {
  EXPECT_EQ(days_waited("my提现hasbeenprocessingfor5daysandnothing到账"), 5);
  EXPECT_EQ(days_waited("iwithdrewmoneyaweekagoandstillhaventgotit"), 7);
  EXPECT_EQ(days_waited("waitedtwoweeksformy提现whereisit"), 14);
  EXPECT_EQ(days_waited("提现stuckfor48hours"), 2);
  EXPECT_EQ(days_waited("stillhaventreceivedmymoneyafteraweek"), 7);
  EXPECT_EQ(days_waited("提现lastweekstillnot到账"), 7);
  EXPECT_EQ(days_waited("howmanydaysuntilmy提现reachesmybank"), -1) << "no count";
  EXPECT_EQ(days_waited("if提现onsaturdaywhenwillit到账"), -1);
  EXPECT_EQ(days_waited("can提现ontheweekendortoday"), -1);
  EXPECT_EQ(days_waited("提现weeklylimit"), -1);
}

TEST(WaitStory, TellsOverdueWithdrawalInEnglish) {
  EXPECT_TRUE(tells_overdue_withdrawal("my提现hasbeenprocessingfor5daysandnothing到账", 2));
  EXPECT_TRUE(tells_overdue_withdrawal("iwithdrewmoneyaweekagoandstillhaventgotit", 2));
  EXPECT_TRUE(tells_overdue_withdrawal("提现stuckforthreedayspleasecheck", 2));
  EXPECT_TRUE(tells_overdue_withdrawal("提现申请交上去半个月了一直没动静", 2));
  EXPECT_FALSE(tells_overdue_withdrawal("howlongdoesa提现take", 2));
  EXPECT_FALSE(tells_overdue_withdrawal("does提现take2days", 2)) << "nothing told as not arrived";
  EXPECT_FALSE(tells_overdue_withdrawal("my提现hasnt到账yetiwithdrewanhourago", 2)) << "an hour";
  EXPECT_FALSE(tells_overdue_withdrawal("我充值三天了一直没动静", 2)) << "no money taken out";
}

// Someone else's money told arrived beside the investor's told not arrived.
TEST(WaitStory, ComparesWithAnothersArrival) {
  EXPECT_TRUE(compares_with_anothers_arrival("同事跟我一起提的他的到了我的还没到"));
  EXPECT_TRUE(compares_with_anothers_arrival("为什么别人提现都到账了我的还在处理"));
  EXPECT_TRUE(compares_with_anothers_arrival("我和老公同时提现他建行卡先到我的没到"));
  EXPECT_FALSE(compares_with_anothers_arrival("提现三天了还没到")) << "no one else";
  EXPECT_FALSE(compares_with_anothers_arrival("朋友说提现很快就到我的还没到")) << "theirs not told arrived";
  EXPECT_FALSE(compares_with_anothers_arrival("我朋友的提现到了吗")) << "nothing told as not arrived";
  EXPECT_FALSE(compares_with_anothers_arrival("充值朋友的先到了我的没到")) << "no money taken out";
}

class OverdueWithdrawalPolicy : public testing::PolicyFixture {};

// The fixture's knowledge base has no banks' difference entry: the rule
// answers with the arrival times here.
TEST_F(OverdueWithdrawalPolicy, AnothersArrivalIsTheBanksDifference) {
  Thresholds t;
  t.compared_arrival_entry = "withdraw.arrival_time";
  auto decide_with = [&](const Thresholds& th, const char* text) {
    retrieval::SearchResult r = testing::result({{"withdraw.delayed", 0.88}, {"withdraw.arrival_time", 0.06}});
    r.normalized = text;
    return Policy(th).decide(r, *kb_, conversation_, {});
  };
  Decision d = decide_with(t, "同事跟我一起提的他的到了我的还没到");
  EXPECT_EQ(d.action, Action::kAnswer);
  EXPECT_EQ(d.faq_id, "withdraw.arrival_time");
  EXPECT_DOUBLE_EQ(d.confidence, 0.06);
  // An overdue wait still goes to a person.
  EXPECT_EQ(decide_with(t, "同事跟我一起提的他的早到了我的三天了还没到").action, Action::kHandoff);
  // Switched off, or an entry the knowledge base lacks (the default here).
  Thresholds off;
  off.compared_arrival_entry = "";
  EXPECT_EQ(decide_with(off, "同事跟我一起提的他的到了我的还没到").action, Action::kHandoff);
  EXPECT_EQ(decide_with(Thresholds{}, "同事跟我一起提的他的到了我的还没到").action, Action::kHandoff);
}

TEST_F(OverdueWithdrawalPolicy, HandsOverWithTheOverdueEntry) {
  const auto ranked = testing::result({{"withdraw.holiday", 0.87}, {"withdraw.delayed", 0.1}});
  Decision d = decide("上周五上午提现周末过了周一周二也过了还是没到", ranked);
  EXPECT_EQ(d.action, Action::kHandoff);
  EXPECT_EQ(d.faq_id, "withdraw.delayed");
  EXPECT_DOUBLE_EQ(d.confidence, 0.1);
  EXPECT_EQ(d.reason, HandoffReason::kEntry);
  // Whatever else retrieval ranks.
  Decision unranked = decide("提现卡在处理中整整三天客服电话也打不通怎么办",
                             testing::result({{"withdraw.holiday", 0.9}, {"withdraw.fee", 0.05}}));
  EXPECT_EQ(unranked.action, Action::kHandoff);
  EXPECT_EQ(unranked.faq_id, "withdraw.delayed");
  // A wait of hours is answered as asked.
  Decision hours = decide("上午10点提的现在12点还没到正常吗", ranked);
  EXPECT_EQ(hours.action, Action::kAnswer);
  EXPECT_EQ(hours.faq_id, "withdraw.holiday");
}

TEST_F(OverdueWithdrawalPolicy, AWaitOfHoursIsAnsweredWithTheArrivalTimes) {
  const auto ranked = testing::result({{"withdraw.delayed", 0.63}, {"withdraw.arrival_time", 0.05}});
  Decision d = decide("我今天上午10点提的现现在中午12点还没到正常吗", ranked);
  EXPECT_EQ(d.action, Action::kAnswer);
  EXPECT_EQ(d.faq_id, "withdraw.arrival_time");
  EXPECT_DOUBLE_EQ(d.confidence, 0.05);
  // A day or more still goes to a person.
  EXPECT_EQ(decide("昨天上午10点提的今天下午了还没到", ranked).action, Action::kHandoff);
  // Only when retrieval ranks the overdue entry first.
  Decision other = decide("今天上午10点提的现现在12点还没到", testing::result({{"withdraw.holiday", 0.87}}));
  EXPECT_EQ(other.faq_id, "withdraw.holiday");
  // Switched off.
  Thresholds off;
  off.early_withdrawal_entry = "";
  retrieval::SearchResult r = ranked;
  r.normalized = "今天上午10点提的现现在12点还没到";
  EXPECT_EQ(Policy(off).decide(r, *kb_, conversation_, {}).action, Action::kHandoff);
}

TEST_F(OverdueWithdrawalPolicy, TheRuleIsASetting) {
  retrieval::SearchResult r = testing::result({{"withdraw.holiday", 0.87}, {"withdraw.delayed", 0.1}});
  r.normalized = "提现三天了还没到";
  for (const char* entry : {"", "withdraw.no_such_entry"}) {
    Thresholds t;
    t.overdue_withdrawal_entry = entry;
    EXPECT_EQ(Policy(t).decide(r, *kb_, conversation_, {}).faq_id, "withdraw.holiday") << entry;
  }
  Thresholds longer;
  longer.overdue_withdrawal_days = 5;
  EXPECT_EQ(Policy(longer).decide(r, *kb_, conversation_, {}).faq_id, "withdraw.holiday");
}

}  // namespace
}  // namespace faqbot::bot
