#pragma once
// Caches one platform access token (WeCom, WeChat, Feishu) until shortly
// before it expires. Thread-safe.
#include <chrono>
#include <functional>
#include <mutex>
#include <string>

#include "knowledge/status.h"

namespace faqbot::channels {

struct TokenGrant {
  std::string token;
  int64_t expires_in_s = 7200;
};

class TokenCache {
 public:
  // Returns the cached token, or calls `fetch` (under the lock) for a new one.
  Result<std::string> get(const std::function<Result<TokenGrant>()>& fetch) {
    std::lock_guard<std::mutex> lock(mu_);
    auto now = std::chrono::steady_clock::now();
    if (!token_.empty() && now < expires_) return token_;
    Result<TokenGrant> grant = fetch();
    if (!grant.ok()) return grant.status();
    token_ = grant->token;
    int64_t life = grant->expires_in_s > 120 ? grant->expires_in_s - 60 : grant->expires_in_s / 2;
    expires_ = now + std::chrono::seconds(life);
    return token_;
  }
  void invalidate() {
    std::lock_guard<std::mutex> lock(mu_);
    token_.clear();
  }

 private:
  std::mutex mu_;
  std::string token_;
  std::chrono::steady_clock::time_point expires_{};
};

}  // namespace faqbot::channels
