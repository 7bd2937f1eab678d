#include "bot/takeover_story.h"

#include <string>

#include "bot/word_lists.h"

namespace faqbot::bot {
namespace {

// The account, or what it holds or guards, with us.
constexpr std::string_view kOurs[] = {"账户", "帐户", "账号", "帐号", "户口", "余额", "钱", "银行卡", "提现卡",
                                      "绑定的卡", "绑的卡", "密码", "手机号"};
// The account said stolen or taken (Mandarin, Cantonese, English joined).
constexpr std::string_view kTaken[] = {"被盗", "盗号", "被人盗", "被别人盗", "俾人盗", "盗咗", "被黑", "被人黑",
                                       "被人控制", "被别人控制", "被他人控制", "hacked", "hijacked", "takenover",
                                       "compromised"};
// Someone else, as the doer ("有人…换成", "被陌生人换掉").
constexpr std::string_view kSomeoneElse[] = {"有人", "别人", "陌生人", "他人", "对方", "被人", "俾人", "someone",
                                             "somebody"};
// Changes to what guards the account.
constexpr std::string_view kChanged[] = {"换绑", "换成", "换掉", "改了", "改成", "修改了", "被改", "解绑了", "changed",
                                         "switched"};
// What guards the account, the object of such a change.
constexpr std::string_view kGuards[] = {"卡", "密码", "手机号", "绑定", "登录"};
// A how-to, a can-I question, a possibility or a worry.
constexpr std::string_view kNotTold[] = {"怎么", "如何", "怎样", "咋", "能不能", "能否", "可以吗", "可不可以",
                                         "会不会", "万一", "如果", "假如", "要是", "担心", "防止", "防范", "避免",
                                         "点样", "whatif", "howdo", "howto", "howcan", "prevent", "avoid"};
// Someone else's products.
constexpr std::string_view kOtherProduct[] = {"微信", "支付宝", "信用卡", "qq", "游戏", "淘宝"};

// Whether some word of `later` occurs after the first word of `first`.
template <size_t N, size_t M>
bool in_order(std::string_view text, const std::string_view (&first)[N], const std::string_view (&later)[M]) {
  size_t at = std::string_view::npos;
  for (std::string_view w : first) {
    const size_t found = text.find(w);
    if (found != std::string_view::npos && (at == std::string_view::npos || found < at)) at = found;
  }
  return at != std::string_view::npos && holds_any(text.substr(at), later);
}

std::string without_spaces(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c != ' ') out += c;
  }
  return out;
}

}  // namespace

bool tells_account_taken(std::string_view normalized) {
  const std::string text = without_spaces(normalized);
  if (!holds_any(text, kOurs) || holds_any(text, kNotTold) || holds_any(text, kOtherProduct)) return false;
  return holds_any(text, kTaken) || (in_order(text, kSomeoneElse, kChanged) && holds_any(text, kGuards));
}

}  // namespace faqbot::bot
