#pragma once
// When each agent last used the agent API (any authenticated request), so
// the console can show who is online before transferring a ticket. In
// memory, per process: a hint, not a record. Thread-safe.
#include <cstdint>
#include <map>
#include <mutex>
#include <string>

namespace faqbot::http {

class AgentPresence {
 public:
  static constexpr int64_t kOnlineMs = 30000;  // seen this recently = online (the console polls every few s)

  void seen(const std::string& agent_id, int64_t now_ms) {
    std::lock_guard<std::mutex> lock(mu_);
    last_seen_[agent_id] = now_ms;
  }
  // 0 = never seen by this process.
  int64_t last_seen(const std::string& agent_id) const {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = last_seen_.find(agent_id);
    return it == last_seen_.end() ? 0 : it->second;
  }

 private:
  mutable std::mutex mu_;
  std::map<std::string, int64_t> last_seen_;  // guarded by mu_; one entry per configured agent at most
};

}  // namespace faqbot::http
