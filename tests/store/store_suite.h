#pragma once
// One behavioural suite for every Store implementation: a type-parameterised
// GoogleTest suite over a Backend (see store_backends.h), instantiated by
// sqlite_store_test.cpp and postgres_store_test.cpp.
#include "bot/store/store.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <set>
#include <thread>
#include <vector>


namespace faqbot::store {

template <typename Backend>
class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    backend_ = std::make_unique<Backend>();
    const std::string why = backend_->skip_reason();
    if (!why.empty()) GTEST_SKIP() << why;
    reopen();
  }

  void reopen(const StoreOptions& options = {}) {
    store_.reset();
    auto opened = backend_->open(options);
    ASSERT_TRUE(opened.ok()) << opened.status().message();
    store_ = std::move(opened).value();
  }

  Store& store() { return *store_; }

  Session session(const std::string& id) {
    Session s;
    s.id = id;
    s.user_id = "u-" + id;
    s.channel = "web";
    s.state = R"({"consecutive_fallbacks":0})";
    return s;
  }

  static NewMessage msg(Role role, const std::string& text) {
    NewMessage m;
    m.role = role;
    m.text = text;
    return m;
  }

  // A session with one investor message; returns the message id.
  int64_t chat(const std::string& session_id, const std::string& text) {
    Turn turn;
    turn.session = session(session_id);
    turn.messages.push_back(msg(Role::kInvestor, text));
    auto r = store().record_turn(turn);
    EXPECT_TRUE(r.ok()) << r.status().message();
    return r.ok() ? r->message_ids.at(0) : 0;
  }

  Ticket ticket_for(const std::string& session_id, Priority priority, int64_t created_at) {
    chat(session_id, "转人工");
    NewTicket t;
    t.priority = priority;
    t.reason = "explicit_request";
    t.created_at_ms = created_at;
    auto r = store().open_ticket(session_id, t);
    EXPECT_TRUE(r.ok()) << r.status().message();
    return r.ok() ? r.value() : Ticket{};
  }

  std::unique_ptr<Backend> backend_;
  std::unique_ptr<Store> store_;
};

TYPED_TEST_SUITE_P(StoreTest);

TYPED_TEST_P(StoreTest, SessionRoundTripKeepsCreatedAt) {
  Session s = this->session("s1");
  s.channel = "telegram";
  s.channel_ref = R"({"chat_id":42})";
  s.customer_name = "王先生";
  s.created_at_ms = 1000;
  s.updated_at_ms = 1000;
  ASSERT_TRUE(this->store().put_session(s).ok());

  s.state = R"({"last_faq_id":"withdraw_time"})";
  s.created_at_ms = 0;
  s.updated_at_ms = 5000;
  ASSERT_TRUE(this->store().put_session(s).ok());

  auto got = this->store().get_session("s1");
  ASSERT_TRUE(got.ok()) << got.status().message();
  EXPECT_EQ(got->user_id, "u-s1");
  EXPECT_EQ(got->channel, "telegram");
  EXPECT_EQ(got->channel_ref, R"({"chat_id":42})");
  EXPECT_EQ(got->customer_name, "王先生");
  EXPECT_EQ(got->state, R"({"last_faq_id":"withdraw_time"})");
  EXPECT_EQ(got->created_at_ms, 1000);
  EXPECT_EQ(got->updated_at_ms, 5000);

  EXPECT_EQ(this->store().get_session("nope").status().code(), StatusCode::kNotFound);
  EXPECT_EQ(this->store().put_session(this->session("")).code(), StatusCode::kInvalidArgument);
}

TYPED_TEST_P(StoreTest, MessagesRoundTripAndAfter) {
  Turn turn;
  turn.session = this->session("s1");
  turn.messages.push_back(this->msg(Role::kInvestor, "提现多久到账"));
  NewMessage bot = this->msg(Role::kBot, "一般情况下1-3个工作日到账，具体以页面为准。");
  bot.action = "answer";
  bot.faq_id = "withdraw_time";
  bot.confidence = 0.875;
  bot.created_at_ms = 123456;
  turn.messages.push_back(bot);
  auto r = this->store().record_turn(turn);
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->message_ids.size(), 2u);
  EXPECT_LT(r->message_ids[0], r->message_ids[1]);
  EXPECT_FALSE(r->ticket.has_value());

  NewMessage agent = this->msg(Role::kAgent, "您好，我是客服小李");
  agent.agent_id = "a1";
  auto agent_id = this->store().append_message("s1", agent);
  ASSERT_TRUE(agent_id.ok()) << agent_id.status().message();
  EXPECT_GT(agent_id.value(), r->message_ids[1]);

  auto all = this->store().messages_after("s1", 0);
  ASSERT_TRUE(all.ok()) << all.status().message();
  ASSERT_EQ(all->size(), 3u);
  EXPECT_EQ(all.value()[0].role, Role::kInvestor);
  EXPECT_EQ(all.value()[0].text, "提现多久到账");
  EXPECT_EQ(all.value()[0].session_id, "s1");
  EXPECT_GT(all.value()[0].created_at_ms, 0);
  EXPECT_EQ(all.value()[1].role, Role::kBot);
  EXPECT_EQ(all.value()[1].action, "answer");
  EXPECT_EQ(all.value()[1].faq_id, "withdraw_time");
  EXPECT_DOUBLE_EQ(all.value()[1].confidence, 0.875);
  EXPECT_EQ(all.value()[1].created_at_ms, 123456);
  EXPECT_EQ(all.value()[2].role, Role::kAgent);
  EXPECT_EQ(all.value()[2].agent_id, "a1");

  auto after = this->store().messages_after("s1", r->message_ids[0]);
  ASSERT_TRUE(after.ok());
  ASSERT_EQ(after->size(), 2u);
  EXPECT_EQ(after.value()[0].id, r->message_ids[1]);

  auto limited = this->store().messages_after("s1", 0, 1);
  ASSERT_TRUE(limited.ok());
  ASSERT_EQ(limited->size(), 1u);
  EXPECT_EQ(limited.value()[0].id, r->message_ids[0]);

  auto none = this->store().messages_after("s1", agent_id.value());
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->empty());

  // Other sessions' messages are not mixed in.
  this->chat("s2", "hello");
  auto again = this->store().messages_after("s1", 0);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->size(), 3u);

  EXPECT_EQ(this->store().messages_after("missing", 0).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(this->store().append_message("missing", agent).status().code(),
            StatusCode::kNotFound);
  EXPECT_EQ(this->store().messages_after("s1", 0, 0).status().code(),
            StatusCode::kInvalidArgument);
}

