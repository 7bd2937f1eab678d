#include "bot/pii.h"

#include <algorithm>
#include <array>

#include "knowledge/utf8.h"

namespace faqbot::bot {
namespace {

constexpr size_t kSecretMinLength = 4;
constexpr size_t kMaxConnector = 4;  // code points between cue word and secret
const char32_t kSecretMask[] = U"******";

int digit_value(char32_t cp) {
  if (cp >= '0' && cp <= '9') return static_cast<int>(cp - '0');
  if (cp >= 0xFF10 && cp <= 0xFF19) return static_cast<int>(cp - 0xFF10);
  return -1;
}
bool is_digit(char32_t cp) { return digit_value(cp) >= 0; }
bool is_x(char32_t cp) { return cp == 'X' || cp == 'x' || cp == 0xFF38 || cp == 0xFF58; }
bool is_separator(char32_t cp) { return cp == ' ' || cp == '-' || cp == 0x3000 || cp == 0xFF0D; }

// One candidate number: the positions of its digits in the text (and of a
// trailing X for ID numbers), and its ASCII digits.
struct Number {
  std::vector<size_t> pos;
  std::string digits;  // ASCII; ends with 'X' for an ID with X check char
};

Number slice(const Number& n, size_t from, size_t count) {
  Number out;
  out.pos.assign(n.pos.begin() + from, n.pos.begin() + from + count);
  out.digits = n.digits.substr(from, count);
  return out;
}

bool is_mobile(const std::string& d) {
  return d.size() == 11 && d[0] == '1' && d[1] >= '3' && d[1] <= '9';
}

// Marks the digits of `n` to hide in `star`; returns the kind, or false when
// `n` is no personal number.
bool classify(const Number& n, std::vector<char>& star, PiiKind* kind) {
  const std::string& d = n.digits;
  auto hide = [&](size_t keep_front, size_t keep_back) {
    for (size_t i = keep_front; i + keep_back < n.pos.size(); ++i) star[n.pos[i]] = 1;
  };
  if (d.size() == 18 && id_number_valid(d)) {
    hide(4, 4);
    *kind = PiiKind::kIdNumber;
    return true;
  }
  if (d.back() != 'X' && d.size() >= 13 && d.size() <= 19 && luhn_valid(d)) {
    hide(4, 4);
    *kind = PiiKind::kBankCard;
    return true;
  }
  if (is_mobile(d)) {
    hide(3, 4);
    *kind = PiiKind::kMobile;
    return true;
  }
  return false;
}

// Finds runs of digits grouped by single separators, starting at `start`.
// Fills `groups` (sizes of the groups) and returns the position after the run.
size_t read_run(const std::u32string& s, size_t start, const std::vector<char>& taken, Number* n,
                std::vector<size_t>* groups) {
  size_t i = start;
  size_t group = 0;
  while (i < s.size() && !taken[i]) {
    if (is_digit(s[i])) {
      n->pos.push_back(i);
      n->digits += static_cast<char>('0' + digit_value(s[i]));
      ++group;
      ++i;
    } else if (is_separator(s[i]) && group > 0 && i + 1 < s.size() && is_digit(s[i + 1]) &&
               !taken[i + 1]) {
      groups->push_back(group);
      group = 0;
      ++i;
    } else {
      break;
    }
  }
  if (group > 0) groups->push_back(group);
  if (n->digits.size() == 17 && i < s.size() && is_x(s[i]) && !taken[i]) {
    n->pos.push_back(i);
    n->digits += 'X';
    if (!groups->empty()) ++groups->back();
    ++i;
  }
  return i;
}

const std::vector<std::u32string>& secret_cues() {
  static const std::vector<std::u32string> cues = {
      U"验证码", U"校验码", U"动态码", U"短信码", U"确认码", U"密码", U"口令",
      U"PIN",    U"pin",    U"Pin",
  };
  return cues;
}

bool is_explicit_connector(char32_t cp) {
  return cp == U'是' || cp == U'为' || cp == ':' || cp == 0xFF1A || cp == '=' || cp == 0xFF1D;
}
bool is_connector(char32_t cp) {
  return is_explicit_connector(cp) || utf8::is_space(cp) || cp == ',' || cp == 0xFF0C ||
         cp == U'：';
}
bool is_secret_char(char32_t cp) {
  if (cp > 0x20 && cp < 0x7F) return true;
  return (cp >= 0xFF10 && cp <= 0xFF19) || (cp >= 0xFF21 && cp <= 0xFF3A) ||
         (cp >= 0xFF41 && cp <= 0xFF5A);
}
bool is_trailing_punct(char32_t cp) {
  return cp == '.' || cp == ',' || cp == '!' || cp == '?' || cp == ';' || cp == ')' || cp == '"' ||
         cp == '\'';
}

struct Span {
  size_t begin, end;
};

// Secrets typed after a cue word: "验证码是123456", "密码:abc123".
std::vector<Span> find_secrets(const std::u32string& s) {
  std::vector<Span> out;
  for (size_t i = 0; i < s.size(); ++i) {
    for (const std::u32string& cue : secret_cues()) {
      if (s.compare(i, cue.size(), cue) != 0) continue;
      size_t j = i + cue.size();
      bool explicit_connector = false;
      size_t skipped = 0;
      while (j < s.size() && skipped < kMaxConnector && is_connector(s[j])) {
        explicit_connector |= is_explicit_connector(s[j]);
        ++j;
        ++skipped;
      }
      size_t k = j;
      bool has_digit = false;
      while (k < s.size() && is_secret_char(s[k])) {
        has_digit |= is_digit(s[k]);
        ++k;
      }
      while (k > j && is_trailing_punct(s[k - 1])) --k;
      if (k - j >= kSecretMinLength && (has_digit || explicit_connector)) {
        out.push_back({j, k});
        i = k - 1;
      }
      break;
    }
  }
  return out;
}

}  // namespace

const char* to_string(PiiKind kind) {
  switch (kind) {
    case PiiKind::kBankCard: return "bank_card";
    case PiiKind::kIdNumber: return "id_number";
    case PiiKind::kMobile: return "mobile";
    case PiiKind::kSecret: return "secret";
  }
  return "secret";
}

bool luhn_valid(std::string_view digits) {
  if (digits.size() < 2) return false;
  int sum = 0;
  bool twice = false;
  for (size_t i = digits.size(); i-- > 0;) {
    if (digits[i] < '0' || digits[i] > '9') return false;
    int v = digits[i] - '0';
    if (twice) {
      v *= 2;
      if (v > 9) v -= 9;
    }
    sum += v;
    twice = !twice;
  }
  return sum % 10 == 0;
}

char id_check_char(std::string_view first17) {
  static constexpr std::array<int, 17> kWeights = {7, 9, 10, 5, 8, 4, 2, 1, 6,
                                                   3, 7, 9, 10, 5, 8, 4, 2};
  static constexpr char kCheck[] = "10X98765432";
  if (first17.size() != 17) return '\0';
  int sum = 0;
  for (size_t i = 0; i < 17; ++i) {
    if (first17[i] < '0' || first17[i] > '9') return '\0';
    sum += (first17[i] - '0') * kWeights[i];
  }
  return kCheck[sum % 11];
}

bool id_number_valid(std::string_view id18) {
  if (id18.size() != 18) return false;
  if (id18[0] < '1' || id18[0] > '8') return false;
  const char check = id_check_char(id18.substr(0, 17));
  if (check == '\0') return false;
  const char last = (id18[17] == 'x') ? 'X' : id18[17];
  if (last != check) return false;
  auto num = [&](size_t from, size_t len) {
    int v = 0;
    for (size_t i = from; i < from + len; ++i) v = v * 10 + (id18[i] - '0');
    return v;
  };
  const int year = num(6, 4), month = num(10, 2), day = num(12, 2);
  if (year < 1900 || year > 2099 || month < 1 || month > 12 || day < 1) return false;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int max_day = kDays[month - 1];
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  if (month == 2 && leap) max_day = 29;
  return day <= max_day;
}

PiiScan mask_pii(std::string_view text) {
  const std::u32string s = utf8::decode(text);
  std::vector<char> taken(s.size(), 0);  // inside a secret span
  std::vector<char> star(s.size(), 0);   // digit to replace by '*'
  std::vector<std::pair<size_t, PiiKind>> found;

  const std::vector<Span> secrets = find_secrets(s);
  for (const Span& sp : secrets) {
    std::fill(taken.begin() + sp.begin, taken.begin() + sp.end, 1);
    found.emplace_back(sp.begin, PiiKind::kSecret);
  }

  for (size_t i = 0; i < s.size();) {
    const bool starts_run =
        !taken[i] && is_digit(s[i]) && (i == 0 || !is_digit(s[i - 1]) || taken[i - 1]);
    if (!starts_run) {
      ++i;
      continue;
    }
    Number n;
    std::vector<size_t> groups;
    const size_t next = read_run(s, i, taken, &n, &groups);
    PiiKind kind;
    if (classify(n, star, &kind)) {
      found.emplace_back(i, kind);
    } else {
      // "+86 138 0000 1234", "+8613800001234", or a card and a phone
      // separated by one space: try the parts.
      bool done = false;
      const bool country_code =
          n.digits.rfind("86", 0) == 0 && (groups[0] == 2 || n.digits.size() == 13);
      if (country_code) {
        Number rest = slice(n, 2, n.digits.size() - 2);
        if (is_mobile(rest.digits) && classify(rest, star, &kind)) {
          found.emplace_back(rest.pos[0], kind);
          done = true;
        }
      }
      size_t from = 0;
      for (size_t g = 0; !done && groups.size() > 1 && g < groups.size(); ++g) {
        Number part = slice(n, from, groups[g]);
        if (classify(part, star, &kind)) found.emplace_back(part.pos[0], kind);
        from += groups[g];
      }
    }
    i = std::max(next, i + 1);
  }

  PiiScan scan;
  std::sort(found.begin(), found.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  for (const auto& f : found) scan.kinds.push_back(f.second);

  size_t next_secret = 0;
  for (size_t i = 0; i < s.size();) {
    if (next_secret < secrets.size() && secrets[next_secret].begin == i) {
      for (const char32_t* m = kSecretMask; *m; ++m) utf8::append(scan.masked, *m);
      i = secrets[next_secret].end;
      ++next_secret;
      continue;
    }
    utf8::append(scan.masked, star[i] ? U'*' : s[i]);
    ++i;
  }
  return scan;
}

}  // namespace faqbot::bot
