#pragma once
// Agents' search of past conversations, by what was said and/or by customer
// (user id, name, or session id). Results are as stored: personal numbers
// masked (a number typed in full finds its masked form: masking_store.h).
#include <string>
#include <vector>

#include "bot/store/store.h"

namespace faqbot::service {

struct ConversationSearchLimits {
  static constexpr size_t kMaxTermChars = 100;
  static constexpr int kMaxResults = 100;
};

// Trims both terms; kInvalidArgument when both are empty or one is longer
// than kMaxTermChars characters. `limit` is clamped to 1..kMaxResults.
Result<std::vector<store::ConversationHit>> search_conversations(store::Store& store,
                                                                 const std::string& text,
                                                                 const std::string& customer,
                                                                 int limit);

}  // namespace faqbot::service
