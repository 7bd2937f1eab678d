#pragma once
// The toneless syllables of Mandarin as typed in pinyin ("zhuan", "lv" for
// lü), without interjections (m, n, ng, hm). Used to tell a run of Latin
// letters that reads as pinyin ("tixianduojiu") from a foreign word ("txt").
#include <string_view>

namespace faqbot::retrieval {

// True when `s` (lowercase ASCII) is one syllable. Pure, thread-safe.
bool is_pinyin_syllable(std::string_view s);

inline constexpr size_t kMaxPinyinSyllable = 6;  // "zhuang", "chuang", "shuang"

}  // namespace faqbot::retrieval
