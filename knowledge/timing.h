#pragma once
// Time-aware wording for timed entries (calendar.json "timed_entries"): the
// expected day a bank transfer submitted now arrives, from the bank cut-off,
// weekends, public holidays and make-up working days. Always hedged (预计 …
// 具体以银行处理为准), never an exact promise. Pure functions; thread-safe.
#include <string>

#include "knowledge/calendar.h"

namespace faqbot::knowledge {

// "现在是12月4日（周五）16:30，今天15:00后提交，预计下一个工作日（周一，12月7日）到账，
// 具体以银行处理为准。" for a request submitted at `now` (platform local time);
// "" when the calendar is not loaded or does not cover the days involved, so
// the entry's own text stands alone.
std::string expected_arrival_sentence(const HolidayCalendar& cal, const LocalTime& now);

// "12月7日"
std::string month_day(const CivilDate& d);

}  // namespace faqbot::knowledge
