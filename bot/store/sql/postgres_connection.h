#pragma once
// The SQL store's Connection and Statement over libpq: statements run with
// PQexecParams and text-format parameters (no SQL is ever built from
// values); ?N placeholders are rewritten to PostgreSQL's $N once per SQL
// text; errors map to Status by SQLSTATE.
//
// Thread-safety: one connection is used by one thread at a time (the
// database's pool hands it out).
#include <libpq-fe.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "bot/store/sql/database.h"

namespace faqbot::store::sql {

// PostgreSQL's words for the schema, row locks and the migration lock.
extern const Dialect kPostgresDialect;

// `sql` with every ?N placeholder written $N (no ? appears in our literals).
std::string dollar_placeholders(std::string_view sql);

class PostgresStatement final : public Statement {
 public:
  PostgresStatement(PGconn* conn, std::string sql) : conn_(conn), sql_(std::move(sql)) {}
  void bind_int(int index, int64_t value) override { set(index, std::to_string(value)); }
  void bind_double(int index, double value) override;
  void bind_text(int index, std::string_view value) override { set(index, std::string(value)); }
  void bind_bool(int index, bool value) override { set(index, value ? "true" : "false"); }
  Result<bool> step() override;
  int64_t int_at(int column) const override;
  double double_at(int column) const override;
  std::string text_at(int column) const override;
  int64_t affected() const override;
  int64_t inserted_id() const override;
  void reset() override;

 private:
  void set(int index, std::string value);
  PGconn* conn_;
  std::string sql_;
  std::vector<std::string> params_;  // $1 at [0]
  std::unique_ptr<PGresult, void (*)(PGresult*)> result_{nullptr, &PQclear};
  int row_ = -1;  // current row of result_; -1 before the first step
};

class PostgresConnection final : public Connection {
 public:
  // Connects with a libpq connection string or URI; `schema` "" = default
  // search_path, else search_path is set to it (it must exist by then, or be
  // created by the caller before use).
  static Result<std::unique_ptr<PostgresConnection>> open(const std::string& conninfo,
                                                          const std::string& schema);
  ~PostgresConnection() override;
  PostgresConnection(const PostgresConnection&) = delete;
  PostgresConnection& operator=(const PostgresConnection&) = delete;

  Result<Query> prepare(const std::string& sql) override;
  Status exec(const std::string& sql) override;
  // Reconnects when the connection was lost; ends a transaction an earlier
  // failure left open. ok when usable.
  Status ensure_alive();
  PGconn* raw() const { return conn_; }

 private:
  PostgresConnection(PGconn* conn, std::string schema) : conn_(conn), schema_(std::move(schema)) {}
  Status configure();
  PGconn* conn_;
  std::string schema_;
  std::unordered_map<std::string, std::unique_ptr<PostgresStatement>> cache_;
};

// Maps a failed libpq call to a Status as Database promises.
Status postgres_status(PGconn* conn, const PGresult* result, const std::string& what);

// "name" quoted as a PostgreSQL identifier; kInvalidArgument unless it
// matches [A-Za-z_][A-Za-z0-9_]{0,62}.
Result<std::string> quote_schema(const std::string& name);

}  // namespace faqbot::store::sql
