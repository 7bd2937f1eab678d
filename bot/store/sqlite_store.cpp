#include "bot/store/sqlite_store.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <system_error>

#include "bot/store/sqlite_db.h"
#include "bot/store/store_util.h"

namespace faqbot::store {

using sqlite::Connection;
using sqlite::Query;

namespace {

const std::string kTicketSelect = std::string("SELECT ") + detail::kTicketColumns + " FROM tickets ";
const std::string kMessageSelect =
    std::string("SELECT ") + detail::kMessageColumns + " FROM messages ";
const std::string kOutboxSelect = std::string("SELECT ") + detail::kOutboxColumns + " FROM outbox ";

Status data_loss(const Status& status) { return {StatusCode::kDataLoss, status.message()}; }

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
  return m;
}

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

// Reads every row of q with `decode`, appending to out.
template <typename T, typename Decode>
Status collect(Query& q, Decode decode, std::vector<T>* out) {
  for (;;) {
    Result<bool> row = q.step();
    if (!row.ok()) return row.status();
    if (!row.value()) return Status::Ok();
    Result<T> item = decode(q);
    if (!item.ok()) return item.status();
    out->push_back(std::move(item).value());
  }
}

// Reads at most one row; kNotFound with `missing` when there is none.
template <typename T, typename Decode>
Result<T> one(Query& q, Decode decode, const std::string& missing) {
  Result<bool> row = q.step();
  if (!row.ok()) return row.status();
  if (!row.value()) return Status(StatusCode::kNotFound, missing);
  return decode(q);
}

Status upsert_session(Connection& c, const Session& s, int64_t now) {
  if (Status st = detail::check_id(s.id, "session id"); !st.ok()) return st;
  auto q = c.prepare(
      "INSERT INTO sessions (id, user_id, channel, channel_ref, customer_name, state, "
      "created_at, updated_at, token_hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) "
      "ON CONFLICT (id) DO UPDATE SET user_id = excluded.user_id, channel = excluded.channel, "
      "channel_ref = excluded.channel_ref, customer_name = excluded.customer_name, "
      "state = excluded.state, updated_at = excluded.updated_at");
  if (!q.ok()) return q.status();
  const int64_t created = s.created_at_ms != 0 ? s.created_at_ms : now;
  q->bind_all(s.id, s.user_id, s.channel.empty() ? std::string("web") : s.channel,
              s.channel_ref, s.customer_name, s.state, created, now, s.token_hash);
  return q->run();
}

Result<int64_t> insert_message(Connection& c, const std::string& session_id,
                               const NewMessage& m) {
  if (Status st = detail::check_utf8(m.text, "message text"); !st.ok()) return st;
  auto q = c.prepare(
      "INSERT INTO messages (session_id, role, text, action, faq_id, confidence, agent_id, "
      "created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
  if (!q.ok()) return q.status();
  q->bind_all(session_id, to_string(m.role), m.text, m.action, m.faq_id, m.confidence,
              m.agent_id, detail::or_now(m.created_at_ms));
  Status st = q->run();
  if (st.code() == StatusCode::kNotFound) {
    return Status(StatusCode::kNotFound, "no session " + session_id);
  }
  if (!st.ok()) return st;
  return c.last_insert_id();
}

Result<std::optional<Ticket>> find_open_ticket(Connection& c, const std::string& session_id) {
  auto q = c.prepare(kTicketSelect +
                     "WHERE session_id = ?1 AND status IN ('waiting', 'active') LIMIT 1");
  if (!q.ok()) return q.status();
  q->bind(1, session_id);
  Result<bool> row = q->step();
  if (!row.ok()) return row.status();
  if (!row.value()) return std::optional<Ticket>();
  auto t = ticket_from(q.value());
  if (!t.ok()) return t.status();
  return std::optional<Ticket>(std::move(t).value());
}

Result<Ticket> select_ticket(Connection& c, int64_t id) {
  auto q = c.prepare(kTicketSelect + "WHERE id = ?1");
  if (!q.ok()) return q.status();
  q->bind(1, id);
  return one<Ticket>(q.value(), ticket_from, "no ticket " + std::to_string(id));
}

// Returns the session's open ticket, or inserts a waiting one. created=true
// when inserted.
Result<Ticket> open_ticket_in(Connection& c, const std::string& session_id, const NewTicket& t,
                              bool* created) {
  *created = false;
  auto existing = find_open_ticket(c, session_id);
  if (!existing.ok()) return existing.status();
  if (existing->has_value()) return existing.value().value();
  auto q = c.prepare(
      "INSERT INTO tickets (session_id, status, priority, reason, created_at, "
      "expected_reply_at) VALUES (?1, 'waiting', ?2, ?3, ?4, ?5) RETURNING " +
      std::string(detail::kTicketColumns));
  if (!q.ok()) return q.status();
  q->bind_all(session_id, t.priority == Priority::kHigh ? 1 : 0, t.reason,
              detail::or_now(t.created_at_ms), t.expected_reply_at_ms);
  auto ticket = one<Ticket>(q.value(), ticket_from, "insert returned no ticket");
  if (!ticket.ok()) {
    if (ticket.status().code() == StatusCode::kNotFound) {
      return Status(StatusCode::kNotFound, "no session " + session_id);
    }
    return ticket.status();
  }
  *created = true;
  return ticket;
}

Status insert_unanswered(Connection& c, const std::string& session_id, const std::string& text,
                         int64_t now) {
  auto q = c.prepare("INSERT INTO unanswered (session_id, text, created_at) VALUES (?1, ?2, ?3)");
  if (!q.ok()) return q.status();
  q->bind_all(session_id, text, now);
  return q->run();
}

// Rejects a row whose transition failed: kNotFound when missing, else
// kFailedPrecondition naming its current status.
Status transition_error(Connection& c, const char* table, int64_t id, const char* wanted) {
  auto q = c.prepare(std::string("SELECT status FROM ") + table + " WHERE id = ?1");
  if (!q.ok()) return q.status();
  q->bind(1, id);
  Result<bool> row = q->step();
  if (!row.ok()) return row.status();
  const std::string noun = std::string(table) == "tickets" ? "ticket " : "outbound message ";
  if (!row.value()) return {StatusCode::kNotFound, "no " + noun + std::to_string(id)};
  return {StatusCode::kFailedPrecondition,
          noun + std::to_string(id) + " is " + q->text_at(0) + ", not " + wanted};
}

Status configure(Connection& c, bool writer, const StoreOptions& options) {
  std::string pragmas = "PRAGMA foreign_keys = ON; PRAGMA cache_size = -16384;";
  if (writer) {
    pragmas += options.sync_every_commit ? "PRAGMA synchronous = FULL;"
                                         : "PRAGMA synchronous = NORMAL;";
    pragmas += "PRAGMA journal_size_limit = 67108864;";
  } else {
    pragmas += "PRAGMA query_only = ON;";
  }
  return c.exec(pragmas);
}

Status enable_wal(Connection& c) {
  auto q = c.prepare("PRAGMA journal_mode = WAL");
  if (!q.ok()) return q.status();
  Result<bool> row = q->step();
  if (!row.ok()) return row.status();
  const std::string mode = row.value() ? q->text_at(0) : "";
  if (mode != "wal") return {StatusCode::kInternal, "cannot enable WAL (journal_mode=" + mode + ")"};
  return Status::Ok();
}

Result<int> schema_version(Connection& c) {
  auto q = c.prepare("SELECT COALESCE(MAX(version), 0) FROM schema_version");
  if (!q.ok()) return q.status();
  Result<bool> row = q->step();
  if (!row.ok()) return row.status();
  return static_cast<int>(q->int_at(0));
}

// PRAGMA quick_check: the b-tree pages and records are well formed (not the
// indexes' agreement with their tables, which full integrity_check adds).
// Reads every page once: about a second per GiB. kDataLoss names what it found.
Status check_integrity(Connection& c, const std::string& path) {
  std::string problems;
  auto q = c.prepare("PRAGMA quick_check(5)");
  Status st = q.ok() ? Status::Ok() : q.status();
  while (st.ok()) {
    Result<bool> row = q->step();
    if (!row.ok()) st = row.status();
    if (!row.ok() || !row.value()) break;
    const std::string line = q->text_at(0);
    if (line != "ok") problems += (problems.empty() ? "" : "; ") + line;
  }
  if (st.ok() && problems.empty()) return Status::Ok();
  if (problems.empty()) problems = st.message();
  return {StatusCode::kDataLoss, "the database file " + path +
                                     " is damaged (PRAGMA quick_check: " + problems +
                                     "); restore it from a backup or move it away"};
}

// Applies each pending step in its own IMMEDIATE transaction, re-reading the
// version under the write lock so that concurrent openers apply a step once.
Status migrate(Connection& c, const std::vector<Migration>& steps) {
  Status st = c.exec(
      "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, "
      "name TEXT NOT NULL, applied_at INTEGER NOT NULL)");
  if (!st.ok()) return st;
  for (;;) {
    if (st = c.exec("BEGIN IMMEDIATE"); !st.ok()) return st;
    auto rollback = [&](Status failure) {
      c.exec("ROLLBACK");
      return failure;
    };
    Result<int> current = schema_version(c);
    if (!current.ok()) return rollback(current.status());
    const int have = current.value();
    if (have > static_cast<int>(steps.size())) {
      return rollback({StatusCode::kFailedPrecondition,
                       "database schema version " + std::to_string(have) +
                           " is newer than this build supports (" +
                           std::to_string(steps.size()) + ")"});
    }
    if (have == static_cast<int>(steps.size())) return c.exec("COMMIT");
    const Migration& step = steps[have];
    for (const std::string& sql : step.statements) {
      if (st = c.exec(sql); !st.ok()) {
        return rollback({st.code(), "migration " + std::to_string(step.version) + " (" +
                                        step.name + "): " + st.message()});
      }
    }
    auto q = c.prepare("INSERT INTO schema_version (version, name, applied_at) VALUES (?1, ?2, ?3)");
    if (!q.ok()) return rollback(q.status());
    q->bind_all(step.version, step.name, now_ms());
    if (st = q->run(); !st.ok()) return rollback(st);
    if (st = c.exec("COMMIT"); !st.ok()) return rollback(st);
  }
}

}  // namespace

Result<std::unique_ptr<SqliteStore>> SqliteStore::open(const std::string& data_dir,
                                                       const StoreOptions& options) {
  if (data_dir.empty()) return Status(StatusCode::kInvalidArgument, "data directory is empty");
  auto steps = detail::all_migrations(sqlite_migrations(), options.extra_migrations);
  if (!steps.ok()) return steps.status();
  std::error_code ec;
  std::filesystem::create_directories(data_dir, ec);
  if (ec) {
    return Status(StatusCode::kInternal,
                  "cannot create data directory " + data_dir + ": " + ec.message());
  }
  const std::string path = (std::filesystem::path(data_dir) / kFileName).string();

  std::unique_ptr<SqliteStore> store(new SqliteStore());
  auto writer = Connection::open(path, /*create=*/true, options.sqlite_busy_timeout_ms);
  if (!writer.ok()) return writer.status();
  store->writer_ = std::move(writer).value();
  // The writer waits for the lock in 200 us steps, not SQLite's default
  // 1, 2, 5, 10 … ms sleeps: the lock is only ever held briefly (by a RESTART
  // checkpoint), and a commit should resume as soon as it is free.
  store->writer_busy_steps_ = std::max(1, options.sqlite_busy_timeout_ms * 5);
  sqlite3_busy_handler(store->writer_->raw(), &SqliteStore::on_writer_busy, store.get());
  if (Status st = check_integrity(*store->writer_, path); !st.ok()) return st;
  if (Status st = enable_wal(*store->writer_); !st.ok()) return st;
  if (Status st = configure(*store->writer_, true, options); !st.ok()) return st;
  if (Status st = migrate(*store->writer_, steps.value()); !st.ok()) return st;

  auto checkpointer = Connection::open(path, /*create=*/false, options.sqlite_busy_timeout_ms);
  if (!checkpointer.ok()) return checkpointer.status();
  store->checkpointer_ = std::move(checkpointer).value();
  // A connection learns that the file is in WAL mode only by reading it;
  // before that sqlite3_wal_checkpoint_v2 returns OK without checkpointing
  // anything (log size -1), and the WAL would grow without bound.
  if (Status st = enable_wal(*store->checkpointer_); !st.ok()) return st;
  // Replaces SQLite's automatic checkpoint (which would run inside COMMIT).
  sqlite3_wal_hook(store->writer_->raw(), &SqliteStore::on_wal_commit, store.get());
  store->checkpoint_thread_ = std::thread([s = store.get()] { s->checkpoint_loop(); });

  const int readers = std::max(1, options.sqlite_read_connections);
  for (int i = 0; i < readers; ++i) {
    auto reader = Connection::open(path, /*create=*/false, options.sqlite_busy_timeout_ms);
    if (!reader.ok()) return reader.status();
    if (Status st = configure(*reader.value(), false, options); !st.ok()) return st;
    store->idle_readers_.push_back(std::move(reader).value());
  }
  return store;
}

SqliteStore::~SqliteStore() {
  if (writer_) sqlite3_wal_hook(writer_->raw(), nullptr, nullptr);
  {
    std::lock_guard<std::mutex> lock(checkpoint_mutex_);
    stopping_ = true;
  }
  checkpoint_cv_.notify_all();
  if (checkpoint_thread_.joinable()) checkpoint_thread_.join();
}

int SqliteStore::on_writer_busy(void* self, int calls) {
  if (calls >= static_cast<SqliteStore*>(self)->writer_busy_steps_) return 0;  // give up: SQLITE_BUSY
  std::this_thread::sleep_for(std::chrono::microseconds(200));
  return 1;
}

int SqliteStore::on_wal_commit(void* self, sqlite3*, const char*, int pages) {
  if (pages >= kCheckpointPages) {
    auto* store = static_cast<SqliteStore*>(self);
    {
      std::lock_guard<std::mutex> lock(store->checkpoint_mutex_);
      // Already asked: the checkpointer will see it; no wake-up per commit.
      if (store->checkpoint_wanted_) return SQLITE_OK;
      store->checkpoint_wanted_ = true;
    }
    store->checkpoint_cv_.notify_one();
  }
  return SQLITE_OK;
}

void SqliteStore::checkpoint_loop() {
  std::unique_lock<std::mutex> lock(checkpoint_mutex_);
  for (;;) {
    // Also checkpoint now and then when idle, so the WAL does not linger.
    checkpoint_cv_.wait_for(lock, std::chrono::seconds(10),
                            [&] { return checkpoint_wanted_ || stopping_; });
    if (stopping_) return;
    checkpoint_wanted_ = false;
    lock.unlock();
    // PASSIVE: copies what it can without blocking the writer or readers.
    // A failure (busy) is retried at the next wake-up; the data is safe in
    // the WAL meanwhile.
    int log_pages = 0;
    sqlite3_wal_checkpoint_v2(checkpointer_->raw(), nullptr, SQLITE_CHECKPOINT_PASSIVE,
                              &log_pages, nullptr);
    // Under a steady stream of commits a passive checkpoint never catches up
    // with the last frame, so the WAL is never restarted and keeps growing.
    // Past kWalRestartPages, RESTART: waits (busy timeout) for the writer,
    // copies the rest and makes the next commit start the WAL from the top.
    if (log_pages >= kWalRestartPages) {
      sqlite3_wal_checkpoint_v2(checkpointer_->raw(), nullptr, SQLITE_CHECKPOINT_RESTART,
                                nullptr, nullptr);
    }
    lock.lock();
    // At most one checkpoint per kCheckpointIntervalMs under load: each one
    // fsyncs the WAL and the database; in between, commits only append.
    checkpoint_cv_.wait_for(lock, std::chrono::milliseconds(kCheckpointIntervalMs),
                            [&] { return stopping_; });
  }
}

// One queued write. Its waiter sleeps on the job's own condition variable,
// so finishing a batch wakes exactly its members (and the next leader), not
// every waiting thread on one shared mutex.
struct SqliteStore::WriteJob {
  enum class State { kQueued, kLead, kDone };
  explicit WriteJob(const Work* w) : work(w) {}
  const Work* work;
  Status status;
  std::mutex mu;
  std::condition_variable cv;
  State state = State::kQueued;  // guarded by mu

