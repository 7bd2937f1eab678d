#pragma once
// A thin RAII layer over the SQLite C API for the SQLite store: one
// Connection owns a sqlite3 handle and its cache of prepared statements; a
// Query borrows one cached statement, binds parameters (only ever by
// sqlite3_bind_*: no SQL is built from values) and resets it when destroyed.
//
// Thread-safety: a Connection (and its Queries) must be used by one thread at
// a time; the store guards each connection with its own lock.
#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "knowledge/status.h"

namespace faqbot::store::sqlite {

// Maps a SQLite result code to a Status ("what: sqlite message").
// Foreign-key violations become kNotFound, other constraint violations
// kInvalidArgument, everything else kInternal.
Status error_status(sqlite3* db, int rc, std::string_view what);

class Query {
 public:
  Query(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  Query(Query&& other) noexcept : db_(other.db_), stmt_(other.stmt_), status_(other.status_) {
    other.stmt_ = nullptr;
  }
  Query(const Query&) = delete;
  Query& operator=(const Query&) = delete;
  Query& operator=(Query&&) = delete;
  ~Query();

  // Parameters are 1-based, as in SQL "?1".
  Query& bind(int index, int64_t value);
  Query& bind(int index, int value) { return bind(index, static_cast<int64_t>(value)); }
  Query& bind(int index, bool value) { return bind(index, static_cast<int64_t>(value ? 1 : 0)); }
  Query& bind(int index, double value);
  Query& bind(int index, std::string_view value);
  Query& bind(int index, const std::string& value) { return bind(index, std::string_view(value)); }
  Query& bind(int index, const char* value) { return bind(index, std::string_view(value)); }

  template <typename... Args>
  Query& bind_all(const Args&... args) {
    int index = 0;
    (bind(++index, args), ...);
    return *this;
  }

  // true: a row is available; false: done. Errors (including bind errors).
  Result<bool> step();
  // Runs to completion; for statements without rows.
  Status run();

  int64_t int_at(int column) const { return sqlite3_column_int64(stmt_, column); }
  double double_at(int column) const { return sqlite3_column_double(stmt_, column); }
  std::string text_at(int column) const;

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_;
  int status_ = SQLITE_OK;  // first bind failure
};

class Connection {
 public:
  // Opens (creating when allowed) the database file with the given busy
  // timeout. The connection is in SQLite's multi-thread mode: serialise use.
  static Result<std::unique_ptr<Connection>> open(const std::string& path, bool create,
                                                  int busy_timeout_ms);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Runs SQL text without parameters (pragmas, BEGIN/COMMIT, DDL).
  Status exec(const std::string& sql);
  // A cached prepared statement for this SQL text (prepared on first use).
  Result<Query> prepare(const std::string& sql);
  int64_t last_insert_id() const { return sqlite3_last_insert_rowid(db_); }
  int changes() const { return sqlite3_changes(db_); }
  sqlite3* raw() const { return db_; }

 private:
  explicit Connection(sqlite3* db) : db_(db) {}
  sqlite3* db_;
  std::unordered_map<std::string, sqlite3_stmt*> cache_;
};

}  // namespace faqbot::store::sqlite
