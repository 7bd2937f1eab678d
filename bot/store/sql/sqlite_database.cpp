#include "bot/store/sql/sqlite_database.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <system_error>

#include "bot/store/sql/sqlite_connection.h"

namespace faqbot::store::sql {

namespace {

Status configure(SqliteConnection& c, bool writer, const StoreOptions& options) {
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

Status enable_wal(SqliteConnection& c) {
  auto q = c.prepare("PRAGMA journal_mode = WAL");
  if (!q.ok()) return q.status();
  Result<bool> row = q->step();
  if (!row.ok()) return row.status();
  const std::string mode = row.value() ? q->text_at(0) : "";
  if (mode != "wal") return {StatusCode::kInternal, "cannot enable WAL (journal_mode=" + mode + ")"};
  return Status::Ok();
}


// PRAGMA quick_check: the b-tree pages and records are well formed (not the
// indexes' agreement with their tables, which full integrity_check adds).
// Reads every page once: about a second per GiB. kDataLoss names what it found.
Status check_integrity(SqliteConnection& c, const std::string& path) {
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
}  // namespace

Result<std::unique_ptr<SqliteDatabase>> SqliteDatabase::open(const std::string& data_dir,
                                                             const StoreOptions& options) {
  if (data_dir.empty()) return Status(StatusCode::kInvalidArgument, "data directory is empty");
  std::error_code ec;
  std::filesystem::create_directories(data_dir, ec);
  if (ec) {
    return Status(StatusCode::kInternal,
                  "cannot create data directory " + data_dir + ": " + ec.message());
  }
  const std::string path = (std::filesystem::path(data_dir) / kFileName).string();

  std::unique_ptr<SqliteDatabase> store(new SqliteDatabase());
  auto writer = SqliteConnection::open(path, /*create=*/true, options.sqlite_busy_timeout_ms);
  if (!writer.ok()) return writer.status();
  store->writer_ = std::move(writer).value();
  // The writer waits for the lock in 200 us steps, not SQLite's default
  // 1, 2, 5, 10 … ms sleeps: the lock is only ever held briefly (by a RESTART
  // checkpoint), and a commit should resume as soon as it is free.
  store->writer_busy_steps_ = std::max(1, options.sqlite_busy_timeout_ms * 5);
  sqlite3_busy_handler(store->writer_->raw(), &SqliteDatabase::on_writer_busy, store.get());
  if (Status st = check_integrity(*store->writer_, path); !st.ok()) return st;
  if (Status st = enable_wal(*store->writer_); !st.ok()) return st;
  if (Status st = configure(*store->writer_, true, options); !st.ok()) return st;

  auto checkpointer = SqliteConnection::open(path, /*create=*/false, options.sqlite_busy_timeout_ms);
  if (!checkpointer.ok()) return checkpointer.status();
  store->checkpointer_ = std::move(checkpointer).value();
  // A connection learns that the file is in WAL mode only by reading it;
  // before that sqlite3_wal_checkpoint_v2 returns OK without checkpointing
  // anything (log size -1), and the WAL would grow without bound.
  if (Status st = enable_wal(*store->checkpointer_); !st.ok()) return st;
  // Replaces SQLite's automatic checkpoint (which would run inside COMMIT).
  sqlite3_wal_hook(store->writer_->raw(), &SqliteDatabase::on_wal_commit, store.get());
  store->checkpoint_thread_ = std::thread([s = store.get()] { s->checkpoint_loop(); });

  const int readers = std::max(1, options.sqlite_read_connections);
  for (int i = 0; i < readers; ++i) {
    auto reader = SqliteConnection::open(path, /*create=*/false, options.sqlite_busy_timeout_ms);
    if (!reader.ok()) return reader.status();
    if (Status st = configure(*reader.value(), false, options); !st.ok()) return st;
    store->idle_readers_.push_back(std::move(reader).value());
  }
  return store;
}

const Dialect& SqliteDatabase::dialect() const { return kSqliteDialect; }

SqliteDatabase::~SqliteDatabase() {
  if (writer_) sqlite3_wal_hook(writer_->raw(), nullptr, nullptr);
  {
    std::lock_guard<std::mutex> lock(checkpoint_mutex_);
    stopping_ = true;
  }
  checkpoint_cv_.notify_all();
  if (checkpoint_thread_.joinable()) checkpoint_thread_.join();
}

int SqliteDatabase::on_writer_busy(void* self, int calls) {
  if (calls >= static_cast<SqliteDatabase*>(self)->writer_busy_steps_) return 0;  // give up: SQLITE_BUSY
  std::this_thread::sleep_for(std::chrono::microseconds(200));
  return 1;
}

int SqliteDatabase::on_wal_commit(void* self, sqlite3*, const char*, int pages) {
  if (pages >= kCheckpointPages) {
    auto* store = static_cast<SqliteDatabase*>(self);
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

void SqliteDatabase::checkpoint_loop() {
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
struct SqliteDatabase::WriteJob {
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

Status SqliteDatabase::write(const Work& work) {
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
Status control(SqliteConnection& c, const std::string& sql) {
  auto q = c.prepare(sql);
  if (!q.ok()) return q.status();
  return q->run();
}
const std::string kBegin = "BEGIN IMMEDIATE";
const std::string kCommit = "COMMIT";
const std::string kRollback = "ROLLBACK";
const std::string kSavepoint = "SAVEPOINT job";
const std::string kRollbackTo = "ROLLBACK TO job";
const std::string kRelease = "RELEASE job";
}  // namespace

void SqliteDatabase::run_batch(const std::vector<WriteJob*>& batch) {
  SqliteConnection& c = *writer_;
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

Status SqliteDatabase::read(const Work& work) {
  std::unique_ptr<SqliteConnection> c;
  {
    std::unique_lock<std::mutex> lock(pool_mutex_);
    pool_cv_.wait(lock, [&] { return !idle_readers_.empty(); });
    c = std::move(idle_readers_.back());
    idle_readers_.pop_back();
  }
  const Status st = work(*c);
  {
    std::lock_guard<std::mutex> lock(pool_mutex_);
    idle_readers_.push_back(std::move(c));
  }
  pool_cv_.notify_one();
  return st;
}

}  // namespace faqbot::store::sql
