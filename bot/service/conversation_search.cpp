#include "bot/service/conversation_search.h"

#include <algorithm>

#include "knowledge/utf8.h"

namespace faqbot::service {

Result<std::vector<store::ConversationHit>> search_conversations(store::Store& store,
                                                                 const std::string& text,
                                                                 const std::string& customer,
                                                                 int limit) {
  store::ConversationQuery q;
  for (auto [raw, out, what] : {std::make_tuple(&text, &q.text, "text"),
                                std::make_tuple(&customer, &q.customer, "customer")}) {
    if (!utf8::valid(*raw)) {
      return Status(StatusCode::kInvalidArgument, std::string(what) + " is not valid UTF-8");
    }
    *out = utf8::trim(utf8::sanitize(*raw));
    if (utf8::length(*out) > ConversationSearchLimits::kMaxTermChars) {
      return Status(StatusCode::kInvalidArgument,
                    std::string(what) + " is too long: at most " +
                        std::to_string(ConversationSearchLimits::kMaxTermChars) + " characters");
    }
  }
  if (q.text.empty() && q.customer.empty()) {
    return Status(StatusCode::kInvalidArgument, "search needs a text or a customer");
  }
  q.limit = std::clamp(limit, 1, ConversationSearchLimits::kMaxResults);
  return store.search_conversations(q);
}

}  // namespace faqbot::service
