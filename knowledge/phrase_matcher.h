#pragma once
// Which of many phrases occur in a text, found in one pass over the text
// (an Aho-Corasick automaton over bytes, built once). The answer is the
// same as std::string::find on each phrase: byte substrings, overlapping
// occurrences included, so UTF-8 phrases match exactly where find would.
// Built for the many scope-rule words asked of every question (lookups,
// signals): one pass instead of one find per phrase. Immutable after
// construction; thread-safe.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace faqbot::knowledge {

class PhraseMatcher {
 public:
  // The phrases occurring in one text, by id (see PhraseMatcher).
  class Present {
   public:
    bool has(uint32_t id) const { return (words_[id / 64] >> (id % 64)) & 1; }
    bool any() const {
      for (uint64_t w : words_) {
        if (w != 0) return true;
      }
      return false;
    }

   private:
    friend class PhraseMatcher;
    std::vector<uint64_t> words_;
  };

  PhraseMatcher() : PhraseMatcher(std::vector<std::string>{}) {}
  // Phrase i has id i. Empty phrases never match (find would match them
  // everywhere: callers skip them). Equal phrases each get their id.
  explicit PhraseMatcher(const std::vector<std::string>& phrases);

  size_t size() const { return phrase_sizes_.size(); }
  const std::string& phrase(uint32_t id) const { return phrases_[id]; }

  // Calls visit(id, begin) for every occurrence of every phrase in `text`
  // (begin: its first byte), by increasing end, then longest first.
  template <class Visit>
  void for_each(std::string_view text, Visit&& visit) const {
    uint32_t state = 0;
    for (size_t i = 0; i < text.size(); ++i) {
      state = next(state, static_cast<unsigned char>(text[i]));
      for (uint32_t s = nodes_[state].outputs ? state : nodes_[state].output_link; s != kNone;
           s = nodes_[s].output_link) {
        for (uint32_t k = nodes_[s].first_output; k < nodes_[s].first_output + nodes_[s].outputs; ++k) {
          const uint32_t id = output_ids_[k];
          visit(id, i + 1 - phrase_sizes_[id]);
        }
      }
    }
  }

  // The phrases occurring in `text`.
  Present present(std::string_view text) const;
  // Whether any phrase occurs in `text`.
  bool any_in(std::string_view text) const;

 private:
  static constexpr uint32_t kNone = 0xFFFFFFFFu;
  struct Node {
    uint32_t first_edge = 0;   // into edge_bytes_/edge_targets_, sorted by byte
    uint32_t edges = 0;
    uint32_t fail = 0;         // longest proper suffix that is a node
    uint32_t output_link = kNone;  // nearest node down the fail chain with outputs
    uint32_t first_output = 0;     // into output_ids_
    uint32_t outputs = 0;          // phrases ending exactly here
  };

  // The goto of `state` on `byte`, following failure links.
  uint32_t next(uint32_t state, unsigned char byte) const {
    while (true) {
      if (state == 0) return root_[byte];
      const Node& n = nodes_[state];
      for (uint32_t e = n.first_edge; e < n.first_edge + n.edges; ++e) {
        if (edge_bytes_[e] == byte) return edge_targets_[e];
      }
      state = n.fail;
    }
  }

  std::vector<std::string> phrases_;
  std::vector<uint32_t> phrase_sizes_;
  std::vector<Node> nodes_;
  uint32_t root_[256] = {};  // the root's goto, complete (0 = stay at root)
  std::vector<unsigned char> edge_bytes_;
  std::vector<uint32_t> edge_targets_;
  std::vector<uint32_t> output_ids_;
};

}  // namespace faqbot::knowledge
