// Dates, FAQBOT_NOW, config/calendar.json and the expected-arrival sentence:
// a table of (time, day) cases around the cut-off, weekends, holidays and
// make-up working days of the default calendar (2026).
#include "knowledge/calendar.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include "config_fixture.h"
#include "knowledge/calendar_file.h"
#include "knowledge/loader.h"
#include "knowledge/timing.h"

namespace faqbot::knowledge {
namespace {

using testing::any_contains;
using testing::diagnostic_lines;

CivilDate date(const char* iso) { return *parse_date(iso); }

TEST(CivilDate, DayNumbersAndWeekdays) {
  EXPECT_EQ(date("1970-01-01").days(), 0);
  EXPECT_EQ(date("2000-03-01").days(), 11017);
  EXPECT_EQ(date("1969-12-31").days(), -1);
  EXPECT_EQ(CivilDate::from_days(date("2026-12-04").days()).iso(), "2026-12-04");
  EXPECT_EQ(date("2026-12-04").weekday(), 5);  // Friday
  EXPECT_EQ(date("2026-02-15").weekday(), 7);  // Sunday
  EXPECT_EQ(date("2026-02-28").plus_days(1).iso(), "2026-03-01");
  EXPECT_EQ(date("2028-02-28").plus_days(1).iso(), "2028-02-29");
  for (int64_t n = -800; n < 800; n += 7) EXPECT_EQ(CivilDate::from_days(n).days(), n);
}

TEST(CivilDate, ParsersRejectWhatIsNotADate) {
  EXPECT_FALSE(parse_date("2026-02-29"));
  EXPECT_FALSE(parse_date("2026-13-01"));
  EXPECT_FALSE(parse_date("2026-1-01"));
  EXPECT_FALSE(parse_date("tomorrow"));
  EXPECT_FALSE(parse_clock_time("24:00"));
  EXPECT_EQ(*parse_clock_time("15:00"), 900);
  EXPECT_EQ(*parse_utc_offset("+08:00"), 480);
  EXPECT_EQ(*parse_utc_offset("-05:30"), -330);
  EXPECT_FALSE(parse_iso8601("2026-12-04T16:30:00"));  // no offset: ambiguous
  EXPECT_EQ(*parse_iso8601("2026-12-04T08:30:00Z"), *parse_iso8601("2026-12-04T16:30:00+08:00"));
  EXPECT_EQ(*parse_iso8601("2026-12-04T16:30+08:00"), *parse_iso8601("2026-12-04T16:30:00+08:00"));
}

TEST(Clock, FaqbotNowOverridesTheClockAndConvertsToLocalTime) {
  setenv("FAQBOT_NOW", "2026-12-04T16:30:00+08:00", 1);
  LocalTime t = to_local(now_epoch(), 480);
  EXPECT_EQ(t.date.iso(), "2026-12-04");
  EXPECT_EQ(t.minutes, 16 * 60 + 30);
  setenv("FAQBOT_NOW", "2026-12-31T17:30:00Z", 1);  // already 1 January in China
  t = to_local(now_epoch(), 480);
  EXPECT_EQ(t.date.iso(), "2027-01-01");
  EXPECT_EQ(t.minutes, 90);
  setenv("FAQBOT_NOW", "not a time", 1);  // ignored: the system clock
  EXPECT_GT(now_epoch(), *parse_iso8601("2026-01-01T00:00:00Z"));
  unsetenv("FAQBOT_NOW");
}

const HolidayCalendar& default_calendar() {
  static const LoadOutcome out = load(FAQBOT_DEFAULT_CONFIG);
  EXPECT_TRUE(out.ok());
  EXPECT_TRUE(out.kb->calendar.loaded);
  return out.kb->calendar;
}

struct Case {
  const char* now;       // local time, ISO 8601
  const char* expected;  // a part of the sentence; "" = no sentence
};

TEST(ExpectedArrival, TableAroundCutOffWeekendsHolidaysAndMakeUpDays) {
  const Case cases[] = {
      // working day, before and at/after the 15:00 cut-off
      {"2026-12-03T10:00:00+08:00", "现在是12月3日（周四）10:00，今天15:00前提交，预计今天到达大多数银行"},
      {"2026-12-03T14:59:00+08:00", "今天15:00前提交，预计今天到达"},
      {"2026-12-03T15:00:00+08:00", "今天15:00后提交，预计下一个工作日（周五，12月4日）到账"},
      {"2026-12-04T16:30:00+08:00", "现在是12月4日（周五）16:30，今天15:00后提交，预计下一个工作日（周一，12月7日）到账，具体以银行处理为准。"},
      // the same moment given in UTC
      {"2026-12-04T08:30:00Z", "今天15:00后提交，预计下一个工作日（周一，12月7日）到账"},
      // weekend
      {"2026-12-05T09:00:00+08:00", "现在是12月5日（周六），周末提交的提现，预计下一个工作日（周一，12月7日）到账"},
      {"2026-12-06T23:59:00+08:00", "周末提交的提现，预计下一个工作日（周一，12月7日）到账"},
      // public holidays: National Day, Spring Festival, Labour Day
      {"2026-10-03T11:00:00+08:00", "现在是10月3日（周六），国庆节假期提交的提现，预计下一个工作日（周四，10月8日）到账"},
      {"2026-09-30T15:30:00+08:00", "今天15:00后提交，预计下一个工作日（周四，10月8日）到账"},
      {"2026-02-13T16:00:00+08:00", "预计下一个工作日（周六，2月14日）到账"},  // 14th is a make-up day
      {"2026-02-14T16:00:00+08:00", "预计下一个工作日（周二，2月24日）到账"},  // then nine days off
      {"2026-02-18T10:00:00+08:00", "春节假期提交的提现，预计下一个工作日（周二，2月24日）到账"},
      {"2026-04-30T15:01:00+08:00", "预计下一个工作日（周三，5月6日）到账"},
      {"2026-01-01T10:00:00+08:00", "元旦假期提交的提现，预计下一个工作日（周日，1月4日）到账"},
      // make-up working days (调休) are working days, with the same cut-off
      {"2026-09-20T10:00:00+08:00", "现在是9月20日（周日，调休工作日）10:00，今天15:00前提交，预计今天到达"},
      {"2026-10-10T15:30:00+08:00", "（周六，调休工作日）15:30，今天15:00后提交，预计下一个工作日（周一，10月12日）到账"},
      {"2026-05-08T18:00:00+08:00", "预计下一个工作日（周六，5月9日）到账"},
      // 2027 is provisional (statutory days, 调休 unknown): no computed day
      // within 14 days of its holidays, the entry's text stands ...
      {"2026-12-31T16:00:00+08:00", ""},
      {"2027-01-04T10:00:00+08:00", ""},
      {"2027-02-07T10:00:00+08:00", ""},
      {"2027-03-20T10:00:00+08:00", ""},  // Monday 22nd is 14 days before 清明节
      // ... away from them the week decides
      {"2027-03-03T16:00:00+08:00", "今天15:00后提交，预计下一个工作日（周四，3月4日）到账"},
      {"2027-03-05T16:00:00+08:00", "预计下一个工作日（周一，3月8日）到账"},
      {"2027-07-20T10:00:00+08:00", "现在是7月20日（周二）10:00，今天15:00前提交，预计今天到达"},
      // after the list ends
      {"2028-01-04T10:00:00+08:00", ""},
  };
  for (const Case& c : cases) {
    const std::string sentence =
        expected_arrival_sentence(default_calendar(), to_local(*parse_iso8601(c.now), 480));
    if (std::string(c.expected).empty()) {
      EXPECT_EQ(sentence, "") << c.now;
      continue;
    }
    EXPECT_NE(sentence.find(c.expected), std::string::npos) << c.now << " -> " << sentence;
    EXPECT_NE(sentence.find("预计"), std::string::npos) << c.now;
    EXPECT_NE(sentence.find("具体以银行处理为准"), std::string::npos) << c.now;
  }
}

TEST(CalendarFile, ProblemsAreNamed) {
  testing::ConfigFixture cfg;
  cfg.write("calendar.json", R"({"bank_cutoff": "3pm", "covers": {"from": "2026-01-01", "to": "2025-01-01"},
    "holidays": [{"name": "春节", "from": "2026-02-15", "to": "2026-02-32"}],
    "workdays": [{"date": "2026-02-16", "for": "春节"}, {"date": "2026-02-17"}],
    "provisional": [{"from": "2026-06-01", "to": "2027-01-31"}]})");
  LoadOutcome out = load(cfg.dir());
  EXPECT_FALSE(out.ok());
  auto errors = diagnostic_lines(out, Severity::kError);
  EXPECT_TRUE(any_contains(errors, "calendar.json: bank_cutoff: error: must be HH:MM"));
  EXPECT_TRUE(any_contains(errors, "calendar.json: covers: error: \"to\" is before \"from\""));
  EXPECT_TRUE(any_contains(errors, "calendar.json: holiday #1: error: field \"to\" is not a date"));
  EXPECT_TRUE(any_contains(errors, "calendar.json: workday #1: error: 2026-02-16 is a weekday already"));
  EXPECT_TRUE(any_contains(errors, "calendar.json: provisional #1: error: 2026-06-01 to 2027-01-31 is not inside covers"));
}

TEST(CalendarFile, TheDefaultCalendarCoversTheComingYearAndSaysWhatIsProvisional) {
  setenv("FAQBOT_NOW", "2026-12-01T10:00:00+08:00", 1);
  LoadOutcome out = load(FAQBOT_DEFAULT_CONFIG);
  unsetenv("FAQBOT_NOW");
  ASSERT_TRUE(out.ok());
  auto warnings = diagnostic_lines(out, Severity::kWarning);
  EXPECT_FALSE(any_contains(warnings, "calendar.json: covers:"));
  EXPECT_TRUE(any_contains(warnings, "calendar.json: provisional: warning: 2027-01-01 to 2027-12-31 is provisional"));
  const HolidayCalendar& cal = out.kb->calendar;
  EXPECT_EQ(cal.holiday_on(date("2027-02-05"))->name, "春节");  // 除夕 of 2027-02-06
  EXPECT_EQ(cal.holiday_on(date("2027-06-09"))->name, "端午节");
  EXPECT_EQ(cal.holiday_on(date("2027-09-15"))->name, "中秋节");
  EXPECT_FALSE(cal.settled(date("2027-09-28")));
  EXPECT_TRUE(cal.settled(date("2027-08-20")));
  EXPECT_TRUE(cal.settled(date("2026-09-28")));  // 2026 is the notice's: settled however near
}

TEST(LintDates, ExpiryAndCoverageAreWarnedAhead) {
  testing::ConfigFixture cfg;
  cfg.write("calendar.json", R"({"bank_cutoff": "15:00", "timed_entries": ["withdraw.fee", "no.such"],
    "covers": {"from": "2026-01-01", "to": "2026-12-31"}, "holidays": [], "workdays": []})");
  cfg.write("variables.json", R"({"platform": "示例贷", "service_hours": "每天 09:00-21:00", "withdraw_cutoff": "16:00"})");
  LoadOutcome out = load(cfg.dir());
  ASSERT_FALSE(out.ok());
  auto errors = diagnostic_lines(out, Severity::kError);
  EXPECT_TRUE(any_contains(errors, "calendar.json: no.such: error: timed entry does not exist"));
  EXPECT_TRUE(any_contains(errors, "differs from variables.json withdraw_cutoff 16:00"));

