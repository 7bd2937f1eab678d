#pragma once
// The SQL store's Connection and Statement over the SQLite C API: a
// Connection owns a sqlite3 handle and its cache of prepared statements
// (bound only by sqlite3_bind_*: no SQL is built from values).
//
// Thread-safety: a Connection (and its statements) is used by one thread at
// a time; SqliteDatabase guards each connection.
#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "bot/store/sql/database.h"

namespace faqbot::store::sql {

// SQLite's words for the schema and its single-writer locking.
extern const Dialect kSqliteDialect;

// Maps a SQLite result code to a Status ("what: sqlite message") as
// Database promises (foreign key -> kNotFound, constraint -> kInvalidArgument).
Status sqlite_status(sqlite3* db, int rc, std::string_view what);

class SqliteStatement final : public Statement {
 public:
  SqliteStatement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  ~SqliteStatement() override { sqlite3_finalize(stmt_); }
  void bind_int(int index, int64_t value) override;
  void bind_double(int index, double value) override;
  void bind_text(int index, std::string_view value) override;
  void bind_bool(int index, bool value) override { bind_int(index, value ? 1 : 0); }
  Result<bool> step() override;
  int64_t int_at(int column) const override { return sqlite3_column_int64(stmt_, column); }
  double double_at(int column) const override { return sqlite3_column_double(stmt_, column); }
  std::string text_at(int column) const override;
  int64_t affected() const override { return sqlite3_changes(db_); }
  int64_t inserted_id() const override { return sqlite3_last_insert_rowid(db_); }
  void reset() override;

 private:
  void keep(int rc) {
    if (rc != SQLITE_OK && bind_error_ == SQLITE_OK) bind_error_ = rc;
  }
  sqlite3* db_;
  sqlite3_stmt* stmt_;
  int bind_error_ = SQLITE_OK;  // first bind failure since reset
};

class SqliteConnection final : public Connection {
 public:
  // Opens (creating when allowed) the database file with the given busy
  // timeout, in SQLite's multi-thread mode: serialise use.
  static Result<std::unique_ptr<SqliteConnection>> open(const std::string& path, bool create,
                                                        int busy_timeout_ms);
  ~SqliteConnection() override;
  SqliteConnection(const SqliteConnection&) = delete;
  SqliteConnection& operator=(const SqliteConnection&) = delete;

  Result<Query> prepare(const std::string& sql) override;
  Status exec(const std::string& sql) override;
  sqlite3* raw() const { return db_; }

 private:
  explicit SqliteConnection(sqlite3* db) : db_(db) {}
  sqlite3* db_;
  std::unordered_map<std::string, std::unique_ptr<SqliteStatement>> cache_;
};

}  // namespace faqbot::store::sql
