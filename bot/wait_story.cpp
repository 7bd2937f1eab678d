#include "bot/wait_story.h"

#include <algorithm>
#include <iterator>
#include <set>
#include <string>
#include <vector>

#include "bot/word_lists.h"

#include "knowledge/utf8.h"
#include "retrieval/spoken_numbers.h"

namespace faqbot::bot {
namespace {

struct Span {
  std::string_view word;
  int days;
};
// Spans of time named whole (一周 and 一星期 are counts of a unit: not the
// 一周 of "周一周二").
constexpr Span kSpans[] = {{"大前天", 3},   {"前天", 2},       {"上周", 7},     {"上个星期", 7}, {"上星期", 7},
                           {"上个礼拜", 7}, {"上礼拜", 7},     {"一个星期", 7}, {"成个星期", 7}, {"成个礼拜", 7},
                           {"一个礼拜", 7}, {"一个多星期", 7}, {"一个多礼拜", 7}, {"半个月", 15}, {"半个多月", 15},
                           {"一个月", 30},  {"一个多月", 30},  {"好几天", 3},   {"好些天", 3},
                           {"几个工作日", 3}, {"几天", 3}};
// Units after a count: N天, N个工作日, N日, N来天, N周, N个星期, N小时 (in
// days: the count times `times` over `per`).
struct Unit {
  std::string_view word;
  int times;
  int per;
  bool after_day_name_is_weekday;  // 周一周二: 一 is a day of the week, no count
};
constexpr Unit kUnits[] = {{"个工作日", 1, 1, false}, {"工作日", 1, 1, false}, {"天", 1, 1, false},
                           {"日", 1, 1, false},       {"来天", 1, 1, false},   {"多天", 1, 1, false},
                           {"周", 7, 1, true},        {"个星期", 7, 1, false}, {"个多星期", 7, 1, false},
                           {"星期", 7, 1, true},      {"个礼拜", 7, 1, false}, {"个多礼拜", 7, 1, false},
                           {"个小时", 1, 24, false},  {"小时", 1, 24, false},  {"个钟头", 1, 24, false},
                           {"钟头", 1, 24, false}};
constexpr std::string_view kMoneyOut[] = {"提现", "取现", "提款", "提的", "取的", "提出", "转出", "提了", "取了", "提咗",
                                          // English (withdraw, withdrawal: 提现 by the synonym map).
                                          "withdrew", "withdrawn", "cashedout"};
constexpr std::string_view kNotArrived[] = {"没到", "没收到", "没进", "没有到", "不到账", "未到", "没见",
                                            "没影", "还在处理", "一直处理", "一直在处理", "卡在处理", "一直显示处理",
                                            "没动静", "没有动静", "没反应", "没有反应", "没消息", "没有消息", "石沉大海",
                                            // English, joined (arrive, arrived: 到账 by the synonym map).
                                            "not到账", "nothing到账", "havent", "hasnt", "didnt", "stillnot",
                                            "notreceived", "notin", "pending", "processing", "stuck", "whereismymoney",
                                            "whereisit", "nevergot", "notyet", "yetto"};
// Someone else whose money is compared with the investor's, and their money
// told arrived (within kArrivedWindowBytes after them: 12 CJK characters).
constexpr std::string_view kSomeoneElse[] = {"别人", "人家", "其他人", "其他的人", "朋友", "同事", "老公", "老婆",
                                             "爱人", "媳妇", "我妈", "我爸", "家人", "室友", "同学", "邻居"};
constexpr std::string_view kArrived[] = {"先到", "到了", "都到", "已经到", "早到", "早就到", "到账了", "当天就到",
                                         "马上就到", "秒到", "收到了"};
constexpr size_t kArrivedWindowBytes = 36;
// The promised or expected arrival time told gone by ("说好的到账时间过了",
// "已经超过预计到账时间"): past every expected arrival, however long that was.
constexpr std::string_view kPastPromisedArrival[] = {
    "到账时间过了", "到账时间已经过了", "到账时间早过了", "到账时间都过了", "到账时间已过", "过了到账时间",
    "超过到账时间", "超过了到账时间", "超过预计到账", "超过了预计到账", "超出到账时间", "超出了到账时间",
    "说好的时间过了", "说好的时间都过了", "承诺的时间过了", "承诺的时间都过了"};
// Money flows other than the investor's own money coming out: late money of
// theirs is another entry's business (recharge, loan disbursement, repayment).
constexpr std::string_view kOtherFlows[] = {"充值", "充钱", "充进", "转入", "借款", "放款", "下款", "贷款",
                                            "借的钱", "还款", "回款", "收益", "利息", "退款"};
// Asking where the money is, as the message's last words ("都过两天了 钱
// 呢"): told not arrived. (Inside the message it may ask about other money:
// "提现要两天 那这两天的钱呢 有利息吗".)
constexpr std::string_view kWhereIsIt[] = {"钱呢", "钱去哪了", "钱哪去了", "钱跑哪去了", "钱到哪去了"};
// Words of an earlier day than today, or of a wait of a day or more.
constexpr std::string_view kEarlierDay[] = {"昨", "前天", "前几天", "周", "星期", "礼拜", "号", "月", "节", "假",
                                            "一天", "整天", "隔天", "第二天", "次日", "隔夜"};
// Words of a time within today.
constexpr std::string_view kSameDay[] = {"今天", "今早", "今儿", "上午", "早上", "早晨", "中午", "下午", "傍晚",
                                         "小时", "钟头", "分钟", "刚提", "刚刚提", "刚申请", "刚刚申请", "刚取", "刚转"};
// Between the days named as gone by and 过了 ("周一周二也过了").
constexpr std::string_view kGoneByFillers[] = {"也", "都", "已经", "已", "就", "又", "全"};

bool is_digit(char32_t cp) { return cp >= U'0' && cp <= U'9'; }

// English counts of days, weeks, months and hours, in the normalised text
// (spaces dropped, so "for 5 days" reads "for5days", "a week" "aweek"): a
// count in digits or words right before the unit ("today", "holiday",
// "monday" have none); the unit not inside a longer word (weekend, weekly).
// "last week" 7, "last month" 30.
struct EnglishNumber {
  std::string_view word;
  int value;
};
constexpr EnglishNumber kEnglishNumbers[] = {
    {"several", 3}, {"couple", 2}, {"coupleof", 2}, {"acoupleof", 2}, {"few", 3}, {"fifteen", 15},
    {"twenty", 20}, {"thirty", 30}, {"twelve", 12}, {"eleven", 11},   {"ten", 10},  {"nine", 9},
    {"eight", 8},   {"seven", 7},   {"six", 6},     {"five", 5},      {"four", 4},  {"three", 3},
    {"two", 2},     {"one", 1},     {"an", 1},      {"a", 1}};
struct EnglishUnit {
  std::string_view word;
  int times;
  int per;
};
constexpr EnglishUnit kEnglishUnits[] = {{"days", 1, 1},   {"day", 1, 1},     {"weeks", 7, 1}, {"week", 7, 1},
                                         {"months", 30, 1}, {"month", 30, 1}, {"hours", 1, 24}, {"hour", 1, 24}};

int english_days(std::string_view text) {
  int days = -1;
  if (text.find("lastweek") != std::string_view::npos) days = 7;
  if (text.find("lastmonth") != std::string_view::npos) days = 30;
  for (const EnglishUnit& unit : kEnglishUnits) {
    for (size_t at = text.find(unit.word); at != std::string_view::npos; at = text.find(unit.word, at + 1)) {
      const size_t end = at + unit.word.size();
      // Not inside a longer word: the plural reads "days"; weekend, weekly,
      // weekday, monthly, hourly are no count of time waited.
      if (unit.word.back() != 's' && end < text.size() && text[end] == 's') continue;
      const std::string_view next = text.substr(end, 3);
      if (next.substr(0, 2) == "ly" || (unit.word == "week" && (next == "end" || next == "day"))) continue;
      int n = -1;
      size_t from = at;
      while (from > 0 && text[from - 1] >= '0' && text[from - 1] <= '9') --from;
      if (from < at && at - from <= 3) {
        n = std::stoi(std::string(text.substr(from, at - from)));
      } else {
        for (const EnglishNumber& num : kEnglishNumbers) {
          if (at >= num.word.size() && text.substr(at - num.word.size(), num.word.size()) == num.word) {
            n = num.value;
            break;
          }
        }
      }
      if (n <= 0) continue;
      days = std::max(days, n * unit.times / unit.per);
    }
  }
  return days;
}

// The start of the count written right before position `end` of `cps`
// (digits, else Chinese numerals); `end` when there is none.
size_t count_start(const std::u32string& cps, size_t end) {
  size_t from = end;
  while (from > 0 && is_digit(cps[from - 1])) --from;
  if (from < end) return from;
  while (from > 0 && retrieval::is_chinese_numeral(cps[from - 1])) --from;
  return from;
}

// The count written right before position `end` of `cps` (up to 4 digits,
// or Chinese numerals; of a run that is no well-formed number, such as 四五,
// its last digit), or -1.
int count_before(const std::u32string& cps, size_t end) {
  const size_t from = count_start(cps, end);
  if (from == end) return -1;
  if (is_digit(cps[from])) {
    return end - from <= 4 ? std::stoi(utf8::encode(cps.substr(from, end - from))) : -1;
  }
  const std::u32string_view run(cps.data() + from, end - from);
  if (const auto value = retrieval::chinese_number_value(run)) return static_cast<int>(std::min<int64_t>(*value, 10000));
  const auto last = retrieval::chinese_number_value(run.substr(run.size() - 1));
  return last ? static_cast<int>(*last) : -1;
}

// A word naming a day of the week (周/星期/礼拜 + 一..六, 日, 天) or the
// weekend (末) at `at`: 1..7 for a day, 8 for the weekend, its length in
// `len`; 0 when none.
constexpr std::u32string_view kWeekPrefixes[] = {U"星期", U"礼拜", U"周"};
int weekday_at(const std::u32string& cps, size_t at, size_t* len) {
  for (std::u32string_view prefix : kWeekPrefixes) {
    if (cps.compare(at, prefix.size(), prefix) != 0 || at + prefix.size() >= cps.size()) continue;
    const char32_t day = cps[at + prefix.size()];
    constexpr std::u32string_view kDays = U"一二三四五六";
    const size_t d = kDays.find(day);
    int value = 0;
    if (d != std::u32string_view::npos) value = static_cast<int>(d) + 1;
    if (day == U'日' || day == U'天') value = 7;
    if (day == U'末') value = 8;
    if (value == 0) return 0;
    *len = prefix.size() + 1;
    return value;
  }
  return 0;
}

struct DayName {
  size_t at;
  size_t end;
  int day;  // 1..7, 8 = the weekend
};

std::vector<DayName> day_names(const std::u32string& cps) {
  std::vector<DayName> out;
  for (size_t at = 0; at < cps.size();) {
    size_t len = 0;
    const int day = weekday_at(cps, at, &len);
    if (day > 0) {
      out.push_back({at, at + len, day});
      at += len;
    } else {
      ++at;
    }
  }
  return out;
}

// Days between the first and the second day of the week named (the weekend
// aside), going forward: "周二提的 今天周五了" is 3; a third is no later
// "now" ("周五晚上提的 周六还没到 是不是要等到周一" waited 1). -1 when fewer
// than two.
int days_between_weekdays(const std::vector<DayName>& names) {
  std::vector<int> days;
  for (const DayName& n : names) {
    if (n.day <= 7) days.push_back(n.day);
  }
  if (days.size() < 2) return -1;
  const int span = (days[1] - days[0] + 7) % 7;
  return span > 0 ? span : -1;
}

// Days named as gone by: the days of the week or the weekend right before
// 过了, apart from filler words ("周末过了 周一周二也过了": 2 + 1 + 1). -1
// when none.
int days_gone_by(const std::u32string& cps, const std::vector<DayName>& names) {
  const std::u32string gone = U"过了";
  std::set<int> counted;
  for (size_t at = cps.find(gone); at != std::u32string::npos; at = cps.find(gone, at + 1)) {
    size_t end = at;
    for (bool moved = true; moved;) {
      moved = false;
      for (std::string_view f : kGoneByFillers) {
        const std::u32string filler = utf8::decode(f);
        if (end >= filler.size() && cps.compare(end - filler.size(), filler.size(), filler) == 0) {
          end -= filler.size();
          moved = true;
        }
      }
      for (auto it = names.rbegin(); it != names.rend(); ++it) {
        if (it->end == end) {
          counted.insert(it->day);
          end = it->at;
          moved = true;
        }
      }
    }
  }
  if (counted.empty()) return -1;
  int days = 0;
  for (int d : counted) days += d == 8 ? 2 : 1;
  return days;
}

// Days between the first and the last day of the month named (N号) when
// the last is later: "6号提交的 今天11号了" is 5. -1 otherwise.
int days_between_dates(const std::u32string& cps) {
  std::vector<int> dates;
  for (size_t at = cps.find(U'号'); at != std::u32string::npos; at = cps.find(U'号', at + 1)) {
    const int n = count_before(cps, at);
    if (n >= 1 && n <= 31) dates.push_back(n);
  }
  if (dates.size() < 2 || dates.back() <= dates.front()) return -1;
  return dates.back() - dates.front();
}

// A time of day by the clock: a count before 点 ("10点", "十点"), not 一点
// alone ("快一点").
bool names_clock_time(const std::u32string& cps) {
  for (size_t at = cps.find(U'点'); at != std::u32string::npos; at = cps.find(U'点', at + 1)) {
    const size_t from = count_start(cps, at);
    if (from == at || (at - from == 1 && cps[from] == U'一')) continue;
    const int n = count_before(cps, at);
    if (n >= 0 && n <= 24) return true;
  }
  return false;
}

}  // namespace

int days_waited(std::string_view normalized) {
  int days = -1;
  for (const Span& s : kSpans) {
    if (normalized.find(s.word) != std::string_view::npos) days = std::max(days, s.days);
  }
  const std::u32string cps = utf8::decode(normalized);
  for (const Unit& unit : kUnits) {
    const std::u32string u = utf8::decode(unit.word);
    for (size_t at = cps.find(u); at != std::u32string::npos; at = cps.find(u, at + 1)) {
      const size_t from = count_start(cps, at);
      if (unit.after_day_name_is_weekday && from > 0 && from < at &&
          (cps[from - 1] == U'周' || cps[from - 1] == U'期' || cps[from - 1] == U'拜')) {
        continue;
      }
      const int n = count_before(cps, at);
      if (n <= 0) continue;
      const int d = n * unit.times / unit.per;
      if (d < 400) days = std::max(days, d);
    }
  }
  const std::vector<DayName> names = day_names(cps);
  days = std::max({days, days_between_weekdays(names), days_gone_by(cps, names), days_between_dates(cps),
                   english_days(normalized)});
  return days;
}

// Whether `normalized` ends with a word of kWhereIsIt (spaces aside).
bool ends_asking_where(std::string_view normalized) {
  while (!normalized.empty() && normalized.back() == ' ') normalized.remove_suffix(1);
  return std::any_of(std::begin(kWhereIsIt), std::end(kWhereIsIt), [&](std::string_view w) {
    return normalized.size() >= w.size() && normalized.substr(normalized.size() - w.size()) == w;
  });
}

bool tells_overdue_withdrawal(std::string_view normalized, int min_days) {
  if (!holds_any(normalized, kNotArrived) && !ends_asking_where(normalized)) return false;
  if (holds_any(normalized, kMoneyOut)) {
    return days_waited(normalized) >= min_days || holds_any(normalized, kPastPromisedArrival);
  }
  // Money told late past the time it was promised, with no flow named, is
  // the investor's money coming out: the money they wait for.
  return holds_any(normalized, kPastPromisedArrival) && !holds_any(normalized, kOtherFlows);
}

bool compares_with_anothers_arrival(std::string_view normalized) {
  if (!holds_any(normalized, kMoneyOut) || !holds_any(normalized, kNotArrived)) return false;
  for (std::string_view person : kSomeoneElse) {
    for (size_t at = normalized.find(person); at != std::string_view::npos;
         at = normalized.find(person, at + 1)) {
      // Their money told arrived within a few words after them.
      const std::string_view after = normalized.substr(at + person.size(), kArrivedWindowBytes);
      if (holds_any(after, kArrived)) return true;
    }
  }
  return false;
}

bool tells_wait_of_hours(std::string_view normalized) {
  if (!holds_any(normalized, kMoneyOut) || !holds_any(normalized, kNotArrived)) return false;
  if (days_waited(normalized) >= 1 || holds_any(normalized, kEarlierDay)) return false;
  return holds_any(normalized, kSameDay) || names_clock_time(utf8::decode(normalized));
}

}  // namespace faqbot::bot
