// The ticket's state machine: which transitions each state allows.
#include "bot/service/ticket_state.h"

#include <gtest/gtest.h>

namespace faqbot::service {
namespace {

store::Ticket waiting() {
  store::Ticket t;
  t.id = 7;
  t.session_id = "s";
  return t;
}

TEST(TicketState, ReadsTheStateFromTheStoredFields) {
  store::Ticket t = waiting();
  EXPECT_EQ(state_of(t), TicketState::kWaiting);
  t.callback_phone = "13800138000";
  EXPECT_EQ(state_of(t), TicketState::kCallbackScheduled);
  t.status = store::TicketStatus::kActive;
  EXPECT_EQ(state_of(t), TicketState::kClaimed);
  t.transferred_from = "alice";
  EXPECT_EQ(state_of(t), TicketState::kTransferred);
  t.status = store::TicketStatus::kClosed;
  EXPECT_EQ(state_of(t), TicketState::kClosed);
  EXPECT_STREQ(to_string(TicketState::kCallbackScheduled), "callback_scheduled");
}

TEST(TicketState, ClaimTransferClose) {
  auto claimed = transition::claim(waiting(), "alice", 100);
  ASSERT_TRUE(claimed.ok());
  EXPECT_EQ(state_of(claimed.value()), TicketState::kClaimed);
  EXPECT_EQ(claimed->claimed_at_ms, 100);
  EXPECT_EQ(transition::claim(claimed.value(), "bob", 101).status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(transition::transfer(claimed.value(), "bob", "carol", 101).status().code(),
            StatusCode::kFailedPrecondition);  // only the holder hands over
  EXPECT_EQ(transition::transfer(claimed.value(), "alice", "alice", 101).status().code(),
            StatusCode::kInvalidArgument);
  auto moved = transition::transfer(claimed.value(), "alice", "bob", 102);
  ASSERT_TRUE(moved.ok());
  EXPECT_EQ(state_of(moved.value()), TicketState::kTransferred);
  EXPECT_EQ(moved->claimed_by, "bob");
  EXPECT_EQ(moved->transferred_from, "alice");
  EXPECT_EQ(transition::close(moved.value(), "alice", "", 103).status().code(), StatusCode::kFailedPrecondition);
  auto closed = transition::close(moved.value(), "bob", "done", 103);
  ASSERT_TRUE(closed.ok());
  EXPECT_EQ(state_of(closed.value()), TicketState::kClosed);
  EXPECT_EQ(transition::claim(closed.value(), "bob", 104).status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(transition::close(closed.value(), "bob", "", 104).status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(transition::escalate(closed.value(), bot::HandoffReason::kComplaint).status().code(),
            StatusCode::kFailedPrecondition);
  EXPECT_EQ(transition::promise(closed.value(), 104).status().code(), StatusCode::kFailedPrecondition);
}

TEST(TicketState, CallbackAndEscalationOnlyWhileWaiting) {
  auto promised = transition::promise(waiting(), 5000);
  ASSERT_TRUE(promised.ok());
  EXPECT_EQ(transition::promise(promised.value(), 6000).status().code(), StatusCode::kFailedPrecondition);
  auto cb = transition::schedule_callback(promised.value(), "13800138000", 5000);
  ASSERT_TRUE(cb.ok());
  EXPECT_EQ(state_of(cb.value()), TicketState::kCallbackScheduled);
  auto high = transition::escalate(cb.value(), bot::HandoffReason::kComplaint);
  ASSERT_TRUE(high.ok());
  EXPECT_EQ(high->priority, bot::Priority::kHigh);
  EXPECT_EQ(high->reason, "complaint");
  EXPECT_EQ(transition::escalate(high.value(), bot::HandoffReason::kAnger).status().code(),
            StatusCode::kFailedPrecondition);  // already high: nothing to say twice
  EXPECT_EQ(transition::escalate(waiting(), bot::HandoffReason::kExplicitRequest).status().code(),
            StatusCode::kFailedPrecondition);  // not a reason for priority
  auto claimed = transition::claim(high.value(), "alice", 1);
  ASSERT_TRUE(claimed.ok());
  EXPECT_EQ(transition::schedule_callback(claimed.value(), "13800138000", 1).status().code(),
            StatusCode::kFailedPrecondition);
  EXPECT_EQ(transition::escalate(claimed.value(), bot::HandoffReason::kComplaint).status().code(),
            StatusCode::kFailedPrecondition);
}

TEST(TicketState, FindsAMobileNumberHoweverTyped) {
  EXPECT_EQ(find_mobile_number("13800138000"), "13800138000");
  EXPECT_EQ(find_mobile_number("我的电话是138 0013 8000，谢谢"), "13800138000");
  EXPECT_EQ(find_mobile_number("+86-138-0013-8000"), "13800138000");
  EXPECT_EQ(find_mobile_number("１３８００１３８０００"), "13800138000");
  EXPECT_EQ(find_mobile_number("订单号 12345678901"), "");       // not a mobile prefix
  EXPECT_EQ(find_mobile_number("6222020200112233"), "");         // a card
  EXPECT_EQ(find_mobile_number("提现500元还没到"), "");
}

}  // namespace
}  // namespace faqbot::service
