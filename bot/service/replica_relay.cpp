#include "bot/service/replica_relay.h"

#include <chrono>
#include <cstdio>

namespace faqbot::service {

ReplicaRelay::ReplicaRelay(store::Store& store, MessageBus& bus, int wait_ms)
    : store_(store), bus_(bus), wait_ms_(wait_ms) {
  thread_ = std::thread([this] { run(); });
}

ReplicaRelay::~ReplicaRelay() {
  stopping_ = true;
  if (thread_.joinable()) thread_.join();
}

void ReplicaRelay::run() {
  bool reported = false;
  while (!stopping_) {
    auto notices = store_.wait_message_notices(wait_ms_);
    if (!notices.ok()) {
      active_ = false;
      if (notices.status().code() == StatusCode::kFailedPrecondition) return;  // no notices: one host
      if (!reported) {
        std::fprintf(stderr, "faqbot: replica notices unavailable, streams poll the store: %s\n",
                     notices.status().message().c_str());
        reported = true;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(wait_ms_));
      continue;
    }
    active_ = true;
    reported = false;
    for (const store::MessageNotice& n : notices.value()) bus_.publish(n.session_id, n.message_id);
  }
}

}  // namespace faqbot::service
