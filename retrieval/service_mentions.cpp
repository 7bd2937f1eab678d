#include "retrieval/service_mentions.h"

#include <algorithm>
#include <string_view>

#include "knowledge/means_words.h"
#include "retrieval/product_mentions.h"

namespace faqbot::retrieval {
namespace {

void drop_empty(std::vector<std::string>& words) {
  words.erase(std::remove(words.begin(), words.end(), std::string()), words.end());
}

bool contains_any(const std::string& text, const std::vector<std::string>& words) {
  return std::any_of(words.begin(), words.end(),
                     [&](const std::string& w) { return text.find(w) != std::string::npos; });
}

}  // namespace

ServiceMentions::ServiceMentions(std::vector<Service> services, std::vector<std::string> our_actions,
                                 std::vector<std::string> about_us, std::vector<std::string> as_means)
    : our_actions_(std::move(our_actions)), about_us_(std::move(about_us)), as_means_(std::move(as_means)) {
  drop_empty(our_actions_);
  drop_empty(about_us_);
  drop_empty(as_means_);
  for (Service& s : services) {
    drop_empty(s.holders);
    drop_empty(s.words);
    drop_empty(s.own_actions);
    if (!s.holders.empty()) services_.push_back(std::move(s));
  }
}

int ServiceMentions::asked_about(const std::string& normalized) const {
  if (services_.empty() || contains_any(normalized, about_us_)) return -1;
  for (size_t i = 0; i < services_.size(); ++i) {
    const Service& s = services_[i];
    const bool ours = std::any_of(our_actions_.begin(), our_actions_.end(), [&](const std::string& w) {
      return normalized.find(w) != std::string::npos &&
             std::find(s.own_actions.begin(), s.own_actions.end(), w) == s.own_actions.end();
    });
    if (ours) continue;
    if (!s.words.empty() && !contains_any(normalized, s.words)) continue;
    if (names_holder(normalized, s)) return static_cast<int>(i);
  }
  return -1;
}

// Whether a holder of `s` is named other than as a means of ours or beside
// the subject. A holder after a negated 到 (没到商户) is where their payment
// did not arrive: the question names none of our actions (asked_about), so
// that is no destination of our money.
bool ServiceMentions::names_holder(const std::string& normalized, const Service& s) const {
  const std::string_view text(normalized);
  for (const std::string& holder : s.holders) {
    for (size_t at = normalized.find(holder); at != std::string::npos; at = normalized.find(holder, at + 1)) {
      const std::string_view before = text.substr(0, at);
      const bool means =
          knowledge::ends_with_means_word(before, as_means_) && !knowledge::ends_with_failed_arrival(before);
      const std::string_view after = text.substr(at + holder.size());
      // A service's bad record told as the investor's condition for our
      // loan ("信用卡逾期可以办理吗") is no question about the service.
      if (!means && !ProductMentions::named_beside_subject(before, after) && !ProductMentions::named_as_record(after)) {
        return true;
      }
    }
  }
  return false;
}

}  // namespace faqbot::retrieval
