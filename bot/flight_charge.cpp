#include "bot/flight_charge.h"

#include <string>

#include "bot/word_lists.h"

namespace faqbot::bot {
namespace {

// Us, addressed.
constexpr std::string_view kYou[] = {"你们", "你哋", "贵平台", "贵公司"};
// Intent or imminence told of us, directly before the flight.
constexpr std::string_view kIntent[] = {"想", "要", "打算", "准备", "是想", "是要"};
// Making off with the money.
constexpr std::string_view kFlight[] = {"卷款", "卷钱", "跑路", "携款", "捲款"};
// The investor's own money.
constexpr std::string_view kOwnMoney[] = {"我的钱", "我的本金", "我的资金", "我的投资", "我嘅钱", "我钱", "把钱"};
// Asked back.
constexpr std::string_view kBack[] = {"拿回", "要回", "取回", "追回", "退给我", "还给我", "退还", "还我", "拿得回",
                                      "攞返", "退回"};

bool ends_with(std::string_view s, std::string_view tail) {
  return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

bool intent_before_flight(std::string_view text) {
  for (std::string_view f : kFlight) {
    for (size_t pos = text.find(f); pos != std::string_view::npos; pos = text.find(f, pos + 1)) {
      const std::string_view before = text.substr(0, pos);
      for (std::string_view i : kIntent) {
        if (!ends_with(before, i)) continue;
        // 不要/别想卷款 pleads, it does not charge.
        const std::string_view lead = before.substr(0, before.size() - i.size());
        if (ends_with(lead, "不") || ends_with(lead, "别")) continue;
        return true;
      }
    }
  }
  return false;
}

}  // namespace

bool charges_flight_and_demands_money(std::string_view text) {
  return holds_any(text, kYou) && intent_before_flight(text) && holds_any(text, kOwnMoney) && holds_any(text, kBack);
}

}  // namespace faqbot::bot