  // Sets the state and wakes the waiter. Notifies under the lock: once the
  // lock is released the waiter may return and destroy the job.
  void signal(State to) {
    std::lock_guard<std::mutex> lock(mu);
    state = to;
    cv.notify_one();
  }
};

Status SqliteStore::write(const Work& work) {
  WriteJob job(&work);
  bool lead = false;
  {
    std::lock_guard<std::mutex> lock(queue_mutex_);
    queue_.push_back(&job);
    // No leader: the queue was empty, this job is its only entry.
    if (!leader_active_) lead = leader_active_ = true;
  }
  if (!lead) {
    std::unique_lock<std::mutex> lock(job.mu);
    job.cv.wait(lock, [&] { return job.state != WriteJob::State::kQueued; });
    if (job.state == WriteJob::State::kDone) return job.status;
    // kLead: handed the lead; our job is at the front of the queue.
  }
  // Lead: take a batch from the front (our job is in it), run it without
  // holding the queue lock, wake its members, then hand the lead to the
  // oldest job still queued (or give it up when none is).
  std::vector<WriteJob*> batch;
  {
    std::lock_guard<std::mutex> lock(queue_mutex_);
    const size_t n = std::min(queue_.size(), kMaxBatch);
    batch.assign(queue_.begin(), queue_.begin() + static_cast<long>(n));
    queue_.erase(queue_.begin(), queue_.begin() + static_cast<long>(n));
  }
  run_batch(batch);
  const Status own = job.status;
  for (WriteJob* j : batch) {
    if (j != &job) j->signal(WriteJob::State::kDone);
  }
  {
    std::lock_guard<std::mutex> lock(queue_mutex_);
    if (queue_.empty()) {
      leader_active_ = false;
    } else {
      queue_.front()->signal(WriteJob::State::kLead);
    }
  }
  return own;
}

namespace {
// Transaction control through the connection's cache of prepared statements:
// sqlite3_exec would parse the SQL text again on every call.
Status control(Connection& c, const std::string& sql) {
  auto q = c.prepare(sql);
  if (!q.ok()) return q.status();
  return q->run();
}
const std::string kBegin = "BEGIN IMMEDIATE";
const std::string kBeginRead = "BEGIN";
const std::string kCommit = "COMMIT";
const std::string kRollback = "ROLLBACK";
const std::string kSavepoint = "SAVEPOINT job";
const std::string kRollbackTo = "ROLLBACK TO job";
const std::string kRelease = "RELEASE job";
}  // namespace

void SqliteStore::run_batch(const std::vector<WriteJob*>& batch) {
  Connection& c = *writer_;
  if (Status st = control(c, kBegin); !st.ok()) {
    for (WriteJob* j : batch) j->status = st;
    return;
  }
  const bool alone = batch.size() == 1;
  bool any_ok = false;
  for (WriteJob* j : batch) {
    if (!alone) {
      if (Status st = control(c, kSavepoint); !st.ok()) {
        j->status = st;
        continue;
      }
    }
    j->status = (*j->work)(c);
    if (!alone) {
      if (!j->status.ok()) control(c, kRollbackTo);
      control(c, kRelease);
    }
    any_ok = any_ok || j->status.ok();
  }
  if (!any_ok) {
    control(c, kRollback);
    return;
  }
  if (Status st = control(c, kCommit); !st.ok()) {
    // A failed COMMIT may leave the transaction open: end it.
    if (!sqlite3_get_autocommit(c.raw())) control(c, kRollback);
    for (WriteJob* j : batch) {
      if (j->status.ok()) j->status = st;
    }
  }
}

Status SqliteStore::read(const Work& work, bool snapshot) {
  std::unique_ptr<Connection> c;
  {
    std::unique_lock<std::mutex> lock(pool_mutex_);
    pool_cv_.wait(lock, [&] { return !idle_readers_.empty(); });
    c = std::move(idle_readers_.back());
    idle_readers_.pop_back();
  }
  Status st;
  if (snapshot) st = control(*c, kBeginRead);
  if (st.ok()) st = work(*c);
  if (snapshot) control(*c, st.ok() ? kCommit : kRollback);
  {
    std::lock_guard<std::mutex> lock(pool_mutex_);
    idle_readers_.push_back(std::move(c));
  }
  pool_cv_.notify_one();
  return st;
}

// --- sessions ---------------------------------------------------------------

Result<Session> SqliteStore::get_session(const std::string& id) {
  Session s;
  Status st = read([&](Connection& c) -> Status {
    auto q = c.prepare(
        "SELECT id, user_id, channel, channel_ref, customer_name, state, created_at, updated_at, "
        "token_hash FROM sessions WHERE id = ?1");
    if (!q.ok()) return q.status();
    q->bind(1, id);
    Result<bool> row = q->step();
    if (!row.ok()) return row.status();
    if (!row.value()) return {StatusCode::kNotFound, "no session " + id};
    s.id = q->text_at(0);
    s.user_id = q->text_at(1);
    s.channel = q->text_at(2);
    s.channel_ref = q->text_at(3);
    s.customer_name = q->text_at(4);
    s.state = q->text_at(5);
    s.created_at_ms = q->int_at(6);
    s.updated_at_ms = q->int_at(7);
    s.token_hash = q->text_at(8);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return s;
}

Status SqliteStore::put_session(const Session& session) {
  const int64_t now = detail::or_now(session.updated_at_ms);
  return write([&](Connection& c) { return upsert_session(c, session, now); });
}

// Applies `u` (see TicketUpdate); kFailedPrecondition when the row changed.
Result<Ticket> update_ticket_in(Connection& c, const TicketUpdate& u) {
  static const std::string sql = detail::ticket_update_sql('?');
  const Ticket& f = u.from;
  const Ticket& t = u.to;
  auto q = c.prepare(sql);
  if (!q.ok()) return q.status();
  q->bind_all(to_string(t.status), t.priority == Priority::kHigh ? 1 : 0, t.reason, t.claimed_by,
              t.claimed_at_ms, t.closed_at_ms, t.resolution, t.expected_reply_at_ms,
              t.callback_phone, t.transferred_from, f.id, to_string(f.status), f.claimed_by,
              f.priority == Priority::kHigh ? 1 : 0, f.expected_reply_at_ms, f.callback_phone);
  auto ticket = one<Ticket>(q.value(), ticket_from, "");
  if (ticket.ok()) {
    q->run();  // finish the statement before COMMIT
    return ticket;
  }
  if (ticket.status().code() != StatusCode::kNotFound) return ticket.status();
  auto now = select_ticket(c, f.id);
  if (!now.ok()) return now.status();
  return Status(StatusCode::kFailedPrecondition,
                "ticket " + std::to_string(f.id) + " changed meanwhile (now " +
                    to_string(now->status) + ")");
}

Result<TurnResult> SqliteStore::record_turn(const Turn& turn) {
  TurnResult result;
  const int64_t now = detail::or_now(turn.session.updated_at_ms);
  Status st = write([&](Connection& c) -> Status {
    result = TurnResult{};
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
      auto ticket = open_ticket_in(c, turn.session.id, *turn.ticket, &result.ticket_created);
      if (!ticket.ok()) return ticket.status();
      result.ticket = std::move(ticket).value();
    }
    if (turn.unanswered) return insert_unanswered(c, turn.session.id, *turn.unanswered, now);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return result;
}

// --- messages ---------------------------------------------------------------

Result<int64_t> SqliteStore::append_message(const std::string& session_id,
                                            const NewMessage& message) {
  int64_t id = 0;
  Status st = write([&](Connection& c) -> Status {
    auto r = insert_message(c, session_id, message);
    if (!r.ok()) return r.status();
    id = r.value();
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return id;
}

Result<std::vector<Message>> SqliteStore::messages_after(const std::string& session_id,
                                                         int64_t after_id, int limit) {
  if (Status st = detail::check_limit(limit); !st.ok()) return st;
  std::vector<Message> out;
  Status st = read(
      [&](Connection& c) -> Status {
        {
          auto q = c.prepare(kMessageSelect + "WHERE session_id = ?1 AND id > ?2 ORDER BY id LIMIT ?3");
          if (!q.ok()) return q.status();
          q->bind_all(session_id, after_id, limit);
          if (Status s = collect<Message>(q.value(), message_from, &out); !s.ok()) return s;
        }
        if (!out.empty()) return Status::Ok();
        auto q = c.prepare("SELECT 1 FROM sessions WHERE id = ?1");
        if (!q.ok()) return q.status();
        q->bind(1, session_id);
        Result<bool> row = q->step();
        if (!row.ok()) return row.status();
        if (!row.value()) return {StatusCode::kNotFound, "no session " + session_id};
        return Status::Ok();
      },
      /*snapshot=*/true);
  if (!st.ok()) return st;
  return out;
}

// --- tickets ----------------------------------------------------------------

Result<Ticket> SqliteStore::open_ticket(const std::string& session_id, const NewTicket& ticket) {
  if (Status st = detail::check_id(session_id, "session id"); !st.ok()) return st;
  Ticket out;
  Status st = write([&](Connection& c) -> Status {
    bool created = false;
    auto t = open_ticket_in(c, session_id, ticket, &created);
    if (!t.ok()) return t.status();
    out = std::move(t).value();
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<Ticket> SqliteStore::get_ticket(int64_t ticket_id) {
  Ticket out;
  Status st = read([&](Connection& c) -> Status {
    auto t = select_ticket(c, ticket_id);
    if (!t.ok()) return t.status();
    out = std::move(t).value();
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<std::optional<Ticket>> SqliteStore::open_ticket_of(const std::string& session_id) {
  std::optional<Ticket> out;
  Status st = read([&](Connection& c) -> Status {
    auto t = find_open_ticket(c, session_id);
    if (!t.ok()) return t.status();
    out = std::move(t).value();
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<std::vector<Ticket>> SqliteStore::list_tickets(TicketStatus status, int limit) {
  if (Status st = detail::check_limit(limit); !st.ok()) return st;
  std::vector<Ticket> out;
  Status st = read([&](Connection& c) -> Status {
    auto q = c.prepare(kTicketSelect +
                       "WHERE status = ?1 ORDER BY priority DESC, created_at, id LIMIT ?2");
    if (!q.ok()) return q.status();
    q->bind_all(to_string(status), limit);
    return collect<Ticket>(q.value(), ticket_from, &out);
  });
  if (!st.ok()) return st;
  return out;
}

Result<int64_t> SqliteStore::count_tickets(TicketStatus status) {
  int64_t n = 0;
  Status st = read([&](Connection& c) -> Status {
    auto q = c.prepare("SELECT COUNT(*) FROM tickets WHERE status = ?1");
    if (!q.ok()) return q.status();
    q->bind(1, to_string(status));
    Result<bool> row = q->step();
    if (!row.ok()) return row.status();
    n = q->int_at(0);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return n;
}

Result<int64_t> SqliteStore::queue_position(int64_t ticket_id) {
  int64_t position = 0;
  Status st = read(
      [&](Connection& c) -> Status {
        auto t = select_ticket(c, ticket_id);
        if (!t.ok()) return t.status();
        if (t->status != TicketStatus::kWaiting) {
          return {StatusCode::kFailedPrecondition, "ticket " + std::to_string(ticket_id) +
                                                       " is " + to_string(t->status) +
                                                       ", not waiting"};
        }
        auto q = c.prepare(
            "SELECT COUNT(*) FROM tickets WHERE status = 'waiting' AND (priority > ?1 OR "
            "(priority = ?1 AND (created_at < ?2 OR (created_at = ?2 AND id <= ?3))))");
        if (!q.ok()) return q.status();
        q->bind_all(t->priority == Priority::kHigh ? 1 : 0, t->created_at_ms, t->id);
        Result<bool> row = q->step();
        if (!row.ok()) return row.status();
        position = q->int_at(0);
        return Status::Ok();
      },
      /*snapshot=*/true);
  if (!st.ok()) return st;
  return position;
}

Result<Ticket> SqliteStore::claim_ticket(int64_t ticket_id, const std::string& agent_id,
                                         int64_t now) {
  if (Status st = detail::check_id(agent_id, "agent id"); !st.ok()) return st;
  Ticket out;
  Status st = write([&](Connection& c) -> Status {
    {
      auto q = c.prepare(
          "UPDATE tickets SET status = 'active', claimed_by = ?2, claimed_at = ?3 "
          "WHERE id = ?1 AND status = 'waiting' RETURNING " +
          std::string(detail::kTicketColumns));
      if (!q.ok()) return q.status();
      q->bind_all(ticket_id, agent_id, detail::or_now(now));
      auto t = one<Ticket>(q.value(), ticket_from, "");
      if (t.ok()) {
        out = std::move(t).value();
        q->run();  // finish the statement before COMMIT
        return Status::Ok();
      }
      if (t.status().code() != StatusCode::kNotFound) return t.status();
    }
    return transition_error(c, "tickets", ticket_id, "waiting");
  });
  if (!st.ok()) return st;
  return out;
}

Result<Ticket> SqliteStore::close_ticket(int64_t ticket_id, const std::string& resolution,
                                         int64_t now) {
  Ticket out;
  Status st = write([&](Connection& c) -> Status {
    {
      auto q = c.prepare(
          "UPDATE tickets SET status = 'closed', closed_at = ?2, resolution = ?3 "
          "WHERE id = ?1 AND status IN ('waiting', 'active') RETURNING " +
          std::string(detail::kTicketColumns));
      if (!q.ok()) return q.status();
      q->bind_all(ticket_id, detail::or_now(now), resolution);
      auto t = one<Ticket>(q.value(), ticket_from, "");
      if (t.ok()) {
        out = std::move(t).value();
        q->run();
        return Status::Ok();
      }
      if (t.status().code() != StatusCode::kNotFound) return t.status();
    }
    return transition_error(c, "tickets", ticket_id, "waiting or active");
  });
  if (!st.ok()) return st;
  return out;
}

Status SqliteStore::set_expected_reply(int64_t ticket_id, int64_t at_ms) {
  return write([&](Connection& c) -> Status {
    auto q = c.prepare("UPDATE tickets SET expected_reply_at = ?2 WHERE id = ?1");
    if (!q.ok()) return q.status();
    q->bind_all(ticket_id, at_ms);
    if (Status s = q->run(); !s.ok()) return s;
    if (c.changes() == 0) return {StatusCode::kNotFound, "no ticket " + std::to_string(ticket_id)};
    return Status::Ok();
  });
}

// --- feedback, unanswered -----------------------------------------------------

Status SqliteStore::add_feedback(const Feedback& f) {
  return write([&](Connection& c) -> Status {
    auto q = c.prepare(
        "INSERT INTO feedback (message_id, helpful, comment, created_at) "
        "SELECT ?1, ?2, ?3, ?4 WHERE EXISTS (SELECT 1 FROM messages WHERE id = ?1 "
        "AND session_id = ?5 AND role = 'bot') ON CONFLICT (message_id) DO NOTHING");
    if (!q.ok()) return q.status();
    q->bind_all(f.message_id, f.helpful, f.comment, detail::or_now(f.created_at_ms), f.session_id);
    if (Status s = q->run(); !s.ok()) return s;
    if (c.changes() == 1) return Status::Ok();
    // Nothing inserted: the session's own message already has feedback, or
    // it is not a bot message of this session.
    auto given = c.prepare(
        "SELECT 1 FROM feedback f JOIN messages m ON m.id = f.message_id "
        "WHERE f.message_id = ?1 AND m.session_id = ?2");
    if (!given.ok()) return given.status();
    given->bind_all(f.message_id, f.session_id);
    Result<bool> row = given->step();
    if (!row.ok()) return row.status();
    return detail::feedback_refusal(row.value(), f.message_id);
  });
}

Status SqliteStore::add_unanswered(const std::string& session_id, const std::string& text,
                                   int64_t now) {
  if (Status st = detail::check_id(session_id, "session id"); !st.ok()) return st;
  return write([&](Connection& c) {
    return insert_unanswered(c, session_id, text, detail::or_now(now));
  });
}

Result<std::vector<Unanswered>> SqliteStore::list_unanswered(int limit) {
  if (Status st = detail::check_limit(limit); !st.ok()) return st;
  std::vector<Unanswered> out;
  Status st = read([&](Connection& c) -> Status {
    auto q = c.prepare(
        "SELECT id, session_id, text, created_at FROM unanswered ORDER BY id DESC LIMIT ?1");
    if (!q.ok()) return q.status();
    q->bind(1, limit);
    return collect<Unanswered>(
        q.value(),
        [](const Query& r) -> Result<Unanswered> {
          return Unanswered{r.int_at(0), r.text_at(1), r.text_at(2), r.int_at(3)};
        },
        &out);
  });
  if (!st.ok()) return st;
  return out;
}

// --- webhook events -------------------------------------------------------------

Result<bool> SqliteStore::mark_event_processed(const std::string& channel,
                                               const std::string& event_id, int64_t now) {
  if (Status st = detail::check_id(channel, "channel"); !st.ok()) return st;
  if (Status st = detail::check_id(event_id, "event id"); !st.ok()) return st;
  bool fresh = false;
  Status st = write([&](Connection& c) -> Status {
    auto q = c.prepare(
        "INSERT INTO processed_events (channel, event_id, processed_at) VALUES (?1, ?2, ?3) "
        "ON CONFLICT (channel, event_id) DO NOTHING");
    if (!q.ok()) return q.status();
    q->bind_all(channel, event_id, detail::or_now(now));
    if (Status s = q->run(); !s.ok()) return s;
    fresh = c.changes() == 1;
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return fresh;
}

// --- outbox ----------------------------------------------------------------------

Result<int64_t> SqliteStore::enqueue_outbound(const NewOutbound& m) {
  if (Status st = detail::check_id(m.channel, "channel"); !st.ok()) return st;
  int64_t id = 0;
  Status st = write([&](Connection& c) -> Status {
    auto q = c.prepare(
        "INSERT INTO outbox (channel, target, payload, status, next_attempt_at, created_at) "
        "VALUES (?1, ?2, ?3, 'pending', ?4, ?5)");
    if (!q.ok()) return q.status();
    const int64_t now = now_ms();
    q->bind_all(m.channel, m.target, m.payload, m.next_attempt_at_ms != 0 ? m.next_attempt_at_ms : now,
                now);
    if (Status s = q->run(); !s.ok()) return s;
    id = c.last_insert_id();
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return id;
}

Result<std::vector<Outbound>> SqliteStore::due_outbound(int64_t now, int limit,
                                                        int64_t lease_ms) {
  if (Status st = detail::check_limit(limit); !st.ok()) return st;
  now = detail::or_now(now);
  std::vector<Outbound> out;
  Status st = write([&](Connection& c) -> Status {
    {
      auto q = c.prepare(kOutboxSelect +
                         "WHERE status = 'pending' AND next_attempt_at <= ?1 "
                         "ORDER BY next_attempt_at, id LIMIT ?2");
      if (!q.ok()) return q.status();
      q->bind_all(now, limit);
      if (Status s = collect<Outbound>(q.value(), outbound_from, &out); !s.ok()) return s;
    }
    for (const Outbound& o : out) {
      auto q = c.prepare("UPDATE outbox SET next_attempt_at = ?2 WHERE id = ?1");
      if (!q.ok()) return q.status();
      q->bind_all(o.id, now + lease_ms);
      if (Status s = q->run(); !s.ok()) return s;
    }
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Status SqliteStore::mark_sent(int64_t outbound_id, int64_t now) {
  return write([&](Connection& c) -> Status {
    auto q = c.prepare(
        "UPDATE outbox SET status = 'sent', sent_at = ?2 WHERE id = ?1 AND status = 'pending'");
    if (!q.ok()) return q.status();
    q->bind_all(outbound_id, detail::or_now(now));
    if (Status s = q->run(); !s.ok()) return s;
    if (c.changes() == 1) return Status::Ok();
    Status why = transition_error(c, "outbox", outbound_id, "pending");
    // Marking a sent message sent again is harmless.
    if (why.message().find(" is sent,") != std::string::npos) return Status::Ok();
    return why;
  });
}

Status SqliteStore::mark_failed(int64_t outbound_id, const std::string& error,
                                int64_t retry_at_ms) {
  return write([&](Connection& c) -> Status {
    auto q = c.prepare(
        "UPDATE outbox SET attempts = attempts + 1, last_error = ?2, "
        "status = CASE WHEN ?3 > 0 THEN 'pending' ELSE 'failed' END, "
        "next_attempt_at = CASE WHEN ?3 > 0 THEN ?3 ELSE next_attempt_at END "
        "WHERE id = ?1 AND status = 'pending'");
    if (!q.ok()) return q.status();
    q->bind_all(outbound_id, error, retry_at_ms);
    if (Status s = q->run(); !s.ok()) return s;
    if (c.changes() == 1) return Status::Ok();
    return transition_error(c, "outbox", outbound_id, "pending");
  });
}

Result<int64_t> SqliteStore::count_failed() {
  int64_t n = 0;
  Status st = read([&](Connection& c) -> Status {
    auto q = c.prepare("SELECT COUNT(*) FROM outbox WHERE status = 'failed'");
    if (!q.ok()) return q.status();
    Result<bool> row = q->step();
    if (!row.ok()) return row.status();
    n = q->int_at(0);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return n;
}

Result<Outbound> SqliteStore::get_outbound(int64_t outbound_id) {
  Outbound out;
  Status st = read([&](Connection& c) -> Status {
    auto q = c.prepare(kOutboxSelect + "WHERE id = ?1");
    if (!q.ok()) return q.status();
    q->bind(1, outbound_id);
    auto o = one<Outbound>(q.value(), outbound_from,
                           "no outbound message " + std::to_string(outbound_id));
    if (!o.ok()) return o.status();
    out = std::move(o).value();
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

// --- server secrets, health --------------------------------------------------

Result<std::string> SqliteStore::server_secret(const std::string& name,
                                               const std::string& candidate) {
  if (name.empty() || candidate.empty()) {
    return Status(StatusCode::kInvalidArgument, "secret name and value must not be empty");
  }
  std::string value;
  Status st = write([&](Connection& c) -> Status {
    auto insert = c.prepare(
        "INSERT INTO server_secrets (name, value, created_at) VALUES (?1, ?2, ?3) "
        "ON CONFLICT (name) DO NOTHING");
    if (!insert.ok()) return insert.status();
    insert->bind_all(name, candidate, now_ms());
    if (Status s = insert->run(); !s.ok()) return s;
    auto q = c.prepare("SELECT value FROM server_secrets WHERE name = ?1");
    if (!q.ok()) return q.status();
    q->bind(1, name);
    Result<bool> row = q->step();
    if (!row.ok()) return row.status();
    if (!row.value()) return {StatusCode::kInternal, "secret " + name + " vanished"};
    value = q->text_at(0);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return value;
}

Status SqliteStore::check_writable() {
  return write([&](Connection& c) -> Status {
    auto q = c.prepare(
        "INSERT INTO write_probe (id, written_at) VALUES (1, ?1) "
        "ON CONFLICT (id) DO UPDATE SET written_at = excluded.written_at");
    if (!q.ok()) return q.status();
    q->bind(1, now_ms());
    return q->run();
  });
}

}  // namespace faqbot::store
