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
  for (const std::string& u : about_us_) {
    std::vector<std::string> held;
    for (const std::string& a : our_actions_) {
      if (u.find(a) != std::string::npos) held.push_back(a);
    }
    about_us_actions_.push_back(std::move(held));
  }
  std::vector<std::string> words = about_us_;
  words.insert(words.end(), our_actions_.begin(), our_actions_.end());
  auto ids_of = [&](const std::vector<std::string>& list) {
    std::vector<uint32_t> ids;
    for (const std::string& w : list) {
      ids.push_back(static_cast<uint32_t>(words.size()));
      words.push_back(w);
    }
    return ids;
  };
  for (const Service& s : services_) {
    ServiceWords ids;
    ids.holders = ids_of(s.holders);
    ids.words = ids_of(s.words);
    service_words_.push_back(std::move(ids));
  }
  words_ = knowledge::PhraseMatcher(words);
}

int ServiceMentions::asked_about(const std::string& normalized) const {
  if (services_.empty()) return -1;
  const knowledge::PhraseMatcher::Present present = words_.present(normalized);
  const uint32_t about_us = static_cast<uint32_t>(about_us_.size());
  for (size_t i = 0; i < services_.size(); ++i) {
    const Service& s = services_[i];
    const ServiceWords& ids = service_words_[i];
    if (speaks_to_us(s, present)) continue;
    bool ours = false;
    for (size_t a = 0; a < our_actions_.size() && !ours; ++a) {
      const std::string& w = our_actions_[a];
      ours = present.has(about_us + static_cast<uint32_t>(a)) &&
             std::find(s.own_actions.begin(), s.own_actions.end(), w) == s.own_actions.end();
    }
    if (ours) continue;
    if (!ids.words.empty() &&
        std::none_of(ids.words.begin(), ids.words.end(), [&](uint32_t id) { return present.has(id); })) {
      continue;
    }
    if (names_holder(normalized, s, ids, present)) return static_cast<int>(i);
  }
  return -1;
}

bool ServiceMentions::speaks_to_us(const Service& s, const knowledge::PhraseMatcher::Present& present) const {
  for (uint32_t id = 0; id < about_us_.size(); ++id) {
    if (!present.has(id)) continue;
    const std::vector<std::string>& held = about_us_actions_[id];
    const bool own_sense = std::any_of(held.begin(), held.end(), [&](const std::string& a) {
      return std::find(s.own_actions.begin(), s.own_actions.end(), a) != s.own_actions.end();
    });
    if (!own_sense) return true;
  }
  return false;
}

// Whether a holder of `s` is named other than as a means of ours or beside
// the subject. A holder after a negated 到 (没到商户) is where their payment
// did not arrive: the question names none of our actions (asked_about), so
// that is no destination of our money.
bool ServiceMentions::names_holder(const std::string& normalized, const Service& s, const ServiceWords& ids,
                                   const knowledge::PhraseMatcher::Present& present) const {
  const std::string_view text(normalized);
  for (size_t h = 0; h < s.holders.size(); ++h) {
    if (!present.has(ids.holders[h])) continue;  // no occurrence to read
    const std::string& holder = s.holders[h];
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
