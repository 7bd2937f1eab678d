#pragma once
// Service hours of the human agents and the reply time promised to an
// investor (约定回话时间) when no agent can take the conversation now.
// Pure value type; thread-safe.
#include <cstdint>
#include <string>

#include "knowledge/status.h"

namespace faqbot::service {

struct ServiceHours {
  int open_minute = 9 * 60;    // minutes after local midnight, [0, 1440)
  int close_minute = 21 * 60;  // (open, 1440]; open == 0 && close == 1440: always open
  int utc_offset_minutes = 8 * 60;  // local time = UTC + offset (China: +480)

  // "09:00-21:00" (24:00 allowed as the close). kInvalidArgument otherwise.
  static Result<ServiceHours> parse(const std::string& text, int utc_offset_minutes);
  // "+08:00" / "-05:30" / "0" -> minutes. kInvalidArgument otherwise.
  static Result<int> parse_utc_offset(const std::string& text);

  bool is_open(int64_t now_ms) const;
  // The next opening time strictly after now_ms when closed; now_ms when open.
  int64_t next_open(int64_t now_ms) const;
  // When a callback promised at now_ms would land: now + callback_ms if that
  // is inside today's hours, else the next opening time.
  int64_t promise(int64_t now_ms, int64_t callback_ms) const;

  // "09:00" in local time, and "11月24日 09:00" (month/day, local time).
  std::string format_local_time(int64_t at_ms) const;
  std::string format_local_datetime(int64_t at_ms) const;
  std::string describe() const;  // "09:00-21:00"
};

}  // namespace faqbot::service
