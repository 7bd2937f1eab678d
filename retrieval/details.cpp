#include "retrieval/details.h"

namespace faqbot::retrieval {
namespace {

bool is_digit(char32_t cp) { return cp >= U'0' && cp <= U'9'; }
bool is_latin(char32_t cp) { return cp >= U'a' && cp <= U'z'; }

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
  return out;
}

}  // namespace faqbot::retrieval
