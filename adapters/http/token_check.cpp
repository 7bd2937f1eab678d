#include "adapters/http/token_check.h"

namespace faqbot::http {

bool constant_time_equals(std::string_view a, std::string_view b) {
  // Walks the whole of `a` whatever `b` is; volatile keeps the compiler from
  // turning the accumulation into an early exit.
  volatile unsigned char diff = static_cast<unsigned char>(a.size() != b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    const unsigned char other = b.empty() ? 0 : static_cast<unsigned char>(b[i % b.size()]);
    diff = static_cast<unsigned char>(diff | (static_cast<unsigned char>(a[i]) ^ other));
  }
  return diff == 0;
}

std::string agent_for_token(const std::map<std::string, std::string>& tokens, std::string_view token) {
  std::string agent;
  for (const auto& [known, id] : tokens) {
    if (constant_time_equals(known, token)) agent = id;
  }
  return agent;
}

}  // namespace faqbot::http
