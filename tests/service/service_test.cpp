// Service over a real SQLite store in a temporary directory and a scripted engine.
#include "bot/service/service.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <map>
#include <thread>

#include "service_fixture.h"

namespace faqbot::service {
namespace {

TEST_F(ServiceTest, AnswersAndStoresBothMessages) {
  ChatReply r = chat("", "提现多久到账");
  EXPECT_EQ(r.session_id.size(), 43u);
  EXPECT_EQ(r.session_id.find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_EQ(r.action, "answer");
  EXPECT_EQ(r.faq_id, "withdraw.arrival_time");
  auto msgs = service_->messages(r.session_id, 0);
  ASSERT_TRUE(msgs.ok());
  ASSERT_EQ(msgs->size(), 2u);
  EXPECT_EQ(msgs.value()[0].role, store::Role::kInvestor);
  EXPECT_EQ(msgs.value()[1].id, r.message_id);
  EXPECT_EQ(msgs.value()[1].faq_id, "withdraw.arrival_time");
}

TEST_F(ServiceTest, ValidationFailuresAreInvalidArgument) {
  ChatRequest r;
  r.text = "   ";
  EXPECT_EQ(service_->chat(r).status().code(), StatusCode::kInvalidArgument);
  r.text = std::string(2001, 'a');
  EXPECT_EQ(service_->chat(r).status().code(), StatusCode::kInvalidArgument);
  r.text = "hi";
  r.session_id = "bad id with spaces";
  r.channel = "slack";
  EXPECT_EQ(service_->chat(r).status().code(), StatusCode::kInvalidArgument);
  r.channel = "web";
  r.session_id = "";
  r.text = "\xff\xfe";
  EXPECT_EQ(service_->chat(r).status().code(), StatusCode::kInvalidArgument);
}

TEST_F(ServiceTest, PersonalNumbersAreMaskedBeforeStorage) {
  ChatReply r = chat("s-pii", "我的手机13812345678提现没到");
  EXPECT_NE(r.question.find("138****5678"), std::string::npos) << r.question;  // what was stored
  EXPECT_EQ(r.question.find("13812345678"), std::string::npos);
  auto msgs = service_->messages(id("s-pii"), 0);
  ASSERT_TRUE(msgs.ok());
  EXPECT_EQ(msgs.value()[0].text.find("13812345678"), std::string::npos);
  EXPECT_NE(msgs.value()[0].text.find("138****5678"), std::string::npos);
}

TEST_F(ServiceTest, OpenTicketTakesInvestorMessagesUntilClosed) {
  ChatReply h = chat("s1", "转人工");
  ASSERT_TRUE(h.handoff.has_value());
  EXPECT_EQ(h.handoff->status, "waiting");
  EXPECT_EQ(h.handoff->queue_position, 1);
  EXPECT_EQ(h.handoff->reason, "explicit_request");
  EXPECT_EQ(h.handoff->expected_reply_at_ms, 0);  // inside hours: no promise yet

  ChatReply routed = chat("s1", "提现多久到账");  // would be answered by the bot
  EXPECT_TRUE(routed.routed_to_agent);
  EXPECT_EQ(routed.action, "handoff");
  EXPECT_EQ(routed.faq_id, "");
  EXPECT_EQ(service_->stats().messages_to_agents, 1);

  const int64_t ticket = h.handoff->ticket_id;
  EXPECT_EQ(service_->agent_reply(ticket, "alice", "您好").status().code(), StatusCode::kFailedPrecondition);
  ASSERT_TRUE(service_->claim(ticket, "alice").ok());
  EXPECT_EQ(service_->claim(ticket, "bob").status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(service_->agent_reply(ticket, "bob", "x").status().code(), StatusCode::kFailedPrecondition);
  auto m = service_->agent_reply(ticket, "alice", "您好，麻烦您稍等");
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m->role, store::Role::kAgent);

  ChatReply during = chat("s1", "好的");
  EXPECT_TRUE(during.routed_to_agent);
  EXPECT_EQ(during.handoff->status, "active");

  ASSERT_TRUE(service_->close(ticket, "alice", "已解答").ok());
  ChatReply after = chat("s1", "提现多久到账");
  EXPECT_FALSE(after.routed_to_agent);
  EXPECT_EQ(after.action, "answer");

  auto detail = service_->ticket_detail(ticket);
  ASSERT_TRUE(detail.ok());
  EXPECT_EQ(detail->view.ticket.status, store::TicketStatus::kClosed);
  EXPECT_FALSE(detail->suggestions.empty());
}

TEST_F(ServiceTest, HighPriorityJumpsTheQueue) {
  ChatReply normal = chat("a", "转人工");
  ChatReply high = chat("b", "我被骗了");
  ASSERT_TRUE(high.handoff && normal.handoff);
  EXPECT_EQ(high.handoff->priority, "high");
  EXPECT_EQ(high.handoff->queue_position, 1);
  auto list = service_->list_tickets(store::TicketStatus::kWaiting);
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ(list.value()[0].ticket.session_id, id("b"));
  EXPECT_EQ(list.value()[1].queue_position, 2);
}

TEST_F(ServiceTest, OutsideHoursPromisesTheNextOpening) {
  now_ = kMidnightUtc + 14 * kHour;  // 22:00 local
  ChatReply h = chat("night", "转人工");
  ASSERT_TRUE(h.handoff);
  EXPECT_EQ(h.handoff->expected_reply_at_ms, kMidnightUtc + 25 * kHour);
  EXPECT_NE(h.text.find("11月24日 09:00"), std::string::npos) << h.text;
  EXPECT_EQ(h.handoff->status, "waiting");
}

TEST_F(ServiceTest, SweepPromisesATimeWhenNobodyClaims) {
  ChatReply h = chat("slow", "转人工");
  EXPECT_EQ(service_->sweep(), 0);  // not yet timed out
  now_ += 121000;
  EXPECT_EQ(service_->sweep(), 1);
  EXPECT_EQ(service_->sweep(), 0);  // told once
  auto t = store_->get_ticket(h.handoff->ticket_id);
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->status, store::TicketStatus::kWaiting);  // stays queued
  EXPECT_EQ(t->expected_reply_at_ms, now_.load() + 30 * 60 * 1000);
  auto msgs = service_->messages(id("slow"), 0);
  ASSERT_TRUE(msgs.ok());
  EXPECT_EQ(msgs->back().role, store::Role::kSystem);
  EXPECT_NE(msgs->back().text.find("预计"), std::string::npos);
}

TEST_F(ServiceTest, PromisingAgentReplyIsRefusedBeforeStoringOrSending) {
  std::vector<std::string> sent;
  service_->set_outbound("slack", [&](const store::Session&, const store::Message& m) { sent.push_back(m.text); });
  auto h = slack_handoff("C2");
  ASSERT_TRUE(h.ok());
  const int64_t ticket = h->handoff->ticket_id;
  ASSERT_TRUE(service_->claim(ticket, "alice").ok());
  const size_t stored_before = service_->messages(h->session_id, 0)->size();
  const size_t sent_before = sent.size();

  std::vector<std::string> refused;
  auto m = service_->agent_reply(ticket, "alice", "保证本金安全，绝对今天到账", &refused);
  EXPECT_EQ(m.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(refused, (std::vector<std::string>{"保证本金", "绝对今天到账"}));
  EXPECT_NE(m.status().message().find("绝对今天到账"), std::string::npos);
  EXPECT_EQ(service_->messages(h->session_id, 0)->size(), stored_before);
  EXPECT_EQ(sent.size(), sent_before);
  EXPECT_EQ(service_->stats().agent_replies_refused.at("alice"), 1);
  EXPECT_EQ(service_->stats().agent_messages, 0);

  ASSERT_TRUE(service_->agent_reply(ticket, "alice", "平台不承诺保本，提现预计今天到账").ok());
  EXPECT_EQ(sent.size(), sent_before + 1);
}

TEST_F(ServiceTest, OutboundCallbackGetsAgentMessagesOfItsChannel) {
  std::vector<std::string> sent;
  service_->set_outbound("slack", [&](const store::Session& s, const store::Message& m) {
    sent.push_back(s.channel_ref + "|" + m.text);
  });
  auto h = slack_handoff("C1");
  ASSERT_TRUE(h.ok());
  ASSERT_TRUE(service_->claim(h->handoff->ticket_id, "alice").ok());
  ASSERT_TRUE(service_->agent_reply(h->handoff->ticket_id, "alice", "您好").ok());
  ASSERT_EQ(sent.size(), 2u);  // the greeting on claim and the reply
  EXPECT_EQ(sent[1], "{\"channel\":\"C1\"}|您好");
  chat("web-1", "转人工");  // web sessions do not call the slack callback
  EXPECT_EQ(sent.size(), 2u);
}

TEST_F(ServiceTest, FeedbackAndUnanswered) {
  ChatReply r = chat("f", "今天天气怎么样");
  EXPECT_EQ(r.action, "fallback");
  EXPECT_TRUE(service_->feedback(id("f"), token("f"), r.message_id, false, "没用").ok());
  EXPECT_EQ(service_->feedback(id("f"), token("f"), r.message_id, true, "").code(),
            StatusCode::kFailedPrecondition);  // once per message
  EXPECT_EQ(service_->feedback(id("f"), token("f"), 999999, true, "").code(), StatusCode::kNotFound);
  EXPECT_EQ(service_->feedback(id("f"), token("f"), r.investor_message_id, true, "").code(),
            StatusCode::kNotFound);  // only the bot's messages
  ChatReply other = chat("g", "提现多久到账");
  EXPECT_EQ(service_->feedback(id("f"), token("f"), other.message_id, true, "").code(),
            StatusCode::kNotFound);  // only the session's own messages
  EXPECT_EQ(service_->feedback(id("g"), token("f"), other.message_id, true, "").code(),
            StatusCode::kUnauthenticated);
  auto un = service_->unanswered();
  ASSERT_TRUE(un.ok());
  ASSERT_EQ(un->size(), 1u);
  EXPECT_EQ(un.value()[0].text, "今天天气怎么样");
}

TEST_F(ServiceTest, WebSessionsNeedTheirCredential) {
  ChatReply first = chat("w", "提现多久到账");
  ASSERT_EQ(first.session_token.size(), 64u);
  EXPECT_EQ(store_->get_session(first.session_id)->token_hash.size(), 64u);
  EXPECT_EQ(store_->get_session(first.session_id)->token_hash.find(first.session_token),
            std::string::npos);
  EXPECT_TRUE(chat("w", "你好").session_token.empty());  // issued once
  EXPECT_TRUE(service_->authorize(first.session_id, first.session_token).ok());

  ChatRequest r;
  r.text = "你好";
  r.session_id = first.session_id;
  for (const std::string& wrong : {std::string(), std::string(64, '0'), first.session_token + "x"}) {
    r.session_token = wrong;
    EXPECT_EQ(service_->chat(r).status().code(), StatusCode::kUnauthenticated);
    EXPECT_EQ(service_->authorize(first.session_id, wrong).status().code(),
              StatusCode::kUnauthenticated);
  }
  // A client cannot create a session by naming it: unknown ids are refused,
  // exactly like a wrong credential.
  r.session_id = "1";
  r.session_token = first.session_token;
  EXPECT_EQ(service_->chat(r).status().code(), StatusCode::kUnauthenticated);
  EXPECT_EQ(store_->get_session("1").status().code(), StatusCode::kNotFound);
}

TEST_F(ServiceTest, ImSessionsAreKeyedAndNotReachableAsWebSessions) {
  auto a = service_->im_session_id("generic", "u1/u1");
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a.value(), service_->im_session_id("generic", "u1/u1").value());  // stable
  EXPECT_NE(a.value(), service_->im_session_id("generic", "u2/u2").value());
  EXPECT_EQ(a.value().rfind("generic:", 0), 0u);
  EXPECT_EQ(a.value().size(), std::string("generic:").size() + 40);

  ChatRequest im;
  im.session_id = a.value();
  im.channel = "generic";
  im.text = "提现多久到账";
  ASSERT_TRUE(service_->chat(im).ok());
  // The same id through the web: refused whatever the token.
  ChatRequest web = im;
  web.channel = "web";
  EXPECT_EQ(service_->chat(web).status().code(), StatusCode::kUnauthenticated);
  EXPECT_EQ(service_->authorize(a.value(), "").status().code(), StatusCode::kUnauthenticated);
  // Another IM channel cannot post into it either.
  ChatRequest other = im;
  other.channel = "slack";
  EXPECT_EQ(service_->chat(other).status().code(), StatusCode::kUnauthenticated);

  // The key lives in the store: a second service on it computes the same ids.
  Service again(*store_, *engines_, ServiceOptions{});
  EXPECT_EQ(again.im_session_id("generic", "u1/u1").value(), a.value());
}

TEST(SessionIds, SortByCreationAndKeep128RandomBits) {
  const std::string a = Service::new_session_id();
  std::this_thread::sleep_for(std::chrono::milliseconds(2));
  const std::string b = Service::new_session_id();
  const std::string c = Service::new_session_id();
  ASSERT_EQ(a.size(), Service::kSessionIdTimeDigits + 32);
  EXPECT_LT(a, b);                  // later id sorts after
  EXPECT_NE(b, c);                  // same ms: the random part differs
  EXPECT_NE(b.substr(Service::kSessionIdTimeDigits), c.substr(Service::kSessionIdTimeDigits));
}

}  // namespace
}  // namespace faqbot::service
