#include "bot/store/postgres_store.h"

#include <algorithm>

#include "bot/store/pg_conn.h"
#include "bot/store/store_util.h"

namespace faqbot::store {

using pg::Connection;
using pg::params;
using pg::Rows;

namespace {

const std::string kTicketCols = detail::kTicketColumns;
const std::string kMessageCols = detail::kMessageColumns;

Status data_loss(const Status& status) { return {StatusCode::kDataLoss, status.message()}; }

Result<Ticket> ticket_at(const Rows& r, int i) {
  Ticket t;
  t.id = r.int64(i, 0);
  t.session_id = r.text(i, 1);
  auto status = parse_ticket_status(r.text(i, 2));
  if (!status.ok()) return data_loss(status.status());
  t.status = status.value();
  t.priority = r.int64(i, 3) != 0 ? Priority::kHigh : Priority::kNormal;
  t.reason = r.text(i, 4);
  t.created_at_ms = r.int64(i, 5);
  t.claimed_by = r.text(i, 6);
  t.claimed_at_ms = r.int64(i, 7);
  t.closed_at_ms = r.int64(i, 8);
  t.resolution = r.text(i, 9);
  t.expected_reply_at_ms = r.int64(i, 10);
  t.callback_phone = r.text(i, 11);
  t.transferred_from = r.text(i, 12);
  return t;
}

Result<Message> message_at(const Rows& r, int i) {
  Message m;
  m.id = r.int64(i, 0);
  m.session_id = r.text(i, 1);
  auto role = parse_role(r.text(i, 2));
  if (!role.ok()) return data_loss(role.status());
  m.role = role.value();
  m.text = r.text(i, 3);
  m.action = r.text(i, 4);
  m.faq_id = r.text(i, 5);
  m.confidence = r.dbl(i, 6);
  m.agent_id = r.text(i, 7);
  m.created_at_ms = r.int64(i, 8);
  return m;
}

Result<Outbound> outbound_at(const Rows& r, int i) {
  Outbound o;
  o.id = r.int64(i, 0);
  o.channel = r.text(i, 1);
  o.target = r.text(i, 2);
  o.payload = r.text(i, 3);
  o.attempts = static_cast<int>(r.int64(i, 4));
  auto status = parse_outbox_status(r.text(i, 5));
  if (!status.ok()) return data_loss(status.status());
  o.status = status.value();
  o.next_attempt_at_ms = r.int64(i, 6);
  o.last_error = r.text(i, 7);
  o.created_at_ms = r.int64(i, 8);
  return o;
}

template <typename T, typename Decode>
Status collect(const Rows& rows, Decode decode, std::vector<T>* out) {
  for (int i = 0; i < rows.size(); ++i) {
    Result<T> item = decode(rows, i);
    if (!item.ok()) return item.status();
    out->push_back(std::move(item).value());
  }
  return Status::Ok();
}

Status upsert_session(Connection& c, const Session& s, int64_t now) {
  if (Status st = detail::check_id(s.id, "session id"); !st.ok()) return st;
  const int64_t created = s.created_at_ms != 0 ? s.created_at_ms : now;
  auto r = c.exec(
      "INSERT INTO sessions (id, user_id, channel, channel_ref, customer_name, state, "
      "created_at, updated_at, token_hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) "
      "ON CONFLICT (id) DO UPDATE SET user_id = EXCLUDED.user_id, channel = EXCLUDED.channel, "
      "channel_ref = EXCLUDED.channel_ref, customer_name = EXCLUDED.customer_name, "
      "state = EXCLUDED.state, updated_at = EXCLUDED.updated_at",
      params(s.id, s.user_id, s.channel.empty() ? std::string("web") : s.channel, s.channel_ref,
             s.customer_name, s.state, created, now, s.token_hash));
  return r.ok() ? Status::Ok() : r.status();
}

Result<int64_t> insert_message(Connection& c, const std::string& session_id,
                               const NewMessage& m) {
  if (Status st = detail::check_utf8(m.text, "message text"); !st.ok()) return st;
  auto r = c.exec(
      "INSERT INTO messages (session_id, role, text, action, faq_id, confidence, agent_id, "
      "created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
      params(session_id, to_string(m.role), m.text, m.action, m.faq_id, m.confidence, m.agent_id,
             detail::or_now(m.created_at_ms)));
  if (!r.ok()) {
    if (r.status().code() == StatusCode::kNotFound) {
      return Status(StatusCode::kNotFound, "no session " + session_id);
    }
    return r.status();
  }
  return r->int64(0, 0);
}

Result<std::optional<Ticket>> find_open_ticket(Connection& c, const std::string& session_id) {
  auto r = c.exec("SELECT " + kTicketCols +
                      " FROM tickets WHERE session_id = $1 AND status IN ('waiting', 'active')",
                  params(session_id));
  if (!r.ok()) return r.status();
  if (r->size() == 0) return std::optional<Ticket>();
  auto t = ticket_at(r.value(), 0);
  if (!t.ok()) return t.status();
  return std::optional<Ticket>(std::move(t).value());
}

Result<Ticket> select_ticket(Connection& c, int64_t id) {
  auto r = c.exec("SELECT " + kTicketCols + " FROM tickets WHERE id = $1", params(id));
  if (!r.ok()) return r.status();
  if (r->size() == 0) return Status(StatusCode::kNotFound, "no ticket " + std::to_string(id));
  return ticket_at(r.value(), 0);
}

// The session's open ticket, or a new waiting one (created = true). A
// concurrent opener is settled by the partial unique index.
Result<Ticket> open_ticket_in(Connection& c, const std::string& session_id, const NewTicket& t,
                              bool* created) {
  *created = false;
  auto existing = find_open_ticket(c, session_id);
  if (!existing.ok()) return existing.status();
  if (existing.value().has_value()) return existing.value().value();
  auto r = c.exec(
      "INSERT INTO tickets (session_id, status, priority, reason, created_at, expected_reply_at) "
      "VALUES ($1, 'waiting', $2, $3, $4, $5) "
      "ON CONFLICT (session_id) WHERE status IN ('waiting', 'active') DO NOTHING RETURNING " +
          kTicketCols,
      params(session_id, t.priority == Priority::kHigh ? 1 : 0, t.reason,
             detail::or_now(t.created_at_ms), t.expected_reply_at_ms));
  if (!r.ok()) {
    if (r.status().code() == StatusCode::kNotFound) {
      return Status(StatusCode::kNotFound, "no session " + session_id);
    }
    return r.status();
  }
  if (r->size() == 1) {
    *created = true;
    return ticket_at(r.value(), 0);
  }
  existing = find_open_ticket(c, session_id);  // opened concurrently
  if (!existing.ok()) return existing.status();
  if (existing.value().has_value()) return existing.value().value();
  return Status(StatusCode::kInternal, "ticket of session " + session_id + " changed concurrently");
}

// kNotFound when the row is missing, else kFailedPrecondition naming its status.
Status transition_error(Connection& c, const std::string& table, int64_t id, const char* wanted) {
  auto r = c.exec("SELECT status FROM " + table + " WHERE id = $1", params(id));
  if (!r.ok()) return r.status();
  const std::string noun = table == "tickets" ? "ticket " : "outbound message ";
  if (r->size() == 0) return {StatusCode::kNotFound, "no " + noun + std::to_string(id)};
  return {StatusCode::kFailedPrecondition,
          noun + std::to_string(id) + " is " + r->text(0, 0) + ", not " + wanted};
}

// One step a transaction, under an advisory lock keyed by the schema, the
// version re-read under the lock: concurrent openers apply a step once.
Status migrate(Connection& c, const std::vector<Migration>& steps) {
  for (;;) {
    if (Status st = c.run("BEGIN"); !st.ok()) return st;
    auto fail = [&](Status st) {
      c.run("ROLLBACK");
      return st;
    };
    for (const char* sql :
         {"SELECT pg_advisory_xact_lock(hashtext('faqbot.schema:' || current_schema()))",
          "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, "
          "name TEXT NOT NULL, applied_at BIGINT NOT NULL)"}) {
      if (Status st = c.run(sql); !st.ok()) return fail(st);
    }
    auto current = c.exec("SELECT COALESCE(MAX(version), 0) FROM schema_version");
    if (!current.ok()) return fail(current.status());
    const int64_t have = current->int64(0, 0);
    if (have > static_cast<int64_t>(steps.size())) {
      return fail({StatusCode::kFailedPrecondition,
                   "database schema version " + std::to_string(have) +
                       " is newer than this build supports (" + std::to_string(steps.size()) +
                       ")"});
    }
    if (have == static_cast<int64_t>(steps.size())) return c.run("COMMIT");
    const Migration& step = steps[static_cast<size_t>(have)];
    for (const std::string& sql : step.statements) {
      if (Status st = c.run(sql); !st.ok()) {
        return fail({st.code(), "migration " + std::to_string(step.version) + " (" + step.name +
                                    "): " + st.message()});
      }
    }
    auto ins = c.exec("INSERT INTO schema_version (version, name, applied_at) VALUES ($1, $2, $3)",
                      params(step.version, step.name, now_ms()));
    if (!ins.ok()) return fail(ins.status());
    if (Status st = c.run("COMMIT"); !st.ok()) return fail(st);
  }
}

}  // namespace

Result<std::unique_ptr<PostgresStore>> PostgresStore::open(const std::string& conninfo,
                                                           const StoreOptions& options) {
  auto steps = detail::all_migrations(postgres_migrations(), options.extra_migrations);
  if (!steps.ok()) return steps.status();
  std::string quoted;
  if (!options.postgres_schema.empty()) {
    auto q = pg::quote_schema(options.postgres_schema);
    if (!q.ok()) return q.status();
    quoted = q.value();
  }
  std::unique_ptr<PostgresStore> store(new PostgresStore());
  const int n = std::max(1, options.postgres_connections);
  for (int i = 0; i < n; ++i) {
    auto c = Connection::open(conninfo, options.postgres_schema);
    if (!c.ok()) return c.status();
    if (i == 0) {
      if (!quoted.empty()) {
        Status st = c.value()->run("CREATE SCHEMA IF NOT EXISTS " + quoted);
        // Two replicas creating it at once: the loser sees a duplicate; fine
        // if it exists now.
        if (!st.ok()) st = c.value()->run("CREATE SCHEMA IF NOT EXISTS " + quoted);
        if (!st.ok()) return st;
      }
      if (Status st = migrate(*c.value(), steps.value()); !st.ok()) return st;
    }
    store->idle_.push_back(std::move(c).value());
  }
  return store;
}

PostgresStore::~PostgresStore() = default;

Status PostgresStore::with_connection(const Work& work) {
  std::unique_ptr<Connection> c;
  {
    std::unique_lock<std::mutex> lock(pool_mutex_);
    pool_cv_.wait(lock, [&] { return !idle_.empty(); });
    c = std::move(idle_.back());
    idle_.pop_back();
  }
  Status st = c->ensure_alive();
  if (st.ok()) st = work(*c);
  {
    std::lock_guard<std::mutex> lock(pool_mutex_);
    idle_.push_back(std::move(c));
  }
  pool_cv_.notify_one();
  return st;
}

Status PostgresStore::transaction(const Work& work) {
  return with_connection([&](Connection& c) -> Status {
    if (Status st = c.run("BEGIN"); !st.ok()) return st;
    Status st = work(c);
    if (st.ok()) st = c.run("COMMIT");
    if (!st.ok()) c.run("ROLLBACK");
    return st;
  });
}

// --- sessions -----------------------------------------------------------------

Result<Session> PostgresStore::get_session(const std::string& id) {
  Session s;
  Status st = with_connection([&](Connection& c) -> Status {
    auto r = c.exec(
        "SELECT id, user_id, channel, channel_ref, customer_name, state, created_at, updated_at, "
        "token_hash FROM sessions WHERE id = $1",
        params(id));
    if (!r.ok()) return r.status();
    if (r->size() == 0) return {StatusCode::kNotFound, "no session " + id};
    s.id = r->text(0, 0);
    s.user_id = r->text(0, 1);
    s.channel = r->text(0, 2);
    s.channel_ref = r->text(0, 3);
    s.customer_name = r->text(0, 4);
    s.state = r->text(0, 5);
    s.created_at_ms = r->int64(0, 6);
    s.updated_at_ms = r->int64(0, 7);
    s.token_hash = r->text(0, 8);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return s;
}

Status PostgresStore::put_session(const Session& session) {
  const int64_t now = detail::or_now(session.updated_at_ms);
  return with_connection([&](Connection& c) { return upsert_session(c, session, now); });
}

// Applies `u` (see TicketUpdate); kFailedPrecondition when the row changed.
Result<Ticket> update_ticket_in(Connection& c, const TicketUpdate& u) {
  static const std::string sql = detail::ticket_update_sql('$');
  const Ticket& f = u.from;
  const Ticket& t = u.to;
  auto r = c.exec(sql, params(to_string(t.status), t.priority == Priority::kHigh ? 1 : 0, t.reason,
                              t.claimed_by, t.claimed_at_ms, t.closed_at_ms, t.resolution,
                              t.expected_reply_at_ms, t.callback_phone, t.transferred_from, f.id,
                              to_string(f.status), f.claimed_by, f.priority == Priority::kHigh ? 1 : 0,
                              f.expected_reply_at_ms, f.callback_phone));
  if (!r.ok()) return r.status();
  if (r->size() == 0) {
    Status why = transition_error(c, "tickets", f.id, "as read");
    if (why.code() == StatusCode::kNotFound) return why;
    return Status(StatusCode::kFailedPrecondition, "ticket " + std::to_string(f.id) + " changed meanwhile");
  }
  return ticket_at(r.value(), 0);
}

Result<TurnResult> PostgresStore::record_turn(const Turn& turn) {
  TurnResult result;
  const int64_t now = detail::or_now(turn.session.updated_at_ms);
  Status st = transaction([&](Connection& c) -> Status {
    result = TurnResult{};
    // The upsert locks the session row until COMMIT: appends to one session
    // are serialised, so its message ids follow commit order.
    if (Status s = upsert_session(c, turn.session, now); !s.ok()) return s;
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
      auto r = c.exec("INSERT INTO unanswered (session_id, text, created_at) VALUES ($1, $2, $3)",
                      params(turn.session.id, *turn.unanswered, now));
      if (!r.ok()) return r.status();
    }
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return result;
}

// --- messages -------------------------------------------------------------------

Result<int64_t> PostgresStore::append_message(const std::string& session_id,
                                              const NewMessage& message) {
  int64_t id = 0;
  Status st = transaction([&](Connection& c) -> Status {
    auto lock = c.exec("SELECT 1 FROM sessions WHERE id = $1 FOR UPDATE", params(session_id));
    if (!lock.ok()) return lock.status();
    if (lock->size() == 0) return {StatusCode::kNotFound, "no session " + session_id};
    auto r = insert_message(c, session_id, message);
    if (!r.ok()) return r.status();
    id = r.value();
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return id;
}

Result<std::vector<Message>> PostgresStore::messages_after(const std::string& session_id,
                                                           int64_t after_id, int limit) {
  if (Status st = detail::check_limit(limit); !st.ok()) return st;
  std::vector<Message> out;
  Status st = with_connection([&](Connection& c) -> Status {
    auto r = c.exec("SELECT " + kMessageCols +
                        " FROM messages WHERE session_id = $1 AND id > $2 ORDER BY id LIMIT $3",
                    params(session_id, after_id, limit));
    if (!r.ok()) return r.status();
    if (Status s = collect<Message>(r.value(), message_at, &out); !s.ok()) return s;
    if (!out.empty()) return Status::Ok();
    auto exists = c.exec("SELECT 1 FROM sessions WHERE id = $1", params(session_id));
    if (!exists.ok()) return exists.status();
    if (exists->size() == 0) return {StatusCode::kNotFound, "no session " + session_id};
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

// --- tickets ----------------------------------------------------------------------

Result<Ticket> PostgresStore::open_ticket(const std::string& session_id,
                                          const NewTicket& ticket) {
  if (Status st = detail::check_id(session_id, "session id"); !st.ok()) return st;
  Ticket out;
  Status st = transaction([&](Connection& c) -> Status {
    bool created = false;
    auto t = open_ticket_in(c, session_id, ticket, &created);
    if (!t.ok()) return t.status();
    out = std::move(t).value();
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<Ticket> PostgresStore::get_ticket(int64_t ticket_id) {
  Ticket out;
  Status st = with_connection([&](Connection& c) -> Status {
    auto t = select_ticket(c, ticket_id);
    if (!t.ok()) return t.status();
    out = std::move(t).value();
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<std::optional<Ticket>> PostgresStore::open_ticket_of(const std::string& session_id) {
  std::optional<Ticket> out;
  Status st = with_connection([&](Connection& c) -> Status {
    auto t = find_open_ticket(c, session_id);
    if (!t.ok()) return t.status();
    out = std::move(t).value();
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<std::vector<Ticket>> PostgresStore::list_tickets(TicketStatus status, int limit) {
  if (Status st = detail::check_limit(limit); !st.ok()) return st;
  std::vector<Ticket> out;
  Status st = with_connection([&](Connection& c) -> Status {
    auto r = c.exec("SELECT " + kTicketCols +
                        " FROM tickets WHERE status = $1 "
                        "ORDER BY priority DESC, created_at, id LIMIT $2",
                    params(to_string(status), limit));
    if (!r.ok()) return r.status();
    return collect<Ticket>(r.value(), ticket_at, &out);
  });
  if (!st.ok()) return st;
  return out;
}

Result<int64_t> PostgresStore::count_tickets(TicketStatus status) {
  int64_t n = 0;
  Status st = with_connection([&](Connection& c) -> Status {
    auto r = c.exec("SELECT COUNT(*) FROM tickets WHERE status = $1", params(to_string(status)));
    if (!r.ok()) return r.status();
    n = r->int64(0, 0);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return n;
}

Result<int64_t> PostgresStore::queue_position(int64_t ticket_id) {
  int64_t position = 0;
  Status st = with_connection([&](Connection& c) -> Status {
    // One statement: the ticket and its rank come from the same snapshot.
    auto r = c.exec(
        "SELECT t.status, (SELECT COUNT(*) FROM tickets q WHERE q.status = 'waiting' AND "
        "(q.priority > t.priority OR (q.priority = t.priority AND (q.created_at < t.created_at "
        "OR (q.created_at = t.created_at AND q.id <= t.id))))) FROM tickets t WHERE t.id = $1",
        params(ticket_id));
    if (!r.ok()) return r.status();
    if (r->size() == 0) return {StatusCode::kNotFound, "no ticket " + std::to_string(ticket_id)};
    const std::string status = r->text(0, 0);
    if (status != "waiting") {
      return {StatusCode::kFailedPrecondition,
              "ticket " + std::to_string(ticket_id) + " is " + status + ", not waiting"};
    }
    position = r->int64(0, 1);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return position;
}

Result<Ticket> PostgresStore::claim_ticket(int64_t ticket_id, const std::string& agent_id,
                                           int64_t now) {
  if (Status st = detail::check_id(agent_id, "agent id"); !st.ok()) return st;
  Ticket out;
  Status st = with_connection([&](Connection& c) -> Status {
    // Row lock + re-check of the WHERE after a concurrent claim commits: one wins.
    auto r = c.exec("UPDATE tickets SET status = 'active', claimed_by = $2, claimed_at = $3 "
                    "WHERE id = $1 AND status = 'waiting' RETURNING " + kTicketCols,
                    params(ticket_id, agent_id, detail::or_now(now)));
    if (!r.ok()) return r.status();
    if (r->size() == 0) return transition_error(c, "tickets", ticket_id, "waiting");
    auto t = ticket_at(r.value(), 0);
    if (!t.ok()) return t.status();
    out = std::move(t).value();
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<Ticket> PostgresStore::close_ticket(int64_t ticket_id, const std::string& resolution,
                                           int64_t now) {
  Ticket out;
  Status st = with_connection([&](Connection& c) -> Status {
    auto r = c.exec("UPDATE tickets SET status = 'closed', closed_at = $2, resolution = $3 "
                    "WHERE id = $1 AND status IN ('waiting', 'active') RETURNING " + kTicketCols,
                    params(ticket_id, detail::or_now(now), resolution));
    if (!r.ok()) return r.status();
    if (r->size() == 0) return transition_error(c, "tickets", ticket_id, "waiting or active");
    auto t = ticket_at(r.value(), 0);
    if (!t.ok()) return t.status();
    out = std::move(t).value();
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Status PostgresStore::set_expected_reply(int64_t ticket_id, int64_t at_ms) {
  return with_connection([&](Connection& c) -> Status {
    auto r = c.exec("UPDATE tickets SET expected_reply_at = $2 WHERE id = $1",
                    params(ticket_id, at_ms));
    if (!r.ok()) return r.status();
    if (r->affected() == 0) return {StatusCode::kNotFound, "no ticket " + std::to_string(ticket_id)};
    return Status::Ok();
  });
}

// --- feedback, unanswered -------------------------------------------------------------

Status PostgresStore::add_feedback(const Feedback& f) {
  return with_connection([&](Connection& c) -> Status {
    auto r = c.exec(
        "INSERT INTO feedback (message_id, helpful, comment, created_at) "
        "SELECT $1::bigint, $2::boolean, $3, $4::bigint "
        "WHERE EXISTS (SELECT 1 FROM messages WHERE id = $1::bigint AND session_id = $5 "
        "AND role = 'bot') ON CONFLICT (message_id) DO NOTHING",
        params(f.message_id, f.helpful, f.comment, detail::or_now(f.created_at_ms), f.session_id));
    if (!r.ok()) return r.status();
    if (r->affected() == 1) return Status::Ok();
    // Nothing inserted: the session's own message already has feedback, or
    // it is not a bot message of this session.
    auto given = c.exec(
        "SELECT 1 FROM feedback f JOIN messages m ON m.id = f.message_id "
        "WHERE f.message_id = $1 AND m.session_id = $2",
        params(f.message_id, f.session_id));
    if (!given.ok()) return given.status();
    return detail::feedback_refusal(given->size() > 0, f.message_id);
  });
}

Status PostgresStore::add_unanswered(const std::string& session_id, const std::string& text,
                                     int64_t now) {
  if (Status st = detail::check_id(session_id, "session id"); !st.ok()) return st;
  return with_connection([&](Connection& c) -> Status {
    auto r = c.exec("INSERT INTO unanswered (session_id, text, created_at) VALUES ($1, $2, $3)",
                    params(session_id, text, detail::or_now(now)));
    return r.ok() ? Status::Ok() : r.status();
  });
}

Result<std::vector<Unanswered>> PostgresStore::list_unanswered(int limit) {
  if (Status st = detail::check_limit(limit); !st.ok()) return st;
  std::vector<Unanswered> out;
  Status st = with_connection([&](Connection& c) -> Status {
    auto r = c.exec(
        "SELECT id, session_id, text, created_at FROM unanswered ORDER BY id DESC LIMIT $1",
        params(limit));
    if (!r.ok()) return r.status();
    return collect<Unanswered>(
        r.value(),
        [](const Rows& rows, int i) -> Result<Unanswered> {
          return Unanswered{rows.int64(i, 0), rows.text(i, 1), rows.text(i, 2), rows.int64(i, 3)};
        },
        &out);
  });
  if (!st.ok()) return st;
  return out;
}

// --- webhook events -------------------------------------------------------------------

Result<bool> PostgresStore::mark_event_processed(const std::string& channel,
                                                 const std::string& event_id, int64_t now) {
  if (Status st = detail::check_id(channel, "channel"); !st.ok()) return st;
  if (Status st = detail::check_id(event_id, "event id"); !st.ok()) return st;
  bool fresh = false;
  Status st = with_connection([&](Connection& c) -> Status {
    auto r = c.exec(
        "INSERT INTO processed_events (channel, event_id, processed_at) VALUES ($1, $2, $3) "
        "ON CONFLICT (channel, event_id) DO NOTHING",
        params(channel, event_id, detail::or_now(now)));
    if (!r.ok()) return r.status();
    fresh = r->affected() == 1;
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return fresh;
}

// --- outbox ---------------------------------------------------------------------------

Result<int64_t> PostgresStore::enqueue_outbound(const NewOutbound& m) {
  if (Status st = detail::check_id(m.channel, "channel"); !st.ok()) return st;
  int64_t id = 0;
  Status st = with_connection([&](Connection& c) -> Status {
    const int64_t now = now_ms();
    auto r = c.exec(
        "INSERT INTO outbox (channel, target, payload, status, next_attempt_at, created_at) "
        "VALUES ($1, $2, $3, 'pending', $4, $5) RETURNING id",
        params(m.channel, m.target, m.payload,
               m.next_attempt_at_ms != 0 ? m.next_attempt_at_ms : now, now));
    if (!r.ok()) return r.status();
    id = r->int64(0, 0);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return id;
}

Result<std::vector<Outbound>> PostgresStore::due_outbound(int64_t now, int limit,
                                                          int64_t lease_ms) {
  if (Status st = detail::check_limit(limit); !st.ok()) return st;
  now = detail::or_now(now);
  std::vector<Outbound> out;
  Status st = with_connection([&](Connection& c) -> Status {
    // SKIP LOCKED: two replicas polling at once take disjoint rows.
    auto r = c.exec(
        "WITH due AS (SELECT id, next_attempt_at AS was FROM outbox "
        "  WHERE status = 'pending' AND next_attempt_at <= $1 "
        "  ORDER BY next_attempt_at, id LIMIT $3 FOR UPDATE SKIP LOCKED) "
        "UPDATE outbox o SET next_attempt_at = $2 FROM due WHERE o.id = due.id "
        "RETURNING o.id, o.channel, o.target, o.payload, o.attempts, o.status, due.was, "
        "o.last_error, o.created_at",
        params(now, now + lease_ms, limit));
    if (!r.ok()) return r.status();
    return collect<Outbound>(r.value(), outbound_at, &out);
  });
  if (!st.ok()) return st;
  std::sort(out.begin(), out.end(), [](const Outbound& a, const Outbound& b) {
    return a.next_attempt_at_ms != b.next_attempt_at_ms
               ? a.next_attempt_at_ms < b.next_attempt_at_ms
               : a.id < b.id;
  });
  return out;
}

Status PostgresStore::mark_sent(int64_t outbound_id, int64_t now) {
  return with_connection([&](Connection& c) -> Status {
    auto r = c.exec(
        "UPDATE outbox SET status = 'sent', sent_at = $2 WHERE id = $1 AND status = 'pending'",
        params(outbound_id, detail::or_now(now)));
    if (!r.ok()) return r.status();
    if (r->affected() == 1) return Status::Ok();
    Status why = transition_error(c, "outbox", outbound_id, "pending");
    if (why.message().find(" is sent,") != std::string::npos) return Status::Ok();
    return why;
  });
}

Status PostgresStore::mark_failed(int64_t outbound_id, const std::string& error,
                                  int64_t retry_at_ms) {
  return with_connection([&](Connection& c) -> Status {
    auto r = c.exec(
        "UPDATE outbox SET attempts = attempts + 1, last_error = $2, "
        "status = CASE WHEN $3::bigint > 0 THEN 'pending' ELSE 'failed' END, "
        "next_attempt_at = CASE WHEN $3::bigint > 0 THEN $3::bigint ELSE next_attempt_at END "
        "WHERE id = $1 AND status = 'pending'",
        params(outbound_id, error, retry_at_ms));
    if (!r.ok()) return r.status();
    if (r->affected() == 1) return Status::Ok();
    return transition_error(c, "outbox", outbound_id, "pending");
  });
}

Result<int64_t> PostgresStore::count_failed() {
  int64_t n = 0;
  Status st = with_connection([&](Connection& c) -> Status {
    auto r = c.exec("SELECT COUNT(*) FROM outbox WHERE status = 'failed'");
    if (!r.ok()) return r.status();
    n = r->int64(0, 0);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return n;
}

Result<Outbound> PostgresStore::get_outbound(int64_t outbound_id) {
  Outbound out;
  Status st = with_connection([&](Connection& c) -> Status {
    auto r = c.exec("SELECT " + std::string(detail::kOutboxColumns) + " FROM outbox WHERE id = $1",
                    params(outbound_id));
    if (!r.ok()) return r.status();
    if (r->size() == 0) {
      return {StatusCode::kNotFound, "no outbound message " + std::to_string(outbound_id)};
    }
    auto o = outbound_at(r.value(), 0);
    if (!o.ok()) return o.status();
    out = std::move(o).value();
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

// --- server secrets, health ----------------------------------------------------

Result<std::string> PostgresStore::server_secret(const std::string& name,
                                                 const std::string& candidate) {
  if (name.empty() || candidate.empty()) {
    return Status(StatusCode::kInvalidArgument, "secret name and value must not be empty");
  }
  std::string value;
  Status st = with_connection([&](Connection& c) -> Status {
    auto insert = c.exec(
        "INSERT INTO server_secrets (name, value, created_at) VALUES ($1, $2, $3) "
        "ON CONFLICT (name) DO NOTHING",
        params(name, candidate, now_ms()));
    if (!insert.ok()) return insert.status();
    auto r = c.exec("SELECT value FROM server_secrets WHERE name = $1", params(name));
    if (!r.ok()) return r.status();
    if (r->size() == 0) return {StatusCode::kInternal, "secret " + name + " vanished"};
    value = r->text(0, 0);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return value;
}

Status PostgresStore::check_writable() {
  return with_connection([&](Connection& c) -> Status {
    auto r = c.exec(
        "INSERT INTO write_probe (id, written_at) VALUES (1, $1) "
        "ON CONFLICT (id) DO UPDATE SET written_at = EXCLUDED.written_at",
        params(now_ms()));
    return r.ok() ? Status::Ok() : r.status();
  });
}

}  // namespace faqbot::store
