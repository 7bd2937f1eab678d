#include "retrieval/pinyin_features.h"

#include <string_view>

#include "knowledge/utf8.h"
#include "retrieval/hashing.h"

namespace faqbot::retrieval {
namespace {

constexpr uint64_t kSeedSyllableBigram = 0x7a3f19c2d4e6b851ULL;
constexpr uint64_t kSeedInitials = 0x3c6ef372fe94f82bULL;
constexpr float kWeightSyllableBigram = 0.5f;
constexpr float kWeightInitials = 0.3f;
// ASCII runs read as pinyin: at most this many letters (longer runs are
// words or codes, not pinyin).
constexpr size_t kMaxLatinRun = 12;
constexpr size_t kMaxSyllableLetters = 6;

bool is_letter(char32_t cp) { return cp >= 'a' && cp <= 'z'; }

// Syllables and initials of one run, emitted as features.
void emit(const std::vector<std::string_view>& syllables, bool with_initials,
          std::vector<Feature>& out) {
  std::string s;
  for (size_t i = 0; i + 1 < syllables.size(); ++i) {
    s.assign(syllables[i]);
    s.push_back('|');
    s.append(syllables[i + 1]);
    out.push_back({feature_key(FeatureType::kSyllableBigram, mix64(fnv1a(s, kSeedSyllableBigram))),
                   kWeightSyllableBigram});
  }
  if (!with_initials) return;
  std::string initials;
  for (auto syl : syllables) initials.push_back(syl[0]);
  for (size_t n = 2; n <= 3; ++n) {
    for (size_t i = 0; i + n <= initials.size(); ++i) {
      const uint64_t hash = mix64(fnv1a(std::string_view(initials).substr(i, n), kSeedInitials));
      out.push_back({feature_key(FeatureType::kInitials, hash), kWeightInitials});
    }
  }
}

// Splits `letters` into the fewest syllables; empty when it does not split.
std::vector<std::string_view> split_syllables(const PinyinTable& table, std::string_view letters) {
  const size_t n = letters.size();
  std::vector<size_t> best(n + 1, SIZE_MAX), from(n + 1, 0);
  best[0] = 0;
  for (size_t i = 0; i < n; ++i) {
    if (best[i] == SIZE_MAX) continue;
    for (size_t len = 1; len <= kMaxSyllableLetters && i + len <= n; ++len) {
      if (best[i] + 1 < best[i + len] && table.is_syllable(letters.substr(i, len))) {
        best[i + len] = best[i] + 1;
        from[i + len] = i;
      }
    }
  }
  std::vector<std::string_view> out;
  if (best[n] == SIZE_MAX) return out;
  for (size_t end = n; end > 0; end = from[end]) out.push_back(letters.substr(from[end], end - from[end]));
  return {out.rbegin(), out.rend()};
}

void emit_latin_run(const PinyinTable& table, std::string_view letters, bool with_initials,
                    std::vector<Feature>& out) {
  if (letters.size() < 2 || letters.size() > kMaxLatinRun) return;
  std::vector<std::string_view> syllables = split_syllables(table, letters);
  if (syllables.size() >= 2) {
    emit(syllables, with_initials, out);
    return;
  }
  // Not pinyin: initials typed as an abbreviation ("sxf").
  std::vector<std::string_view> initials;
  for (size_t i = 0; i < letters.size(); ++i) initials.push_back(letters.substr(i, 1));
  emit(initials, with_initials, out);
}

}  // namespace

void append_pinyin_features(const PinyinTable& table, const std::u32string& text,
                            std::vector<Feature>& out, bool initials) {
  if (table.empty()) return;
  std::vector<std::string_view> run;
  std::string latin;
  auto flush = [&]() {
    if (run.size() >= 2) emit(run, initials, out);
    run.clear();
    if (!latin.empty()) emit_latin_run(table, latin, initials, out);
    latin.clear();
  };
  for (char32_t cp : text) {
    if (is_letter(cp)) {
      if (!run.empty()) flush();
      latin.push_back(static_cast<char>(cp));
      continue;
    }
    if (!latin.empty()) flush();
    std::string_view syl = utf8::is_cjk(cp) ? table.syllable(cp) : std::string_view();
    if (syl.empty()) {
      flush();
    } else {
      run.push_back(syl);
    }
  }
  flush();
}

}  // namespace faqbot::retrieval
