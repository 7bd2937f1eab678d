#include "bot/followup_bank_transfer.h"

#include <algorithm>
#include <iterator>

namespace faqbot::bot {

namespace {
constexpr std::string_view kTransfer[] = {"转账", "汇款"};
constexpr std::string_view kBank = "银行";
}  // namespace

bool asks_of_a_bank_transfer(const MessageCues& named, std::string_view normalized) {
  if (!named.topics.empty() || named.reference || named.names_product ||
      normalized.find(kBank) == std::string_view::npos) {
    return false;
  }
  return std::any_of(std::begin(kTransfer), std::end(kTransfer), [&](std::string_view w) {
    return normalized.find(w) != std::string_view::npos &&
           std::none_of(named.types.begin(), named.types.end(),
                        [&](const NamedSlot& t) { return t.word.find(w) != std::string::npos; });
  });
}

}  // namespace faqbot::bot
