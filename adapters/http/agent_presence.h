#pragma once
// When each agent last used the agent API (any authenticated request), so
// the console can show who is online before transferring a ticket. Kept in
// the store (Store::set_live_mark, name "seen/<agent id>") so that behind
// several replicas an agent active on one is online on all. Written at most
// once every kWriteEveryMs per agent and process; a store that fails reads
// as "never seen". Thread-safe.
#include <cstdint>
#include <map>
#include <mutex>
#include <string>

#include "bot/store/store.h"

namespace faqbot::http {

class AgentPresence {
 public:
  static constexpr int64_t kOnlineMs = 30000;     // seen this recently = online (the console polls every few s)
  static constexpr int64_t kWriteEveryMs = 5000;  // well inside kOnlineMs

  explicit AgentPresence(store::Store& store) : store_(store) {}

  void seen(const std::string& agent_id, int64_t now_ms) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      int64_t& last = written_[agent_id];
      if (last != 0 && now_ms - last < kWriteEveryMs) return;
      last = now_ms;
    }
    (void)store_.set_live_mark(name_of(agent_id), now_ms);  // a missed write is made up kWriteEveryMs later
  }
  // 0 = never seen (or the store did not answer).
  int64_t last_seen(const std::string& agent_id) const {
    auto at = store_.live_mark(name_of(agent_id));
    return at.ok() ? at.value() : 0;
  }
  bool online(const std::string& agent_id, int64_t now_ms) const {
    const int64_t seen = last_seen(agent_id);
    return seen > 0 && now_ms - seen < kOnlineMs;
  }

 private:
  static std::string name_of(const std::string& agent_id) { return "seen/" + agent_id; }

  store::Store& store_;
  std::mutex mu_;
  std::map<std::string, int64_t> written_;  // guarded by mu_; one entry per configured agent at most
};

}  // namespace faqbot::http
