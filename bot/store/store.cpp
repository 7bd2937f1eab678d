#include "bot/store/store.h"

#include <chrono>
#include <cstdint>

#include "bot/store/masking_store.h"
#include "bot/store/postgres_store.h"
#include "bot/store/sqlite_store.h"
#include "bot/store/store_util.h"

#include <iterator>
#include "knowledge/utf8.h"

namespace faqbot::store {

const char* to_string(Role role) {
  switch (role) {
    case Role::kInvestor: return "investor";
    case Role::kBot: return "bot";
    case Role::kAgent: return "agent";
    case Role::kSystem: return "system";
  }
  return "system";
}

const char* to_string(TicketStatus status) {
  switch (status) {
    case TicketStatus::kWaiting: return "waiting";
    case TicketStatus::kActive: return "active";
    case TicketStatus::kClosed: return "closed";
  }
  return "closed";
}

const char* to_string(OutboxStatus status) {
  switch (status) {
    case OutboxStatus::kPending: return "pending";
    case OutboxStatus::kSent: return "sent";
    case OutboxStatus::kFailed: return "failed";
  }
  return "failed";
}

Result<Role> parse_role(std::string_view text) {
  if (text == "investor") return Role::kInvestor;
  if (text == "bot") return Role::kBot;
  if (text == "agent") return Role::kAgent;
  if (text == "system") return Role::kSystem;
  return Status(StatusCode::kInvalidArgument, "unknown role: " + std::string(text));
}

Result<TicketStatus> parse_ticket_status(std::string_view text) {
  if (text == "waiting") return TicketStatus::kWaiting;
  if (text == "active") return TicketStatus::kActive;
  if (text == "closed") return TicketStatus::kClosed;
  return Status(StatusCode::kInvalidArgument, "unknown ticket status: " + std::string(text));
}

Result<OutboxStatus> parse_outbox_status(std::string_view text) {
  if (text == "pending") return OutboxStatus::kPending;
  if (text == "sent") return OutboxStatus::kSent;
  if (text == "failed") return OutboxStatus::kFailed;
  return Status(StatusCode::kInvalidArgument, "unknown outbox status: " + std::string(text));
}

int64_t now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

Result<std::unique_ptr<Store>> open_store(const std::string& url_or_path,
                                          const StoreOptions& options) {
  const auto starts_with = [&](const char* prefix) {
    return url_or_path.rfind(prefix, 0) == 0;
  };
  if (starts_with("postgresql://") || starts_with("postgres://")) {
    auto store = PostgresStore::open(url_or_path, options);
    if (!store.ok()) return store.status();
    return make_masking_store(std::move(store).value());
  }
  auto store = SqliteStore::open(url_or_path, options);
  if (!store.ok()) return store.status();
  return make_masking_store(std::move(store).value());
}

namespace detail {

Status check_id(const std::string& id, const char* what) {
  if (id.empty()) return {StatusCode::kInvalidArgument, std::string(what) + " is empty"};
  if (id.size() > kMaxIdBytes) {
    return {StatusCode::kInvalidArgument,
            std::string(what) + " is longer than " + std::to_string(kMaxIdBytes) + " bytes"};
  }
  return Status::Ok();
}

Status feedback_refusal(bool already_given, int64_t message_id) {
  if (already_given) {
    return {StatusCode::kFailedPrecondition,
            "message " + std::to_string(message_id) + " already has feedback"};
  }
  return {StatusCode::kNotFound, "no bot message " + std::to_string(message_id) + " in this session"};
}

std::string ticket_update_sql(char mark) {
  static const char* set[] = {"status", "priority", "reason", "claimed_by", "claimed_at", "closed_at",
                              "resolution", "expected_reply_at", "callback_phone", "transferred_from"};
  static const char* where[] = {"id", "status", "claimed_by", "priority", "expected_reply_at",
                                "callback_phone"};
  auto ph = [mark](int n) { return std::string(1, mark) + std::to_string(n); };
  std::string sql = "UPDATE tickets SET ";
  int n = 0;
  for (const char* column : set) {
    if (n > 0) sql += ", ";
    ++n;
    sql += std::string(column) + " = " + ph(n);
  }
  sql += " WHERE ";
  for (size_t i = 0; i < std::size(where); ++i) {
    if (i > 0) sql += " AND ";
    ++n;
    sql += std::string(where[i]) + " = " + ph(n);
  }
  return sql + " RETURNING " + kTicketColumns;
}

Status check_limit(int limit) {
  if (limit < 1) return {StatusCode::kInvalidArgument, "limit must be >= 1"};
  return Status::Ok();
}

// Well-formed UTF-8 (no overlongs, surrogates or code points above U+10FFFF)
// without NUL bytes, which PostgreSQL text cannot hold.
Status check_utf8(const std::string& text, const char* what) {
  if (utf8::valid(text) && text.find('\0') == std::string::npos) return Status::Ok();
  return {StatusCode::kInvalidArgument, std::string(what) + " is not valid UTF-8 text"};
}

Result<std::vector<Migration>> all_migrations(const std::vector<Migration>& builtin,
                                              const std::vector<Migration>& extra) {
  std::vector<Migration> steps = builtin;
  steps.insert(steps.end(), extra.begin(), extra.end());
  for (size_t i = 0; i < steps.size(); ++i) {
    if (steps[i].version != static_cast<int>(i) + 1) {
      return Status(StatusCode::kInvalidArgument,
                    "migration '" + steps[i].name + "' has version " +
                        std::to_string(steps[i].version) + ", expected " +
                        std::to_string(i + 1));
    }
  }
  return steps;
}

}  // namespace detail
}  // namespace faqbot::store
