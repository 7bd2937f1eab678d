#include "knowledge/phrase_matcher.h"

#include <map>
#include <queue>

namespace faqbot::knowledge {

PhraseMatcher::PhraseMatcher(const std::vector<std::string>& phrases) : phrases_(phrases) {
  // The trie, with edges in maps while it grows.
  std::vector<std::map<unsigned char, uint32_t>> children(1);
  std::vector<std::vector<uint32_t>> ending(1);
  for (uint32_t id = 0; id < phrases.size(); ++id) {
    const std::string& p = phrases[id];
    phrase_sizes_.push_back(static_cast<uint32_t>(p.size()));
    if (p.empty()) continue;
    uint32_t state = 0;
    for (char c : p) {
      const unsigned char b = static_cast<unsigned char>(c);
      auto it = children[state].find(b);
      if (it == children[state].end()) {
        const uint32_t created = static_cast<uint32_t>(children.size());
        children[state].emplace(b, created);
        children.emplace_back();
        ending.emplace_back();
        state = created;
      } else {
        state = it->second;
      }
    }
    ending[state].push_back(id);
  }

  nodes_.resize(children.size());
  for (uint32_t s = 0; s < children.size(); ++s) {
    nodes_[s].first_edge = static_cast<uint32_t>(edge_bytes_.size());
    nodes_[s].edges = static_cast<uint32_t>(children[s].size());
    for (const auto& [b, t] : children[s]) {
      edge_bytes_.push_back(b);
      edge_targets_.push_back(t);
    }
    nodes_[s].first_output = static_cast<uint32_t>(output_ids_.size());
    nodes_[s].outputs = static_cast<uint32_t>(ending[s].size());
    output_ids_.insert(output_ids_.end(), ending[s].begin(), ending[s].end());
  }
  for (const auto& [b, t] : children[0]) root_[b] = t;

  // Failure and output links, breadth first (a node's fail is shallower).
  std::queue<uint32_t> order;
  for (const auto& [b, t] : children[0]) {
    nodes_[t].fail = 0;
    order.push(t);
  }
  while (!order.empty()) {
    const uint32_t s = order.front();
    order.pop();
    const uint32_t f = nodes_[s].fail;
    nodes_[s].output_link = nodes_[f].outputs ? f : nodes_[f].output_link;
    if (f == 0) nodes_[s].output_link = kNone;  // the root ends no phrase
    for (const auto& [b, t] : children[s]) {
      nodes_[t].fail = next(f, b);
      // next() from the fail of s never returns t itself: t is deeper.
      order.push(t);
    }
  }
}

PhraseMatcher::Present PhraseMatcher::present(std::string_view text) const {
  Present out;
  out.words_.assign((phrase_sizes_.size() + 63) / 64, 0);
  for_each(text, [&](uint32_t id, size_t) { out.words_[id / 64] |= uint64_t{1} << (id % 64); });
  return out;
}

bool PhraseMatcher::any_in(std::string_view text) const {
  uint32_t state = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    state = next(state, static_cast<unsigned char>(text[i]));
    if (nodes_[state].outputs || nodes_[state].output_link != kNone) return true;
  }
  return false;
}

}  // namespace faqbot::knowledge
