#include "bot/limit_direction.h"

#include "bot/word_lists.h"

namespace faqbot::bot {
namespace {

// A limit asked (an amount at most / at least, per transaction or day).
constexpr std::string_view kLimit[] = {"限额", "上限", "下限", "最多", "最少", "最高", "最低", "封顶",
                                       "这么多", "单笔", "单日", "一天能", "每天能", "一次能", "一回能"};
// Money put into the account. (Not a bare 存: 存管.)
constexpr std::string_view kIn[] = {"充", "存进", "存入", "存到", "存多少", "能存", "转入", "转进",
                                    "进去", "进来", "打进", "往里", "放进"};
// Money taken out of it. (Not a bare 提: 提示, 提高, 提前.)
constexpr std::string_view kOut[] = {"提现", "提出", "提款", "提多少", "能提", "提个", "提了", "提的",
                                     "取现", "取出", "取款", "取多少", "能取", "转出", "出来", "拿出",
                                     "往外", "转回", "转到卡", "转到银行卡"};
// Another entry's amount (a loan's, an investment's), both directions, or
// a direction set aside ("充值有没有上限 不是问提现的上限": retrieval reads the
// contrast).
constexpr std::string_view kElsewhere[] = {"借", "贷", "投", "分别", "不问", "并非"};
constexpr std::string_view kNotThis = "不是";  // not inside 是不是 (a yes-no question)

// The end of the last occurrence of some word of `words` in `text`, 0 when
// none occurs.
template <size_t N>
size_t last_end(std::string_view text, const std::string_view (&words)[N]) {
  size_t best = 0;
  for (std::string_view w : words) {
    const size_t at = text.rfind(w);
    if (at != std::string_view::npos && at + w.size() > best) best = at + w.size();
  }
  return best;
}

// Whether 不是 sets something aside: not the 不是 of 是不是.
bool sets_aside(std::string_view text) {
  constexpr std::string_view kIs = "是";
  for (size_t at = text.find(kNotThis); at != std::string_view::npos; at = text.find(kNotThis, at + 1)) {
    if (at < kIs.size() || text.substr(at - kIs.size(), kIs.size()) != kIs) return true;
  }
  return false;
}

}  // namespace

MoneyDirection limit_direction(std::string_view normalized) {
  if (!holds_any(normalized, kLimit) || holds_any(normalized, kElsewhere) || sets_aside(normalized)) {
    return MoneyDirection::kNone;
  }
  const size_t in = last_end(normalized, kIn);
  const size_t out = last_end(normalized, kOut);
  if (in == out) return MoneyDirection::kNone;  // neither named
  return in > out ? MoneyDirection::kIn : MoneyDirection::kOut;
}

}  // namespace faqbot::bot
