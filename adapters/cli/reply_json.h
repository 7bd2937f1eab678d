#pragma once
// The JSON form of a bot reply used by `faqbot ask --json` (DESIGN.md contract):
// {"action", "faq_id": string|null, "confidence", "text",
//  "candidates": [{"faq_id", "score"}…]}
#include <nlohmann/json.hpp>

#include "bot/engine.h"

namespace faqbot::cli {

nlohmann::json reply_to_json(const bot::Reply& reply);

}  // namespace faqbot::cli
