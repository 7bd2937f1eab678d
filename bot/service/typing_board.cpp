#include "bot/service/typing_board.h"

#include <algorithm>

namespace faqbot::service {

bool TypingBoard::mark(const std::string& session_id, Typist who, int64_t now_ms) {
  std::lock_guard<std::mutex> lock(mu_);
  drop_expired(now_ms);
  int64_t& last = at(marks_[session_id], who);
  if (last != 0 && now_ms - last < throttle_ms_) return false;
  last = now_ms;
  return true;
}

void TypingBoard::clear(const std::string& session_id, Typist who) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = marks_.find(session_id);
  if (it == marks_.end()) return;
  at(it->second, who) = 0;
  if (it->second.investor_at == 0 && it->second.agent_at == 0) marks_.erase(it);
}

int64_t TypingBoard::marked_at(const std::string& session_id, Typist who, int64_t now_ms) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = marks_.find(session_id);
  if (it == marks_.end()) return 0;
  const int64_t last = who == Typist::kInvestor ? it->second.investor_at : it->second.agent_at;
  return last != 0 && now_ms - last < ttl_ms_ ? last : 0;
}

void TypingBoard::drop_expired(int64_t now_ms) {
  if (now_ms - last_sweep_ms_ < ttl_ms_) return;  // at most one sweep a ttl
  last_sweep_ms_ = now_ms;
  for (auto it = marks_.begin(); it != marks_.end();) {
    const int64_t newest = std::max(it->second.investor_at, it->second.agent_at);
    it = now_ms - newest >= ttl_ms_ ? marks_.erase(it) : std::next(it);
  }
}

}  // namespace faqbot::service
