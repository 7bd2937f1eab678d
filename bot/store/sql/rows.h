#pragma once
// Reading rows into the Store's structs, written once for every backend:
// the column list of each table next to its decoder, and the few query
// shapes the store uses (one row, maybe a row, every row, a change count).
#include <optional>
#include <string>
#include <vector>

#include "bot/store/sql/database.h"
#include "bot/store/store.h"

namespace faqbot::store::sql {

// SELECT lists; each decoder reads the columns in this order. A stored enum
// text the build does not know decodes to kDataLoss.
extern const std::string kSessionColumns;
extern const std::string kTicketColumns;
extern const std::string kMessageColumns;
extern const int kMessageColumnCount;  // columns in kMessageColumns
extern const std::string kOutboxColumns;
Result<Session> session_from(const Query& q);
Result<Ticket> ticket_from(const Query& q);
Result<Message> message_from(const Query& q);
Result<Outbound> outbound_from(const Query& q);
// "id, session_id, text, created_at" of unanswered.
Result<Unanswered> unanswered_from(const Query& q);
// Column 0.
Result<int64_t> int_from(const Query& q);
Result<std::string> text_from(const Query& q);

// Reads every row of q with `decode`, appending to out.
template <typename T, typename Decode>
Status collect(Query& q, Decode decode, std::vector<T>* out) {
  for (;;) {
    Result<bool> row = q.step();
    if (!row.ok()) return row.status();
    if (!row.value()) return Status::Ok();
    Result<T> item = decode(q);
    if (!item.ok()) return item.status();
    out->push_back(std::move(item).value());
  }
}

// The first row decoded, nullopt when there is none.
template <typename T, typename Decode>
Result<std::optional<T>> maybe_one(Query& q, Decode decode) {
  Result<bool> row = q.step();
  if (!row.ok()) return row.status();
  if (!row.value()) return std::optional<T>();
  Result<T> item = decode(q);
  if (!item.ok()) return item.status();
  return std::optional<T>(std::move(item).value());
}

// Prepares `sql`, binds `args` and returns the first row decoded (nullopt
// when none).
template <typename T, typename Decode, typename... Args>
Result<std::optional<T>> query_maybe(Connection& c, const std::string& sql, Decode decode,
                                     const Args&... args) {
  auto q = c.prepare(sql);
  if (!q.ok()) return q.status();
  q->bind_all(args...);
  return maybe_one<T>(q.value(), decode);
}

// As query_maybe; kNotFound with `missing` when there is no row.
template <typename T, typename Decode, typename... Args>
Result<T> query_one(Connection& c, const std::string& sql, Decode decode,
                    const std::string& missing, const Args&... args) {
  auto item = query_maybe<T>(c, sql, decode, args...);
  if (!item.ok()) return item.status();
  if (!item->has_value()) return Status(StatusCode::kNotFound, missing);
  return std::move(*item.value());
}

// Prepares `sql`, binds `args` and returns every row decoded.
template <typename T, typename Decode, typename... Args>
Result<std::vector<T>> query_all(Connection& c, const std::string& sql, Decode decode,
                                 const Args&... args) {
  auto q = c.prepare(sql);
  if (!q.ok()) return q.status();
  q->bind_all(args...);
  std::vector<T> out;
  if (Status st = collect<T>(q.value(), decode, &out); !st.ok()) return st;
  return out;
}

// Prepares `sql`, binds `args` and runs it; the number of rows it changed.
template <typename... Args>
Result<int64_t> execute(Connection& c, const std::string& sql, const Args&... args) {
  auto q = c.prepare(sql);
  if (!q.ok()) return q.status();
  q->bind_all(args...);
  if (Status st = q->run(); !st.ok()) return st;
  return q->affected();
}

// 0 -> now_ms(), otherwise the value.
inline int64_t or_now(int64_t ms) { return ms != 0 ? ms : now_ms(); }

// Text both backends can store (PostgreSQL refuses NUL and malformed UTF-8).
bool storable(const std::string& text);

// The result `work` (Connection& -> Result<T>) returns, run in a write
// transaction of `db` (writes) or a read.
template <typename T, typename Work>
Result<T> produce(Database& db, bool writes, Work work) {
  T out{};
  auto run = [&](Connection& c) -> Status {
    Result<T> r = work(c);
    if (!r.ok()) return r.status();
    out = std::move(r).value();
    return Status::Ok();
  };
  Status st = writes ? db.write(run) : db.read(run);
  if (!st.ok()) return st;
  return out;
}

}  // namespace faqbot::store::sql
