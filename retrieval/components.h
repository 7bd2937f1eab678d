#pragma once
// The engine's switchable components, for ablation measurements: each can be
// turned off by name in Settings::ablate or the FAQBOT_ABLATE environment
// variable (comma separated), e.g. FAQBOT_ABLATE=dense,pinyin.
#include <string>
#include <string_view>

namespace faqbot::retrieval {

struct Components {
  bool dense = true;    // supervised embedder scores (candidate generation stays)
  bool lexical = true;  // BM25 scores
  bool linear = true;   // one-vs-rest linear SVM scores
  bool pinyin = true;   // pinyin features in the tokenizer
  bool clauses = true;  // answering the in-scope clause of a multi-clause question
  bool augment = true;  // synthetic training variants (homophone typos, dropped characters)
  bool initials = true;  // pinyin initials among the pinyin features ("tx", "sxf")
  bool slots = true;     // what a question names against each candidate (slot_evidence.h)

  // Components named in `list` (comma separated; unknown names ignored) off.
  static Components without(std::string_view list);
  // A stable string of the switched-off components (for cache keys).
  std::string key() const;
};

}  // namespace faqbot::retrieval
