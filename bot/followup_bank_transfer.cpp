#include "bot/followup_bank_transfer.h"

#include <algorithm>
#include <iterator>

#include "bot/word_lists.h"

namespace faqbot::bot {

namespace {
constexpr std::string_view kTransfer[] = {"转账", "汇款"};
constexpr std::string_view kBank = "银行";
// Another person as the transfer's payee, and how long it takes.
constexpr std::string_view kOtherPerson[] = {"给别人", "给他人", "给朋友", "给家人", "给家里人", "给对方",
                                             "给亲戚", "给我妈", "给我爸", "给老婆", "给老公"};
constexpr std::string_view kHowLong[] = {"多久", "多长时间", "几天", "什么时候到", "啥时候到", "几个小时"};
}  // namespace

bool asks_of_a_bank_transfer(const MessageCues& named, std::string_view normalized) {
  const bool to_a_person = holds_any(normalized, kOtherPerson) && holds_any(normalized, kHowLong);
  if (!named.topics.empty() || named.reference || named.names_product ||
      (normalized.find(kBank) == std::string_view::npos && !to_a_person)) {
    return false;
  }
  return std::any_of(std::begin(kTransfer), std::end(kTransfer), [&](std::string_view w) {
    return normalized.find(w) != std::string_view::npos &&
           std::none_of(named.types.begin(), named.types.end(),
                        [&](const NamedSlot& t) { return t.word.find(w) != std::string::npos; });
  });
}

}  // namespace faqbot::bot
