#include "bot/service/typed_text.h"

#include "knowledge/utf8.h"

namespace faqbot::service {

Result<std::string> clean_typed_text(const std::string& raw, size_t max_chars, const char* what) {
  auto invalid = [&](const std::string& why) {
    return Status(StatusCode::kInvalidArgument, std::string(what) + " " + why);
  };
  if (!utf8::valid(raw)) return invalid("is not valid UTF-8");
  std::string text = utf8::trim(utf8::sanitize(raw));
  if (text.empty()) return invalid("is empty");
  const size_t chars = utf8::length(text);
  if (chars > max_chars) {
    return invalid("is too long: " + std::to_string(chars) + " characters, at most " +
                   std::to_string(max_chars));
  }
  return text;
}

}  // namespace faqbot::service
