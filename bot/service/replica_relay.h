#pragma once
// Wakes this replica's MessageBus for messages other replicas commit: an
// agent's reply written through replica A reaches the investor whose event
// stream or poll is held by replica B. Reads Store::wait_message_notices
// (PostgreSQL LISTEN/NOTIFY) on a thread of its own. With a store that has no
// notices (SQLite: one host) it stops at once: this process's bus already
// sees every message. Event streams also re-read the store every few
// seconds (routes: the polling fallback) in case notices are lost.
//
// Thread-safety: construct and destroy on one thread; active() from any.
#include <atomic>
#include <thread>

#include "bot/service/message_bus.h"
#include "bot/store/store.h"

namespace faqbot::service {

class ReplicaRelay {
 public:
  // Borrows both; they must outlive the relay. wait_ms bounds how long
  // the destructor waits for the thread.
  ReplicaRelay(store::Store& store, MessageBus& bus, int wait_ms = 500);
  ~ReplicaRelay();
  ReplicaRelay(const ReplicaRelay&) = delete;
  ReplicaRelay& operator=(const ReplicaRelay&) = delete;

  // True once notices are being received (LISTEN established), false while
  // reconnecting and for a store without notices.
  bool active() const { return active_.load(); }

 private:
  void run();
  store::Store& store_;
  MessageBus& bus_;
  const int wait_ms_;
  std::atomic<bool> stopping_{false};
  std::atomic<bool> active_{false};
  std::thread thread_;
};

}  // namespace faqbot::service
