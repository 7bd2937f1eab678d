#pragma once
// The shared database of the SQL store for several replicas: PostgreSQL
// through libpq.
//
// Connection: any libpq connection string or URI (postgresql://user@host:5432/db);
// StoreOptions::postgres_schema selects (and creates) a schema, so several
// deployments or test runs can share one database.
// Concurrency: a pool of StoreOptions::postgres_connections connections;
// each call borrows one, waiting while all are busy. write() is one
// transaction (READ COMMITTED); races between replicas are settled by the
// database (conditional updates, ON CONFLICT, row locks: see sql_store.cpp).
// Durability is the server's (fsync, synchronous_commit); write() returns ok
// only after COMMIT succeeded.
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "bot/store/sql/database.h"
#include "bot/store/store.h"

namespace faqbot::store::sql {

class PostgresConnection;

class PostgresDatabase final : public Database {
 public:
  // Connects the pool (creating options.postgres_schema when missing).
  // kInternal when the server cannot be reached; kInvalidArgument for a bad
  // schema name.
  static Result<std::unique_ptr<PostgresDatabase>> open(const std::string& conninfo,
                                                        const StoreOptions& options = {});
  ~PostgresDatabase() override;

  const Dialect& dialect() const override;
  Status write(const Work& work) override;
  Status read(const Work& work) override;
  // LISTEN faqbot_messages on a connection of its own (reconnected when lost).
  Result<std::vector<std::string>> wait_notices(int timeout_ms) override;

 private:
  PostgresDatabase() = default;
  // Borrows a live connection from the pool for `work`.
  Status with_connection(const std::function<Status(PostgresConnection&)>& work);

  std::mutex pool_mutex_;
  std::condition_variable pool_cv_;
  std::vector<std::unique_ptr<PostgresConnection>> idle_;
  std::string conninfo_, schema_;
  std::unique_ptr<PostgresConnection> listener_;  // wait_notices only
};

}  // namespace faqbot::store::sql
