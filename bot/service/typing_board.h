#pragma once
// Who is typing in which conversation right now: the investor (shown to the
// agent) or the agent (shown to the investor). In memory only: a typing
// indicator is a hint that expires within seconds, not a record (behind
// several replicas each replica knows the typing it was told about).
//
// A typist's mark lasts ttl_ms; marks closer together than throttle_ms are
// ignored (mark() returns false), so a client that reports every keystroke
// costs one update a second. clear() ends a mark at once (the message was
// sent). Entries past their expiry are dropped as new marks come in, so the
// board holds only the conversations typed in within the last ttl_ms.
// Thread-safe.
#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>

namespace faqbot::service {

enum class Typist { kInvestor, kAgent };

class TypingBoard {
 public:
  static constexpr int64_t kDefaultTtlMs = 6000;
  static constexpr int64_t kDefaultThrottleMs = 1000;

  explicit TypingBoard(int64_t ttl_ms = kDefaultTtlMs, int64_t throttle_ms = kDefaultThrottleMs)
      : ttl_ms_(ttl_ms), throttle_ms_(throttle_ms) {}

  // Records that `who` types in `session_id` at now_ms. False when throttled
  // (an earlier mark of the same typist is younger than throttle_ms).
  bool mark(const std::string& session_id, Typist who, int64_t now_ms);
  void clear(const std::string& session_id, Typist who);
  // When `who` last marked, while that mark is younger than ttl_ms; else 0.
  int64_t marked_at(const std::string& session_id, Typist who, int64_t now_ms) const;
  bool typing(const std::string& session_id, Typist who, int64_t now_ms) const {
    return marked_at(session_id, who, now_ms) != 0;
  }
  int64_t ttl_ms() const { return ttl_ms_; }

 private:
  struct Marks {
    int64_t investor_at = 0;  // 0 = none
    int64_t agent_at = 0;
  };
  static int64_t& at(Marks& m, Typist who) { return who == Typist::kInvestor ? m.investor_at : m.agent_at; }
  void drop_expired(int64_t now_ms);  // holds mu_

  const int64_t ttl_ms_;
  const int64_t throttle_ms_;
  mutable std::mutex mu_;
  std::unordered_map<std::string, Marks> marks_;  // guarded by mu_
  int64_t last_sweep_ms_ = 0;                     // guarded by mu_
};

}  // namespace faqbot::service
