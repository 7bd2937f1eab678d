#pragma once
// Wakes up listeners (Server-Sent Events streams) when a session gets a new
// message. Only a latency shortcut: listeners always read the messages from
// the store, and a missed wake-up costs at most one wait timeout.
// Thread-safe.
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>

namespace faqbot::service {

class MessageBus {
 public:
  // Records that `session_id` now has messages up to `message_id`.
  void publish(const std::string& session_id, int64_t message_id);
  // Wakes the session's waiters without a message (e.g. typing changed).
  void poke(const std::string& session_id);
  // Blocks until the session has a message newer than `after_id` published,
  // a poke(), shutdown(), or `timeout` passed. True when woken by a message
  // or a poke.
  bool wait(const std::string& session_id, int64_t after_id, std::chrono::milliseconds timeout);
  // Wakes every waiter and makes later waits return at once (server stop).
  void shutdown();
  bool stopped() const;

 private:
  struct Entry {
    int64_t latest = 0;
    int waiters = 0;
    uint64_t pokes = 0;
  };
  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::unordered_map<std::string, Entry> entries_;  // only sessions with waiters
  bool stopped_ = false;
};

}  // namespace faqbot::service
