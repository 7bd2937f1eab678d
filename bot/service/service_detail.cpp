#include "bot/service/service_detail.h"

#include <cctype>

#include "bot/pii.h"
#include "knowledge/utf8.h"

namespace faqbot::service::detail {

Status invalid(const std::string& message) { return Status(StatusCode::kInvalidArgument, message); }

// The one answer to every failed credential check, whatever the reason.
Status denied() {
  return Status(StatusCode::kUnauthenticated,
                "this session needs its session token (Authorization: Bearer <session_token>)");
}

bool is_web(const std::string& channel) { return channel.empty() || channel == "web"; }

bool valid_session_id(const std::string& id, size_t max_bytes) {
  if (id.empty() || id.size() > max_bytes) return false;
  for (unsigned char c : id) {
    if (!(std::isalnum(c) || c == '_' || c == '-' || c == '.' || c == ':')) return false;
  }
  return true;
}

Result<std::string> clean_text(const std::string& raw, size_t max_chars, const char* what) {
  if (!utf8::valid(raw)) return invalid(std::string(what) + " is not valid UTF-8");
  std::string text = utf8::trim(utf8::sanitize(raw));
  if (text.empty()) return invalid(std::string(what) + " is empty");
  const size_t chars = utf8::length(text);
  if (chars > max_chars) {
    return invalid(std::string(what) + " is too long: " + std::to_string(chars) +
                   " characters, at most " + std::to_string(max_chars));
  }
  return text;
}

std::string mask(const std::string& clean) { return bot::mask_pii(clean).masked; }

store::Message as_stored(const std::string& session_id, int64_t id, const store::NewMessage& m,
                         int64_t now_ms) {
  store::Message out;
  out.id = id;
  out.session_id = session_id;
  out.role = m.role;
  out.text = m.text;
  out.action = m.action;
  out.faq_id = m.faq_id;
  out.confidence = m.confidence;
  out.agent_id = m.agent_id;
  out.kb_version = m.kb_version;
  out.created_at_ms = m.created_at_ms ? m.created_at_ms : now_ms;
  return out;
}

}  // namespace faqbot::service::detail
