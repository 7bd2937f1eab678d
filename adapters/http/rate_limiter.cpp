#include "adapters/http/rate_limiter.h"

#include <algorithm>
#include <cmath>

namespace faqbot::http {

RateLimiter::Bucket& RateLimiter::refill(Shard& shard, const std::string& key, int64_t now_ms) {
  // Forget buckets that have refilled completely (same as new ones).
  const int64_t full_after_ms = static_cast<int64_t>(1000.0 * limit_.burst / limit_.per_second) + 1;
  if (now_ms - shard.last_sweep_ms > std::max<int64_t>(full_after_ms, 10000)) {
    for (auto it = shard.buckets.begin(); it != shard.buckets.end();) {
      it = now_ms - it->second.last_ms > full_after_ms ? shard.buckets.erase(it) : std::next(it);
    }
    shard.last_sweep_ms = now_ms;
  }
  auto [it, inserted] = shard.buckets.try_emplace(key);
  Bucket& b = it->second;
  if (inserted) {
    b.tokens = limit_.burst;
  } else {
    const double elapsed_s = std::max<int64_t>(0, now_ms - b.last_ms) / 1000.0;
    b.tokens = std::min(limit_.burst, b.tokens + elapsed_s * limit_.per_second);
  }
  b.last_ms = now_ms;
  return b;
}

bool RateLimiter::allow(const std::string& key, int64_t now_ms) {
  if (!limit_.enabled()) return true;
  Shard& shard = shards_[std::hash<std::string>{}(key) % shards_.size()];
  std::lock_guard<std::mutex> lock(shard.mu);
  Bucket& b = refill(shard, key, now_ms);
  if (b.tokens < 1.0) return false;
  b.tokens -= 1.0;
  return true;
}

bool RateLimiter::exhausted(const std::string& key, int64_t now_ms) {
  if (!limit_.enabled()) return false;
  Shard& shard = shards_[std::hash<std::string>{}(key) % shards_.size()];
  std::lock_guard<std::mutex> lock(shard.mu);
  return refill(shard, key, now_ms).tokens < 1.0;
}

int RateLimiter::retry_after_s() const {
  if (!limit_.enabled()) return 1;
  return std::max(1, static_cast<int>(std::ceil(1.0 / limit_.per_second)));
}

}  // namespace faqbot::http
