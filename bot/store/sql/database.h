#pragma once
// The small database interface the SQL store is written over: a Database
// hands out a Connection for one transaction (write) or for reads; a
// Connection prepares statements; a Statement binds, steps and reads columns.
// One implementation a backend (sqlite_database.*, postgres_database.*).
//
// SQL given to prepare() uses numbered placeholders ?1, ?2, … (each number
// may appear several times); a backend whose server wants another form
// rewrites them (PostgreSQL: $1, $2, …). Values are only ever bound, never
// spliced into SQL text.
//
// Thread-safety: a Database is shared by all threads; a Connection and its
// statements belong to the one thread running the work it was handed to.
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "bot/store/sql/dialect.h"
#include "knowledge/status.h"

namespace faqbot::store::sql {

// A prepared statement, owned and cached by its Connection and reused for
// every execution of the same SQL text. Used through Query, which resets it.
class Statement {
 public:
  virtual ~Statement() = default;
  // Parameters are 1-based (?1). A bind failure is reported by the next step().
  virtual void bind_int(int index, int64_t value) = 0;
  virtual void bind_double(int index, double value) = 0;
  virtual void bind_text(int index, std::string_view value) = 0;
  virtual void bind_bool(int index, bool value) = 0;
  // Executes on the first call; true while a result row is available.
  virtual Result<bool> step() = 0;
  // Columns of the current row, 0-based. NULL reads as 0 / "".
  virtual int64_t int_at(int column) const = 0;
  virtual double double_at(int column) const = 0;
  virtual std::string text_at(int column) const = 0;
  // Rows changed by the INSERT/UPDATE/DELETE that ran to completion.
  virtual int64_t affected() const = 0;
  // The id of the row a one-row INSERT just added (its SQL ending with the
  // dialect's returning_id).
  virtual int64_t inserted_id() const = 0;
  // Forgets bindings and results, ready for the next execution.
  virtual void reset() = 0;
};

// One execution of a cached Statement; resets it when destroyed. Never keep
// two Queries of the same SQL text alive at once on one connection.
class Query {
 public:
  explicit Query(Statement* statement) : s_(statement) {}
  Query(Query&& other) noexcept : s_(other.s_) { other.s_ = nullptr; }
  Query(const Query&) = delete;
  Query& operator=(const Query&) = delete;
  Query& operator=(Query&&) = delete;
  ~Query() {
    if (s_ != nullptr) s_->reset();
  }

  Query& bind(int index, int64_t value) { s_->bind_int(index, value); return *this; }
  Query& bind(int index, int value) { return bind(index, static_cast<int64_t>(value)); }
  Query& bind(int index, bool value) { s_->bind_bool(index, value); return *this; }
  Query& bind(int index, double value) { s_->bind_double(index, value); return *this; }
  Query& bind(int index, std::string_view value) { s_->bind_text(index, value); return *this; }
  Query& bind(int index, const std::string& value) { return bind(index, std::string_view(value)); }
  Query& bind(int index, const char* value) { return bind(index, std::string_view(value)); }

  // Binds ?1, ?2, … in order.
  template <typename... Args>
  Query& bind_all(const Args&... args) {
    int index = 0;
    (bind(++index, args), ...);
    return *this;
  }

  Result<bool> step() { return s_->step(); }
  // Runs to completion; for statements without rows.
  Status run() {
    for (;;) {
      Result<bool> row = s_->step();
      if (!row.ok()) return row.status();
      if (!row.value()) return Status::Ok();
    }
  }
  int64_t int_at(int column) const { return s_->int_at(column); }
  double double_at(int column) const { return s_->double_at(column); }
  std::string text_at(int column) const { return s_->text_at(column); }
  int64_t affected() const { return s_->affected(); }
  int64_t inserted_id() const { return s_->inserted_id(); }

 private:
  Statement* s_;
};

class Connection {
 public:
  virtual ~Connection() = default;
  // A cached prepared statement for this SQL text (prepared on first use).
  virtual Result<Query> prepare(const std::string& sql) = 0;
  // SQL text without parameters (DDL, locks); not cached.
  virtual Status exec(const std::string& sql) = 0;
};

// Errors of every backend map to the Store's codes: a foreign-key violation
// is kNotFound, another constraint or bad data kInvalidArgument, anything
// else kInternal.
class Database {
 public:
  using Work = std::function<Status(Connection&)>;
  virtual ~Database() = default;
  virtual const Dialect& dialect() const = 0;
  // Runs `work` in one transaction: committed when it returns ok (and the
  // commit succeeded, durably as the backend promises), rolled back with
  // its error otherwise. Rows locked by work stay locked until the end.
  virtual Status write(const Work& work) = 0;
  // Runs `work` outside a write transaction (each statement sees committed
  // data as of its start). Work must not write.
  virtual Status read(const Work& work) = 0;
  // Notices sent by dialect().notify_message (in any process) and committed:
  // waits up to timeout_ms for the first, returns every one pending (the
  // payloads), empty on timeout. The first call starts listening; notices
  // committed before it are not seen. A backend without notices returns
  // kFailedPrecondition at once. Called by one thread at a time.
  virtual Result<std::vector<std::string>> wait_notices(int timeout_ms) {
    (void)timeout_ms;
    return Status(StatusCode::kFailedPrecondition, "this database has no notices");
  }
};

}  // namespace faqbot::store::sql
