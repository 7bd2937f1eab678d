#include "retrieval/spoken_numbers.h"

#include <cstdint>
#include <optional>
#include <string_view>

namespace faqbot::retrieval {
namespace {

// 0-9 for 零一二两三四五六七八九, -1 otherwise.
int digit_of(char32_t cp) {
  static constexpr std::u32string_view kDigits = U"零一二三四五六七八九";
  if (cp == U'两') return 2;
  const size_t at = kDigits.find(cp);
  return at == std::u32string_view::npos ? -1 : static_cast<int>(at);
}

// 10, 100, 1000, 10000 for 十百千万, 0 otherwise.
int64_t multiplier_of(char32_t cp) {
  switch (cp) {
    case U'十': return 10;
    case U'百': return 100;
    case U'千': return 1000;
    case U'万': return 10000;
    default: return 0;
  }
}

}  // namespace

bool is_chinese_numeral(char32_t cp) { return digit_of(cp) >= 0 || multiplier_of(cp) > 0; }

std::optional<int64_t> chinese_number_value(std::u32string_view run) {
  if (run == U"零") return 0;
  int64_t total = 0;      // whole 万 groups
  int64_t section = 0;    // below 万
  int64_t last = 100000;  // the last multiplier inside the section
  int pending = -1;       // a digit waiting for its multiplier
  bool after_zero = false;
  bool seen_ten_thousand = false;
  for (size_t i = 0; i < run.size(); ++i) {
    const char32_t cp = run[i];
    if (cp == U'零') {
      if (pending >= 0 || i == 0) return std::nullopt;
      after_zero = true;
      continue;
    }
    const int d = digit_of(cp);
    if (d >= 0) {
      if (pending >= 0) return std::nullopt;  // two digits in a row: 四五
      pending = d;
      continue;
    }
    const int64_t m = multiplier_of(cp);
    if (m == 10000) {
      if (seen_ten_thousand) return std::nullopt;
      if (pending >= 0) section += pending;
      if (section == 0) return std::nullopt;
      total = section * 10000;
      section = 0;
      pending = -1;
      last = 10000;
      after_zero = false;
      seen_ten_thousand = true;
      continue;
    }
    // 十, 百, 千: each smaller than the one before within the section.
    if (m >= last) return std::nullopt;
    if (pending < 0) {
      // Only 十 stands alone at the start ("十二") or after 零 ("一百零十"
      // is not said, but "一万零十" is harmless).
      if (m != 10 || (i > 0 && !after_zero)) return std::nullopt;
      pending = 1;
    }
    section += pending * m;
    pending = -1;
    last = m;
    after_zero = false;
  }
  if (pending >= 0) {
    // A digit after a multiplier without its own: "两千五" is 2500.
    const bool abbreviated = !after_zero && last <= 10000 && last > 10;
    section += abbreviated ? pending * (last / 10) : pending;
  }
  return total + section;
}

namespace {

std::u32string digits(int64_t v) {
  std::u32string out;
  for (char c : std::to_string(v)) out.push_back(static_cast<char32_t>(c));
  return out;
}

}  // namespace

std::u32string spoken_numbers_to_digits(const std::u32string& text) {
  static constexpr std::u32string_view kPercent = U"百分之";
  std::u32string out;
  out.reserve(text.size());
  const size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    if (text.compare(i, kPercent.size(), kPercent) != 0) {
      out.push_back(text[i++]);
      continue;
    }
    const size_t from = i + kPercent.size();
    size_t end = from;
    while (end < n && is_chinese_numeral(text[end])) ++end;
    const std::optional<int64_t> value =
        end > from ? chinese_number_value(std::u32string_view(text.data() + from, end - from))
                   : std::nullopt;
    if (!value) {  // 百分之几, 百分之百 …: kept as said
      out.append(text, i, end - i);
      i = end;
      continue;
    }
    out += digits(*value);
    if (end + 1 < n && text[end] == U'点' && digit_of(text[end + 1]) >= 0) {
      out.push_back(U'.');
      for (++end; end < n && digit_of(text[end]) >= 0; ++end) {
        out.push_back(static_cast<char32_t>(U'0' + digit_of(text[end])));
      }
    }
    out.push_back(U'%');
    i = end;
  }
  return out;
}

}  // namespace faqbot::retrieval
