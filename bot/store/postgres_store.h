#pragma once
// The shared Store for several replicas: PostgreSQL through libpq.
//
// Connection: any libpq connection string or URI (postgresql://user@host:5432/db);
// StoreOptions::postgres_schema selects (and creates) a schema, so several
// deployments or test runs can share one database.
// Concurrency: a pool of StoreOptions::postgres_connections connections;
// each public call borrows one, waiting while all are busy. Every write is
// one transaction (READ COMMITTED). Races between replicas are settled by the
// database: a claim is UPDATE … WHERE status = 'waiting' RETURNING, an open
// ticket is INSERT … ON CONFLICT on a partial unique index, event dedup is
// INSERT … ON CONFLICT DO NOTHING, outbox leases use FOR UPDATE SKIP LOCKED,
// appends to a session lock its row so its message ids follow commit order.
// Migrations run under a transaction-scoped advisory lock, so replicas
// starting together apply each step once.
// Durability is the server's (fsync, synchronous_commit); the store only
// returns ok after COMMIT succeeded.
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "bot/store/store.h"

namespace faqbot::store {

namespace pg {
class Connection;
}

class PostgresStore final : public Store {
 public:
  // Connects the pool and applies pending migrations. kInternal when the
  // server cannot be reached; kInvalidArgument for a bad schema name.
  static Result<std::unique_ptr<PostgresStore>> open(const std::string& conninfo,
                                                     const StoreOptions& options = {});
  ~PostgresStore() override;

  const char* backend() const override { return "postgresql"; }

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
  using Work = std::function<Status(pg::Connection&)>;
  PostgresStore() = default;

  // Runs `work` on a pooled connection, outside any transaction.
  Status with_connection(const Work& work);
  // Runs `work` in one transaction: COMMIT when it returns ok, else ROLLBACK.
  Status transaction(const Work& work);

  std::mutex pool_mutex_;
  std::condition_variable pool_cv_;
  std::vector<std::unique_ptr<pg::Connection>> idle_;
};

}  // namespace faqbot::store
