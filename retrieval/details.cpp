#include "retrieval/details.h"

#include <string_view>

namespace faqbot::retrieval {
namespace {

bool is_digit(char32_t cp) { return cp >= U'0' && cp <= U'9'; }
bool is_latin(char32_t cp) { return cp >= U'a' && cp <= U'z'; }

bool is_cjk_numeral(char32_t cp) {
  return std::u32string_view(U"零一二两三四五六七八九十百").find(cp) != std::u32string_view::npos;
}

bool starts_at(const std::u32string& text, size_t at, std::u32string_view word) {
  return text.compare(at, word.size(), word) == 0;
}

// A stated age without 岁: "今年58了" / "今年五十八了" read as "0岁了" (今年
// otherwise draws the question toward chit-chat about the year; with 岁 the
// question already says what the number is).
std::u32string read_ages(const std::u32string& text) {
  std::u32string out;
  out.reserve(text.size());
  const size_t n = text.size();
  for (size_t i = 0; i < n;) {
    if (starts_at(text, i, U"今年")) {
      size_t end = i + 2;
      if (end < n && text[end] == kDetailPlaceholder) {
        ++end;
      } else {
        while (end < n && is_cjk_numeral(text[end])) ++end;
      }
      if (end > i + 2 && end < n && text[end] == U'了') {
        out += kDetailPlaceholder;
        out += U'岁';
        i = end;  // 了 is copied next
        continue;
      }
    }
    out.push_back(text[i++]);
  }
  return out;
}

}  // namespace

std::u32string collapse_details(const std::u32string& text) {
  std::u32string out;
  out.reserve(text.size());
  const size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    if (!is_digit(text[i]) && !is_latin(text[i])) {
      out.push_back(text[i++]);
      continue;
    }
    size_t end = i;
    size_t digits = 0;
    while (end < n && (is_digit(text[end]) || is_latin(text[end]))) digits += is_digit(text[end++]);
    if (digits == 0) {
      out.append(text, i, end - i);
    } else if (digits >= 4 && digits < end - i) {
      out.push_back(kDetailPlaceholder);
    } else {
      for (size_t j = i; j < end;) {
        if (!is_digit(text[j])) {
          out.push_back(text[j++]);
          continue;
        }
        while (j < end && is_digit(text[j])) ++j;
        out.push_back(kDetailPlaceholder);
        if (j + 1 == end && (text[j] == U'w' || text[j] == U'k')) {
          out.push_back(text[j] == U'w' ? U'万' : U'千');
          ++j;
        }
      }
    }
    i = end;
  }
  return read_ages(out);
}

}  // namespace faqbot::retrieval
