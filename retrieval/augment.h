#pragma once
// Synthetic training variants generated from the knowledge base itself, so
// the models see the noise real questions carry: a homophone typo (a
// character replaced by another corpus character with the same toneless
// pinyin, 体现 for 提现) and a dropped character. Deterministic. (Appending
// out-of-scope examples as chit-chat clauses was measured and dropped: it
// taught the models that out-of-scope text is harmless, probe_oos refused
// 0.90 -> 0.60; clauses are handled at search time, clauses.h.)
#include <cstdint>
#include <string>
#include <vector>

#include "retrieval/pinyin.h"

namespace faqbot::retrieval {

struct AugmentedVariant {
  std::string text;    // normalised
  uint32_t source = 0;  // index of the variant it was made from
};

class Augmenter {
 public:
  // `corpus_texts`: every normalised text of the corpus (homophones are
  // taken among their characters, so replacements are common characters).
  // `pinyin` may be null or empty (no homophone typos then); it must outlive
  // the augmenter.
  Augmenter(const PinyinTable* pinyin, const std::vector<std::string>& corpus_texts);

  // Synthetic variants of one entry's normalised variants. A variant's
  // synthetic variants are drawn from its own text (stable_order.h): they
  // do not change when other variants are added, removed or reordered.
  std::vector<AugmentedVariant> augment(const std::vector<std::string>& variants) const;

 private:
  std::u32string homophone_typo(const std::u32string& text, uint64_t seed) const;

  const PinyinTable* pinyin_;
  std::vector<std::pair<std::string, char32_t>> by_syllable_;  // sorted (syllable, char)
};

}  // namespace faqbot::retrieval
