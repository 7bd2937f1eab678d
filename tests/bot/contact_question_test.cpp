// A number asked of the service (bot/contact_question.h) and the policy's
// rule 4a.
#include "bot/contact_question.h"

#include <gtest/gtest.h>

#include "bot/policy.h"
#include "fake_retriever.h"
#include "kb_fixture.h"
#include "policy_fixture.h"

namespace faqbot::bot {
namespace {

TEST(ContactQuestion, AsksForANumber) {
  EXPECT_TRUE(asks_for_a_number("人工客服电话"));
  EXPECT_TRUE(asks_for_a_number("你们有人工电话吗"));
  EXPECT_TRUE(asks_for_a_number("人工热线多少"));
  EXPECT_TRUE(asks_for_a_number("人工客服的联系方式"));
}

TEST(ContactQuestion, WhenSomeoneAnswersIsNoNumberAsked) {
  EXPECT_FALSE(asks_for_a_number("人工客服几点上班"));
  EXPECT_FALSE(asks_for_a_number("晚上有人接电话吗"));
  EXPECT_FALSE(asks_for_a_number("客服电话24小时都能打吗"));
  EXPECT_FALSE(asks_for_a_number("转人工"));
  EXPECT_FALSE(asks_for_a_number("找人工客服"));
  EXPECT_FALSE(asks_for_a_number("麻烦让人工客服给我回个电话")) << "a call asked of us";
  EXPECT_FALSE(asks_for_a_number("你们电话打了十几遍都没人接"));
}

class ContactPolicy : public testing::PolicyFixture {
 protected:
  ContactPolicy() {
    kb_->entries.push_back(testing::entry("service.contact", "客服电话是多少", "客服热线：{hotline}。"));
    kb_->entries.push_back(testing::entry("service.hours", "客服几点上班", "人工客服每天9:00-21:00在线。"));
    knowledge::assign_slots(kb_.get());
  }
};

TEST_F(ContactPolicy, ANumberAskedOfTheHumanServiceIsTheContact) {
  Decision d = decide("人工客服电话", testing::result({{"service.human", 0.66}, {"service.contact", 0.34}}));
  EXPECT_EQ(d.action, Action::kAnswer);
  EXPECT_EQ(d.faq_id, "service.contact");
  EXPECT_DOUBLE_EQ(d.confidence, 0.34);
  Decision hours = decide("你们有人工电话吗", testing::result({{"service.hours", 0.63}, {"service.contact", 0.37}}));
  EXPECT_EQ(hours.faq_id, "service.contact");
}

TEST_F(ContactPolicy, ANumberAskedIsAnsweredWhenTheContactLeadsOnlyAtClarify) {
  // The contact entry first but short of the answer threshold: asking for a
  // number is not ambiguous, so it is answered, not clarified.
  Decision d = decide("你们有人工电话吗", testing::result({{"service.contact", 0.28}, {"service.hours", 0.25}}));
  EXPECT_EQ(d.action, Action::kAnswer);
  EXPECT_EQ(d.faq_id, "service.contact");
  Decision vague = decide("客服", testing::result({{"service.contact", 0.28}, {"service.hours", 0.25}}));
  EXPECT_NE(vague.action, Action::kAnswer) << "no number asked: the thresholds decide";
  Decision theirs = decide("派出所电话多少", testing::result({{"service.contact", 0.28}, {"service.hours", 0.25}}));
  EXPECT_NE(theirs.action, Action::kAnswer) << "a number of someone else";
}

TEST_F(ContactPolicy, ARequestOrTheHoursStay) {
  const auto ranked = testing::result({{"service.human", 0.9}, {"service.contact", 0.05}});
  Signals human;
  human.human_request = true;
  Decision requested = decide("转人工电话多少", ranked, human);
  EXPECT_EQ(requested.action, Action::kHandoff);
  EXPECT_EQ(requested.faq_id, "service.human");
  EXPECT_EQ(decide("转人工", ranked).action, Action::kHandoff);
  Decision hours = decide("晚上有人接电话吗", testing::result({{"service.hours", 0.8}, {"service.contact", 0.1}}));
  EXPECT_EQ(hours.faq_id, "service.hours");
  // Another topic's entry is not bent (a withdrawal overdue told with a phone).
  Decision other = decide("提现超时了电话打不通", testing::result({{"withdraw.delayed", 0.8}, {"service.contact", 0.1}}));
  EXPECT_EQ(other.faq_id, "withdraw.delayed");
  // A complaint (a hand entry of the topic) stays one.
  Decision complaint = decide("我要投素你们电话多少", testing::result({{"service.complaint", 0.8}, {"service.contact", 0.3}}));
  EXPECT_EQ(complaint.faq_id, "service.complaint");
  // Only when retrieval finds the contact entry plausible.
  EXPECT_EQ(decide("人工客服电话", testing::result({{"service.human", 0.9}})).action, Action::kHandoff);
  EXPECT_EQ(decide("人工客服电话", testing::result({{"service.human", 0.9}, {"service.contact", 0.05}})).action,
            Action::kHandoff);
}

TEST_F(ContactPolicy, TheRuleIsASetting) {
  Thresholds off;
  off.contact_entry = "";
  const auto ranked = testing::result({{"service.human", 0.66}, {"service.contact", 0.34}});
  EXPECT_EQ(decide("人工客服电话", ranked, {}, off).action, Action::kHandoff);
}

}  // namespace
}  // namespace faqbot::bot
