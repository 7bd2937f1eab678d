#include "bot/service/service_hours.h"

#include <gtest/gtest.h>

namespace faqbot::service {
namespace {

// 2026-11-23 00:00 UTC = 08:00 China time.
constexpr int64_t kMidnightUtc = 1795392000000;
constexpr int64_t kHour = 3600 * 1000;

ServiceHours china() { return ServiceHours::parse("09:00-21:00", 480).value(); }

TEST(ServiceHours, ParsesAndRejects) {
  EXPECT_TRUE(ServiceHours::parse("00:00-24:00", 0).ok());
  EXPECT_FALSE(ServiceHours::parse("21:00-09:00", 0).ok());
  EXPECT_FALSE(ServiceHours::parse("9-21", 0).ok());
  EXPECT_FALSE(ServiceHours::parse("09:00-25:00", 0).ok());
  EXPECT_EQ(ServiceHours::parse_utc_offset("+08:00").value(), 480);
  EXPECT_EQ(ServiceHours::parse_utc_offset("-05:30").value(), -330);
  EXPECT_FALSE(ServiceHours::parse_utc_offset("8").ok());
}

TEST(ServiceHours, OpenInLocalTime) {
  ServiceHours h = china();
  EXPECT_FALSE(h.is_open(kMidnightUtc));             // 08:00 local
  EXPECT_TRUE(h.is_open(kMidnightUtc + 1 * kHour));  // 09:00 local
  EXPECT_TRUE(h.is_open(kMidnightUtc + 12 * kHour)); // 20:00 local
  EXPECT_FALSE(h.is_open(kMidnightUtc + 13 * kHour));// 21:00 local
  EXPECT_EQ(h.format_local_time(kMidnightUtc), "08:00");
}

TEST(ServiceHours, NextOpenIsTodayOrTomorrowMorning) {
  ServiceHours h = china();
  EXPECT_EQ(h.next_open(kMidnightUtc), kMidnightUtc + 1 * kHour);  // 08:00 -> 09:00 same day
  EXPECT_EQ(h.next_open(kMidnightUtc + 14 * kHour), kMidnightUtc + 25 * kHour);  // 22:00 -> next 09:00
  EXPECT_EQ(h.next_open(kMidnightUtc + 2 * kHour), kMidnightUtc + 2 * kHour);    // open: now
  EXPECT_EQ(h.format_local_datetime(kMidnightUtc + 25 * kHour), "11月24日 09:00");
}

TEST(ServiceHours, PromiseStaysInsideHours) {
  ServiceHours h = china();
  const int64_t thirty_min = kHour / 2;
  EXPECT_EQ(h.promise(kMidnightUtc + 2 * kHour, thirty_min), kMidnightUtc + 2 * kHour + thirty_min);
  // 20:45 local + 30 min passes the close at 21:00 -> tomorrow 09:00.
  EXPECT_EQ(h.promise(kMidnightUtc + 12 * kHour + 45 * 60000, thirty_min), kMidnightUtc + 25 * kHour);
  EXPECT_EQ(h.promise(kMidnightUtc, thirty_min), kMidnightUtc + kHour);  // closed: at opening
}

}  // namespace
}  // namespace faqbot::service
