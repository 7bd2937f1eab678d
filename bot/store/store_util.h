#pragma once
// Helpers shared by the Store implementations (not part of the public API).
#include <cstdint>
#include <string>
#include <vector>

#include "bot/store/migration.h"
#include "bot/store/store.h"

namespace faqbot::store::detail {

constexpr size_t kMaxIdBytes = 256;

// 0 -> now_ms(), otherwise the value.
inline int64_t or_now(int64_t ms) { return ms != 0 ? ms : now_ms(); }

// kInvalidArgument unless 1 <= size <= kMaxIdBytes.
Status check_id(const std::string& id, const char* what);
Status check_limit(int limit);
// kInvalidArgument unless `text` is well-formed UTF-8 (PostgreSQL would refuse
// it; SQLite would store it: both backends refuse it the same way).
Status check_utf8(const std::string& text, const char* what);

// Why add_feedback inserted nothing: the message already has its feedback
// (kFailedPrecondition), or it is not a bot message of the session (kNotFound).
Status feedback_refusal(bool already_given, int64_t message_id);

// Built-in steps followed by the extra ones; kInvalidArgument unless the
// versions are 1, 2, 3, … in order.
Result<std::vector<Migration>> all_migrations(const std::vector<Migration>& builtin,
                                              const std::vector<Migration>& extra);

// Column order used by both backends when reading a ticket / outbox row.
constexpr const char* kTicketColumns =
    "id, session_id, status, priority, reason, created_at, claimed_by, claimed_at, "
    "closed_at, resolution, expected_reply_at, callback_phone, transferred_from";
// The UPDATE of a TicketUpdate, with the dialect's placeholders: sets
// status, priority, reason, claimed_by, claimed_at, closed_at, resolution,
// expected_reply_at, callback_phone, transferred_from (placeholders 1-10)
// where id, status, claimed_by, priority, expected_reply_at, callback_phone
// match (11-16), RETURNING the ticket columns. `mark` is the dialect's
// placeholder character: '?' (SQLite ?n) or '$' (PostgreSQL $n).
std::string ticket_update_sql(char mark);
constexpr const char* kMessageColumns =
    "id, session_id, role, text, action, faq_id, confidence, agent_id, created_at";
constexpr const char* kOutboxColumns =
    "id, channel, target, payload, attempts, status, next_attempt_at, last_error, created_at";

}  // namespace faqbot::store::detail
