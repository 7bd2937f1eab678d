#include "bot/wait_story.h"

#include <algorithm>
#include <iterator>
#include <string>

#include "knowledge/utf8.h"
#include "retrieval/spoken_numbers.h"

namespace faqbot::bot {
namespace {

struct Span {
  std::string_view word;
  int days;
};
// Spans of time named whole.
constexpr Span kSpans[] = {{"大前天", 3},   {"前天", 2},       {"上周", 7},     {"上个星期", 7}, {"上星期", 7},
                           {"上个礼拜", 7}, {"上礼拜", 7},     {"一周", 7},     {"一星期", 7},   {"一个星期", 7},
                           {"一个礼拜", 7}, {"半个月", 15},    {"一个月", 30},  {"好几天", 3},   {"好些天", 3},
                           {"几个工作日", 3}, {"几天", 3}};
// Units after a count: N天, N个工作日, N日.
constexpr std::string_view kUnits[] = {"个工作日", "工作日", "天", "日"};
constexpr std::string_view kMoneyOut[] = {"提现", "取现", "提款", "提的", "取的", "提出", "转出", "提了", "取了"};
constexpr std::string_view kNotArrived[] = {"没到", "没收到", "没进", "没有到", "不到账", "未到", "没见",
                                            "没影", "还在处理", "一直处理", "一直在处理", "卡在处理", "一直显示处理"};

template <size_t N>
bool holds_any(std::string_view text, const std::string_view (&words)[N]) {
  return std::any_of(std::begin(words), std::end(words),
                     [&](std::string_view w) { return text.find(w) != std::string_view::npos; });
}

// The count written right before position `end` of `cps` (up to 3 digits,
// or Chinese numerals; of a run that is no well-formed number, such as 四五,
// its last digit), or -1.
int count_before(const std::u32string& cps, size_t end) {
  size_t from = end;
  while (from > 0 && cps[from - 1] >= U'0' && cps[from - 1] <= U'9') --from;
  if (from < end && end - from <= 3) return std::stoi(utf8::encode(cps.substr(from, end - from)));
  from = end;
  while (from > 0 && retrieval::is_chinese_numeral(cps[from - 1])) --from;
  if (from == end) return -1;
  const std::u32string_view run(cps.data() + from, end - from);
  if (const auto value = retrieval::chinese_number_value(run)) return static_cast<int>(std::min<int64_t>(*value, 1000));
  const auto last = retrieval::chinese_number_value(run.substr(run.size() - 1));
  return last ? static_cast<int>(*last) : -1;
}

}  // namespace

int days_waited(std::string_view normalized) {
  int days = -1;
  for (const Span& s : kSpans) {
    if (normalized.find(s.word) != std::string_view::npos) days = std::max(days, s.days);
  }
  const std::u32string cps = utf8::decode(normalized);
  for (std::string_view unit : kUnits) {
    const std::u32string u = utf8::decode(unit);
    for (size_t at = cps.find(u); at != std::u32string::npos; at = cps.find(u, at + 1)) {
      const int n = count_before(cps, at);
      if (n > 0 && n < 400) days = std::max(days, n);
    }
  }
  return days;
}

bool tells_overdue_withdrawal(std::string_view normalized, int min_days) {
  return holds_any(normalized, kMoneyOut) && holds_any(normalized, kNotArrived) &&
         days_waited(normalized) >= min_days;
}

}  // namespace faqbot::bot
