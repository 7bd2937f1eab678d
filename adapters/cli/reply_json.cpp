#include "adapters/cli/reply_json.h"

namespace faqbot::cli {

nlohmann::json reply_to_json(const bot::Reply& reply) {
  nlohmann::json candidates = nlohmann::json::array();
  for (const bot::Suggestion& s : reply.candidates) {
    candidates.push_back({{"faq_id", s.faq_id}, {"score", s.score}});
  }
  return {
      {"action", bot::to_string(reply.action)},
      {"faq_id", reply.faq_id.empty() ? nlohmann::json(nullptr) : nlohmann::json(reply.faq_id)},
      {"confidence", reply.confidence},
      {"text", reply.text},
      {"candidates", std::move(candidates)},
  };
}

}  // namespace faqbot::cli
