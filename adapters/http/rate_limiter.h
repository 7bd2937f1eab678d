#pragma once
// Token buckets keyed by a string (session id, client address). A key's
// bucket starts full (`burst` tokens) and refills at `per_second`. Idle full
// buckets are forgotten, so memory stays bounded by the active keys.
// Thread-safe (sharded mutexes).
#include <array>
#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>

#include "adapters/http/settings.h"

namespace faqbot::http {

class RateLimiter {
 public:
  explicit RateLimiter(RateLimit limit) : limit_(limit) {}

  // Takes one token for `key` at time `now_ms`. False = over the limit.
  // Always true when the limit is disabled.
  bool allow(const std::string& key, int64_t now_ms);
  // True when `key` has no token left at `now_ms` (allow() would refuse);
  // takes nothing. Always false when the limit is disabled.
  bool exhausted(const std::string& key, int64_t now_ms);
  // Seconds until one token is available for `key` (for Retry-After), >= 1.
  int retry_after_s() const;

 private:
  struct Bucket {
    double tokens = 0;
    int64_t last_ms = 0;
  };
  struct Shard {
    std::mutex mu;
    std::unordered_map<std::string, Bucket> buckets;
    int64_t last_sweep_ms = 0;
  };
  // The bucket of `key` refilled up to `now_ms`; the shard is locked.
  Bucket& refill(Shard& shard, const std::string& key, int64_t now_ms);

  RateLimit limit_;
  std::array<Shard, 16> shards_;
};

}  // namespace faqbot::http
