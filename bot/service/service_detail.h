#pragma once
// Helpers shared by the service's files: checks of what callers hand the
// service (texts typed by people, session ids), the failures it answers
// with, and the stored form of a message. Pure functions; thread-safe.
#include <cstddef>
#include <string>

#include "bot/store/store.h"
#include "knowledge/status.h"

namespace faqbot::service::detail {

Status invalid(const std::string& message);  // kInvalidArgument
// The one answer to every failed credential check, whatever the reason.
Status denied();

bool is_web(const std::string& channel);  // "" or "web"
// 1..max_bytes of [A-Za-z0-9_.:-].
bool valid_session_id(const std::string& id, size_t max_bytes);

// Validates a text typed by a person (UTF-8, not blank after dropping
// invisible characters, at most max_chars characters; `what` names it in the
// error). Returns the cleaned text, NOT yet masked.
Result<std::string> clean_text(const std::string& raw, size_t max_chars, const char* what);

// `clean` with personal data masked (bot::mask_pii).
std::string mask(const std::string& clean);

// `m` as the store returns it once committed with id `id` in `session_id`
// (created_at 0 becomes `now_ms`).
store::Message as_stored(const std::string& session_id, int64_t id, const store::NewMessage& m,
                         int64_t now_ms);

}  // namespace faqbot::service::detail
