#include "bot/followup_charge.h"

#include <iterator>

namespace faqbot::bot {

namespace {
// Longest first: the first form found is the one reported.
constexpr std::string_view kCharge[] = {"扣不扣钱", "扣不扣费", "要扣钱不", "会扣钱不", "多扣钱",
                                        "额外扣", "另外扣", "扣钱不", "扣钱吗", "扣钱么", "扣钱嘛",
                                        "多扣"};
constexpr std::string_view kStandingOrder = "自动";
}  // namespace

std::string asked_charge(std::string_view normalized) {
  for (std::string_view form : kCharge) {
    const size_t at = normalized.find(form);
    if (at == std::string_view::npos) continue;
    const std::string_view before = normalized.substr(0, at);
    if (before.size() >= kStandingOrder.size() &&
        before.substr(before.size() - kStandingOrder.size()) == kStandingOrder) {
      return {};
    }
    return std::string(form);
  }
  return {};
}

}  // namespace faqbot::bot
