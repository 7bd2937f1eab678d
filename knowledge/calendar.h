#pragma once
// Dates, the clock and the working-day calendar of the platform's banks
// (config/calendar.json). Everything here is plain value code: no I/O except
// reading FAQBOT_NOW in now_epoch(); thread-safe.
//
// calendar.json:
//   {"utc_offset": "+08:00",            platform local time (China: no DST)
//    "bank_cutoff": "15:00",            same-day processing cut-off, local time
//    "timed_entries": ["withdraw.arrival_time", …],  answers that get a
//                                       computed expected day (knowledge/timing.h)
//    "covers": {"from": "2026-01-01", "to": "2026-12-31"},  days the list is
//                                       complete for; outside, no day is computed
//    "holidays": [{"name": "春节", "from": "2026-02-15", "to": "2026-02-23"}, …],
//    "workdays": [{"date": "2026-02-14", "for": "春节"}, …],  调休 make-up days
//    "provisional": [{"from": "2027-01-01", "to": "2027-12-31", "why": "…"}],
//                                       parts of covers whose holidays are the
//                                       statutory days only, before the State
//                                       Council's notice (调休 not known)
//    "source": "…"}                     where the dates come from (free text)
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace faqbot::knowledge {

// A day of the proleptic Gregorian calendar.
struct CivilDate {
  int year = 1970, month = 1, day = 1;

  // Days since 1970-01-01 (negative before).
  int64_t days() const;
  static CivilDate from_days(int64_t days);
  CivilDate plus_days(int64_t n) const { return from_days(days() + n); }
  int weekday() const;  // 1 = Monday … 7 = Sunday
  std::string iso() const;  // "2026-12-04"
  bool operator<(const CivilDate& o) const { return days() < o.days(); }
  bool operator==(const CivilDate& o) const { return days() == o.days(); }
  bool operator<=(const CivilDate& o) const { return days() <= o.days(); }
};

// "YYYY-MM-DD", a real date; nullopt otherwise.
std::optional<CivilDate> parse_date(const std::string& text);
// "HH:MM" -> minutes after midnight; nullopt otherwise.
std::optional<int> parse_clock_time(const std::string& text);
// "+08:00" / "-05:30" / "Z" -> minutes east of UTC.
std::optional<int> parse_utc_offset(const std::string& text);
// ISO 8601 "2026-12-04T16:30:00+08:00" (seconds optional, "Z" or ±HH:MM
// required) -> seconds since the Unix epoch.
std::optional<int64_t> parse_iso8601(const std::string& text);

// Seconds since the epoch: FAQBOT_NOW (ISO 8601) when set and valid, else the
// system clock. Read at every call, so tests and demonstrations can set it.
int64_t now_epoch();
// The same clock in milliseconds.
int64_t now_epoch_ms();

// A moment in platform local time.
struct LocalTime {
  CivilDate date;
  int minutes = 0;  // after local midnight, 0..1439
};
LocalTime to_local(int64_t epoch_seconds, int utc_offset_minutes);

const char* weekday_name(int weekday);  // 1 -> "周一" … 7 -> "周日"

struct Holiday {
  std::string name;  // "国庆节"
  CivilDate from, to;  // inclusive
};

// Days off around a holiday of a provisional range that the State Council's
// notice may add (bridging days, 调休): make-up days of 2026 fell up to 11
// days before (2026-09-20 for 国庆节) and 5 days after their holiday.
inline constexpr int kProvisionalMarginDays = 14;

struct DateRange {
  CivilDate from, to;  // inclusive
  std::string why;     // free text, shown by lint
  bool contains(const CivilDate& d) const { return from <= d && d <= to; }
};

struct HolidayCalendar {
  bool loaded = false;  // calendar.json was present and valid
  int utc_offset_minutes = 8 * 60;
  int cutoff_minutes = 15 * 60;
  std::string cutoff_text = "15:00";
  std::vector<std::string> timed_entries;
  CivilDate covers_from, covers_to;
  std::vector<Holiday> holidays;
  std::map<int64_t, std::string> workdays;  // day number -> holiday it makes up for
  std::vector<DateRange> provisional;       // inside covers, in file order

  bool covers(const CivilDate& d) const { return loaded && covers_from <= d && d <= covers_to; }
  const DateRange* provisional_on(const CivilDate& d) const;
  // Whether `d` is known to be a working day or not: covered, and not in a
  // provisional range within kProvisionalMarginDays of one of its holidays
  // (away from holidays the week decides, even before the notice).
  bool settled(const CivilDate& d) const;
  // The public holiday `d` falls in, nullptr when none.
  const Holiday* holiday_on(const CivilDate& d) const;
  bool is_makeup_workday(const CivilDate& d) const { return workdays.count(d.days()) > 0; }
  // Monday–Friday not in a holiday, or a make-up working day. Outside covers()
  // the answer is about weekends only: callers check covers() first.
  bool is_working_day(const CivilDate& d) const;
  // The first working day after `d`; nullopt when a day up to it is not
  // settled().
  std::optional<CivilDate> next_working_day_after(const CivilDate& d) const;
  bool is_timed(const std::string& entry_id) const;
  LocalTime now() const { return to_local(now_epoch(), utc_offset_minutes); }
};

}  // namespace faqbot::knowledge
