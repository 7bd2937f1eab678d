#include "bot/store/store.h"

#include <chrono>
#include <cstdint>

#include "bot/store/masking_store.h"
#include "bot/store/sql/postgres_database.h"
#include "bot/store/sql/sql_store.h"
#include "bot/store/sql/sqlite_database.h"

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
  std::unique_ptr<sql::Database> db;
  if (starts_with("postgresql://") || starts_with("postgres://")) {
    auto opened = sql::PostgresDatabase::open(url_or_path, options);
    if (!opened.ok()) return opened.status();
    db = std::move(opened).value();
  } else {
    auto opened = sql::SqliteDatabase::open(url_or_path, options);
    if (!opened.ok()) return opened.status();
    db = std::move(opened).value();
  }
  auto store = sql::open_sql_store(std::move(db), options);
  if (!store.ok()) return store.status();
  return make_masking_store(std::move(store).value());
}

}  // namespace faqbot::store
