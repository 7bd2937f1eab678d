#include "bot/service/typing_board.h"

namespace faqbot::service {
namespace {

constexpr const char* kPrefix = "typing/";

}  // namespace

std::string TypingBoard::name_of(const std::string& session_id, Typist who) {
  return std::string(kPrefix) + (who == Typist::kInvestor ? "i/" : "a/") + session_id;
}

bool TypingBoard::mark(const std::string& session_id, Typist who, int64_t now_ms) {
  const std::string name = name_of(session_id, who);
  {
    std::lock_guard<std::mutex> lock(mu_);
    sweep(now_ms);
    int64_t& last = written_[name];
    if (last != 0 && now_ms - last < throttle_ms_) return false;
    last = now_ms;
  }
  return store_.set_live_mark(name, now_ms).ok();
}

void TypingBoard::clear(const std::string& session_id, Typist who) {
  const std::string name = name_of(session_id, who);
  {
    std::lock_guard<std::mutex> lock(mu_);
    written_.erase(name);
  }
  (void)store_.clear_live_mark(name);  // a mark left behind lapses after ttl_ms
}

int64_t TypingBoard::marked_at(const std::string& session_id, Typist who, int64_t now_ms) const {
  auto at = store_.live_mark(name_of(session_id, who));
  if (!at.ok() || at.value() == 0) return 0;
  return now_ms - at.value() < ttl_ms_ ? at.value() : 0;
}

void TypingBoard::sweep(int64_t now_ms) {
  if (now_ms - last_sweep_ms_ < ttl_ms_) return;  // at most one sweep a ttl
  last_sweep_ms_ = now_ms;
  for (auto it = written_.begin(); it != written_.end();) {
    it = now_ms - it->second >= throttle_ms_ ? written_.erase(it) : std::next(it);
  }
  (void)store_.drop_live_marks(kPrefix, now_ms - ttl_ms_);  // retried at the next sweep
}

}  // namespace faqbot::service
