#include "adapters/http/rate_limiter.h"

#include <gtest/gtest.h>

#include "adapters/http/server.h"

namespace faqbot::http {
namespace {

TEST(RateLimiter, BurstThenRefill) {
  RateLimiter limiter(RateLimit{2, 3});  // 2/s, burst 3
  const int64_t t = 1000000;
  EXPECT_TRUE(limiter.allow("a", t));
  EXPECT_TRUE(limiter.allow("a", t));
  EXPECT_TRUE(limiter.allow("a", t));
  EXPECT_FALSE(limiter.allow("a", t));
  EXPECT_TRUE(limiter.allow("b", t));      // keys are independent
  EXPECT_FALSE(limiter.allow("a", t + 400));
  EXPECT_TRUE(limiter.allow("a", t + 500)); // one token after 0.5 s
  EXPECT_FALSE(limiter.allow("a", t + 500));
  EXPECT_TRUE(limiter.allow("a", t + 60000)); // idle: full again
}

TEST(RateLimiter, DisabledAllowsEverything) {
  RateLimiter limiter(RateLimit{});
  for (int i = 0; i < 1000; ++i) ASSERT_TRUE(limiter.allow("x", 0));
}

TEST(RouteRegex, NamesAndEscapes) {
  std::vector<std::string> names;
  EXPECT_EQ(route_regex("/v1/handoffs/{id}/claim", &names), "/v1/handoffs/([^/]+)/claim");
  ASSERT_EQ(names.size(), 1u);
  EXPECT_EQ(names[0], "id");
  EXPECT_EQ(route_regex("/openapi.json", nullptr), "/openapi\\.json");
}

}  // namespace
}  // namespace faqbot::http
