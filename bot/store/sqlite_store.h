#pragma once
// The embedded Store: one SQLite database file, <data_dir>/faqbot.db.
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

#include "bot/store/store.h"

struct sqlite3;

namespace faqbot::store {

namespace sqlite {
class Connection;
}

class SqliteStore final : public Store {
 public:
  static constexpr const char* kFileName = "faqbot.db";
  static constexpr int kCheckpointPages = 4000;   // ~16 MiB of WAL: wake the checkpointer
  static constexpr int kWalRestartPages = 16000;  // ~64 MiB: RESTART, not only PASSIVE
  static constexpr int kCheckpointIntervalMs = 100;  // at most 10 checkpoints a second

  // Creates data_dir when missing, opens or creates the database, applies
  // pending migrations. kInternal when the directory or file cannot be used.
  static Result<std::unique_ptr<SqliteStore>> open(const std::string& data_dir,
                                                   const StoreOptions& options = {});
  ~SqliteStore() override;

  const char* backend() const override { return "sqlite"; }

  Result<Session> get_session(const std::string& id) override;
  Status put_session(const Session& session) override;
  Result<TurnResult> record_turn(const Turn& turn) override;
  Result<int64_t> append_message(const std::string& session_id,
                                 const NewMessage& message) override;
  Result<std::vector<Message>> messages_after(const std::string& session_id, int64_t after_id,
                                              int limit) override;
  Result<Ticket> open_ticket(const std::string& session_id, const NewTicket& ticket) override;
  Result<Ticket> get_ticket(int64_t ticket_id) override;
  Result<std::optional<Ticket>> open_ticket_of(const std::string& session_id) override;
  Result<std::vector<Ticket>> list_tickets(TicketStatus status, int limit) override;
  Result<int64_t> count_tickets(TicketStatus status) override;
  Result<int64_t> queue_position(int64_t ticket_id) override;
  Result<Ticket> claim_ticket(int64_t ticket_id, const std::string& agent_id,
                              int64_t now) override;
  Result<Ticket> close_ticket(int64_t ticket_id, const std::string& resolution,
                              int64_t now) override;
  Status set_expected_reply(int64_t ticket_id, int64_t at_ms) override;
  Status add_feedback(const Feedback& feedback) override;
  Status add_unanswered(const std::string& session_id, const std::string& text,
                        int64_t now) override;
  Result<std::vector<Unanswered>> list_unanswered(int limit) override;
  Result<bool> mark_event_processed(const std::string& channel, const std::string& event_id,
                                    int64_t now) override;
  Result<int64_t> enqueue_outbound(const NewOutbound& message) override;
  Result<std::vector<Outbound>> due_outbound(int64_t now, int limit, int64_t lease_ms) override;
  Status mark_sent(int64_t outbound_id, int64_t now) override;
  Status mark_failed(int64_t outbound_id, const std::string& error,
                     int64_t retry_at_ms) override;
  Result<int64_t> count_failed() override;
  Result<Outbound> get_outbound(int64_t outbound_id) override;
  Result<std::string> server_secret(const std::string& name,
                                    const std::string& candidate) override;
  Status check_writable() override;

 private:
  using Work = std::function<Status(sqlite::Connection&)>;
  SqliteStore() = default;

  // Runs `work` atomically and durably: it returns once the transaction
  // holding it has committed (ok) or `work` was rolled back (its error).
  // Group commit: concurrent callers queue their work; one of them (the
  // leader) runs a batch of up to kMaxBatch queued works in ONE transaction,
  // each inside its own SAVEPOINT so a failing work is rolled back alone,
  // then commits once for all. Works run in queue order, so each sees the
  // effects of the ones before it, exactly as if run one by one.
  Status write(const Work& work);
  struct WriteJob;
  void run_batch(const std::vector<WriteJob*>& batch);
  static constexpr size_t kMaxBatch = 64;
  // Runs `work` on a pooled reader; `snapshot` wraps it in one read
  // transaction so several statements see the same state.
  Status read(const Work& work, bool snapshot = false);

  std::unique_ptr<sqlite::Connection> writer_;  // used by the batch leader only
  std::mutex queue_mutex_;        // guards queue_ and leader_active_
  std::vector<WriteJob*> queue_;  // jobs not yet taken into a batch, oldest first
  bool leader_active_ = false;    // a leader is running or has been handed the lead

  static int on_writer_busy(void* self, int calls);
  int writer_busy_steps_ = 1;  // 200 us waits before a locked database is an error

  // Background checkpointer.
  static int on_wal_commit(void* self, ::sqlite3* db, const char* name, int pages);
  void checkpoint_loop();
  std::unique_ptr<sqlite::Connection> checkpointer_;
  std::mutex checkpoint_mutex_;
  std::condition_variable checkpoint_cv_;
  bool checkpoint_wanted_ = false;
  bool stopping_ = false;
  std::thread checkpoint_thread_;

  std::mutex pool_mutex_;
  std::condition_variable pool_cv_;
  std::vector<std::unique_ptr<sqlite::Connection>> idle_readers_;
};

}  // namespace faqbot::store
