#include "bot/service/conversation_state.h"

#include <nlohmann/json.hpp>

namespace faqbot::service {

std::string conversation_to_json(const bot::Conversation& c) {
  nlohmann::json j = {
      {"last_question", c.last_question},
      {"last_faq_id", c.last_faq_id},
      {"topic", c.topic},
      {"type", c.type},
      {"consecutive_fallbacks", c.consecutive_fallbacks},
      {"asks_per_entry", c.asks_per_entry},
      {"customer_name", c.customer_name},
      {"closed_ticket_id", c.closed_ticket_id},
      {"greeted", c.greeted},
  };
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

bot::Conversation conversation_from_json(const std::string& json_text) {
  bot::Conversation c;
  if (json_text.empty()) return c;
  nlohmann::json j = nlohmann::json::parse(json_text, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) return c;
  try {
    c.last_question = j.value("last_question", std::string());
    c.last_faq_id = j.value("last_faq_id", std::string());
    c.topic = j.value("topic", std::string());
    c.type = j.value("type", std::string());
    c.consecutive_fallbacks = j.value("consecutive_fallbacks", 0);
    if (auto it = j.find("asks_per_entry"); it != j.end() && it->is_object()) {
      for (auto& [k, v] : it->items()) {
        if (v.is_number_integer()) c.asks_per_entry[k] = v.get<int>();
      }
    }
    c.customer_name = j.value("customer_name", std::string());
    c.closed_ticket_id = j.value("closed_ticket_id", int64_t{0});
    // A state written before the flag existed was written by a reply.
    c.greeted = j.value("greeted", true);
  } catch (const nlohmann::json::exception&) {
    return bot::Conversation{};
  }
  return c;
}

}  // namespace faqbot::service
