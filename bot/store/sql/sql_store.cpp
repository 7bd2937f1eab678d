#include "bot/store/sql/sql_store.h"

#include <algorithm>
#include <cstdlib>
#include <utility>

#include "bot/store/sql/agent_records.h"
#include "bot/store/sql/kb_versions.h"
#include "bot/store/sql/rows.h"
#include "bot/store/sql/schema.h"
#include "knowledge/utf8.h"

namespace faqbot::store::sql {

namespace {

constexpr size_t kMaxIdBytes = 256;

// kInvalidArgument unless 1 <= size <= kMaxIdBytes.
Status check_id(const std::string& id, const char* what) {
  if (id.empty()) return {StatusCode::kInvalidArgument, std::string(what) + " is empty"};
  if (id.size() > kMaxIdBytes) {
    return {StatusCode::kInvalidArgument,
            std::string(what) + " is longer than " + std::to_string(kMaxIdBytes) + " bytes"};
  }
  return Status::Ok();
}

Status check_limit(int limit) {
  if (limit < 1) return {StatusCode::kInvalidArgument, "limit must be >= 1"};
  return Status::Ok();
}

// Well-formed UTF-8 without NUL bytes, which PostgreSQL text cannot hold
// (SQLite would store it): every backend refuses it the same way.
Status check_utf8(const std::string& text, const char* what) {
  if (storable(text)) return Status::Ok();
  return {StatusCode::kInvalidArgument, std::string(what) + " is not valid UTF-8 text"};
}

int priority_value(Priority p) { return p == Priority::kHigh ? 1 : 0; }

// Runs `work` through `run` (write or read) and returns what it left in `out`.
template <typename T, typename Run, typename Work>
Result<T> produce(Run run, Work work) {
  T out{};
  Status st = run([&](Connection& c) -> Status {
    Result<T> r = work(c);
    if (!r.ok()) return r.status();
    out = std::move(r).value();
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}
class SqlStore final : public Store {
 public:
  explicit SqlStore(std::unique_ptr<Database> db) : db_(std::move(db)), dialect_(db_->dialect()) {}

  const char* backend() const override { return dialect_.name; }

  // --- sessions ---------------------------------------------------------------

  Result<Session> get_session(const std::string& id) override {
    return read<Session>([&](Connection& c) {
      return query_one<Session>(c, "SELECT " + kSessionColumns + " FROM sessions WHERE id = ?1",
                                session_from, "no session " + id, id);
    });
  }

  Status put_session(const Session& session) override {
    const int64_t now = or_now(session.updated_at_ms);
    return db_->write([&](Connection& c) { return upsert_session(c, session, now); });
  }

  Result<TurnResult> record_turn(const Turn& turn) override {
    const int64_t now = or_now(turn.session.updated_at_ms);
    return write<TurnResult>([&](Connection& c) -> Result<TurnResult> {
      TurnResult result;
      for (size_t i = 0; i < turn.events.size(); ++i) {
        auto fresh = record_event(c, turn.events[i], now);
        if (!fresh.ok()) return fresh.status();
        if (fresh.value()) continue;
        if (i == 0) {
          result.duplicate = true;  // a retry of an event already answered
          return result;
        }
        return Status(StatusCode::kFailedPrecondition,
                      "event key " + turn.events[i].event_id + " was already used");
      }
      // The upsert locks the session row until the end of the transaction:
      // appends to one session are serialised, so its ids follow commit order.
      if (Status s = upsert_session(c, turn.session, now, turn.expected_session); !s.ok()) return s;
      if (turn.ticket_update) {
        auto t = update_ticket_in(c, *turn.ticket_update);
        if (!t.ok()) return t.status();
        result.ticket = std::move(t).value();
      }
      for (const NewMessage& m : turn.messages) {
        auto id = insert_message(c, turn.session.id, m);
        if (!id.ok()) return id.status();
        result.message_ids.push_back(id.value());
      }
      if (turn.ticket) {
        auto t = open_ticket_in(c, turn.session.id, *turn.ticket, &result.ticket_created);
        if (!t.ok()) return t.status();
        result.ticket = std::move(t).value();
      }
      if (turn.unanswered) {
        auto n = insert_unanswered(c, turn.session.id, *turn.unanswered, now);
        if (!n.ok()) return n.status();
      }
      return result;
    });
  }

  // --- messages ---------------------------------------------------------------

  Result<int64_t> append_message(const std::string& session_id,
                                 const NewMessage& message) override {
    return write<int64_t>([&](Connection& c) -> Result<int64_t> {
      auto locked = query_maybe<int64_t>(
          c, std::string("SELECT 1 FROM sessions WHERE id = ?1") + dialect_.lock_rows, int_from,
          session_id);
      if (!locked.ok()) return locked.status();
      if (!locked->has_value()) return Status(StatusCode::kNotFound, "no session " + session_id);
      return insert_message(c, session_id, message);
    });
  }

  Result<std::vector<Message>> messages_after(const std::string& session_id, int64_t after_id,
                                              int limit) override {
    if (Status st = check_limit(limit); !st.ok()) return st;
    return read<std::vector<Message>>([&](Connection& c) -> Result<std::vector<Message>> {
      auto out = query_all<Message>(
          c,
          "SELECT " + kMessageColumns +
              " FROM messages WHERE session_id = ?1 AND id > ?2 ORDER BY id LIMIT ?3",
          message_from, session_id, after_id, limit);
      if (!out.ok() || !out->empty()) return out;
      auto exists = query_maybe<int64_t>(c, "SELECT 1 FROM sessions WHERE id = ?1", int_from,
                                         session_id);
      if (!exists.ok()) return exists.status();
      if (!exists->has_value()) return Status(StatusCode::kNotFound, "no session " + session_id);
      return out;
    });
  }

  // --- tickets ----------------------------------------------------------------

  Result<Ticket> open_ticket(const std::string& session_id, const NewTicket& ticket) override {
    if (Status st = check_id(session_id, "session id"); !st.ok()) return st;
    return write<Ticket>([&](Connection& c) {
      bool created = false;
      return open_ticket_in(c, session_id, ticket, &created);
    });
  }

  Result<Ticket> get_ticket(int64_t ticket_id) override {
    return read<Ticket>([&](Connection& c) { return select_ticket(c, ticket_id); });
  }

  Result<std::optional<Ticket>> open_ticket_of(const std::string& session_id) override {
    return read<std::optional<Ticket>>(
        [&](Connection& c) { return find_open_ticket(c, session_id); });
  }

  Result<std::vector<Ticket>> list_tickets(TicketStatus status, int limit) override {
    if (Status st = check_limit(limit); !st.ok()) return st;
    return read<std::vector<Ticket>>([&](Connection& c) {
      return query_all<Ticket>(c,
                               "SELECT " + kTicketColumns +
                                   " FROM tickets WHERE status = ?1 "
                                   "ORDER BY priority DESC, created_at, id LIMIT ?2",
                               ticket_from, to_string(status), limit);
    });
  }

  Result<int64_t> count_tickets(TicketStatus status) override {
    return read<int64_t>([&](Connection& c) {
      return count(c, "SELECT COUNT(*) FROM tickets WHERE status = ?1", to_string(status));
    });
  }

  Result<int64_t> queue_position(int64_t ticket_id) override {
    return read<int64_t>([&](Connection& c) -> Result<int64_t> {
      // One statement: the ticket and its rank come from the same snapshot.
      auto q = c.prepare(
          "SELECT t.status, (SELECT COUNT(*) FROM tickets q WHERE q.status = 'waiting' AND "
          "(q.priority > t.priority OR (q.priority = t.priority AND (q.created_at < t.created_at "
          "OR (q.created_at = t.created_at AND q.id <= t.id))))) FROM tickets t WHERE t.id = ?1");
      if (!q.ok()) return q.status();
      q->bind(1, ticket_id);
      Result<bool> row = q->step();
      if (!row.ok()) return row.status();
      if (!row.value()) return Status(StatusCode::kNotFound, "no ticket " + std::to_string(ticket_id));
      const std::string status = q->text_at(0);
      if (status != "waiting") {
        return Status(StatusCode::kFailedPrecondition,
                      "ticket " + std::to_string(ticket_id) + " is " + status + ", not waiting");
      }
      return q->int_at(1);
    });
  }

  Result<Ticket> claim_ticket(int64_t ticket_id, const std::string& agent_id,
                              int64_t now) override {
    if (Status st = check_id(agent_id, "agent id"); !st.ok()) return st;
    // Of concurrent claims the database lets one UPDATE match (the others
    // re-check the WHERE after it commits and match nothing).
    return transition(ticket_id,
                      "UPDATE tickets SET status = 'active', claimed_by = ?2, claimed_at = ?3 "
                      "WHERE id = ?1 AND status = 'waiting' RETURNING " + kTicketColumns,
                      "waiting", agent_id, or_now(now));
  }

  Result<Ticket> close_ticket(int64_t ticket_id, const std::string& resolution,
                              int64_t now) override {
    return transition(ticket_id,
                      "UPDATE tickets SET status = 'closed', closed_at = ?2, resolution = ?3 "
                      "WHERE id = ?1 AND status IN ('waiting', 'active') RETURNING " +
                          kTicketColumns,
                      "waiting or active", or_now(now), resolution);
  }

  Status set_expected_reply(int64_t ticket_id, int64_t at_ms) override {
    return db_->write([&](Connection& c) -> Status {
      auto n = execute(c, "UPDATE tickets SET expected_reply_at = ?2 WHERE id = ?1", ticket_id,
                       at_ms);
      if (!n.ok()) return n.status();
      if (n.value() == 0) return {StatusCode::kNotFound, "no ticket " + std::to_string(ticket_id)};
      return Status::Ok();
    });
  }

  // --- feedback, unanswered ---------------------------------------------------

  Status add_feedback(const Feedback& f) override {
    return db_->write([&](Connection& c) -> Status {
      auto n = execute(
          c,
          "INSERT INTO feedback (message_id, helpful, comment, created_at) "
          "SELECT CAST(?1 AS BIGINT), CAST(?2 AS BOOLEAN), CAST(?3 AS TEXT), CAST(?4 AS BIGINT) "
          "WHERE EXISTS (SELECT 1 FROM messages WHERE id = CAST(?1 AS BIGINT) AND "
          "session_id = ?5 AND role = 'bot') ON CONFLICT (message_id) DO NOTHING",
          f.message_id, f.helpful, f.comment, or_now(f.created_at_ms), f.session_id);
      if (!n.ok()) return n.status();
      if (n.value() == 1) return Status::Ok();
      // Nothing inserted: the session's own message already has feedback
      // (kFailedPrecondition), or it is not a bot message of this session.
      auto given = query_maybe<int64_t>(
          c,
          "SELECT 1 FROM feedback f JOIN messages m ON m.id = f.message_id "
          "WHERE f.message_id = ?1 AND m.session_id = ?2",
          int_from, f.message_id, f.session_id);
      if (!given.ok()) return given.status();
      if (given->has_value()) {
        return {StatusCode::kFailedPrecondition,
                "message " + std::to_string(f.message_id) + " already has feedback"};
      }
      return {StatusCode::kNotFound,
              "no bot message " + std::to_string(f.message_id) + " in this session"};
    });
  }

  Status add_unanswered(const std::string& session_id, const std::string& text,
                        int64_t now) override {
    if (Status st = check_id(session_id, "session id"); !st.ok()) return st;
    return db_->write([&](Connection& c) -> Status {
      auto n = insert_unanswered(c, session_id, text, or_now(now));
      return n.ok() ? Status::Ok() : n.status();
    });
  }

  Result<std::vector<Unanswered>> list_unanswered(int limit) override {
    if (Status st = check_limit(limit); !st.ok()) return st;
    return read<std::vector<Unanswered>>([&](Connection& c) {
      return query_all<Unanswered>(
          c, "SELECT id, session_id, text, created_at FROM unanswered ORDER BY id DESC LIMIT ?1",
          unanswered_from, limit);
    });
  }

  // --- reports ----------------------------------------------------------------

  Result<Activity> activity(int64_t from, int64_t to, int limit) override {
    if (Status st = check_limit(limit); !st.ok()) return st;
    return read<Activity>([&](Connection& c) -> Result<Activity> {
      Activity out;
      const std::string period = " WHERE created_at >= ?1 AND created_at < ?2 ORDER BY id LIMIT ?3";
      auto messages = query_all<Message>(c, "SELECT " + kMessageColumns + " FROM messages" + period,
                                         message_from, from, to, limit);
      if (!messages.ok()) return messages.status();
      out.messages = std::move(messages.value());
      auto tickets = query_all<Ticket>(c, "SELECT " + kTicketColumns + " FROM tickets" + period, ticket_from,
                                       from, to, limit);
      if (!tickets.ok()) return tickets.status();
      out.tickets = std::move(tickets.value());
      auto feedback = query_all<AnswerFeedback>(
          c,
          "SELECT f.message_id, m.faq_id, CASE WHEN f.helpful THEN 1 ELSE 0 END, f.created_at "
          "FROM feedback f JOIN messages m ON m.id = f.message_id "
          "WHERE f.created_at >= ?1 AND f.created_at < ?2 ORDER BY f.id LIMIT ?3",
          [](const Query& q) -> Result<AnswerFeedback> {
            return AnswerFeedback{q.int_at(0), q.text_at(1), q.int_at(2) != 0, q.int_at(3)};
          },
          from, to, limit);
      if (!feedback.ok()) return feedback.status();
      out.feedback = std::move(feedback.value());
      return out;
    });
  }

  // --- webhook events ---------------------------------------------------------

  Result<bool> mark_event_processed(const std::string& channel, const std::string& event_id,
                                    int64_t now) override {
    if (Status st = check_id(channel, "channel"); !st.ok()) return st;
    if (Status st = check_id(event_id, "event id"); !st.ok()) return st;
    return write<bool>(
        [&](Connection& c) { return record_event(c, EventKey{channel, event_id}, or_now(now)); });
  }

  Result<bool> event_processed(const std::string& channel, const std::string& event_id) override {
    return read<bool>([&](Connection& c) -> Result<bool> {
      auto found = query_maybe<int64_t>(
          c, "SELECT 1 FROM processed_events WHERE channel = ?1 AND event_id = ?2", int_from,
          channel, event_id);
      if (!found.ok()) return found.status();
      return found->has_value();
    });
  }

  // --- retention and investors' requests --------------------------------------

  Result<int64_t> erase_older_than(int64_t cutoff_ms) override {
    return write<int64_t>([&](Connection& c) -> Result<int64_t> {
      auto erased = erase_sessions(
          c,
          "SELECT id FROM sessions WHERE updated_at < ?1 AND id NOT IN "
          "(SELECT session_id FROM tickets WHERE status IN ('waiting', 'active'))",
          cutoff_ms);
      if (!erased.ok()) return erased;
      // Webhook event ids and finished outbox rows (their targets are user ids).
      for (const char* sql : {"DELETE FROM processed_events WHERE processed_at < ?1",
                              "DELETE FROM outbox WHERE status IN ('sent', 'failed') AND created_at < ?1"}) {
        auto n = execute(c, sql, cutoff_ms);
        if (!n.ok()) return n.status();
      }
      return erased;
    });
  }

  Result<std::vector<std::string>> sessions_of_user(const std::string& user_id) override {
    return read<std::vector<std::string>>([&](Connection& c) {
      return query_all<std::string>(c, "SELECT id FROM sessions WHERE user_id = ?1 ORDER BY created_at, id",
                                    text_from, user_id);
    });
  }

  Result<int64_t> erase_user(const std::string& user_id) override {
    if (Status st = check_id(user_id, "user id"); !st.ok()) return st;
    return write<int64_t>([&](Connection& c) {
      return erase_sessions(c, "SELECT id FROM sessions WHERE user_id = ?1", user_id);
    });
  }

  // --- outbox -----------------------------------------------------------------

  Result<std::vector<MessageNotice>> wait_message_notices(int timeout_ms) override {
    auto payloads = db_->wait_notices(timeout_ms);
    if (!payloads.ok()) return payloads.status();
    std::vector<MessageNotice> out;
    for (const std::string& p : payloads.value()) {
      const size_t space = p.rfind(' ');
      if (space == std::string::npos) continue;
      out.push_back({p.substr(0, space), std::strtoll(p.c_str() + space + 1, nullptr, 10)});
    }
    return out;
  }

  Result<int64_t> enqueue_outbound(const NewOutbound& m) override {
    if (Status st = check_id(m.channel, "channel"); !st.ok()) return st;
    return write<int64_t>([&](Connection& c) -> Result<int64_t> {
      const int64_t now = now_ms();
      return insert(c, insert_outbound_sql_, m.channel, m.target, m.payload,
                    m.next_attempt_at_ms != 0 ? m.next_attempt_at_ms : now, now);
    });
  }

  Result<std::vector<Outbound>> due_outbound(int64_t now, int limit, int64_t lease_ms) override {
    if (Status st = check_limit(limit); !st.ok()) return st;
    now = or_now(now);
    return write<std::vector<Outbound>>([&](Connection& c) -> Result<std::vector<Outbound>> {
      // Locked until the end of the transaction; rows another replica holds
      // are skipped, so concurrent pollers take disjoint rows.
      auto out = query_all<Outbound>(
          c,
          "SELECT " + kOutboxColumns +
              " FROM outbox WHERE status = 'pending' AND next_attempt_at <= ?1 "
              "ORDER BY next_attempt_at, id LIMIT ?2" + dialect_.lock_rows_skip_locked,
          outbound_from, now, limit);
      if (!out.ok()) return out;
      for (const Outbound& o : out.value()) {
        auto n = execute(c, "UPDATE outbox SET next_attempt_at = ?2 WHERE id = ?1", o.id,
                         now + lease_ms);
        if (!n.ok()) return n.status();
      }
      return out;
    });
  }

  Status mark_sent(int64_t outbound_id, int64_t now) override {
    return db_->write([&](Connection& c) -> Status {
      auto n = execute(
          c, "UPDATE outbox SET status = 'sent', sent_at = ?2 WHERE id = ?1 AND status = 'pending'",
          outbound_id, or_now(now));
      if (!n.ok()) return n.status();
      if (n.value() == 1) return Status::Ok();
      Status why = transition_error(c, "outbox", outbound_id, "pending");
      // Marking a sent message sent again is harmless.
      if (why.message().find(" is sent,") != std::string::npos) return Status::Ok();
      return why;
    });
  }

  Status mark_failed(int64_t outbound_id, const std::string& error,
                     int64_t retry_at_ms) override {
    return db_->write([&](Connection& c) -> Status {
      auto n = execute(c,
                       "UPDATE outbox SET attempts = attempts + 1, last_error = ?2, "
                       "status = CASE WHEN CAST(?3 AS BIGINT) > 0 THEN 'pending' ELSE 'failed' END, "
                       "next_attempt_at = CASE WHEN CAST(?3 AS BIGINT) > 0 THEN CAST(?3 AS BIGINT) "
                       "ELSE next_attempt_at END WHERE id = ?1 AND status = 'pending'",
                       outbound_id, error, retry_at_ms);
      if (!n.ok()) return n.status();
      if (n.value() == 1) return Status::Ok();
      return transition_error(c, "outbox", outbound_id, "pending");
    });
  }

  Result<int64_t> count_failed() override {
    return read<int64_t>(
        [&](Connection& c) { return count(c, "SELECT COUNT(*) FROM outbox WHERE status = 'failed'"); });
  }

  Result<Outbound> get_outbound(int64_t outbound_id) override {
    return read<Outbound>([&](Connection& c) {
      return query_one<Outbound>(c, "SELECT " + kOutboxColumns + " FROM outbox WHERE id = ?1",
                                 outbound_from,
                                 "no outbound message " + std::to_string(outbound_id), outbound_id);
    });
  }

  // --- channel cursors ----------------------------------------------------------

  Result<std::string> channel_cursor(const std::string& name) override {
    if (Status st = check_id(name, "cursor name"); !st.ok()) return st;
    return read<std::string>([&](Connection& c) -> Result<std::string> {
      auto value = query_maybe<std::string>(c, "SELECT value FROM channel_cursors WHERE name = ?1",
                                            text_from, name);
      if (!value.ok()) return value.status();
      return value->value_or("");
    });
  }

  Status set_channel_cursor(const std::string& name, const std::string& value) override {
    if (Status st = check_id(name, "cursor name"); !st.ok()) return st;
    if (Status st = check_utf8(value, "cursor"); !st.ok()) return st;
    return db_->write([&](Connection& c) -> Status {
      auto n = execute(c,
                       "INSERT INTO channel_cursors (name, value, updated_at) VALUES (?1, ?2, ?3) "
                       "ON CONFLICT (name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
                       name, value, now_ms());
      return n.ok() ? Status::Ok() : n.status();
    });
  }

  // --- live marks -------------------------------------------------------------

  Status set_live_mark(const std::string& name, int64_t at_ms) override {
    if (Status st = check_id(name, "mark name"); !st.ok()) return st;
    return db_->write([&](Connection& c) -> Status {
      auto n = execute(c,
                       "INSERT INTO live_marks (name, at_ms) VALUES (?1, ?2) "
                       "ON CONFLICT (name) DO UPDATE SET at_ms = excluded.at_ms",
                       name, at_ms);
      return n.ok() ? Status::Ok() : n.status();
    });
  }

  Result<int64_t> live_mark(const std::string& name) override {
    if (Status st = check_id(name, "mark name"); !st.ok()) return st;
    return read<int64_t>([&](Connection& c) -> Result<int64_t> {
      auto at = query_maybe<int64_t>(c, "SELECT at_ms FROM live_marks WHERE name = ?1", int_from, name);
      if (!at.ok()) return at.status();
      return at->value_or(0);
    });
  }

  Status clear_live_mark(const std::string& name) override {
    if (Status st = check_id(name, "mark name"); !st.ok()) return st;
    return db_->write([&](Connection& c) -> Status {
      auto n = execute(c, "DELETE FROM live_marks WHERE name = ?1", name);
      return n.ok() ? Status::Ok() : n.status();
    });
  }

  Result<int64_t> drop_live_marks(const std::string& prefix, int64_t before_ms) override {
    return write<int64_t>([&](Connection& c) -> Result<int64_t> {
      // substr/length rather than LIKE: a prefix may hold LIKE's wildcards.
      return execute(c, "DELETE FROM live_marks WHERE substr(name, 1, length(CAST(?1 AS TEXT))) = CAST(?1 AS TEXT) AND at_ms < ?2", prefix,
                     before_ms);
    });
  }

  // --- server secrets, health -------------------------------------------------

  Result<std::string> server_secret(const std::string& name,
                                    const std::string& candidate) override {
    if (name.empty() || candidate.empty()) {
      return Status(StatusCode::kInvalidArgument, "secret name and value must not be empty");
    }
    return write<std::string>([&](Connection& c) -> Result<std::string> {
      auto n = execute(c,
                       "INSERT INTO server_secrets (name, value, created_at) VALUES (?1, ?2, ?3) "
                       "ON CONFLICT (name) DO NOTHING",
                       name, candidate, now_ms());
      if (!n.ok()) return n.status();
      auto value = query_maybe<std::string>(c, "SELECT value FROM server_secrets WHERE name = ?1",
                                            text_from, name);
      if (!value.ok()) return value.status();
      if (!value->has_value()) return Status(StatusCode::kInternal, "secret " + name + " vanished");
      return std::move(*value.value());
    });
  }

  // --- agent records (agent_records.cpp) ----------------------------------------

  Result<Note> add_note(const NewNote& note) override { return sql::add_note(*db_, note); }
  Result<std::vector<Note>> notes_of(int64_t ticket_id) override { return sql::notes_of(*db_, ticket_id); }
  Status add_rating(const Rating& rating) override { return sql::add_rating(*db_, rating); }
  Result<std::optional<Rating>> rating_of(int64_t ticket_id) override { return sql::rating_of(*db_, ticket_id); }
  Result<std::vector<AgentRating>> agent_ratings() override { return sql::agent_ratings(*db_); }
  Result<std::vector<ConversationHit>> search_conversations(const ConversationQuery& query) override {
    return sql::search_conversations(*db_, query);
  }

  // --- knowledge-base versions (kb_versions.cpp) --------------------------------

  Result<KbVersion> create_kb_version(const NewKbVersion& v) override { return sql::create_kb_version(*db_, v); }
  Result<KbVersion> change_kb_version(const KbVersionChange& c) override { return sql::change_kb_version(*db_, c); }
  Result<KbVersion> kb_version(int64_t id) override { return sql::kb_version(*db_, id); }
  Result<std::vector<KbVersion>> kb_versions(int limit) override { return sql::kb_versions(*db_, limit); }
  Result<int64_t> live_kb_version() override { return sql::live_kb_version(*db_); }
  Result<std::vector<KbAudit>> kb_audit(int limit) override { return sql::kb_audit(*db_, limit); }

  Status check_writable() override {
    return db_->write([&](Connection& c) -> Status {
      auto n = execute(c,
                       "INSERT INTO write_probe (id, written_at) VALUES (1, ?1) "
                       "ON CONFLICT (id) DO UPDATE SET written_at = excluded.written_at",
                       now_ms());
      return n.ok() ? Status::Ok() : n.status();
    });
  }

 private:
  // Erases the sessions `selection` picks (a SELECT of ids, ?1 = `value`)
  // with their feedback, messages, unanswered questions and tickets, in one
  // transaction (the caller's). Returns the sessions erased.
  template <typename Value>
  static Result<int64_t> erase_sessions(Connection& c, const std::string& selection, const Value& value) {
    const std::string in = " IN (" + selection + ")";
    int64_t sessions = 0;
    for (const std::string& sql :
         {"DELETE FROM feedback WHERE message_id IN (SELECT id FROM messages WHERE session_id" + in + ")",
          "DELETE FROM messages WHERE session_id" + in, "DELETE FROM unanswered WHERE session_id" + in,
          "DELETE FROM tickets WHERE session_id" + in, "DELETE FROM sessions WHERE id" + in}) {
      auto n = execute(c, sql, value);
      if (!n.ok()) return n.status();
      sessions = n.value();
    }
    return sessions;
  }

  template <typename T, typename Work>
  Result<T> write(Work work) {
    return produce<T>([&](const Database::Work& w) { return db_->write(w); }, work);
  }
  template <typename T, typename Work>
  Result<T> read(Work work) {
    return produce<T>([&](const Database::Work& w) { return db_->read(w); }, work);
  }

  template <typename... Args>
  static Result<int64_t> count(Connection& c, const std::string& sql, const Args&... args) {
    auto n = query_maybe<int64_t>(c, sql, int_from, args...);
    if (!n.ok()) return n.status();
    return n->value_or(0);
  }

  // With `expected`, a row that exists against the expectation, or no
  // longer holds the expected state and choices, is left alone: kAborted.
  // The condition is in the statement itself, so the database checks it on
  // the row as it is when the statement runs (after a concurrent writer's
  // commit), not on an earlier read.
  static Status upsert_session(Connection& c, const Session& s, int64_t now,
                               const std::optional<Turn::Expected>& expected = std::nullopt) {
    if (Status st = check_id(s.id, "session id"); !st.ok()) return st;
    const int64_t created = s.created_at_ms != 0 ? s.created_at_ms : now;
    const std::string insert =
        "INSERT INTO sessions (id, user_id, channel, channel_ref, customer_name, state, "
        "created_at, updated_at, token_hash, choices) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) ON CONFLICT (id) ";
    const std::string update =
        "DO UPDATE SET user_id = excluded.user_id, channel = excluded.channel, "
        "channel_ref = excluded.channel_ref, customer_name = excluded.customer_name, "
        "state = excluded.state, updated_at = excluded.updated_at, choices = excluded.choices";
    const std::string channel = s.channel.empty() ? std::string("web") : s.channel;
    Result<int64_t> n = 0;
    if (!expected) {
      n = execute(c, insert + update, s.id, s.user_id, channel, s.channel_ref, s.customer_name, s.state,
                  created, now, s.token_hash, s.choices);
    } else if (!expected->exists) {
      n = execute(c, insert + "DO NOTHING", s.id, s.user_id, channel, s.channel_ref, s.customer_name,
                  s.state, created, now, s.token_hash, s.choices);
    } else {
      n = execute(c, insert + update + " WHERE sessions.state = ?11 AND sessions.choices = ?12", s.id,
                  s.user_id, channel, s.channel_ref, s.customer_name, s.state, created, now, s.token_hash,
                  s.choices, expected->state, expected->choices);
    }
    if (!n.ok()) return n.status();
    if (expected && n.value() == 0) {
      return {StatusCode::kAborted, "session " + s.id + " changed meanwhile"};
    }
    return Status::Ok();
  }

  // Runs an INSERT of one row into a table keyed by {serial_key} (`sql` is
  // built with with_returning_id) and returns the new row's id.
  template <typename... Args>
  static Result<int64_t> insert(Connection& c, const std::string& sql, const Args&... args) {
    auto q = c.prepare(sql);
    if (!q.ok()) return q.status();
    q->bind_all(args...);
    if (Status st = q->run(); !st.ok()) return st;
    return q->inserted_id();
  }
  std::string with_returning_id(const char* insert_sql) const {
    return std::string(insert_sql) + dialect_.returning_id;
  }

  Result<int64_t> insert_message(Connection& c, const std::string& session_id,
                                 const NewMessage& m) {
    if (Status st = check_utf8(m.text, "message text"); !st.ok()) return st;
    auto id = insert(c, insert_message_sql_, session_id, to_string(m.role), m.text, m.action,
                     m.faq_id, m.confidence, m.agent_id, or_now(m.created_at_ms), m.kb_version);
    if (id.status().code() == StatusCode::kNotFound) {
      return Status(StatusCode::kNotFound, "no session " + session_id);
    }
    if (id.ok() && *dialect_.notify_message) {
      auto sent = query_maybe<std::string>(c, dialect_.notify_message, text_from, session_id,
                                           id.value());
      if (!sent.ok()) return sent.status();
    }
    return id;
  }

  // Insert-or-ignore of the event key: true when this call recorded it.
  static Result<bool> record_event(Connection& c, const EventKey& key, int64_t now) {
    if (Status st = check_id(key.channel, "channel"); !st.ok()) return st;
    if (Status st = check_id(key.event_id, "event id"); !st.ok()) return st;
    auto n = execute(c,
                     "INSERT INTO processed_events (channel, event_id, processed_at) "
                     "VALUES (?1, ?2, ?3) ON CONFLICT (channel, event_id) DO NOTHING",
                     key.channel, key.event_id, now);
    if (!n.ok()) return n.status();
    return n.value() == 1;
  }

  static Result<int64_t> insert_unanswered(Connection& c, const std::string& session_id,
                                           const std::string& text, int64_t now) {
    return execute(c, "INSERT INTO unanswered (session_id, text, created_at) VALUES (?1, ?2, ?3)",
                   session_id, text, now);
  }

  static Result<std::optional<Ticket>> find_open_ticket(Connection& c,
                                                        const std::string& session_id) {
    return query_maybe<Ticket>(c,
                               "SELECT " + kTicketColumns +
                                   " FROM tickets WHERE session_id = ?1 AND "
                                   "status IN ('waiting', 'active') LIMIT 1",
                               ticket_from, session_id);
  }

  static Result<Ticket> select_ticket(Connection& c, int64_t id) {
    return query_one<Ticket>(c, "SELECT " + kTicketColumns + " FROM tickets WHERE id = ?1",
                             ticket_from, "no ticket " + std::to_string(id), id);
  }

  // The session's open ticket, or a new waiting one (created = true). A
  // concurrent opener is settled by the partial unique index.
  static Result<Ticket> open_ticket_in(Connection& c, const std::string& session_id,
                                       const NewTicket& t, bool* created) {
    *created = false;
    auto existing = find_open_ticket(c, session_id);
    if (!existing.ok()) return existing.status();
    if (existing->has_value()) return std::move(*existing.value());
    auto inserted = query_maybe<Ticket>(
        c,
        "INSERT INTO tickets (session_id, status, priority, reason, created_at, "
        "expected_reply_at) VALUES (?1, 'waiting', ?2, ?3, ?4, ?5) "
        "ON CONFLICT (session_id) WHERE status IN ('waiting', 'active') DO NOTHING RETURNING " +
            kTicketColumns,
        ticket_from, session_id, priority_value(t.priority), t.reason, or_now(t.created_at_ms),
        t.expected_reply_at_ms);
    if (!inserted.ok()) {
      if (inserted.status().code() == StatusCode::kNotFound) {
        return Status(StatusCode::kNotFound, "no session " + session_id);
      }
      return inserted.status();
    }
    if (inserted->has_value()) {
      *created = true;
      return std::move(*inserted.value());
    }
    existing = find_open_ticket(c, session_id);  // opened concurrently
    if (!existing.ok()) return existing.status();
    if (existing->has_value()) return std::move(*existing.value());
    return Status(StatusCode::kInternal,
                  "ticket of session " + session_id + " changed concurrently");
  }

  // Applies `u` (see TicketUpdate): sets every mutable field (?1-?10) where
  // the row still holds what the caller read (?11-?16).
  static Result<Ticket> update_ticket_in(Connection& c, const TicketUpdate& u) {
    const Ticket& f = u.from;
    const Ticket& t = u.to;
    auto updated = query_maybe<Ticket>(
        c,
        "UPDATE tickets SET status = ?1, priority = ?2, reason = ?3, claimed_by = ?4, "
        "claimed_at = ?5, closed_at = ?6, resolution = ?7, expected_reply_at = ?8, "
        "callback_phone = ?9, transferred_from = ?10 WHERE id = ?11 AND status = ?12 AND "
        "claimed_by = ?13 AND priority = ?14 AND expected_reply_at = ?15 AND "
        "callback_phone = ?16 RETURNING " + kTicketColumns,
        ticket_from, to_string(t.status), priority_value(t.priority), t.reason, t.claimed_by,
        t.claimed_at_ms, t.closed_at_ms, t.resolution, t.expected_reply_at_ms, t.callback_phone,
        t.transferred_from, f.id, to_string(f.status), f.claimed_by, priority_value(f.priority),
        f.expected_reply_at_ms, f.callback_phone);
    if (!updated.ok()) return updated.status();
    if (updated->has_value()) return std::move(*updated.value());
    auto now = select_ticket(c, f.id);
    if (!now.ok()) return now.status();
    return Status(StatusCode::kFailedPrecondition,
                  "ticket " + std::to_string(f.id) + " changed meanwhile (now " +
                      to_string(now->status) + ")");
  }

  // Runs a conditional UPDATE … RETURNING of one ticket (?1 = its id, the
  // rest `args`); when it matched nothing, why (transition_error).
  template <typename... Args>
  Result<Ticket> transition(int64_t ticket_id, const std::string& sql, const char* wanted,
                            const Args&... args) {
    return write<Ticket>([&](Connection& c) -> Result<Ticket> {
      auto t = query_maybe<Ticket>(c, sql, ticket_from, ticket_id, args...);
      if (!t.ok()) return t.status();
      if (t->has_value()) return std::move(*t.value());
      return transition_error(c, "tickets", ticket_id, wanted);
    });
  }

  // Why a conditional update of row `id` matched nothing: kNotFound when it
  // is missing, else kFailedPrecondition naming its current status.
  static Status transition_error(Connection& c, const std::string& table, int64_t id,
                                 const char* wanted) {
    auto status = query_maybe<std::string>(c, "SELECT status FROM " + table + " WHERE id = ?1",
                                           text_from, id);
    if (!status.ok()) return status.status();
    const std::string noun = table == "tickets" ? "ticket " : "outbound message ";
    if (!status->has_value()) return {StatusCode::kNotFound, "no " + noun + std::to_string(id)};
    return {StatusCode::kFailedPrecondition,
            noun + std::to_string(id) + " is " + *status.value() + ", not " + wanted};
  }

  std::unique_ptr<Database> db_;
  const Dialect& dialect_;
  const std::string insert_message_sql_ = with_returning_id(
      "INSERT INTO messages (session_id, role, text, action, faq_id, confidence, agent_id, "
      "created_at, kb_version) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
  const std::string insert_outbound_sql_ = with_returning_id(
      "INSERT INTO outbox (channel, target, payload, status, next_attempt_at, created_at) "
      "VALUES (?1, ?2, ?3, 'pending', ?4, ?5)");
};

}  // namespace

Result<std::unique_ptr<Store>> open_sql_store(std::unique_ptr<Database> db,
                                              const StoreOptions& options) {
  auto steps = all_migrations(db->dialect(), options.extra_migrations);
  if (!steps.ok()) return steps.status();
  if (Status st = migrate(*db, steps.value()); !st.ok()) return st;
  return std::unique_ptr<Store>(new SqlStore(std::move(db)));
}

}  // namespace faqbot::store::sql
