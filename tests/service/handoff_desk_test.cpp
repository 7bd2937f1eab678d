// The handoff desk over a real SQLite store: every investor-visible notice
// and state line follows from the ticket's current state, in any sequence of
// claim / transfer / close / sweep / out-of-hours / callback / complaint.
#include <random>

#include "bot/wording.h"
#include "service_fixture.h"

namespace faqbot::service {
namespace {

class HandoffDeskTest : public ServiceTest {
 protected:
  const bot::Engine& engine() { return *engines_->current(); }

  std::vector<store::Message> transcript(const std::string& label) {
    auto msgs = service_->messages(id(label), 0);
    EXPECT_TRUE(msgs.ok());
    return msgs.ok() ? msgs.value() : std::vector<store::Message>{};
  }

  // The notice `event` says for `t` as the investor reads it.
  std::string notice(HandoffEvent event, const store::Ticket& t) {
    return handoff_notice(engine(), options().hours, event, t, "");
  }
  const ServiceOptions& options() { return service_->options(); }

  // Checks that what `label`'s investor sees agrees with the ticket's state
  // now: the handoff object, its state line, and the last notice since the
  // handoff opened.
  void expect_consistent(const std::string& label, const std::string& step) {
    SCOPED_TRACE(step);
    auto h = service_->handoff_of(id(label));
    ASSERT_TRUE(h.ok());
    const std::vector<store::Message> msgs = transcript(label);
    for (const store::Message& m : msgs) {
      EXPECT_EQ(m.text.find("已转交人工客服"), std::string::npos) << m.text;
    }
    if (!h->has_value()) return;
    const HandoffInfo& info = h.value().value();
    auto ticket = store_->get_ticket(info.ticket_id);
    ASSERT_TRUE(ticket.ok());
    const store::Ticket& t = ticket.value();
    EXPECT_EQ(info.state, to_string(state_of(t)));
    EXPECT_EQ(info.line, state_line(engine(), options().hours, t, info.queue_position));
    EXPECT_EQ(info.agent, with_agent(state_of(t)) ? t.claimed_by : "");
    // The last system notice after the bubble that opened this ticket.
    size_t opened = 0;
    for (size_t i = 0; i < msgs.size(); ++i) {
      if (msgs[i].role == store::Role::kBot && msgs[i].action == "handoff") opened = i;
    }
    std::string last;
    for (size_t i = opened; i < msgs.size(); ++i) {
      if (msgs[i].role == store::Role::kSystem) last = msgs[i].text;
    }
    const std::string escalated = notice(HandoffEvent::kEscalated, t);
    switch (state_of(t)) {
      case TicketState::kWaiting:
        if (t.expected_reply_at_ms == 0) {
          EXPECT_TRUE(last.empty() || last == escalated) << last;
        } else {
          EXPECT_TRUE(last.empty() || last == escalated || last == notice(HandoffEvent::kNoClaim, t)) << last;
        }
        break;
      case TicketState::kCallbackScheduled:
        EXPECT_TRUE(last == notice(HandoffEvent::kCallbackScheduled, t) || last == escalated) << last;
        break;
      case TicketState::kClaimed: EXPECT_EQ(last, notice(HandoffEvent::kClaimed, t)); break;
      case TicketState::kTransferred: EXPECT_EQ(last, notice(HandoffEvent::kTransferred, t)); break;
      case TicketState::kClosed: EXPECT_EQ(last, notice(HandoffEvent::kClosed, t)); break;
    }
  }

