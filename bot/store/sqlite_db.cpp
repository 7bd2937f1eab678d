#include "bot/store/sqlite_db.h"

namespace faqbot::store::sqlite {

Status error_status(sqlite3* db, int rc, std::string_view what) {
  std::string message(what);
  message += ": ";
  message += db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  const int primary = rc & 0xff;
  if (rc == SQLITE_CONSTRAINT_FOREIGNKEY) return {StatusCode::kNotFound, message};
  if (primary == SQLITE_CONSTRAINT) return {StatusCode::kInvalidArgument, message};
  return {StatusCode::kInternal, message};
}

Query::~Query() {
  if (stmt_ != nullptr) {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
}

Query& Query::bind(int index, int64_t value) {
  const int rc = sqlite3_bind_int64(stmt_, index, value);
  if (rc != SQLITE_OK && status_ == SQLITE_OK) status_ = rc;
  return *this;
}

Query& Query::bind(int index, double value) {
  const int rc = sqlite3_bind_double(stmt_, index, value);
  if (rc != SQLITE_OK && status_ == SQLITE_OK) status_ = rc;
  return *this;
}

Query& Query::bind(int index, std::string_view value) {
  // SQLITE_TRANSIENT: SQLite copies; the caller's buffer may die first.
  const int rc = sqlite3_bind_text64(stmt_, index, value.data(), value.size(), SQLITE_TRANSIENT,
                                     SQLITE_UTF8);
  if (rc != SQLITE_OK && status_ == SQLITE_OK) status_ = rc;
  return *this;
}

Result<bool> Query::step() {
  if (status_ != SQLITE_OK) return error_status(db_, status_, "bind");
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return error_status(db_, sqlite3_extended_errcode(db_), "step");
}

Status Query::run() {
  for (;;) {
    Result<bool> row = step();
    if (!row.ok()) return row.status();
    if (!row.value()) return Status::Ok();
  }
}

std::string Query::text_at(int column) const {
  const unsigned char* text = sqlite3_column_text(stmt_, column);
  if (text == nullptr) return {};
  return std::string(reinterpret_cast<const char*>(text),
                     static_cast<size_t>(sqlite3_column_bytes(stmt_, column)));
}

Result<std::unique_ptr<Connection>> Connection::open(const std::string& path, bool create,
                                                     int busy_timeout_ms) {
  sqlite3* db = nullptr;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
  if (create) flags |= SQLITE_OPEN_CREATE;
  const int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    Status status = error_status(db, rc, "open " + path);
    sqlite3_close_v2(db);
    return status;
  }
  sqlite3_extended_result_codes(db, 1);
  sqlite3_busy_timeout(db, busy_timeout_ms);
  return std::unique_ptr<Connection>(new Connection(db));
}

Connection::~Connection() {
  for (auto& entry : cache_) sqlite3_finalize(entry.second);
  sqlite3_close_v2(db_);
}

Status Connection::exec(const std::string& sql) {
  char* error = nullptr;
  const int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &error);
  if (rc == SQLITE_OK) return Status::Ok();
  std::string message = "exec: " + std::string(error ? error : sqlite3_errstr(rc));
  sqlite3_free(error);
  Status status = error_status(nullptr, sqlite3_extended_errcode(db_), "");
  return {status.code(), message};
}

Result<Query> Connection::prepare(const std::string& sql) {
  auto found = cache_.find(sql);
  if (found != cache_.end()) return Query(db_, found->second);
  sqlite3_stmt* stmt = nullptr;
  const int rc = sqlite3_prepare_v3(db_, sql.c_str(), static_cast<int>(sql.size()),
                                    SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
  if (rc != SQLITE_OK) return error_status(db_, rc, "prepare");
  cache_.emplace(sql, stmt);
  return Query(db_, stmt);
}

}  // namespace faqbot::store::sqlite
