#include "adapters/http/rate_limiter.h"

#include <gtest/gtest.h>

#include "adapters/http/router.h"

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

TEST(Router, LiteralAndParameterSegments) {
  Router router;
  router.add("GET", "/v1/handoffs/{id}", 0);
  router.add("POST", "/v1/handoffs/{id}/claim", 1);
  router.add("GET", "/openapi.json", 2);
  router.add("GET", "/", 3);
  Router::Match m = router.find("POST", "/v1/handoffs/42/claim");
  ASSERT_TRUE(m.found);
  EXPECT_EQ(m.index, 1u);
  EXPECT_EQ(m.params["id"], "42");
  EXPECT_EQ(router.find("HEAD", "/openapi.json").index, 2u);  // HEAD uses GET
  EXPECT_TRUE(router.find("GET", "/").found);
  EXPECT_FALSE(router.find("GET", "/openapiXjson").found);   // no pattern syntax
  EXPECT_FALSE(router.find("GET", "/v1/handoffs/").found);   // an empty parameter
  EXPECT_FALSE(router.find("GET", "/v1/handoffs/1/2").found);
  Router::Match wrong_method = router.find("DELETE", "/v1/handoffs/7");
  EXPECT_FALSE(wrong_method.found);
  EXPECT_TRUE(wrong_method.path_known);
}

}  // namespace
}  // namespace faqbot::http
