#include "bot/service/service_hours.h"

#include <cstdio>
#include <ctime>

namespace faqbot::service {
namespace {

constexpr int64_t kMinuteMs = 60 * 1000;
constexpr int64_t kDayMs = 24 * 60 * kMinuteMs;

bool parse_hhmm(const std::string& s, int* minutes) {
  int h = 0, m = 0;
  char extra = 0;
  if (std::sscanf(s.c_str(), "%d:%d%c", &h, &m, &extra) != 2) return false;
  if (h < 0 || h > 24 || m < 0 || m > 59 || (h == 24 && m != 0)) return false;
  *minutes = h * 60 + m;
  return true;
}

int64_t floor_div(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

}  // namespace

Result<ServiceHours> ServiceHours::parse(const std::string& text, int utc_offset_minutes) {
  auto dash = text.find('-');
  ServiceHours h;
  h.utc_offset_minutes = utc_offset_minutes;
  if (dash == std::string::npos || !parse_hhmm(text.substr(0, dash), &h.open_minute) ||
      !parse_hhmm(text.substr(dash + 1), &h.close_minute) || h.open_minute >= 1440 ||
      h.close_minute <= h.open_minute) {
    return Status(StatusCode::kInvalidArgument,
                  "service hours must look like 09:00-21:00 (open before close), got \"" + text + "\"");
  }
  return h;
}

Result<int> ServiceHours::parse_utc_offset(const std::string& text) {
  if (text == "0" || text == "Z" || text == "+00:00") return 0;
  int sign = 0;
  if (!text.empty() && text[0] == '+') sign = 1;
  if (!text.empty() && text[0] == '-') sign = -1;
  int minutes = 0;
  if (sign == 0 || !parse_hhmm(text.substr(1), &minutes) || minutes > 14 * 60) {
    return Status(StatusCode::kInvalidArgument,
                  "UTC offset must look like +08:00 or -05:30, got \"" + text + "\"");
  }
  return sign * minutes;
}

bool ServiceHours::is_open(int64_t now_ms) const {
  const int64_t local = now_ms + utc_offset_minutes * kMinuteMs;
  const int64_t minute_of_day = (local - floor_div(local, kDayMs) * kDayMs) / kMinuteMs;
  return minute_of_day >= open_minute && minute_of_day < close_minute;
}

int64_t ServiceHours::next_open(int64_t now_ms) const {
  if (is_open(now_ms)) return now_ms;
  const int64_t local = now_ms + utc_offset_minutes * kMinuteMs;
  const int64_t day_start = floor_div(local, kDayMs) * kDayMs;
  int64_t open_local = day_start + open_minute * kMinuteMs;
  if (open_local <= local) open_local += kDayMs;
  return open_local - utc_offset_minutes * kMinuteMs;
}

int64_t ServiceHours::promise(int64_t now_ms, int64_t callback_ms) const {
  if (!is_open(now_ms)) return next_open(now_ms);
  const int64_t local = now_ms + utc_offset_minutes * kMinuteMs;
  const int64_t day_start = floor_div(local, kDayMs) * kDayMs;
  const int64_t close_local = day_start + close_minute * kMinuteMs;
  if (local + callback_ms <= close_local) return now_ms + callback_ms;
  return next_open(close_local - utc_offset_minutes * kMinuteMs);
}

std::string ServiceHours::format_local_time(int64_t at_ms) const {
  const int64_t local = at_ms + utc_offset_minutes * kMinuteMs;
  const int64_t minute_of_day = (local - floor_div(local, kDayMs) * kDayMs) / kMinuteMs;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d:%02d", static_cast<int>(minute_of_day / 60),
                static_cast<int>(minute_of_day % 60));
  return buf;
}

std::string ServiceHours::format_local_datetime(int64_t at_ms) const {
  const std::time_t secs = static_cast<std::time_t>(
      floor_div(at_ms + utc_offset_minutes * kMinuteMs, 1000));
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%d月%d日 %02d:%02d", tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
                tm.tm_min);
  return buf;
}

std::string ServiceHours::describe() const {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%02d:%02d-%02d:%02d", open_minute / 60, open_minute % 60,
                close_minute / 60, close_minute % 60);
  return buf;
}

}  // namespace faqbot::service
