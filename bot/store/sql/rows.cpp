#include "bot/store/sql/rows.h"

#include "knowledge/utf8.h"

namespace faqbot::store::sql {

namespace {

Status data_loss(const Status& status) { return {StatusCode::kDataLoss, status.message()}; }

}  // namespace

const std::string kSessionColumns =
    "id, user_id, channel, channel_ref, customer_name, state, created_at, updated_at, token_hash, "
    "choices";
Result<Session> session_from(const Query& q) {
  Session s;
  s.id = q.text_at(0);
  s.user_id = q.text_at(1);
  s.channel = q.text_at(2);
  s.channel_ref = q.text_at(3);
  s.customer_name = q.text_at(4);
  s.state = q.text_at(5);
  s.created_at_ms = q.int_at(6);
  s.updated_at_ms = q.int_at(7);
  s.token_hash = q.text_at(8);
  s.choices = q.text_at(9);
  return s;
}

const std::string kTicketColumns =
    "id, session_id, status, priority, reason, created_at, claimed_by, claimed_at, "
    "closed_at, resolution, expected_reply_at, callback_phone, transferred_from";
Result<Ticket> ticket_from(const Query& q) {
  Ticket t;
  t.id = q.int_at(0);
  t.session_id = q.text_at(1);
  auto status = parse_ticket_status(q.text_at(2));
  if (!status.ok()) return data_loss(status.status());
  t.status = status.value();
  t.priority = q.int_at(3) != 0 ? Priority::kHigh : Priority::kNormal;
  t.reason = q.text_at(4);
  t.created_at_ms = q.int_at(5);
  t.claimed_by = q.text_at(6);
  t.claimed_at_ms = q.int_at(7);
  t.closed_at_ms = q.int_at(8);
  t.resolution = q.text_at(9);
  t.expected_reply_at_ms = q.int_at(10);
  t.callback_phone = q.text_at(11);
  t.transferred_from = q.text_at(12);
  return t;
}

const std::string kMessageColumns =
    "id, session_id, role, text, action, faq_id, confidence, agent_id, created_at, kb_version";
const int kMessageColumnCount = 10;
Result<Message> message_from(const Query& q) {
  Message m;
  m.id = q.int_at(0);
  m.session_id = q.text_at(1);
  auto role = parse_role(q.text_at(2));
  if (!role.ok()) return data_loss(role.status());
  m.role = role.value();
  m.text = q.text_at(3);
  m.action = q.text_at(4);
  m.faq_id = q.text_at(5);
  m.confidence = q.double_at(6);
  m.agent_id = q.text_at(7);
  m.created_at_ms = q.int_at(8);
  m.kb_version = q.int_at(9);
  return m;
}

const std::string kOutboxColumns =
    "id, channel, target, payload, attempts, status, next_attempt_at, last_error, created_at";
Result<Outbound> outbound_from(const Query& q) {
  Outbound o;
  o.id = q.int_at(0);
  o.channel = q.text_at(1);
  o.target = q.text_at(2);
  o.payload = q.text_at(3);
  o.attempts = static_cast<int>(q.int_at(4));
  auto status = parse_outbox_status(q.text_at(5));
  if (!status.ok()) return data_loss(status.status());
  o.status = status.value();
  o.next_attempt_at_ms = q.int_at(6);
  o.last_error = q.text_at(7);
  o.created_at_ms = q.int_at(8);
  return o;
}

Result<Unanswered> unanswered_from(const Query& q) {
  return Unanswered{q.int_at(0), q.text_at(1), q.text_at(2), q.int_at(3)};
}

bool storable(const std::string& text) {
  return utf8::valid(text) && text.find('\0') == std::string::npos;
}

Result<int64_t> int_from(const Query& q) { return q.int_at(0); }
Result<std::string> text_from(const Query& q) { return q.text_at(0); }

}  // namespace faqbot::store::sql
