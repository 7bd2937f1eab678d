#include "knowledge/calendar.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>

namespace faqbot::knowledge {
namespace {

bool all_digits(const std::string& s, size_t from, size_t n) {
  if (from + n > s.size()) return false;
  for (size_t i = from; i < from + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  return true;
}

int number(const std::string& s, size_t from, size_t n) { return std::stoi(s.substr(from, n)); }

int days_in_month(int year, int month) {
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : days[month - 1];
}

int64_t floor_div(int64_t a, int64_t b) { return (a >= 0 ? a : a - (b - 1)) / b; }

}  // namespace

// Day count by shifting the year to start on 1 March (so the leap day is the
// last day of the year) and counting 400-year eras of 146,097 days.
int64_t CivilDate::days() const {
  const int64_t y = month <= 2 ? year - 1 : year;
  const int64_t era = floor_div(y, 400);
  const int64_t year_of_era = y - era * 400;                                   // 0..399
  const int64_t month_from_march = month > 2 ? month - 3 : month + 9;          // 0..11
  const int64_t day_of_year = (153 * month_from_march + 2) / 5 + day - 1;      // 0..365
  const int64_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;  // 719468 = days from 0000-03-01 to 1970-01-01
}

CivilDate CivilDate::from_days(int64_t n) {
  n += 719468;
  const int64_t era = floor_div(n, 146097);
  const int64_t day_of_era = n - era * 146097;
  const int64_t year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const int64_t day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const int64_t mp = (5 * day_of_year + 2) / 153;
  CivilDate d;
  d.day = static_cast<int>(day_of_year - (153 * mp + 2) / 5 + 1);
  d.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  d.year = static_cast<int>(year_of_era + era * 400 + (d.month <= 2 ? 1 : 0));
  return d;
}

int CivilDate::weekday() const {
  // 1970-01-01 was a Thursday (4).
  const int64_t w = (days() % 7 + 7 + 3) % 7;  // 0 = Monday
  return static_cast<int>(w) + 1;
}

std::string CivilDate::iso() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

std::optional<CivilDate> parse_date(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-' || !all_digits(s, 0, 4) ||
      !all_digits(s, 5, 2) || !all_digits(s, 8, 2)) {
    return std::nullopt;
  }
  CivilDate d{number(s, 0, 4), number(s, 5, 2), number(s, 8, 2)};
  if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > days_in_month(d.year, d.month)) {
    return std::nullopt;
  }
  return d;
}

std::optional<int> parse_clock_time(const std::string& s) {
  if (s.size() != 5 || s[2] != ':' || !all_digits(s, 0, 2) || !all_digits(s, 3, 2)) return std::nullopt;
  const int h = number(s, 0, 2), m = number(s, 3, 2);
  if (h > 23 || m > 59) return std::nullopt;
  return h * 60 + m;
}

std::optional<int> parse_utc_offset(const std::string& s) {
  if (s == "Z") return 0;
  if (s.size() != 6 || (s[0] != '+' && s[0] != '-')) return std::nullopt;
  auto hm = parse_clock_time(s.substr(1));
  if (!hm || *hm > 14 * 60) return std::nullopt;
  return s[0] == '-' ? -*hm : *hm;
}

std::optional<int64_t> parse_iso8601(const std::string& s) {
  if (s.size() < 17 || (s[10] != 'T' && s[10] != ' ')) return std::nullopt;
  auto date = parse_date(s.substr(0, 10));
  auto hm = parse_clock_time(s.substr(11, 5));
  if (!date || !hm) return std::nullopt;
  size_t at = 16;
  int seconds = 0;
  if (at < s.size() && s[at] == ':') {
    if (!all_digits(s, at + 1, 2)) return std::nullopt;
    seconds = number(s, at + 1, 2);
    if (seconds > 59) return std::nullopt;
    at += 3;
  }
  auto offset = parse_utc_offset(s.substr(at));
  if (!offset) return std::nullopt;
  return date->days() * 86400 + *hm * 60 + seconds - static_cast<int64_t>(*offset) * 60;
}

int64_t now_epoch_ms() {
  if (const char* forced = std::getenv("FAQBOT_NOW")) {
    if (auto t = parse_iso8601(forced)) return *t * 1000;
  }
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

int64_t now_epoch() { return now_epoch_ms() / 1000; }

LocalTime to_local(int64_t epoch_seconds, int utc_offset_minutes) {
  const int64_t local = epoch_seconds + static_cast<int64_t>(utc_offset_minutes) * 60;
  LocalTime t;
  t.date = CivilDate::from_days(floor_div(local, 86400));
  t.minutes = static_cast<int>((local - floor_div(local, 86400) * 86400) / 60);
  return t;
}

const char* weekday_name(int weekday) {
  static const char* names[] = {"周一", "周二", "周三", "周四", "周五", "周六", "周日"};
  return weekday >= 1 && weekday <= 7 ? names[weekday - 1] : "";
}

const Holiday* HolidayCalendar::holiday_on(const CivilDate& d) const {
  for (const Holiday& h : holidays) {
    if (h.from <= d && d <= h.to) return &h;
  }
  return nullptr;
}

bool HolidayCalendar::is_working_day(const CivilDate& d) const {
  if (is_makeup_workday(d)) return true;
  if (holiday_on(d)) return false;
  return d.weekday() <= 5;
}

const DateRange* HolidayCalendar::provisional_on(const CivilDate& d) const {
  for (const DateRange& r : provisional) {
    if (r.contains(d)) return &r;
  }
  return nullptr;
}

bool HolidayCalendar::settled(const CivilDate& d) const {
  if (!covers(d)) return false;
  const DateRange* range = provisional_on(d);
  if (!range) return true;
  for (const Holiday& h : holidays) {
    if (!range->contains(h.from) && !range->contains(h.to)) continue;
    if (h.from.plus_days(-kProvisionalMarginDays) <= d && d <= h.to.plus_days(kProvisionalMarginDays)) return false;
  }
  return true;
}

std::optional<CivilDate> HolidayCalendar::next_working_day_after(const CivilDate& d) const {
  for (CivilDate next = d.plus_days(1); settled(next); next = next.plus_days(1)) {
    if (is_working_day(next)) return next;
  }
  return std::nullopt;
}

bool HolidayCalendar::is_timed(const std::string& entry_id) const {
  for (const std::string& id : timed_entries) {
    if (id == entry_id) return true;
  }
  return false;
}

}  // namespace faqbot::knowledge
