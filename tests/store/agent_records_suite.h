#pragma once
// The agent records of every Store (notes, ratings, conversation search), on
// the store open_store() returns (masking included), for SQLite and
// PostgreSQL alike: instantiated by sqlite_store_test.cpp and
// postgres_store_test.cpp.
#include "store_suite.h"

namespace faqbot::store {

template <typename Backend>
class AgentRecordsTest : public StoreTest<Backend> {};

TYPED_TEST_SUITE_P(AgentRecordsTest);

TYPED_TEST_P(AgentRecordsTest, NotesFollowTheCustomerAcrossTicketsAndAreMasked) {
  Ticket first = this->ticket_for("s1", Priority::kNormal, 1000);
  Ticket other = this->ticket_for("s2", Priority::kNormal, 1001);
  NewNote n;
  n.ticket_id = first.id;
  n.agent_id = "alice";
  n.text = "客户卡号 6222021234567890123，已核实";
  auto added = this->store().add_note(n);
  ASSERT_TRUE(added.ok()) << added.status().message();
  EXPECT_GT(added->id, 0);
  EXPECT_EQ(added->text.find("6222021234567890123"), std::string::npos) << added->text;
  EXPECT_GT(added->created_at_ms, 0);
  n.ticket_id = other.id;
  n.text = "另一位客户";
  ASSERT_TRUE(this->store().add_note(n).ok());

  // A later ticket of the same session sees the earlier ticket's note.
  ASSERT_TRUE(this->store().close_ticket(first.id, "", 2000).ok());
  Ticket second = this->ticket_for("s1", Priority::kNormal, 3000);
  ASSERT_NE(second.id, first.id);
  n.ticket_id = second.id;
  n.agent_id = "bob";
  n.text = "第二次来询问提现";
  ASSERT_TRUE(this->store().add_note(n).ok());
  auto notes = this->store().notes_of(second.id);
  ASSERT_TRUE(notes.ok()) << notes.status().message();
  ASSERT_EQ(notes->size(), 2u);
  EXPECT_EQ(notes.value()[0].ticket_id, first.id);
  EXPECT_EQ(notes.value()[0].agent_id, "alice");
  EXPECT_EQ(notes.value()[1].text, "第二次来询问提现");
  // Notes are not messages: the transcript does not hold them.
  for (const Message& m : this->store().messages_after("s1", 0).value()) {
    EXPECT_EQ(m.text.find("已核实"), std::string::npos);
  }

  n.ticket_id = 999999;
  EXPECT_EQ(this->store().add_note(n).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(this->store().notes_of(999999).status().code(), StatusCode::kNotFound);
  n.ticket_id = second.id;
  n.text = "";
  EXPECT_EQ(this->store().add_note(n).status().code(), StatusCode::kInvalidArgument);
}

TYPED_TEST_P(AgentRecordsTest, OneRatingPerTicketAveragedPerAgent) {
  std::vector<Ticket> tickets;
  for (int i = 0; i < 3; ++i) {
    Ticket t = this->ticket_for("r" + std::to_string(i), Priority::kNormal, 1000 + i);
    ASSERT_TRUE(this->store().claim_ticket(t.id, i < 2 ? "alice" : "bob", 2000).ok());
    ASSERT_TRUE(this->store().close_ticket(t.id, "", 3000).ok());
    tickets.push_back(t);
  }
  EXPECT_FALSE(this->store().rating_of(tickets[0].id)->has_value());
  Rating r;
  r.ticket_id = tickets[0].id;
  r.score = 5;
  r.comment = "很耐心，我手机 13812345678";
  ASSERT_TRUE(this->store().add_rating(r).ok());
  r.score = 1;
  EXPECT_EQ(this->store().add_rating(r).code(), StatusCode::kFailedPrecondition) << "once per ticket";
  r.ticket_id = tickets[1].id;
  r.score = 2;
  r.comment.clear();
  ASSERT_TRUE(this->store().add_rating(r).ok());
  r.ticket_id = tickets[2].id;
  r.score = 4;
  ASSERT_TRUE(this->store().add_rating(r).ok());

  auto first = this->store().rating_of(tickets[0].id);
  ASSERT_TRUE(first.ok() && first->has_value());
  EXPECT_EQ(first->value().score, 5) << "the first rating is kept";
  EXPECT_EQ(first->value().agent_id, "alice");
  EXPECT_EQ(first->value().comment.find("13812345678"), std::string::npos);

  auto per_agent = this->store().agent_ratings();
  ASSERT_TRUE(per_agent.ok()) << per_agent.status().message();
  ASSERT_EQ(per_agent->size(), 2u);
  EXPECT_EQ(per_agent.value()[0].agent_id, "alice");
  EXPECT_EQ(per_agent.value()[0].count, 2);
  EXPECT_DOUBLE_EQ(per_agent.value()[0].average, 3.5);
  EXPECT_EQ(per_agent.value()[1].agent_id, "bob");
  EXPECT_DOUBLE_EQ(per_agent.value()[1].average, 4.0);

  r.score = 6;
  EXPECT_EQ(this->store().add_rating(r).code(), StatusCode::kInvalidArgument);
  r.score = 0;
  EXPECT_EQ(this->store().add_rating(r).code(), StatusCode::kInvalidArgument);
  r.score = 3;
  r.ticket_id = 999999;
  EXPECT_EQ(this->store().add_rating(r).code(), StatusCode::kNotFound);
}

TYPED_TEST_P(AgentRecordsTest, SearchByTextAndCustomerNewestFirstMaskedAndLiteral) {
  Ticket t = this->ticket_for("c1", Priority::kNormal, 5000);
  Session s = this->session("c1");
  s.customer_name = "王先生";
  s.user_id = "Wang-007";
  Turn turn;
  turn.session = s;
  turn.messages.push_back(this->msg(Role::kInvestor, "提现一直没到账，卡号6222021234567890123"));
  turn.messages.push_back(this->msg(Role::kBot, "提现一般1-3个工作日到账"));
  ASSERT_TRUE(this->store().record_turn(turn).ok());
  this->chat("c2", "充值100%成功吗 PROMO_X");

  ConversationQuery q;
  q.text = "提现";
  auto hits = this->store().search_conversations(q);
  ASSERT_TRUE(hits.ok()) << hits.status().message();
  ASSERT_EQ(hits->size(), 2u);
  EXPECT_EQ(hits.value()[0].message.role, Role::kBot) << "newest first";
  EXPECT_EQ(hits.value()[1].message.role, Role::kInvestor);
  EXPECT_EQ(hits.value()[1].customer_name, "王先生");
  EXPECT_EQ(hits.value()[1].ticket_id, t.id);
  EXPECT_EQ(hits.value()[1].message.text.find("6222021234567890123"), std::string::npos);

  // The card number typed in full finds the masked message.
  q.text = "6222021234567890123";
  hits = this->store().search_conversations(q);
  ASSERT_TRUE(hits.ok());
  ASSERT_EQ(hits->size(), 1u);
  EXPECT_EQ(hits.value()[0].message.session_id, "c1");

  // % and _ are literal; ASCII case does not matter.
  q.text = "100%";
  EXPECT_EQ(this->store().search_conversations(q)->size(), 1u);
  q.text = "0%成";
  EXPECT_EQ(this->store().search_conversations(q)->size(), 1u);
  q.text = "10_%";
  EXPECT_EQ(this->store().search_conversations(q)->size(), 0u);
  q.text = "promo_x";
  EXPECT_EQ(this->store().search_conversations(q)->size(), 1u);
  EXPECT_EQ(this->store().search_conversations(q).value()[0].ticket_id, 0) << "never handed over";

  // By customer: name, user id (any case), exact session id; with text too.
  q.text.clear();
  q.customer = "王";
  EXPECT_EQ(this->store().search_conversations(q)->size(), 3u);  // 转人工 and the turn
  q.customer = "wang-0";
  EXPECT_EQ(this->store().search_conversations(q)->size(), 3u);
  q.customer = "c2";
  EXPECT_EQ(this->store().search_conversations(q)->size(), 1u);
  q.customer = "王先生";
  q.text = "转人工";
  EXPECT_EQ(this->store().search_conversations(q)->size(), 1u);
  q.limit = 1;
  q.text.clear();
  EXPECT_EQ(this->store().search_conversations(q)->size(), 1u);

  q.customer.clear();
  EXPECT_EQ(this->store().search_conversations(q).status().code(), StatusCode::kInvalidArgument);
}

REGISTER_TYPED_TEST_SUITE_P(AgentRecordsTest,
                            NotesFollowTheCustomerAcrossTicketsAndAreMasked,
                            OneRatingPerTicketAveragedPerAgent,
                            SearchByTextAndCustomerNewestFirstMaskedAndLiteral);

}  // namespace faqbot::store
