#include "bot/store/sql/postgres_database.h"

#include <poll.h>

#include <algorithm>

#include "bot/store/sql/postgres_connection.h"

namespace faqbot::store::sql {

Result<std::unique_ptr<PostgresDatabase>> PostgresDatabase::open(const std::string& conninfo,
                                                                 const StoreOptions& options) {
  std::string quoted;
  if (!options.postgres_schema.empty()) {
    auto q = quote_schema(options.postgres_schema);
    if (!q.ok()) return q.status();
    quoted = q.value();
  }
  std::unique_ptr<PostgresDatabase> db(new PostgresDatabase());
  db->conninfo_ = conninfo;
  db->schema_ = options.postgres_schema;
  const int n = std::max(1, options.postgres_connections);
  for (int i = 0; i < n; ++i) {
    auto c = PostgresConnection::open(conninfo, options.postgres_schema);
    if (!c.ok()) return c.status();
    if (i == 0 && !quoted.empty()) {
      Status st = c.value()->exec("CREATE SCHEMA IF NOT EXISTS " + quoted);
      // Two replicas creating it at once: the loser sees a duplicate; fine
      // if it exists now.
      if (!st.ok()) st = c.value()->exec("CREATE SCHEMA IF NOT EXISTS " + quoted);
      if (!st.ok()) return st;
    }
    db->idle_.push_back(std::move(c).value());
  }
  return db;
}

PostgresDatabase::~PostgresDatabase() = default;

const Dialect& PostgresDatabase::dialect() const { return kPostgresDialect; }

Status PostgresDatabase::with_connection(
    const std::function<Status(PostgresConnection&)>& work) {
  std::unique_ptr<PostgresConnection> c;
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

Status PostgresDatabase::write(const Work& work) {
  return with_connection([&](PostgresConnection& c) -> Status {
    if (Status st = c.exec("BEGIN"); !st.ok()) return st;
    Status st = work(c);
    // A statement that failed inside the transaction aborts it; COMMIT would
    // then answer "ROLLBACK" without an error, so check first.
    if (st.ok() && PQtransactionStatus(c.raw()) != PQTRANS_INTRANS) {
      st = Status(StatusCode::kInternal, "PostgreSQL: transaction aborted by an earlier error");
    }
    if (st.ok()) st = c.exec("COMMIT");
    if (!st.ok()) c.exec("ROLLBACK");
    return st;
  });
}

Result<std::vector<std::string>> PostgresDatabase::wait_notices(int timeout_ms) {
  if (listener_ && PQstatus(listener_->raw()) != CONNECTION_OK) listener_.reset();
  if (!listener_) {
    auto c = PostgresConnection::open(conninfo_, schema_);
    if (!c.ok()) return c.status();
    if (Status st = c.value()->exec("LISTEN faqbot_messages"); !st.ok()) return st;
    listener_ = std::move(c).value();
  }
  PGconn* conn = listener_->raw();
  std::vector<std::string> out;
  auto drain = [&] {
    while (PGnotify* n = PQnotifies(conn)) {
      out.emplace_back(n->extra);
      PQfreemem(n);
    }
  };
  drain();
  if (out.empty()) {
    pollfd fd{PQsocket(conn), POLLIN, 0};
    if (::poll(&fd, 1, timeout_ms) > 0) {
      if (PQconsumeInput(conn) == 0) {
        Status lost(StatusCode::kInternal,
                    std::string("PostgreSQL notices: ") + PQerrorMessage(conn));
        listener_.reset();
        return lost;
      }
      drain();
    }
  }
  return out;
}

Status PostgresDatabase::read(const Work& work) {
  return with_connection([&](PostgresConnection& c) { return work(c); });
}

}  // namespace faqbot::store::sql
