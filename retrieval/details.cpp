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

// A stated age: "五十八岁", "五十多岁" (a numeral run, 多, 岁) and
// "今年58了" / "今年五十八了" (今年 drawing the question toward chit-chat
// about the year) read as "0岁" and "0岁了".
std::u32string read_ages(const std::u32string& text) {
  std::u32string out;
  out.reserve(text.size());
  const size_t n = text.size();
  for (size_t i = 0; i < n;) {
    const bool this_year = starts_at(text, i, U"今年");
    const size_t from = this_year ? i + 2 : i;
    size_t end = from;
    if (end < n && text[end] == kDetailPlaceholder) {
      ++end;
    } else {
      while (end < n && is_cjk_numeral(text[end])) ++end;
    }
    if (end > from) {
      size_t after = end;
      if (after < n && text[after] == U'多') ++after;
      if (after < n && text[after] == U'岁') {
        if (this_year) out += U"今年";
        out += kDetailPlaceholder;
        i = after;  // 岁 is copied next
        continue;
      }
      if (this_year && after < n && text[after] == U'了') {
        out += kDetailPlaceholder;
        out += U'岁';
        i = after;  // 了 is copied next
        continue;
      }
    }
    if (this_year) {
      out += U"今年";
      i += 2;
    } else if (end > from) {
      out.append(text, i, end - i);
      i = end;
    } else {
      out.push_back(text[i++]);
    }
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
