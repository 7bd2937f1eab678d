#include "bot/store/sql/sqlite_connection.h"

namespace faqbot::store::sql {

const Dialect kSqliteDialect = {
    /*name=*/"sqlite",
    /*int64_type=*/"INTEGER",
    /*real_type=*/"REAL",
    /*bool_type=*/"INTEGER",
    // AUTOINCREMENT: a rowid alias that is never reused, even after deletes.
    /*serial_key=*/"INTEGER PRIMARY KEY AUTOINCREMENT",
    /*without_rowid=*/" WITHOUT ROWID",
    /*returning_id=*/"",
    // One writer at a time (BEGIN IMMEDIATE): nothing to lock row by row.
    /*lock_rows=*/"",
    /*lock_rows_skip_locked=*/"",
    /*notify_message=*/"",
    /*migration_lock=*/"",
};

Status sqlite_status(sqlite3* db, int rc, std::string_view what) {
  std::string message(what);
  message += ": ";
  message += db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  const int primary = rc & 0xff;
  if (rc == SQLITE_CONSTRAINT_FOREIGNKEY) return {StatusCode::kNotFound, message};
  if (primary == SQLITE_CONSTRAINT) return {StatusCode::kInvalidArgument, message};
  return {StatusCode::kInternal, message};
}

void SqliteStatement::bind_int(int index, int64_t value) {
  keep(sqlite3_bind_int64(stmt_, index, value));
}

void SqliteStatement::bind_double(int index, double value) {
  keep(sqlite3_bind_double(stmt_, index, value));
}

void SqliteStatement::bind_text(int index, std::string_view value) {
  // SQLITE_TRANSIENT: SQLite copies; the caller's buffer may die first.
  keep(sqlite3_bind_text64(stmt_, index, value.data(), value.size(), SQLITE_TRANSIENT,
                           SQLITE_UTF8));
}

Result<bool> SqliteStatement::step() {
  if (bind_error_ != SQLITE_OK) return sqlite_status(db_, bind_error_, "bind");
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return sqlite_status(db_, sqlite3_extended_errcode(db_), "step");
}

std::string SqliteStatement::text_at(int column) const {
  const unsigned char* text = sqlite3_column_text(stmt_, column);
  if (text == nullptr) return {};
  return std::string(reinterpret_cast<const char*>(text),
                     static_cast<size_t>(sqlite3_column_bytes(stmt_, column)));
}

void SqliteStatement::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
  bind_error_ = SQLITE_OK;
}

Result<std::unique_ptr<SqliteConnection>> SqliteConnection::open(const std::string& path,
                                                                 bool create,
                                                                 int busy_timeout_ms) {
  sqlite3* db = nullptr;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
  if (create) flags |= SQLITE_OPEN_CREATE;
  const int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    Status status = sqlite_status(db, rc, "open " + path);
    sqlite3_close_v2(db);
    return status;
  }
  sqlite3_extended_result_codes(db, 1);
  sqlite3_busy_timeout(db, busy_timeout_ms);
  return std::unique_ptr<SqliteConnection>(new SqliteConnection(db));
}

SqliteConnection::~SqliteConnection() {
  cache_.clear();  // finalize every statement before closing
  sqlite3_close_v2(db_);
}

Status SqliteConnection::exec(const std::string& sql) {
  char* error = nullptr;
  const int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &error);
  if (rc == SQLITE_OK) return Status::Ok();
  std::string message = "exec: " + std::string(error ? error : sqlite3_errstr(rc));
  sqlite3_free(error);
  Status status = sqlite_status(nullptr, sqlite3_extended_errcode(db_), "");
  return {status.code(), message};
}

Result<Query> SqliteConnection::prepare(const std::string& sql) {
  auto found = cache_.find(sql);
  if (found != cache_.end()) return Query(found->second.get());
  sqlite3_stmt* stmt = nullptr;
  const int rc = sqlite3_prepare_v3(db_, sql.c_str(), static_cast<int>(sql.size()),
                                    SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
  if (rc != SQLITE_OK) return sqlite_status(db_, rc, "prepare");
  auto inserted = cache_.emplace(sql, std::make_unique<SqliteStatement>(db_, stmt));
  return Query(inserted.first->second.get());
}

}  // namespace faqbot::store::sql
