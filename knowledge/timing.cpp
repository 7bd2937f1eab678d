#include "knowledge/timing.h"

#include <cstdio>

namespace faqbot::knowledge {
namespace {

std::string clock_text(int minutes) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d:%02d", minutes / 60, minutes % 60);
  return buf;
}

// "（周一，12月7日）"
std::string day_in_brackets(const CivilDate& d) {
  return std::string("（") + weekday_name(d.weekday()) + "，" + month_day(d) + "）";
}

const char* kHedge = "具体以银行处理为准。";

}  // namespace

std::string month_day(const CivilDate& d) {
  return std::to_string(d.month) + "月" + std::to_string(d.day) + "日";
}

std::string expected_arrival_sentence(const HolidayCalendar& cal, const LocalTime& now) {
  if (!cal.settled(now.date)) return {};
  const CivilDate& today = now.date;
  std::string day = month_day(today) + "（" + weekday_name(today.weekday());
  if (cal.is_makeup_workday(today)) day += "，调休工作日";
  day += "）";
  if (cal.is_working_day(today) && now.minutes < cal.cutoff_minutes) {
    return "现在是" + day + clock_text(now.minutes) + "，今天" + cal.cutoff_text +
           "前提交，预计今天到达大多数银行，部分银行可能晚2小时左右，" + kHedge;
  }
  auto next = cal.next_working_day_after(today);
  if (!next) return {};
  const std::string arrives = "预计下一个工作日" + day_in_brackets(*next) + "到账，" + kHedge;
  if (cal.is_working_day(today)) {
    return "现在是" + day + clock_text(now.minutes) + "，今天" + cal.cutoff_text + "后提交，" + arrives;
  }
  const Holiday* holiday = cal.holiday_on(today);
  const std::string why = holiday ? holiday->name + "假期" : std::string("周末");
  return "现在是" + day + "，" + why + "提交的提现，" + arrives;
}

}  // namespace faqbot::knowledge