TYPED_TEST_P(StoreTest, TurnOpensTicketOnceAndRecordsUnanswered) {
  Turn turn;
  turn.session = this->session("s1");
  turn.messages.push_back(this->msg(Role::kInvestor, "我要投诉"));
  NewTicket nt;
  nt.priority = Priority::kHigh;
  nt.reason = "anger";
  turn.ticket = nt;
  turn.unanswered = "我要投诉";
  auto first = this->store().record_turn(turn);
  ASSERT_TRUE(first.ok()) << first.status().message();
  ASSERT_TRUE(first->ticket.has_value());
  EXPECT_TRUE(first->ticket_created);
  EXPECT_EQ(first->ticket->status, TicketStatus::kWaiting);
  EXPECT_EQ(first->ticket->priority, Priority::kHigh);
  EXPECT_EQ(first->ticket->reason, "anger");
  EXPECT_EQ(first->ticket->session_id, "s1");

  auto second = this->store().record_turn(turn);
  ASSERT_TRUE(second.ok()) << second.status().message();
  ASSERT_TRUE(second->ticket.has_value());
  EXPECT_FALSE(second->ticket_created);
  EXPECT_EQ(second->ticket->id, first->ticket->id);
  EXPECT_EQ(this->store().count_tickets(TicketStatus::kWaiting).value(), 1);

  auto unanswered = this->store().list_unanswered(10);
  ASSERT_TRUE(unanswered.ok());
  ASSERT_EQ(unanswered->size(), 2u);
  EXPECT_EQ(unanswered.value()[0].text, "我要投诉");
  EXPECT_EQ(unanswered.value()[0].session_id, "s1");
  EXPECT_GT(unanswered.value()[0].id, unanswered.value()[1].id);  // newest first

  auto open = this->store().open_ticket_of("s1");
  ASSERT_TRUE(open.ok());
  ASSERT_TRUE(open->has_value());
  EXPECT_EQ(open.value()->id, first->ticket->id);
}

