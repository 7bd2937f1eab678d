#include "bot/service/message_bus.h"

namespace faqbot::service {

void MessageBus::publish(const std::string& session_id, int64_t message_id) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = entries_.find(session_id);
    if (it == entries_.end()) return;  // nobody listening
    if (message_id > it->second.latest) it->second.latest = message_id;
  }
  cv_.notify_all();
}

void MessageBus::poke(const std::string& session_id) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = entries_.find(session_id);
    if (it == entries_.end()) return;  // nobody listening
    ++it->second.pokes;
  }
  cv_.notify_all();
}

bool MessageBus::wait(const std::string& session_id, int64_t after_id,
                      std::chrono::milliseconds timeout) {
  std::unique_lock<std::mutex> lock(mu_);
  if (stopped_) return false;
  Entry& entry = entries_[session_id];
  ++entry.waiters;
  const uint64_t pokes = entry.pokes;
  const bool woke = cv_.wait_for(lock, timeout, [&] {
    return stopped_ || entry.latest > after_id || entry.pokes != pokes;
  });
  const bool got = woke && !stopped_;
  if (--entry.waiters == 0) entries_.erase(session_id);
  return got;
}

void MessageBus::shutdown() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopped_ = true;
  }
  cv_.notify_all();
}

bool MessageBus::stopped() const {
  std::lock_guard<std::mutex> lock(mu_);
  return stopped_;
}

}  // namespace faqbot::service