  KnowledgeBase kb;
  kb.calendar.loaded = true;
  kb.calendar.covers_from = date("2025-12-01");
  kb.calendar.covers_to = date("2026-12-31");
  Entry promo;
  promo.id = "promo.winter";
  promo.source_file = "kb/promo.json";
  promo.expires = "2026-12-14";
  kb.entries.push_back(promo);
  auto lines = [&](const char* today) {
    std::vector<std::string> v;
    for (const Diagnostic& d : lint_dates(kb, date(today))) v.push_back(format(d));
    return v;
  };
  EXPECT_FALSE(any_contains(lines("2025-12-01"), "promo.winter"));
  EXPECT_FALSE(any_contains(lines("2025-12-01"), "covers"));  // 2025-12-01 + 365 days is inside
  EXPECT_TRUE(any_contains(lines("2025-11-30"), "covers"));   // today itself is not
  EXPECT_TRUE(any_contains(lines("2026-01-02"), "covers: warning: holidays are listed for 2025-12-01 to 2026-12-31, not through 2027-01-02"));
  kb.calendar.provisional.push_back({date("2026-12-01"), date("2026-12-31"), "no notice yet"});
  EXPECT_FALSE(any_contains(lines("2025-11-30"), "provisional"));  // more than 12 months ahead
  EXPECT_TRUE(any_contains(lines("2025-12-01"), "calendar.json: provisional: warning: 2026-12-01 to 2026-12-31 is provisional: no notice yet; timed answers name no day within 14 days"));
  EXPECT_FALSE(any_contains(lines("2027-01-01"), "provisional"));  // past
  EXPECT_FALSE(any_contains(lines("2026-11-29"), "promo.winter"));
  EXPECT_TRUE(any_contains(lines("2026-11-30"), "kb/promo.json: promo.winter: warning: expires on 2026-12-14 (in 14 days)"));
  EXPECT_TRUE(any_contains(lines("2026-12-15"), "promo.winter: warning: expired on 2026-12-14: it is never answered"));
  kb.entries[0].effective = "2026-12-20";
  EXPECT_TRUE(any_contains(lines("2026-12-01"), "promo.winter: error: expires 2026-12-14 before it takes effect 2026-12-20"));
}

TEST(Entry, ActiveFromEffectiveThroughExpiresInclusive) {
  Entry e;
  EXPECT_TRUE(e.active_on(date("2026-12-01")));
  e.effective = "2026-12-01";
  e.expires = "2026-12-31";
  EXPECT_FALSE(e.active_on(date("2026-11-30")));
  EXPECT_TRUE(e.active_on(date("2026-12-01")));
  EXPECT_TRUE(e.active_on(date("2026-12-31")));
  EXPECT_FALSE(e.active_on(date("2027-01-01")));
}

TEST(Loader, EntryDatesMustBeDates) {
  testing::ConfigFixture cfg;
  cfg.write("kb/promo.json", R"({"category": "promo", "entries": [{"id": "promo.x", "questions": ["活动"],
    "answer": "您好，活动详情请以页面为准。", "effective": "12/01/2026"}]})");
  LoadOutcome out = load(cfg.dir());
  EXPECT_TRUE(any_contains(diagnostic_lines(out, Severity::kError),
                           "kb/promo.json: promo.x: error: field \"effective\" must be a date YYYY-MM-DD"));
}

}  // namespace
}  // namespace faqbot::knowledge
