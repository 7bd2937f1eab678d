#pragma once
// A thin RAII layer over libpq for the PostgreSQL store: a Connection owns a
// PGconn, runs parameterised statements (PQexecParams, text parameters: no
// SQL is ever built from values) and maps errors to Status by SQLSTATE.
//
// Thread-safety: one Connection is used by one thread at a time (the store's
// pool hands it out).
#include <libpq-fe.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "knowledge/status.h"

namespace faqbot::store::pg {

// Text-format parameters for $1, $2, … in order.
class Params {
 public:
  Params& add(const std::string& v) { values_.push_back(v); return *this; }
  Params& add(const char* v) { values_.emplace_back(v); return *this; }
  Params& add(int64_t v) { values_.push_back(std::to_string(v)); return *this; }
  Params& add(int v) { return add(static_cast<int64_t>(v)); }
  Params& add(bool v) { values_.emplace_back(v ? "true" : "false"); return *this; }
  Params& add(double v);
  const std::vector<std::string>& values() const { return values_; }

 private:
  std::vector<std::string> values_;
};

template <typename... Args>
Params params(const Args&... args) {
  Params p;
  (p.add(args), ...);
  return p;
}

class Rows {
 public:
  explicit Rows(PGresult* result) : result_(result, &PQclear) {}
  int size() const { return PQntuples(result_.get()); }
  std::string text(int row, int col) const {
    return std::string(PQgetvalue(result_.get(), row, col),
                       static_cast<size_t>(PQgetlength(result_.get(), row, col)));
  }
  int64_t int64(int row, int col) const;
  double dbl(int row, int col) const;
  bool boolean(int row, int col) const { return text(row, col) == "t"; }
  // Rows touched by INSERT/UPDATE/DELETE.
  int64_t affected() const;

 private:
  std::unique_ptr<PGresult, void (*)(PGresult*)> result_;
};

class Connection {
 public:
  // Connects with a libpq connection string or URI; `schema` "" = default
  // search_path, else search_path is set to it (it must exist by then, or be
  // created by the caller before use).
  static Result<std::unique_ptr<Connection>> open(const std::string& conninfo,
                                                  const std::string& schema);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  Result<Rows> exec(const std::string& sql, const Params& params = {});
  // Plain statement without parameters (BEGIN, COMMIT, DDL).
  Status run(const std::string& sql);
  // Reconnects when the connection was lost. ok when usable.
  Status ensure_alive();

 private:
  Connection(PGconn* conn, std::string schema) : conn_(conn), schema_(std::move(schema)) {}
  Status configure();
  PGconn* conn_;
  std::string schema_;
};

// "name" quoted as a PostgreSQL identifier; kInvalidArgument unless it
// matches [A-Za-z_][A-Za-z0-9_]{0,62}.
Result<std::string> quote_schema(const std::string& name);

}  // namespace faqbot::store::pg
