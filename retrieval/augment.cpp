#include "retrieval/augment.h"

#include <algorithm>

#include "knowledge/utf8.h"
#include "retrieval/prng.h"
#include "retrieval/stable_order.h"

namespace faqbot::retrieval {
namespace {

// Shortest variant (code points) that still makes sense with a character
// dropped.
constexpr size_t kMinCharsToDrop = 5;
// Salt of the augmenter's keyed draws (stable_order.h).
constexpr uint64_t kPurposeAugment = 0xa5;

}  // namespace

Augmenter::Augmenter(const PinyinTable* pinyin, const std::vector<std::string>& corpus_texts)
    : pinyin_(pinyin) {
  if (!pinyin_ || pinyin_->empty()) return;
  std::vector<char32_t> chars;
  for (const auto& t : corpus_texts) {
    for (char32_t cp : utf8::decode(t)) {
      if (utf8::is_cjk(cp)) chars.push_back(cp);
    }
  }
  std::sort(chars.begin(), chars.end());
  chars.erase(std::unique(chars.begin(), chars.end()), chars.end());
  for (char32_t cp : chars) {
    const auto syl = pinyin_->syllable(cp);
    if (!syl.empty()) by_syllable_.emplace_back(std::string(syl), cp);
  }
  std::sort(by_syllable_.begin(), by_syllable_.end());
}

std::u32string Augmenter::homophone_typo(const std::u32string& text, uint64_t seed) const {
  // Positions with at least one other corpus character of the same reading.
  std::vector<std::pair<size_t, std::vector<char32_t>>> options;
  for (size_t i = 0; i < text.size(); ++i) {
    const auto syl = pinyin_->syllable(text[i]);
    if (syl.empty()) continue;
    auto lo = std::lower_bound(by_syllable_.begin(), by_syllable_.end(),
                               std::pair<std::string, char32_t>(std::string(syl), 0));
    std::vector<char32_t> others;
    for (auto it = lo; it != by_syllable_.end() && it->first == syl; ++it) {
      if (it->second != text[i]) others.push_back(it->second);
    }
    if (!others.empty()) options.emplace_back(i, std::move(others));
  }
  if (options.empty()) return {};
  Prng rng(seed);
  const auto& [pos, others] = options[rng.below(options.size())];
  std::u32string out = text;
  out[pos] = others[rng.below(others.size())];
  return out;
}

std::vector<AugmentedVariant> Augmenter::augment(const std::vector<std::string>& variants) const {
  std::vector<AugmentedVariant> out;
  for (size_t j = 0; j < variants.size(); ++j) {
    Prng rng = keyed_prng(content_key(variants[j], -1), kPurposeAugment);
    const std::u32string text = utf8::decode(variants[j]);
    const auto source = static_cast<uint32_t>(j);
    if (!by_syllable_.empty()) {
      std::u32string typo = homophone_typo(text, rng.next());
      if (!typo.empty()) out.push_back({utf8::encode(typo), source});
    }
    if (text.size() >= kMinCharsToDrop) {
      std::u32string dropped = text;
      dropped.erase(rng.below(text.size()), 1);
      out.push_back({utf8::encode(dropped), source});
    }
  }
  return out;
}

}  // namespace faqbot::retrieval
