#pragma once
// Token comparisons whose time does not depend on where two strings differ,
// so response times reveal nothing about a secret (agent and admin tokens).
#include <map>
#include <string>
#include <string_view>

namespace faqbot::http {

// Equal contents; the time depends only on the lengths.
bool constant_time_equals(std::string_view a, std::string_view b);

// The agent id whose token is `token`, "" when none. Compares `token` with
// every token in `tokens` (token -> agent id) in constant time, never
// stopping early.
std::string agent_for_token(const std::map<std::string, std::string>& tokens, std::string_view token);

}  // namespace faqbot::http
