#include "knowledge/knowledge_base.h"

namespace faqbot::knowledge {

const char* to_string(HandoffMode mode) {
  switch (mode) {
    case HandoffMode::kNone: return "none";
    case HandoffMode::kOffer: return "offer";
    case HandoffMode::kHand: return "hand";
    case HandoffMode::kHandPriority: return "hand_priority";
  }
  return "none";
}

bool Entry::active_on(const CivilDate& today) const {
  if (auto from = parse_date(effective); from && today < *from) return false;
  if (auto until = parse_date(expires); until && *until < today) return false;
  return true;
}

const Entry* KnowledgeBase::find(const std::string& id) const {
  for (const Entry& e : entries) {
    if (e.id == id) return &e;
  }
  return nullptr;
}

std::string KnowledgeBase::reply(const std::string& key) const {
  auto it = replies.find(key);
  return it == replies.end() ? std::string() : render(it->second);
}

std::string KnowledgeBase::render(const std::string& text) const {
  std::string out;
  out.reserve(text.size() + 32);
  size_t i = 0;
  while (i < text.size()) {
    size_t open = text.find('{', i);
    if (open == std::string::npos) break;
    size_t close = text.find('}', open + 1);
    if (close == std::string::npos) break;
    out.append(text, i, open - i);
    std::string name = text.substr(open + 1, close - open - 1);
    auto it = variables.find(name);
    if (it != variables.end()) {
      out += it->second;
    } else {
      out.append(text, open, close - open + 1);  // runtime or unknown: keep
    }
    i = close + 1;
  }
  out.append(text, i, std::string::npos);
  return out;
}

}  // namespace faqbot::knowledge