// A ticket change rides in a turn: applied with the turn's messages only
// while the row is as the caller read it; a stale read fails the whole turn.
TYPED_TEST_P(StoreTest, TurnChangesATicketOnlyAsRead) {
  Turn open;
  open.session = this->session("s1");
  open.messages.push_back(this->msg(Role::kInvestor, "转人工"));
  open.ticket = NewTicket{};
  auto opened = this->store().record_turn(open);
  ASSERT_TRUE(opened.ok()) << opened.status().message();
  const Ticket read = *opened->ticket;

  Ticket claimed = read;
  claimed.status = TicketStatus::kActive;
  claimed.claimed_by = "a1";
  claimed.claimed_at_ms = 7000;
  claimed.callback_phone = "13800138000";
  claimed.transferred_from = "a0";
  Turn claim;
  claim.session = this->session("s1");
  claim.messages.push_back(this->msg(Role::kSystem, "a1 joined"));
  claim.ticket_update = TicketUpdate{read, claimed};
  auto done = this->store().record_turn(claim);
  ASSERT_TRUE(done.ok()) << done.status().message();
  ASSERT_TRUE(done->ticket.has_value());
  EXPECT_EQ(done->ticket->status, TicketStatus::kActive);
  EXPECT_EQ(done->ticket->claimed_by, "a1");
  EXPECT_EQ(done->ticket->claimed_at_ms, 7000);
  EXPECT_EQ(done->ticket->callback_phone, "13800138000");  // the one number kept in clear
  EXPECT_EQ(done->ticket->transferred_from, "a0");
  EXPECT_EQ(this->store().get_ticket(read.id)->claimed_by, "a1");

  // The same change from the stale read: refused, and its message not written.
  Ticket other = read;
  other.status = TicketStatus::kActive;
  other.claimed_by = "a2";
  Turn stale;
  stale.session = this->session("s1");
  stale.messages.push_back(this->msg(Role::kSystem, "a2 joined"));
  stale.ticket_update = TicketUpdate{read, other};
  EXPECT_EQ(this->store().record_turn(stale).status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(this->store().get_ticket(read.id)->claimed_by, "a1");
  EXPECT_EQ(this->store().messages_after("s1", 0)->size(), 2u);

  Ticket missing = read;
  missing.id = read.id + 1000;
  stale.ticket_update = TicketUpdate{missing, missing};
  EXPECT_EQ(this->store().record_turn(stale).status().code(), StatusCode::kNotFound);
}

// The channel event's key commits with the turn: a retry after the commit is
// recognised, a turn that failed leaves the retry to be answered.
TYPED_TEST_P(StoreTest, TurnRecordsItsEventKeyInTheSameTransaction) {
  Turn turn;
  turn.session = this->session("im1");
  turn.session.choices = R"(["faq:withdraw.fee","转人工"])";
  turn.messages = {this->msg(Role::kInvestor, "提现手续费"), this->msg(Role::kBot, "…")};
  turn.events = {{"slack", "Ev1"}};
  auto first = this->store().record_turn(turn);
  ASSERT_TRUE(first.ok()) << first.status().message();
  EXPECT_FALSE(first->duplicate);
  EXPECT_EQ(this->store().get_session("im1")->choices, turn.session.choices);
  EXPECT_TRUE(this->store().event_processed("slack", "Ev1").value());

  auto again = this->store().record_turn(turn);
  ASSERT_TRUE(again.ok()) << again.status().message();
  EXPECT_TRUE(again->duplicate);
  EXPECT_TRUE(again->message_ids.empty());
  EXPECT_EQ(this->store().messages_after("im1", 0)->size(), 2u);

  // A turn that fails writes no key: the platform's retry is answered.
  Turn broken = turn;
  broken.events = {{"slack", "Ev2"}};
  broken.messages = {this->msg(Role::kBot, std::string("\xff\xfe"))};
  EXPECT_FALSE(this->store().record_turn(broken).ok());
  EXPECT_FALSE(this->store().event_processed("slack", "Ev2").value());
  broken.messages = {this->msg(Role::kInvestor, "再问一次")};
  broken.session.choices = "";
  auto retried = this->store().record_turn(broken);
  ASSERT_TRUE(retried.ok()) << retried.status().message();
  EXPECT_FALSE(retried->duplicate);
  EXPECT_EQ(this->store().messages_after("im1", 0)->size(), 3u);
  EXPECT_EQ(this->store().get_session("im1")->choices, "");

  // A later key already used (a signature reused for another body): refused whole.
  ASSERT_TRUE(this->store().mark_event_processed("slack", "signature:abc").value());
  Turn reused = broken;
  reused.events = {{"slack", "Ev3"}, {"slack", "signature:abc"}};
  EXPECT_EQ(this->store().record_turn(reused).status().code(), StatusCode::kFailedPrecondition);
  EXPECT_FALSE(this->store().event_processed("slack", "Ev3").value());
  EXPECT_EQ(this->store().messages_after("im1", 0)->size(), 3u);
}

TYPED_TEST_P(StoreTest, FailedTurnWritesNothing) {
  this->chat("s1", "hi");
  Turn turn;
  turn.session = this->session("s1");
  turn.session.state = "changed";
  turn.messages.push_back(this->msg(Role::kInvestor, "first"));
  turn.unanswered = "first";
  turn.ticket = NewTicket{};
  // Rejected inside the write: nothing of the turn may remain.
  Turn bad = turn;
  bad.session.id = std::string(300, 'x');
  EXPECT_EQ(this->store().record_turn(bad).status().code(), StatusCode::kInvalidArgument);
  auto s = this->store().get_session("s1");
  ASSERT_TRUE(s.ok());
  EXPECT_NE(s->state, "changed");
  EXPECT_EQ(this->store().messages_after("s1", 0)->size(), 1u);
  EXPECT_TRUE(this->store().list_unanswered(10)->empty());
  EXPECT_FALSE(this->store().open_ticket_of("s1")->has_value());
}

// A turn that fails half-way (its second message is not UTF-8) leaves
// nothing behind, also while other threads' turns commit in the same batch.
TYPED_TEST_P(StoreTest, FailingTurnsAmongConcurrentOnesLeaveNothing) {
  std::atomic<int> unexpected{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 6; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 60; ++i) {
        const bool bad = (i + t) % 3 == 0;
        Turn turn;
        turn.session = this->session((bad ? "bad-" : "good-") + std::to_string(t) + "-" +
                                     std::to_string(i));
        turn.messages.push_back(this->msg(Role::kInvestor, "fine"));
        turn.messages.push_back(this->msg(Role::kBot, bad ? std::string("\xff\xfe") : "ok"));
        turn.unanswered = "fine";
        auto r = this->store().record_turn(turn);
        if (bad != !r.ok()) ++unexpected;
        if (bad && r.status().code() != StatusCode::kInvalidArgument) ++unexpected;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(unexpected.load(), 0);
  for (int t = 0; t < 6; ++t) {
    for (int i = 0; i < 60; ++i) {
      const bool bad = (i + t) % 3 == 0;
      const std::string id =
          (bad ? "bad-" : "good-") + std::to_string(t) + "-" + std::to_string(i);
      auto msgs = this->store().messages_after(id, 0);
      if (bad) {
        EXPECT_EQ(msgs.status().code(), StatusCode::kNotFound) << id;
      } else {
        ASSERT_TRUE(msgs.ok()) << id;
        EXPECT_EQ(msgs.value().size(), 2u) << id;
      }
    }
  }
  EXPECT_EQ(this->store().list_unanswered(1000).value().size(), 6u * 40u);
}

TYPED_TEST_P(StoreTest, TicketLifecycle) {
  Ticket t = this->ticket_for("s1", Priority::kNormal, 0);
  ASSERT_GT(t.id, 0);
  EXPECT_EQ(t.status, TicketStatus::kWaiting);
  EXPECT_GT(t.created_at_ms, 0);
  EXPECT_EQ(t.claimed_by, "");

  // Opening again while one is open returns the open one.
  auto same = this->store().open_ticket("s1", NewTicket{});
  ASSERT_TRUE(same.ok());
  EXPECT_EQ(same->id, t.id);

  auto claimed = this->store().claim_ticket(t.id, "agent-7", 5000);
  ASSERT_TRUE(claimed.ok()) << claimed.status().message();
  EXPECT_EQ(claimed->status, TicketStatus::kActive);
  EXPECT_EQ(claimed->claimed_by, "agent-7");
  EXPECT_EQ(claimed->claimed_at_ms, 5000);

  auto twice = this->store().claim_ticket(t.id, "agent-8");
  EXPECT_EQ(twice.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(twice.status().message().find("active"), std::string::npos)
      << twice.status().message();
  EXPECT_EQ(this->store().get_ticket(t.id)->claimed_by, "agent-7");

  EXPECT_EQ(this->store().queue_position(t.id).status().code(),
            StatusCode::kFailedPrecondition);

  auto closed = this->store().close_ticket(t.id, "已解答", 9000);
  ASSERT_TRUE(closed.ok()) << closed.status().message();
  EXPECT_EQ(closed->status, TicketStatus::kClosed);
  EXPECT_EQ(closed->closed_at_ms, 9000);
  EXPECT_EQ(closed->resolution, "已解答");
  EXPECT_EQ(closed->claimed_by, "agent-7");

  EXPECT_EQ(this->store().claim_ticket(t.id, "agent-8").status().code(),
            StatusCode::kFailedPrecondition);
  EXPECT_EQ(this->store().close_ticket(t.id, "again").status().code(),
            StatusCode::kFailedPrecondition);
  EXPECT_EQ(this->store().claim_ticket(t.id + 1000, "agent-8").status().code(),
            StatusCode::kNotFound);
  EXPECT_EQ(this->store().get_ticket(t.id + 1000).status().code(), StatusCode::kNotFound);

  auto open = this->store().open_ticket_of("s1");
  ASSERT_TRUE(open.ok());
  EXPECT_FALSE(open->has_value());

  // After close, a new handoff opens a new ticket.
  auto next = this->store().open_ticket("s1", NewTicket{});
  ASSERT_TRUE(next.ok());
  EXPECT_NE(next->id, t.id);
  EXPECT_EQ(next->status, TicketStatus::kWaiting);

  ASSERT_TRUE(this->store().set_expected_reply(next->id, 777).ok());
  EXPECT_EQ(this->store().get_ticket(next->id)->expected_reply_at_ms, 777);
  EXPECT_EQ(this->store().set_expected_reply(next->id + 1000, 1).code(), StatusCode::kNotFound);

  EXPECT_EQ(this->store().open_ticket("missing", NewTicket{}).status().code(),
            StatusCode::kNotFound);
}

TYPED_TEST_P(StoreTest, ConcurrentClaimsOnlyOneWins) {
  Ticket t = this->ticket_for("s1", Priority::kHigh, 0);
  std::atomic<int> wins{0}, refused{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 8; ++i) {
    threads.emplace_back([&, i] {
      auto r = this->store().claim_ticket(t.id, "agent-" + std::to_string(i));
      if (r.ok()) ++wins;
      else if (r.status().code() == StatusCode::kFailedPrecondition) ++refused;
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(wins.load(), 1);
  EXPECT_EQ(refused.load(), 7);
}

TYPED_TEST_P(StoreTest, QueueOrderAndPosition) {
  const Ticket n100 = this->ticket_for("n100", Priority::kNormal, 100);
  const Ticket h300 = this->ticket_for("h300", Priority::kHigh, 300);
  const Ticket n50 = this->ticket_for("n50", Priority::kNormal, 50);
  const Ticket h200 = this->ticket_for("h200", Priority::kHigh, 200);

  auto queue = this->store().list_tickets(TicketStatus::kWaiting);
  ASSERT_TRUE(queue.ok()) << queue.status().message();
  std::vector<int64_t> ids;
  for (const Ticket& t : queue.value()) ids.push_back(t.id);
  EXPECT_EQ(ids, (std::vector<int64_t>{h200.id, h300.id, n50.id, n100.id}));

  EXPECT_EQ(this->store().queue_position(h200.id).value(), 1);
  EXPECT_EQ(this->store().queue_position(h300.id).value(), 2);
  EXPECT_EQ(this->store().queue_position(n50.id).value(), 3);
  EXPECT_EQ(this->store().queue_position(n100.id).value(), 4);
  EXPECT_EQ(this->store().count_tickets(TicketStatus::kWaiting).value(), 4);

  ASSERT_TRUE(this->store().claim_ticket(h200.id, "a1").ok());
  EXPECT_EQ(this->store().queue_position(h300.id).value(), 1);
  EXPECT_EQ(this->store().queue_position(n100.id).value(), 3);
  auto active = this->store().list_tickets(TicketStatus::kActive);
  ASSERT_TRUE(active.ok());
  ASSERT_EQ(active->size(), 1u);
  EXPECT_EQ(active.value()[0].id, h200.id);
  EXPECT_EQ(this->store().list_tickets(TicketStatus::kWaiting, 2)->size(), 2u);

  // Same priority and age: the earlier ticket (lower id) first.
  const Ticket tie_a = this->ticket_for("tie_a", Priority::kNormal, 100);
  const Ticket tie_b = this->ticket_for("tie_b", Priority::kNormal, 100);
  EXPECT_EQ(this->store().queue_position(tie_a.id).value(), 4);
  EXPECT_EQ(this->store().queue_position(tie_b.id).value(), 5);
}

// A turn with an expectation commits only on the session as read: a row
// changed meanwhile (or created, for a turn that expected none) fails the
// whole turn with kAborted and writes nothing.
TYPED_TEST_P(StoreTest, TurnCommitsOnlyOnTheSessionAsRead) {
  Turn first;
  first.session.id = "s-cas";
  first.session.state = "{\"v\":1}";
  first.expected_session = Turn::Expected{false, "", ""};
  first.messages = {NewMessage{Role::kInvestor, "一"}};
  ASSERT_TRUE(this->store().record_turn(first).ok());
  // Another turn expecting no row: the row exists now.
  EXPECT_EQ(this->store().record_turn(first).status().code(), StatusCode::kAborted);

  Turn second = first;
  second.session.state = "{\"v\":2}";
  second.session.choices = "[\"faq:a\"]";
  second.expected_session = Turn::Expected{true, "{\"v\":1}", ""};
  second.messages = {NewMessage{Role::kInvestor, "二"}};
  ASSERT_TRUE(this->store().record_turn(second).ok());
  // Computed from v1 too, but v2 is there: nothing of it is written.
  Turn stale = second;
  stale.session.state = "{\"v\":3}";
  stale.events = {{"slack", "ev-stale"}};
  stale.messages = {NewMessage{Role::kInvestor, "三"}};
  EXPECT_EQ(this->store().record_turn(stale).status().code(), StatusCode::kAborted);
  EXPECT_FALSE(this->store().event_processed("slack", "ev-stale").value());
  // The same state with other choices is another conversation too.
  stale.expected_session = Turn::Expected{true, "{\"v\":2}", ""};
  EXPECT_EQ(this->store().record_turn(stale).status().code(), StatusCode::kAborted);
  stale.expected_session = Turn::Expected{true, "{\"v\":2}", "[\"faq:a\"]"};
  ASSERT_TRUE(this->store().record_turn(stale).ok());
  EXPECT_EQ(this->store().get_session("s-cas")->state, "{\"v\":3}");
  EXPECT_EQ(this->store().messages_after("s-cas", 0)->size(), 3u);
}

TYPED_TEST_P(StoreTest, EventDedupSurvivesReopen) {
  EXPECT_TRUE(this->store().mark_event_processed("slack", "Ev123").value());
  EXPECT_FALSE(this->store().mark_event_processed("slack", "Ev123").value());
  EXPECT_TRUE(this->store().mark_event_processed("feishu", "Ev123").value());
  EXPECT_EQ(this->store().mark_event_processed("slack", "").status().code(),
            StatusCode::kInvalidArgument);
  this->reopen();
  EXPECT_FALSE(this->store().mark_event_processed("slack", "Ev123").value());
  EXPECT_FALSE(this->store().mark_event_processed("feishu", "Ev123").value());
  EXPECT_TRUE(this->store().mark_event_processed("telegram", "Ev123").value());
}

TYPED_TEST_P(StoreTest, ChannelCursorIsKeptAcrossReopen) {
  EXPECT_EQ(this->store().channel_cursor("wechat_kf/wkA").value(), "");
  ASSERT_TRUE(this->store().set_channel_cursor("wechat_kf/wkA", "4gw7MepFLfgF2VC5npN").ok());
  ASSERT_TRUE(this->store().set_channel_cursor("wechat_kf/wkB", "b1").ok());
  ASSERT_TRUE(this->store().set_channel_cursor("wechat_kf/wkA", "4gw7MepFLfgF2VC5npO").ok());
  this->reopen();
  EXPECT_EQ(this->store().channel_cursor("wechat_kf/wkA").value(), "4gw7MepFLfgF2VC5npO");
  EXPECT_EQ(this->store().channel_cursor("wechat_kf/wkB").value(), "b1");
  EXPECT_EQ(this->store().channel_cursor("").status().code(), StatusCode::kInvalidArgument);
}

TYPED_TEST_P(StoreTest, LiveMarksAreSharedUpdatedAndDroppedByPrefixAndAge) {
  EXPECT_EQ(this->store().live_mark("typing/i/s1").value(), 0);
  ASSERT_TRUE(this->store().set_live_mark("typing/i/s1", 1000).ok());
  ASSERT_TRUE(this->store().set_live_mark("typing/i/s1", 2000).ok());
  ASSERT_TRUE(this->store().set_live_mark("typing/a/s1", 1500).ok());
  ASSERT_TRUE(this->store().set_live_mark("seen/a_1%", 500).ok());
  EXPECT_EQ(this->store().live_mark("typing/i/s1").value(), 2000) << "the last set wins";
  // Only the prefix's marks older than the cut; LIKE wildcards are plain.
  EXPECT_EQ(this->store().drop_live_marks("typing/", 1600).value(), 1);
  EXPECT_EQ(this->store().drop_live_marks("seen/a_", 10000).value(), 1);
  EXPECT_EQ(this->store().drop_live_marks("seen/%", 10000).value(), 0);
  EXPECT_EQ(this->store().live_mark("typing/a/s1").value(), 0);
  EXPECT_EQ(this->store().live_mark("typing/i/s1").value(), 2000);
  ASSERT_TRUE(this->store().clear_live_mark("typing/i/s1").ok());
  EXPECT_EQ(this->store().live_mark("typing/i/s1").value(), 0);
  ASSERT_TRUE(this->store().clear_live_mark("typing/i/none").ok());
  EXPECT_EQ(this->store().set_live_mark("", 1).code(), StatusCode::kInvalidArgument);
}

TYPED_TEST_P(StoreTest, ConcurrentEventDedupExactlyOnce) {
  std::atomic<int> fresh{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 6; ++i) {
    threads.emplace_back([&] {
      for (int e = 0; e < 50; ++e) {
        auto r = this->store().mark_event_processed("wecom", "msg-" + std::to_string(e));
        if (r.ok() && r.value()) ++fresh;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(fresh.load(), 50);
}

TYPED_TEST_P(StoreTest, OutboxRetryStates) {
  const int64_t t0 = 1'700'000'000'000;
  NewOutbound m;
  m.channel = "telegram";
  m.target = "chat:42";
  m.payload = R"({"text":"您好"})";
  m.next_attempt_at_ms = t0;
  auto id = this->store().enqueue_outbound(m);
  ASSERT_TRUE(id.ok()) << id.status().message();

  EXPECT_TRUE(this->store().due_outbound(t0 - 1, 10)->empty());
  auto due = this->store().due_outbound(t0, 10, 30000);
  ASSERT_TRUE(due.ok()) << due.status().message();
  ASSERT_EQ(due->size(), 1u);
  EXPECT_EQ(due.value()[0].id, id.value());
  EXPECT_EQ(due.value()[0].payload, m.payload);
  EXPECT_EQ(due.value()[0].target, "chat:42");
  EXPECT_EQ(due.value()[0].attempts, 0);
  // Leased: not handed out again until the lease ends.
  EXPECT_TRUE(this->store().due_outbound(t0 + 1000, 10)->empty());

  ASSERT_TRUE(this->store().mark_failed(id.value(), "HTTP 502", t0 + 2000).ok());
  auto o = this->store().get_outbound(id.value());
  ASSERT_TRUE(o.ok());
  EXPECT_EQ(o->status, OutboxStatus::kPending);
  EXPECT_EQ(o->attempts, 1);
  EXPECT_EQ(o->last_error, "HTTP 502");
  EXPECT_EQ(o->next_attempt_at_ms, t0 + 2000);
  EXPECT_TRUE(this->store().due_outbound(t0 + 1999, 10)->empty());
  ASSERT_EQ(this->store().due_outbound(t0 + 2000, 10)->size(), 1u);

  ASSERT_TRUE(this->store().mark_failed(id.value(), "timeout", 0).ok());
  o = this->store().get_outbound(id.value());
  EXPECT_EQ(o->status, OutboxStatus::kFailed);
  EXPECT_EQ(o->attempts, 2);
  EXPECT_EQ(o->last_error, "timeout");
  EXPECT_EQ(this->store().count_failed().value(), 1);
  EXPECT_TRUE(this->store().due_outbound(t0 + 10'000'000, 10)->empty());
  EXPECT_EQ(this->store().mark_sent(id.value()).code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(this->store().mark_failed(id.value(), "x", 1).code(),
            StatusCode::kFailedPrecondition);

  m.next_attempt_at_ms = 0;  // now
  auto id2 = this->store().enqueue_outbound(m);
  ASSERT_TRUE(id2.ok());
  auto due2 = this->store().due_outbound(0, 10);
  ASSERT_EQ(due2->size(), 1u);
  EXPECT_EQ(due2.value()[0].id, id2.value());
  ASSERT_TRUE(this->store().mark_sent(id2.value()).ok());
  EXPECT_TRUE(this->store().mark_sent(id2.value()).ok());  // idempotent
  EXPECT_EQ(this->store().get_outbound(id2.value())->status, OutboxStatus::kSent);
  EXPECT_EQ(this->store().count_failed().value(), 1);
  EXPECT_EQ(this->store().mark_sent(id2.value() + 100).code(), StatusCode::kNotFound);

  // Failed messages are kept across a restart.
  this->reopen();
  EXPECT_EQ(this->store().count_failed().value(), 1);
}

TYPED_TEST_P(StoreTest, OutboxDueOrderAndLimit) {
  NewOutbound m;
  m.channel = "slack";
  m.target = "C1";
  std::vector<int64_t> ids;
  for (int64_t at : {300, 100, 200}) {
    m.payload = std::to_string(at);
    m.next_attempt_at_ms = at;
    ids.push_back(this->store().enqueue_outbound(m).value());
  }
  auto due = this->store().due_outbound(1000, 2);
  ASSERT_TRUE(due.ok());
  ASSERT_EQ(due->size(), 2u);
  EXPECT_EQ(due.value()[0].payload, "100");
  EXPECT_EQ(due.value()[1].payload, "200");
  auto rest = this->store().due_outbound(1000, 10);
  ASSERT_EQ(rest->size(), 1u);
  EXPECT_EQ(rest.value()[0].payload, "300");
}

TYPED_TEST_P(StoreTest, FeedbackOncePerBotMessageOfItsOwnSession) {
  Turn turn;
  turn.session = this->session("s1");
  turn.messages.push_back(this->msg(Role::kInvestor, "提现多久到账"));
  turn.messages.push_back(this->msg(Role::kBot, "一般1-3个工作日"));
  auto r = this->store().record_turn(turn);
  ASSERT_TRUE(r.ok());
  const int64_t investor = r->message_ids[0], bot = r->message_ids[1];
  this->chat("s2", "hi");

  Feedback f;
  f.session_id = "s1";
  f.message_id = bot;
  f.helpful = true;
  f.comment = "很有帮助";
  // Another session, the investor's own message, a missing message: not found.
  f.session_id = "s2";
  EXPECT_EQ(this->store().add_feedback(f).code(), StatusCode::kNotFound);
  f.session_id = "s1";
  f.message_id = investor;
  EXPECT_EQ(this->store().add_feedback(f).code(), StatusCode::kNotFound);
  f.message_id = bot + 1000;
  EXPECT_EQ(this->store().add_feedback(f).code(), StatusCode::kNotFound);

  f.message_id = bot;
  EXPECT_TRUE(this->store().add_feedback(f).ok());
  f.helpful = false;
  EXPECT_EQ(this->store().add_feedback(f).code(), StatusCode::kFailedPrecondition);
  // Once it has feedback, another session still learns nothing about it.
  f.session_id = "s2";
  EXPECT_EQ(this->store().add_feedback(f).code(), StatusCode::kNotFound);
}

TYPED_TEST_P(StoreTest, TokenHashIsWrittenOnceAndKeptByUpserts) {
  Session s = this->session("s1");
  s.token_hash = std::string(64, 'a');
  ASSERT_TRUE(this->store().put_session(s).ok());
  s.token_hash = std::string(64, 'b');  // an upsert cannot replace the credential
  s.state = "{}";
  Turn turn;
  turn.session = s;
  turn.messages.push_back(this->msg(Role::kInvestor, "hi"));
  ASSERT_TRUE(this->store().record_turn(turn).ok());
  ASSERT_TRUE(this->store().put_session(s).ok());
  auto got = this->store().get_session("s1");
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->token_hash, std::string(64, 'a'));
  EXPECT_EQ(got->state, "{}");
  this->chat("im", "hi");
  EXPECT_EQ(this->store().get_session("im")->token_hash, "");
}

TYPED_TEST_P(StoreTest, ServerSecretFirstWriterWinsAndSurvivesReopen) {
  auto first = this->store().server_secret("k", "one");
  ASSERT_TRUE(first.ok()) << first.status().message();
  EXPECT_EQ(first.value(), "one");
  EXPECT_EQ(this->store().server_secret("k", "two").value(), "one");
  EXPECT_EQ(this->store().server_secret("other", "three").value(), "three");
  this->reopen();
  EXPECT_EQ(this->store().server_secret("k", "four").value(), "one");
  EXPECT_EQ(this->store().server_secret("", "x").status().code(), StatusCode::kInvalidArgument);
  EXPECT_TRUE(this->store().check_writable().ok());
  EXPECT_TRUE(this->store().check_writable().ok());
}

TYPED_TEST_P(StoreTest, ConcurrentWritersLoseNothing) {
  constexpr int kThreads = 6;
  constexpr int kTurns = 100;
  this->chat("shared", "start");
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kTurns; ++i) {
        Turn turn;
        turn.session = this->session("w" + std::to_string(t) + "-" + std::to_string(i % 10));
        turn.messages.push_back(this->msg(Role::kInvestor, "q" + std::to_string(i)));
        turn.messages.push_back(this->msg(Role::kBot, "a" + std::to_string(i)));
        if (!this->store().record_turn(turn).ok()) ++failures;
        NewMessage m = this->msg(Role::kSystem, std::to_string(t) + ":" + std::to_string(i));
        if (!this->store().append_message("shared", m).ok()) ++failures;
        // Readers run alongside the writers.
        if (!this->store().messages_after("shared", 0, 5).ok()) ++failures;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(failures.load(), 0);

  size_t total = 0;
  std::set<int64_t> ids;
  for (int t = 0; t < kThreads; ++t) {
    for (int s = 0; s < 10; ++s) {
      auto got = this->store().messages_after("w" + std::to_string(t) + "-" + std::to_string(s), 0);
      ASSERT_TRUE(got.ok());
      total += got->size();
      for (const Message& m : got.value()) ids.insert(m.id);
    }
  }
  EXPECT_EQ(total, size_t{kThreads * kTurns * 2});
  EXPECT_EQ(ids.size(), total);

  auto shared = this->store().messages_after("shared", 0, 100000);
  ASSERT_TRUE(shared.ok());
  ASSERT_EQ(shared->size(), size_t{kThreads * kTurns + 1});
  EXPECT_TRUE(std::is_sorted(shared->begin(), shared->end(),
                             [](const Message& a, const Message& b) { return a.id < b.id; }));
  // Each writer's own messages keep their order.
  for (int t = 0; t < kThreads; ++t) {
    int expected = 0;
    const std::string prefix = std::to_string(t) + ":";
    for (const Message& m : shared.value()) {
      if (m.text.rfind(prefix, 0) == 0) {
        EXPECT_EQ(m.text, prefix + std::to_string(expected));
        ++expected;
      }
    }
    EXPECT_EQ(expected, kTurns);
  }
}

TYPED_TEST_P(StoreTest, ReopenKeepsEverything) {
  Turn turn;
  turn.session = this->session("s1");
  turn.session.channel_ref = R"({"chat":"x"})";
  turn.messages.push_back(this->msg(Role::kInvestor, "我的卡号是****1234"));
  turn.messages.push_back(this->msg(Role::kBot, "已为您转接人工客服"));
  turn.ticket = NewTicket{Priority::kHigh, "entry", 0, 0};
  auto r = this->store().record_turn(turn);
  ASSERT_TRUE(r.ok());
  ASSERT_TRUE(this->store().claim_ticket(r->ticket->id, "a1").ok());
  ASSERT_TRUE(this->store().add_feedback({"s1", r->message_ids[1], true, "", 0}).ok());
  ASSERT_TRUE(this->store().add_unanswered("s1", "天气怎么样").ok());
  ASSERT_TRUE(this->store().mark_event_processed("dingtalk", "m1").ok());

  this->reopen();
  auto s = this->store().get_session("s1");
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->channel_ref, R"({"chat":"x"})");
  auto msgs = this->store().messages_after("s1", 0);
  ASSERT_TRUE(msgs.ok());
  ASSERT_EQ(msgs->size(), 2u);
  EXPECT_EQ(msgs.value()[0].text, "我的卡号是****1234");
  auto t = this->store().get_ticket(r->ticket->id);
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->status, TicketStatus::kActive);
  EXPECT_EQ(t->claimed_by, "a1");
  EXPECT_EQ(t->priority, Priority::kHigh);
  EXPECT_EQ(this->store().list_unanswered(10)->size(), 1u);
  EXPECT_FALSE(this->store().mark_event_processed("dingtalk", "m1").value());

  // Ids continue after a restart; they are never reused.
  const int64_t next = this->chat("s1", "还在吗");
  EXPECT_GT(next, r->message_ids[1]);
}

TYPED_TEST_P(StoreTest, MigrationsAreOrderedAndIdempotent) {
  this->chat("s1", "before");
  // Re-opening applies nothing twice and keeps the data.
  this->reopen();
  this->reopen();
  EXPECT_EQ(this->store().messages_after("s1", 0)->size(), 1u);

  // A later build adds migration n + 1: applied once, data kept.
  const int n = this->backend_->builtin_migrations();
  StoreOptions v2;
  v2.extra_migrations.push_back(
      {n + 1, "sessions.locale", {"ALTER TABLE sessions ADD COLUMN locale TEXT NOT NULL DEFAULT ''"}});
  this->reopen(v2);
  this->reopen(v2);  // an ALTER applied twice would fail
  EXPECT_EQ(this->store().messages_after("s1", 0)->size(), 1u);
  this->chat("s2", "after");
  EXPECT_TRUE(this->store().get_session("s2").ok());

  // An older build refuses a newer database instead of corrupting it.
  this->store_.reset();
  auto old = this->backend_->open(StoreOptions{});
  ASSERT_FALSE(old.ok());
  EXPECT_EQ(old.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(old.status().message().find("newer"), std::string::npos) << old.status().message();

  // Misnumbered steps are rejected.
  StoreOptions bad;
  bad.extra_migrations.push_back({n + 4, "gap", {"SELECT 1"}});
  EXPECT_EQ(this->backend_->open(bad).status().code(), StatusCode::kInvalidArgument);

  // A failing step is rolled back and reported; the database stays at n + 1.
  StoreOptions broken = v2;
  broken.extra_migrations.push_back({n + 2, "broken", {"CREATE TABLE t3 (x INTEGER)", "NOT SQL"}});
  auto failed = this->backend_->open(broken);
  ASSERT_FALSE(failed.ok());
  EXPECT_NE(failed.status().message().find("migration " + std::to_string(n + 2)), std::string::npos)
      << failed.status().message();
  StoreOptions fixed = v2;
  fixed.extra_migrations.push_back({n + 2, "fixed", {"CREATE TABLE t3 (x INTEGER)"}});
  this->reopen(fixed);  // t3 did not survive the failed attempt
  EXPECT_EQ(this->store().messages_after("s2", 0)->size(), 1u);
}

TYPED_TEST_P(StoreTest, SqlInjectionIsStoredVerbatim) {
  const std::string evil = "x'); DROP TABLE messages; -- \" \\ ' ; SELECT * FROM sessions";
  const std::string evil_id = "s'; DELETE FROM sessions; --";
  Turn turn;
  turn.session = this->session(evil_id);
  turn.session.customer_name = evil;
  turn.messages.push_back(this->msg(Role::kInvestor, evil));
  NewMessage bot = this->msg(Role::kBot, "<script>alert(1)</script>");
  bot.faq_id = "' OR 1=1 --";
  turn.messages.push_back(bot);
  ASSERT_TRUE(this->store().record_turn(turn).ok());
  this->chat("other", "ok");

  auto msgs = this->store().messages_after(evil_id, 0);
  ASSERT_TRUE(msgs.ok()) << msgs.status().message();
  ASSERT_EQ(msgs->size(), 2u);
  EXPECT_EQ(msgs.value()[0].text, evil);
  EXPECT_EQ(msgs.value()[1].text, "<script>alert(1)</script>");
  EXPECT_EQ(msgs.value()[1].faq_id, "' OR 1=1 --");
  EXPECT_EQ(this->store().get_session(evil_id)->customer_name, evil);
  EXPECT_TRUE(this->store().get_session("other").ok());
  EXPECT_TRUE(this->store().mark_event_processed("slack", evil).value());
  EXPECT_FALSE(this->store().mark_event_processed("slack", evil).value());
}

TYPED_TEST_P(StoreTest, RetentionErasesIdleSessionsOldEventIdsAndAnInvestorsData) {
  const int64_t day = 86'400'000, now = now_ms();
  // A session of `user` with a message, an unanswered question and (maybe)
  // a ticket, last updated at `updated`.
  auto put = [&](const std::string& id, const std::string& user, int64_t updated) {
    Session s = this->session(id);
    s.user_id = user;
    s.created_at_ms = s.updated_at_ms = updated;
    ASSERT_TRUE(this->store().put_session(s).ok());
    ASSERT_TRUE(this->store().append_message(id, this->msg(Role::kInvestor, "提现多久到账")).ok());
    ASSERT_TRUE(this->store().add_unanswered(id, "今天天气怎么样", updated).ok());
    ASSERT_TRUE(this->store().put_session(s).ok());  // the message moved updated_at: back
  };
  put("old", "u1", now - 40 * day);
  Ticket closed = this->ticket_for("old", Priority::kNormal, now - 40 * day);
  ASSERT_TRUE(this->store().claim_ticket(closed.id, "alice").ok());
  ASSERT_TRUE(this->store().close_ticket(closed.id, "done").ok());
  put("old", "u1", now - 40 * day);
  put("old-waiting", "u2", now - 40 * day);  // an investor still waits for an agent: kept
  Ticket waiting = this->ticket_for("old-waiting", Priority::kNormal, now - 40 * day);
  put("old-waiting", "u2", now - 40 * day);
  put("recent", "u1", now - day);
  put("recent-2", "u1", now - 2 * day);
  ASSERT_TRUE(this->store().mark_event_processed("slack", "Ev-old", now - 40 * day).ok());
  ASSERT_TRUE(this->store().mark_event_processed("slack", "Ev-new", now).ok());

  auto erased = this->store().erase_older_than(now - 30 * day);
  ASSERT_TRUE(erased.ok()) << erased.status().message();
  EXPECT_EQ(erased.value(), 1);
  EXPECT_EQ(this->store().get_session("old").status().code(), StatusCode::kNotFound);
  EXPECT_EQ(this->store().messages_after("old", 0).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(this->store().get_ticket(closed.id).status().code(), StatusCode::kNotFound);
  EXPECT_TRUE(this->store().get_session("old-waiting").ok());
  EXPECT_TRUE(this->store().get_ticket(waiting.id).ok());
  EXPECT_TRUE(this->store().get_session("recent").ok());
  EXPECT_EQ(this->store().list_unanswered(10)->size(), 4u);  // old-waiting 2, recent 1, recent-2 1
  EXPECT_TRUE(this->store().mark_event_processed("slack", "Ev-old").value());  // forgotten: new again
  EXPECT_FALSE(this->store().mark_event_processed("slack", "Ev-new").value());

  // An investor's export and erasure.
  auto mine = this->store().sessions_of_user("u1");
  ASSERT_TRUE(mine.ok()) << mine.status().message();
  EXPECT_EQ(mine.value(), (std::vector<std::string>{"recent-2", "recent"}));
  EXPECT_EQ(this->store().erase_user("u1").value(), 2);
  EXPECT_TRUE(this->store().sessions_of_user("u1")->empty());
  EXPECT_EQ(this->store().messages_after("recent", 0).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(this->store().erase_user("u2").value(), 1);  // open tickets included
  EXPECT_EQ(this->store().get_ticket(waiting.id).status().code(), StatusCode::kNotFound);
  EXPECT_TRUE(this->store().list_unanswered(10)->empty());
  EXPECT_EQ(this->store().erase_user("").status().code(), StatusCode::kInvalidArgument);
}

TYPED_TEST_P(StoreTest, ActivityOfAPeriod) {
  Turn turn;
  turn.session = this->session("a1");
  NewMessage early = this->msg(Role::kInvestor, "昨天的问题");
  early.created_at_ms = 500;
  NewMessage q = this->msg(Role::kInvestor, "提现多久到账");
  q.created_at_ms = 1000;
  NewMessage a = this->msg(Role::kBot, "预计当天到账");
  a.action = "answer";
  a.faq_id = "withdraw.arrival_time";
  a.created_at_ms = 1001;
  NewMessage late = this->msg(Role::kInvestor, "明天的问题");
  late.created_at_ms = 3000;
  turn.messages = {early, q, a, late};
  NewTicket t;
  t.reason = "anger";
  t.created_at_ms = 1500;
  turn.ticket = t;
  auto r = this->store().record_turn(turn);
  ASSERT_TRUE(r.ok()) << r.status().message();
  Feedback f;
  f.session_id = "a1";
  f.message_id = r->message_ids[2];
  f.helpful = false;
  f.created_at_ms = 1800;
  ASSERT_TRUE(this->store().add_feedback(f).ok());

  auto got = this->store().activity(1000, 2000, 100);
  ASSERT_TRUE(got.ok()) << got.status().message();
  ASSERT_EQ(got->messages.size(), 2u);
  EXPECT_EQ(got->messages[0].text, "提现多久到账");
  EXPECT_EQ(got->messages[1].faq_id, "withdraw.arrival_time");
  EXPECT_EQ(got->messages[1].action, "answer");
  ASSERT_EQ(got->tickets.size(), 1u);
  EXPECT_EQ(got->tickets[0].reason, "anger");
  ASSERT_EQ(got->feedback.size(), 1u);
  EXPECT_EQ(got->feedback[0].faq_id, "withdraw.arrival_time");
  EXPECT_FALSE(got->feedback[0].helpful);
  EXPECT_EQ(got->feedback[0].created_at_ms, 1800);
  auto limited = this->store().activity(0, 5000, 1);
  ASSERT_TRUE(limited.ok());
  ASSERT_EQ(limited->messages.size(), 1u);
  EXPECT_EQ(limited->messages[0].text, "昨天的问题");
  EXPECT_TRUE(this->store().activity(2000, 2500, 10)->messages.empty());
  EXPECT_EQ(this->store().activity(0, 1, 0).status().code(), StatusCode::kInvalidArgument);
}

REGISTER_TYPED_TEST_SUITE_P(StoreTest,
                            SessionRoundTripKeepsCreatedAt,
                            MessagesRoundTripAndAfter,
                            TurnOpensTicketOnceAndRecordsUnanswered,
                            FailedTurnWritesNothing,
                            TurnChangesATicketOnlyAsRead,
                            TurnRecordsItsEventKeyInTheSameTransaction,
                            TurnCommitsOnlyOnTheSessionAsRead,
                            FailingTurnsAmongConcurrentOnesLeaveNothing,
                            TicketLifecycle,
                            ConcurrentClaimsOnlyOneWins,
                            QueueOrderAndPosition,
                            EventDedupSurvivesReopen,
                            ConcurrentEventDedupExactlyOnce,
                            ChannelCursorIsKeptAcrossReopen,
                            LiveMarksAreSharedUpdatedAndDroppedByPrefixAndAge,
                            OutboxRetryStates,
                            OutboxDueOrderAndLimit,
                            FeedbackOncePerBotMessageOfItsOwnSession,
                            TokenHashIsWrittenOnceAndKeptByUpserts,
                            ServerSecretFirstWriterWinsAndSurvivesReopen,
                            ConcurrentWritersLoseNothing,
                            ReopenKeepsEverything,
                            MigrationsAreOrderedAndIdempotent,
                            SqlInjectionIsStoredVerbatim,
                            RetentionErasesIdleSessionsOldEventIdsAndAnInvestorsData,
                            ActivityOfAPeriod);

}  // namespace faqbot::store
