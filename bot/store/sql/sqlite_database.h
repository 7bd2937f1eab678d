#pragma once
// The embedded database of the SQL store: one SQLite file, <data_dir>/faqbot.db.
//
// Durability: journal_mode=WAL with synchronous=NORMAL by default. A commit
// appends its pages to the WAL with write(2) before returning, so once a call
// returns ok the data is in the kernel's page cache and survives a crash or
// kill -9 of the process (the next open replays the WAL); only a power loss /
// kernel crash can lose the last commits, because NORMAL fsyncs the WAL at
// checkpoints rather than at every commit. StoreOptions::sync_every_commit
// selects synchronous=FULL (one fsync per commit) for power-loss durability.
//
// Concurrency: one writer connection (SQLite has one writer at a time anyway)
// fed by a group-commit queue: concurrent writes are committed together in
// one BEGIN IMMEDIATE … COMMIT, each isolated by a savepoint (see write());
// and a pool of reader connections that read WAL
// snapshots in parallel with the writer. Prepared statements are cached per
// connection. busy_timeout covers other processes on the same file.
// Checkpoints (copying the WAL back into the database, with its fsyncs) run on
// a background thread with its own connection, never on a committing
// request: the writer's WAL hook wakes it once the WAL holds
// kCheckpointPages pages (at most every kCheckpointIntervalMs). A PASSIVE
// checkpoint never blocks; when commits keep it from catching up and the WAL
// passes kWalRestartPages, a RESTART checkpoint (which briefly holds off the
// writer) lets the WAL start over, so its size stays bounded.
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "bot/store/sql/database.h"
#include "bot/store/store.h"

struct sqlite3;

namespace faqbot::store::sql {

class SqliteConnection;

class SqliteDatabase final : public Database {
 public:
  static constexpr const char* kFileName = "faqbot.db";
  static constexpr int kCheckpointPages = 4000;   // ~16 MiB of WAL: wake the checkpointer
  static constexpr int kWalRestartPages = 16000;  // ~64 MiB: RESTART, not only PASSIVE
  static constexpr int kCheckpointIntervalMs = 100;  // at most 10 checkpoints a second

  // Creates data_dir when missing, opens or creates the database (refusing a
  // file that fails PRAGMA quick_check with kDataLoss), enables WAL. The
  // schema is the SQL store's business (schema.h). kInternal when the
  // directory or file cannot be used.
  static Result<std::unique_ptr<SqliteDatabase>> open(const std::string& data_dir,
                                                      const StoreOptions& options = {});
  ~SqliteDatabase() override;

  const Dialect& dialect() const override;
  // Group commit: concurrent callers queue their work; one of them (the
  // leader) runs a batch of up to kMaxBatch queued works in ONE transaction,
  // each inside its own SAVEPOINT so a failing work is rolled back alone,
  // then commits once for all. Works run in queue order, so each sees the
  // effects of the ones before it, exactly as if run one by one.
  Status write(const Work& work) override;
  // On a pooled reader connection (query_only), in parallel with the writer.
  Status read(const Work& work) override;

 private:
  SqliteDatabase() = default;
  struct WriteJob;
  void run_batch(const std::vector<WriteJob*>& batch);
  static constexpr size_t kMaxBatch = 64;

  std::unique_ptr<SqliteConnection> writer_;  // used by the batch leader only
  std::mutex queue_mutex_;        // guards queue_ and leader_active_
  std::vector<WriteJob*> queue_;  // jobs not yet taken into a batch, oldest first
  bool leader_active_ = false;    // a leader is running or has been handed the lead

  static int on_writer_busy(void* self, int calls);
  int writer_busy_steps_ = 1;  // 200 us waits before a locked database is an error

  // Background checkpointer.
  static int on_wal_commit(void* self, ::sqlite3* db, const char* name, int pages);
  void checkpoint_loop();
  std::unique_ptr<SqliteConnection> checkpointer_;
  std::mutex checkpoint_mutex_;
  std::condition_variable checkpoint_cv_;
  bool checkpoint_wanted_ = false;
  bool stopping_ = false;
  std::thread checkpoint_thread_;

  std::mutex pool_mutex_;
  std::condition_variable pool_cv_;
  std::vector<std::unique_ptr<SqliteConnection>> idle_readers_;
};

}  // namespace faqbot::store::sql
