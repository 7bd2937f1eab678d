#pragma once
// The pinyin channel of the tokenizer: features that survive homophone typos
// (体现 for 提现: both "ti xian") and abbreviations typed in Latin letters
// ("tx", "sxf", "tixian").
//   - syllable bigrams of consecutive CJK characters ("ti|xian");
//   - initials bigrams and trigrams ("tx", "sxf" from 手续费);
//   - a run of ASCII letters is read as full pinyin when it splits into
//     syllables ("tixian" -> "ti|xian", initials "tx"), and as initials
//     otherwise ("sxf").
#include <string>
#include <vector>

#include "retrieval/pinyin.h"
#include "retrieval/tokenizer.h"

namespace faqbot::retrieval {

// Appends the pinyin features of `text` (normalised code points) to `out`
// (unsorted; keys may repeat); the initials only when `initials`.
void append_pinyin_features(const PinyinTable& table, const std::u32string& text,
                            std::vector<Feature>& out, bool initials = true);

}  // namespace faqbot::retrieval
