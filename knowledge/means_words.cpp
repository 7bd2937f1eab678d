#include "knowledge/means_words.h"

namespace faqbot::knowledge {
namespace {

constexpr std::string_view kArrive = "到";
// Verbs 到 completes as a result ("看到", "收到"), not as a destination.
constexpr std::string_view kAttained[] = {"看", "收", "听", "想", "找", "遇", "碰", "得", "等",
                                          "直", "见", "查", "感", "受", "做", "说", "注意"};
constexpr std::string_view kNegations[] = {"没", "未"};
// Verbs of money put into something ("转到", "存入").
constexpr std::string_view kMovedIn[] = {"转到", "转入", "转进", "存到", "存入", "存进"};

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// Whether `before` ends with 到 right after a word of `words`.
template <size_t N>
bool arrives_after(std::string_view before, const std::string_view (&words)[N]) {
  if (!ends_with(before, kArrive)) return false;
  const std::string_view verb = before.substr(0, before.size() - kArrive.size());
  for (std::string_view w : words) {
    if (ends_with(verb, w)) return true;
  }
  return false;
}

}  // namespace

bool ends_with_means_word(std::string_view before, const std::vector<std::string>& as_means) {
  for (const std::string& w : as_means) {
    if (w.empty() || !ends_with(before, w)) continue;
    if (w == kArrive && arrives_after(before, kAttained)) continue;
    return true;
  }
  return false;
}

bool ends_with_failed_arrival(std::string_view before) { return arrives_after(before, kNegations); }

bool ends_with_money_moved_in(std::string_view before) {
  for (std::string_view verb : kMovedIn) {
    if (ends_with(before, verb)) return true;
  }
  return false;
}

}  // namespace faqbot::knowledge
