#include "bot/service/numbered_choices.h"

#include <nlohmann/json.hpp>

namespace faqbot::service {

const std::vector<bot::Suggestion>& offered_suggestions(const bot::Reply& reply) {
  switch (reply.action) {
    case bot::Action::kAnswer:
      return reply.related;
    case bot::Action::kFallback:
      return reply.fallback_offers;
    default:
      return reply.candidates;
  }
}

std::vector<ChatChoice> choices_of(const bot::Reply& reply) {
  std::vector<ChatChoice> out;
  for (const bot::Suggestion& s : offered_suggestions(reply)) {
    out.push_back({s.question, kEntryPayloadPrefix + s.faq_id});
  }
  if (reply.offer_human && reply.action != bot::Action::kHandoff) {
    out.push_back({kHumanChoice, kHumanChoice});
  }
  return out;
}

std::string choices_to_store(const std::vector<ChatChoice>& choices) {
  if (choices.empty()) return "";
  nlohmann::json payloads = nlohmann::json::array();
  for (const ChatChoice& c : choices) payloads.push_back(c.payload);
  return payloads.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string chosen_payload(const std::string& stored_choices, const std::string& text) {
  if (stored_choices.empty() || text.empty() || text.size() > 2) return text;
  if (text.find_first_not_of("0123456789") != std::string::npos) return text;
  const nlohmann::json payloads = nlohmann::json::parse(stored_choices, nullptr, false);
  const size_t n = static_cast<size_t>(std::stoi(text));
  if (!payloads.is_array() || n < 1 || n > payloads.size() || !payloads[n - 1].is_string()) {
    return text;
  }
  return payloads[n - 1].get<std::string>();
}

std::string entry_of_payload(const std::string& payload) {
  const std::string prefix = kEntryPayloadPrefix;
  if (payload.size() <= prefix.size() || payload.compare(0, prefix.size(), prefix) != 0) return "";
  return payload.substr(prefix.size());
}

}  // namespace faqbot::service
