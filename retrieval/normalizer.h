#pragma once
// Text normalisation applied to every question before tokenisation:
// full-width -> half-width, ASCII lowercase, traditional -> simplified
// (OpenCC t2s), percentages said in characters as digits ("百分之六点五"
// -> "6.5%": spoken_numbers.h), removal of punctuation / emoji /
// whitespace / symbols, then the operator's synonym map (longest match
// first, left to right; a word of Latin letters is rewritten only when it
// reads whole as keys and pinyin syllables, so "tx" and "tixianduojiu" are
// rewritten and "txt" is not).
// Keys that are foreign words (Latin letters, 3 or more, a vowel, not read
// whole as pinyin: "withdraw", "login", "top up") are rewritten only where
// they are whole words of the text as typed, before whitespace is dropped:
// "login失败" and "Log in" are rewritten, "blogin" and "apple" are not.
// An apostrophe between letters is inside the word ("what's" matches the
// key "what's", normalised "whats").
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "knowledge/status.h"

namespace opencc {
class SimpleConverter;
}

namespace faqbot::retrieval {

class Normalizer {
 public:
  // Loads OpenCC's t2s.json (from /usr/share/opencc/). Fails with
  // kFailedPrecondition when OpenCC data is missing. `synonyms` maps a
  // variant to its canonical form; both sides are normalised (without
  // synonyms) before use; empty keys are ignored. A key mapped to itself is
  // a guard: being longer, it is matched before the shorter keys inside it
  // and keeps them as typed ("取款机" keeps "取款" from becoming 提现).
  static Result<std::unique_ptr<Normalizer>> create(
      const std::map<std::string, std::string>& synonyms);
  ~Normalizer();

  // Full pipeline. Thread-safe (the OpenCC converter is guarded by a mutex).
  // Output holds only lowercase ASCII letters, digits and CJK ideographs.
  std::string normalize(std::string_view text) const;

  // Pipeline without the synonym map.
  std::string normalize_without_synonyms(std::string_view text) const;

 private:
  Normalizer() = default;
  std::string apply_synonyms(const std::string& text) const;
  // Width/case folded, traditional converted to simplified; nothing dropped.
  std::u32string fold_and_convert(std::string_view text) const;
  // Only the code points kept as features (letters, digits, CJK).
  static std::string keep_features(const std::u32string& cps);
  // A normalised synonym key that is matched only as whole typed words.
  static bool is_foreign_word(const std::string& key);
  std::u32string rewrite_foreign_words(const std::u32string& cps) const;
  static constexpr size_t kMaxForeignWords = 3;
  static constexpr size_t kMaxForeignKey = 32;
  // One whole word of Latin letters (see normalizer.cpp); longer runs than
  // kMaxLatinRun letters are kept as typed (bounds the work per question).
  std::string rewrite_latin_run(std::string_view run) const;
  static constexpr size_t kMaxLatinRun = 64;

  // True when `cp` is a t2s dictionary key of its own that changes text
  // (normalizer.cpp, t2s_changes): a text with no such character, and no
  // changing phrase key of t2s_phrase_keys_, is left unchanged by OpenCC,
  // so it skips the (slow, mutex-guarded) conversion.
  bool t2s_may_change(char32_t cp) const {
    return cp < t2s_chars_.size() ? t2s_chars_[cp] : true;
  }

  std::unique_ptr<opencc::SimpleConverter> t2s_;
  std::vector<bool> t2s_chars_;  // by code point; empty = convert every text
  // Code points changed only by phrase keys -> those keys (UTF-8).
  std::unordered_map<char32_t, std::vector<std::string>> t2s_phrase_keys_;
  mutable std::mutex t2s_mutex_;
  std::unordered_map<std::string, std::string> synonyms_;  // normalised
  size_t max_key_chars_ = 0;
  // First code point of a synonyms_ key (its UTF-8 bytes packed) -> bit
  // len-1 set for each key length `len` (characters) starting with it: the
  // lengths apply_synonyms looks up at a position.
  std::unordered_map<uint32_t, uint64_t> key_lengths_by_lead_;
  std::unordered_map<std::string, std::string> foreign_words_;  // normalised
};

}  // namespace faqbot::retrieval
