#pragma once
// Who is typing in which conversation right now: the investor (shown to the
// agent) or the agent (shown to the investor). A typing indicator is a hint
// that expires within seconds, not a record, but behind several replicas the
// investor and the agent talk to different ones: the marks live in the store
// (Store::set_live_mark, names "typing/i/<session>" and "typing/a/<session>")
// so every replica sees what one was told.
//
// A typist's mark lasts ttl_ms; marks closer together than throttle_ms are
// not written (mark() returns false), so a client that reports every
// keystroke costs one store write a second (the throttle is per process).
// clear() ends a mark at once (the message was sent). Marks past their expiry
// are swept from the store at most once a ttl per process. A store that
// fails reads as "nobody types": the indicator is never an error.
// Thread-safe.
#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>

#include "bot/store/store.h"

namespace faqbot::service {

enum class Typist { kInvestor, kAgent };

class TypingBoard {
 public:
  static constexpr int64_t kDefaultTtlMs = 6000;
  static constexpr int64_t kDefaultThrottleMs = 1000;

  explicit TypingBoard(store::Store& store, int64_t ttl_ms = kDefaultTtlMs,
                       int64_t throttle_ms = kDefaultThrottleMs)
      : store_(store), ttl_ms_(ttl_ms), throttle_ms_(throttle_ms) {}

  // Records that `who` types in `session_id` at now_ms. False when throttled
  // (this process wrote a mark of the same typist less than throttle_ms ago)
  // or when the store refused it.
  bool mark(const std::string& session_id, Typist who, int64_t now_ms);
  void clear(const std::string& session_id, Typist who);
  // When `who` last marked, while that mark is younger than ttl_ms; else 0.
  int64_t marked_at(const std::string& session_id, Typist who, int64_t now_ms) const;
  bool typing(const std::string& session_id, Typist who, int64_t now_ms) const {
    return marked_at(session_id, who, now_ms) != 0;
  }
  int64_t ttl_ms() const { return ttl_ms_; }

 private:
  static std::string name_of(const std::string& session_id, Typist who);
  void sweep(int64_t now_ms);  // holds mu_

  store::Store& store_;
  const int64_t ttl_ms_;
  const int64_t throttle_ms_;
  std::mutex mu_;
  std::unordered_map<std::string, int64_t> written_;  // mark name -> this process's last write; guarded by mu_
  int64_t last_sweep_ms_ = 0;                         // guarded by mu_
};

}  // namespace faqbot::service