  int64_t ticket_of(const std::string& label) {
    auto h = service_->handoff_of(id(label));
    return h.ok() && h->has_value() ? h.value()->ticket_id : 0;
  }
};

TEST_F(HandoffDeskTest, NoContradictingNoticeInAnySequence) {
  const int64_t day = now_.load(), night = kMidnightUtc + 14 * kHour;  // 11:00, 22:00 local
  std::mt19937 rng(20261201);
  for (int run = 0; run < 60; ++run) {
    const std::string label = "seq" + std::to_string(run);
    now_ = day;
    chat(label, "你好");
    std::string trace;
    for (int step = 0; step < 10; ++step) {
      const int op = static_cast<int>(rng() % 12);
      trace += std::to_string(op) + " ";
      const size_t before = transcript(label).size();
      const int64_t ticket = ticket_of(label);
      bool ok = true;
      switch (op) {
        case 0: chat(label, "提现多久到账"); break;
        case 1: chat(label, "转人工"); break;
        case 2: ok = service_->claim(ticket, "alice").ok(); break;
        case 3: ok = service_->claim(ticket, "bob").ok(); break;
        case 4: ok = service_->transfer(ticket, "alice", "bob").ok(); break;
        case 5: ok = service_->transfer(ticket, "bob", "alice").ok(); break;
        case 6: ok = service_->close(ticket, "alice", "").ok(); break;
        case 7: ok = service_->close(ticket, "bob", "").ok(); break;
        case 8: now_ += 121000; service_->sweep(); break;
        case 9: now_ = now_.load() == night ? day : night; break;
        case 10: chat(label, "我的手机 13800138000"); break;
        case 11: chat(label, "我要投诉"); break;
      }
      if (!ok) EXPECT_EQ(transcript(label).size(), before) << "a refused action said something: " << trace;
      expect_consistent(label, trace);
    }
  }
}

TEST_F(HandoffDeskTest, WaitingMessagesGetNoRepeatedNotice) {
  chat("w", "转人工");
  for (const char* text : {"在吗", "提现多久到账", "好的"}) {
    ChatReply r = chat("w", text);
    EXPECT_TRUE(r.routed_to_agent);
    EXPECT_EQ(r.text, "");  // the state line says where the ticket is
    ASSERT_TRUE(r.handoff);
    EXPECT_EQ(r.handoff->line, "排队中：您排在第 1 位");
  }
  for (const store::Message& m : transcript("w")) EXPECT_NE(m.role, store::Role::kSystem);
}

TEST_F(HandoffDeskTest, ComplaintWhileWaitingRaisesPriorityOnce) {
  chat("first", "转人工");
  ChatReply h = chat("later", "转人工");
  ASSERT_TRUE(h.handoff);
  EXPECT_EQ(h.handoff->priority, "normal");
  EXPECT_EQ(h.handoff->queue_position, 2);

  ChatReply complaint = chat("later", "再不处理我要投诉你们");
  ASSERT_TRUE(complaint.handoff);
  EXPECT_EQ(complaint.handoff->priority, "high");
  EXPECT_EQ(complaint.handoff->reason, "complaint");
  EXPECT_EQ(complaint.handoff->queue_position, 1);  // ahead of the earlier normal ticket
  EXPECT_EQ(complaint.text, notice(HandoffEvent::kEscalated, store_->get_ticket(h.handoff->ticket_id).value()));
  EXPECT_EQ(service_->stats().escalations, 1);

  ChatReply again = chat("later", "投诉！！");
  EXPECT_EQ(again.text, "");  // already high: said once
  auto queue = service_->list_tickets(store::TicketStatus::kWaiting);
  ASSERT_TRUE(queue.ok());
  ASSERT_EQ(queue->size(), 2u);
  EXPECT_EQ(queue->at(0).ticket.session_id, id("later"));
  EXPECT_EQ(queue->at(0).ticket.reason, "complaint");
  EXPECT_EQ(queue->at(0).question, "投诉！！");  // the investor's own words, not 转人工
}

TEST_F(HandoffDeskTest, MoneyAtRiskWhileWaitingRaisesPriority) {
  chat("m", "转人工");
  ChatReply r = chat("m", "我好像被骗了");
  ASSERT_TRUE(r.handoff);
  EXPECT_EQ(r.handoff->priority, "high");
  EXPECT_EQ(r.handoff->reason, "money_at_risk");
}

TEST_F(HandoffDeskTest, QueueShowsTheRealQuestion) {
  chat("q", "提现多久到账呀，都三天了");
  chat("q", "转人工");
  auto queue = service_->list_tickets(store::TicketStatus::kWaiting);
  ASSERT_TRUE(queue.ok());
  ASSERT_EQ(queue->size(), 1u);
  EXPECT_EQ(queue->at(0).question, "提现多久到账呀，都三天了");
  EXPECT_EQ(queue->at(0).last_investor_text, "转人工");
  EXPECT_EQ(queue->at(0).ticket.reason, "explicit_request");
}

TEST_F(HandoffDeskTest, CallbackFromOutOfHoursToTheCallbacksList) {
  now_ = kMidnightUtc + 14 * kHour;  // 22:00 local: closed
  ChatReply h = chat("night", "转人工");
  ASSERT_TRUE(h.handoff);
  EXPECT_EQ(h.handoff->state, "waiting");
  EXPECT_EQ(h.handoff->expected_reply_at_ms, kMidnightUtc + 25 * kHour);
  // One bubble: no "transferring, please wait" beside "cannot connect".
  EXPECT_EQ(h.text, notice(HandoffEvent::kOpenedOutOfHours, store_->get_ticket(h.handoff->ticket_id).value()));
  EXPECT_EQ(h.text.find("正在为您转接"), std::string::npos);
  EXPECT_NE(h.text.find("手机号码"), std::string::npos) << h.text;
  // A ticket opened later in the test but promised sooner: nobody claims it
  // at 20:00, so the sweep promises 20:32 the same evening.
  now_ = kMidnightUtc + 12 * kHour;  // 20:00 local, open
  chat("evening", "转人工");
  now_ += 121000;
  EXPECT_EQ(service_->sweep(), 1);

  ChatReply number = chat("night", "好的 138-0013-8000");
  ASSERT_TRUE(number.handoff);
  EXPECT_EQ(number.handoff->state, "callback_scheduled");
  EXPECT_NE(number.text.find("8000"), std::string::npos) << number.text;
  EXPECT_NE(number.text.find("11月24日 09:00"), std::string::npos) << number.text;
  EXPECT_EQ(number.handoff->line, state_line(engine(), options().hours,
                                             store_->get_ticket(h.handoff->ticket_id).value(), 0));
  chat("evening", "13912345678");

  // The number is masked in the transcript and in every view but the owner's.
  for (const store::Message& m : transcript("night")) {
    EXPECT_EQ(m.text.find("0013-8000"), std::string::npos) << m.text;
  }
  auto list = service_->callbacks("bob");
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ(list->at(0).ticket.session_id, id("evening"));  // the earliest promised time first
  EXPECT_LT(list->at(0).ticket.expected_reply_at_ms, list->at(1).ticket.expected_reply_at_ms);
  for (const TicketView& v : list.value()) {
    EXPECT_EQ(v.kind, "callback");
    EXPECT_EQ(v.ticket.callback_phone.find("0013"), std::string::npos) << v.ticket.callback_phone;
  }
  auto queue = service_->list_tickets(store::TicketStatus::kWaiting);
  ASSERT_TRUE(queue.ok());
  for (const TicketView& v : queue.value()) EXPECT_EQ(v.ticket.callback_phone.find("0013"), std::string::npos);

  ASSERT_TRUE(service_->claim(h.handoff->ticket_id, "alice").ok());
  EXPECT_EQ(service_->ticket_detail(h.handoff->ticket_id, "alice")->view.ticket.callback_phone, "13800138000");
  EXPECT_EQ(service_->ticket_detail(h.handoff->ticket_id, "bob")->view.ticket.callback_phone, "138****8000");
  EXPECT_EQ(service_->ticket_detail(h.handoff->ticket_id)->view.ticket.callback_phone, "138****8000");
  EXPECT_EQ(service_->stats().callbacks_scheduled, 2);
}

TEST_F(HandoffDeskTest, ANumberNobodyAskedForSchedulesNothing) {
  ChatReply h = chat("d", "转人工");  // inside hours, no time promised
  ChatReply r = chat("d", "13800138000");
  ASSERT_TRUE(r.handoff);
  EXPECT_EQ(r.handoff->state, "waiting");
  EXPECT_EQ(store_->get_ticket(h.handoff->ticket_id)->callback_phone, "");
}

TEST_F(HandoffDeskTest, TransferHandsTheConversationToAnotherAgent) {
  ChatReply h = chat("t", "转人工");
  const int64_t ticket = h.handoff->ticket_id;
  EXPECT_EQ(service_->transfer(ticket, "alice", "bob").status().code(), StatusCode::kFailedPrecondition);
  auto claimed = service_->claim(ticket, "alice");
  ASSERT_TRUE(claimed.ok()) << claimed.status().message();
  auto moved = service_->transfer(ticket, "alice", "bob");
  ASSERT_TRUE(moved.ok());
  EXPECT_EQ(moved->claimed_by, "bob");
  EXPECT_EQ(service_->agent_reply(ticket, "alice", "您好").status().code(), StatusCode::kFailedPrecondition);
  EXPECT_TRUE(service_->agent_reply(ticket, "bob", "您好，我来跟进").ok());
  auto info = service_->handoff_of(id("t"));
  ASSERT_TRUE(info.ok() && info->has_value());
  EXPECT_EQ(info.value()->state, "transferred");
  EXPECT_EQ(info.value()->agent, "bob");
  EXPECT_EQ(info.value()->line, "人工客服 bob 为您服务");
  const auto msgs = transcript("t");
  EXPECT_EQ(msgs[msgs.size() - 2].text, "您的对话已转交给人工客服 bob，请您稍候。");
  ASSERT_TRUE(service_->close(ticket, "bob", "").ok());
}

TEST_F(HandoffDeskTest, HandoffOfFollowsTheTicketUntilTheBotIsBack) {
  chat("h", "提现多久到账");
  EXPECT_FALSE(service_->handoff_of(id("h"))->has_value());
  ChatReply h = chat("h", "转人工");
  EXPECT_EQ(service_->handoff_of(id("h")).value()->status, "waiting");
  ASSERT_TRUE(service_->claim(h.handoff->ticket_id, "alice").ok());
  EXPECT_EQ(service_->handoff_of(id("h")).value()->status, "active");
  ASSERT_TRUE(service_->close(h.handoff->ticket_id, "alice", "").ok());
  auto closed = service_->handoff_of(id("h"));
  ASSERT_TRUE(closed->has_value());
  EXPECT_EQ(closed.value()->status, "closed");
  EXPECT_EQ(closed.value()->ticket_id, h.handoff->ticket_id);
  chat("h", "提现多久到账");  // back with the bot
  EXPECT_FALSE(service_->handoff_of(id("h"))->has_value());
}

// Every handoff text comes from replies.json: an operator's change shows.
class OperatorTextsTest : public HandoffDeskTest {
 protected:
  OperatorTextsTest() {
    for (const char* key : {"out_of_hours", "handoff_no_claim", "callback_scheduled", "agent_joined",
                            "agent_transferred", "handoff_escalated", "handoff_closed", "state_waiting",
                            "state_promised", "state_callback", "state_agent", "state_closed"}) {
      replies_[key] = std::string("〔") + key + "〕{reply_time}{agent}{phone_tail}{queue_position}。〔" + key + "〕";
    }
  }
  // The marker of `key` reaches the investor: in a reply, a stored message or the state line.
  void expect_seen(const std::string& key, const std::string& label, const ChatReply* reply = nullptr) {
    const std::string marker = "〔" + key + "〕";
    bool seen = reply && (reply->text.find(marker) != std::string::npos ||
                          (reply->handoff && reply->handoff->line.find(marker) != std::string::npos));
    for (const store::Message& m : transcript(label)) seen = seen || m.text.find(marker) != std::string::npos;
    auto h = service_->handoff_of(id(label));
    if (h.ok() && h->has_value()) seen = seen || h.value()->line.find(marker) != std::string::npos;
    EXPECT_TRUE(seen) << key;
  }
};

TEST_F(OperatorTextsTest, EachHandoffTextIsTheOperators) {
  ChatReply w = chat("a", "转人工");
  expect_seen("state_waiting", "a", &w);
  ChatReply esc = chat("a", "我要投诉");
  expect_seen("handoff_escalated", "a", &esc);
  ASSERT_TRUE(service_->claim(w.handoff->ticket_id, "alice").ok());
  expect_seen("agent_joined", "a");
  expect_seen("state_agent", "a");
  ASSERT_TRUE(service_->transfer(w.handoff->ticket_id, "alice", "bob").ok());
  expect_seen("agent_transferred", "a");
  ASSERT_TRUE(service_->close(w.handoff->ticket_id, "bob", "").ok());
  expect_seen("handoff_closed", "a");
  expect_seen("state_closed", "a");

  chat("b", "转人工");
  now_ += 121000;
  ASSERT_EQ(service_->sweep(), 1);
  expect_seen("handoff_no_claim", "b");
  expect_seen("state_promised", "b");

  now_ = kMidnightUtc + 14 * kHour;
  ChatReply night = chat("c", "转人工");
  expect_seen("out_of_hours", "c", &night);
  ChatReply cb = chat("c", "13800138000");
  expect_seen("callback_scheduled", "c", &cb);
  expect_seen("state_callback", "c", &cb);
}

}  // namespace
}  // namespace faqbot::service
