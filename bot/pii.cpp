#include "bot/pii.h"

#include <algorithm>
#include <array>

#include "knowledge/utf8.h"

namespace faqbot::bot {
namespace {

constexpr size_t kSecretMinLength = 4;
constexpr size_t kMaxConnector = 4;     // code points between cue word and secret
constexpr size_t kMaxSeparators = 3;    // visible separators between two digit groups
constexpr size_t kMinLongNumber = 12;   // digits: always masked from here
constexpr size_t kMaxCardDigits = 19;
const char32_t kSecretMask[] = U"******";

// Decimal digits in the scripts an investor's keyboard or a copy-paste may
// produce: ASCII, full-width, Arabic-Indic (two sets) and the five sets of
// mathematical digits (bold, double-struck, sans-serif, …).
int digit_value(char32_t cp) {
  if (cp >= '0' && cp <= '9') return static_cast<int>(cp - '0');
  if (cp < 0x660) return -1;
  if (cp >= 0xFF10 && cp <= 0xFF19) return static_cast<int>(cp - 0xFF10);
  if (cp >= 0x660 && cp <= 0x669) return static_cast<int>(cp - 0x660);
  if (cp >= 0x6F0 && cp <= 0x6F9) return static_cast<int>(cp - 0x6F0);
  if (cp >= 0x1D7CE && cp <= 0x1D7FF) return static_cast<int>((cp - 0x1D7CE) % 10);
  return -1;
}
bool is_digit(char32_t cp) { return digit_value(cp) >= 0; }
bool is_x(char32_t cp) { return cp == 'X' || cp == 'x' || cp == 0xFF38 || cp == 0xFF58; }

// Visible characters people put between digit groups.
bool is_separator(char32_t cp) {
  switch (cp) {
    case '-': case '.': case '_': case '/': case '\\': case ',': case '*': case '#': case '+':
    case 0xB7: case 0x2022: case 0x2027: case 0x2212: case 0x3001: case 0x3002: case 0xFE58:
    case 0xFE63: case 0xFF0A: case 0xFF0B: case 0xFF0C: case 0xFF0D: case 0xFF0E: case 0xFF0F:
    case 0xFF3F: case 0xFF61: case 0x30FB:
      return true;
    default:
      return utf8::is_space(cp) || (cp >= 0x2010 && cp <= 0x2015);
  }
}
bool is_comma(char32_t cp) { return cp == ',' || cp == 0xFF0C; }
bool is_dot(char32_t cp) { return cp == '.' || cp == 0xFF0E; }

// One candidate number: the positions of its digits in the text (and of a
// trailing X for ID numbers), its ASCII digits, and how it was grouped.
struct Number {
  std::vector<size_t> pos;
  std::string digits;                  // ASCII; ends with 'X' for an ID with X check char
  std::vector<size_t> groups;          // digits per group, in order
  std::vector<std::u32string> joints;  // visible separators between groups (groups - 1)
};

Number slice(const Number& n, size_t from, size_t count) {
  Number out;
  out.pos.assign(n.pos.begin() + from, n.pos.begin() + from + count);
  out.digits = n.digits.substr(from, count);
  out.groups = {count};
  return out;
}

bool is_mobile(std::string_view d) {
  return d.size() == 11 && d[0] == '1' && d[1] >= '3' && d[1] <= '9';
}

int value_of(std::string_view digits) {
  int v = 0;
  for (char c : digits) v = v * 10 + (c - '0');
  return v;
}

// 2024-01-15, 2024.1.5, "2024-01-15 - 2024-02-15": every group triple is a
// plausible year, month and day.
bool all_dates(const Number& n) {
  if (n.groups.size() % 3 != 0 || n.digits.back() == 'X') return false;
  size_t at = 0;
  for (size_t g = 0; g < n.groups.size(); g += 3) {
    const size_t y = n.groups[g], m = n.groups[g + 1], d = n.groups[g + 2];
    if (y != 4 || m < 1 || m > 2 || d < 1 || d > 2) return false;
    const int year = value_of(std::string_view(n.digits).substr(at, 4));
    const int month = value_of(std::string_view(n.digits).substr(at + 4, m));
    const int day = value_of(std::string_view(n.digits).substr(at + 4 + m, d));
    if (year < 1900 || year > 2099 || month < 1 || month > 12 || day < 1 || day > 31) return false;
    at += y + m + d;
  }
  return true;
}

// 1,000,000,000,000 or 12,345,678,901.50: commas between groups of three,
// optionally a decimal part of 1-2 digits after a dot.
bool thousands_amount(const Number& n) {
  if (n.groups.size() < 2 || n.groups[0] > 3) return false;
  size_t last = n.groups.size();
  if (n.joints.back().size() == 1 && is_dot(n.joints.back()[0]) && n.groups.back() <= 2) --last;
  if (last < 2) return false;
  for (size_t g = 1; g < last; ++g) {
    const std::u32string& j = n.joints[g - 1];
    if (n.groups[g] != 3 || j.size() != 1 || !is_comma(j[0])) return false;
  }
  return true;
}

// Hides all digits of `n` except `keep_front` and `keep_back`.
void hide(const Number& n, size_t keep_front, size_t keep_back, std::vector<char>& star) {
  for (size_t i = keep_front; i + keep_back < n.pos.size(); ++i) star[n.pos[i]] = 1;
}

// Marks the digits of `n` to hide in `star` when it is a card, ID or mobile
// number by its own shape; returns whether it was.
bool classify_specific(const Number& n, std::vector<char>& star, PiiKind* kind) {
  const std::string& d = n.digits;
  if (d.size() == 18 && id_number_valid(d)) {
    hide(n, 4, 4, star);
    *kind = PiiKind::kIdNumber;
    return true;
  }
  if (is_mobile(d)) {
    hide(n, 3, 4, star);
    *kind = PiiKind::kMobile;
    return true;
  }
  // +86 / 0086 in front of a mobile number: mask the mobile part.
  for (size_t prefix : {size_t{2}, size_t{4}}) {
    const std::string_view cc = prefix == 2 ? "86" : "0086";
    if (d.size() == 11 + prefix && d.compare(0, prefix, cc) == 0 &&
        is_mobile(std::string_view(d).substr(prefix))) {
      hide(slice(n, prefix, 11), 3, 4, star);
      *kind = PiiKind::kMobile;
      return true;
    }
  }
  if (d.size() >= kMinLongNumber && d.size() <= kMaxCardDigits && d.back() != 'X' &&
      luhn_valid(d) && n.groups.size() == 1) {
    hide(n, d.size() >= 16 ? 4 : 0, 4, star);
    *kind = PiiKind::kBankCard;
    return true;
  }
  return false;
}

// Any run of 12 or more digits: a card (Luhn), or a long number.
void classify_long(const Number& n, std::vector<char>& star, PiiKind* kind) {
  const size_t digits = n.digits.size();
  hide(n, digits >= 16 ? 4 : 0, 4, star);
  const bool card = digits <= kMaxCardDigits && n.digits.back() != 'X' && luhn_valid(n.digits);
  *kind = card ? PiiKind::kBankCard : PiiKind::kLongNumber;
}

// Classifies one run; appends what it found to `found`.
void classify(const Number& n, std::vector<char>& star,
              std::vector<std::pair<size_t, PiiKind>>* found) {
  PiiKind kind;
  const std::string& d = n.digits;
  if (d.size() == 18 && id_number_valid(d)) {
    classify_specific(n, star, &kind);
    found->emplace_back(n.pos[0], kind);
    return;
  }
  if (d.size() < kMinLongNumber) {
    if (classify_specific(n, star, &kind)) found->emplace_back(n.pos[0], kind);
    return;
  }
  if (n.groups.size() > 1 && (all_dates(n) || thousands_amount(n))) return;
  if (classify_specific(n, star, &kind)) {
    found->emplace_back(n.pos[0], kind);
    return;
  }
  // Several groups: "6222020200112230 13800001234" is a card and a phone,
  // "13800001234 100" a phone and an amount. Groups that make a number of
  // their own are masked as such; a long remainder is masked as a whole.
  if (n.groups.size() > 1) {
    std::vector<std::pair<size_t, PiiKind>> parts;
    std::vector<char> part_star(star.size(), 0);
    size_t from = 0, covered = 0;
    for (size_t g = 0; g < n.groups.size(); ++g) {
      const Number part = slice(n, from, n.groups[g]);
      from += n.groups[g];
      if (classify_specific(part, part_star, &kind)) {
      } else if (part.digits.size() >= kMinLongNumber) {
        classify_long(part, part_star, &kind);
      } else {
        continue;
      }
      parts.emplace_back(part.pos[0], kind);
      covered += part.digits.size();
    }
    if (!parts.empty() && d.size() - covered < kMinLongNumber) {
      for (size_t i = 0; i < star.size(); ++i) star[i] |= part_star[i];
      found->insert(found->end(), parts.begin(), parts.end());
      return;
    }
  }
  classify_long(n, star, &kind);
  found->emplace_back(n.pos[0], kind);
}

// Skips separators after position `i` (just after a digit). Returns the
// position of the next digit of the same number, or npos when the number
// ends. Appends the visible separators skipped to `joint`.
size_t next_digit(const std::u32string& s, size_t i, const std::vector<char>& taken,
                  std::u32string* joint) {
  size_t visible = 0;
  for (size_t j = i; j < s.size() && !taken[j]; ++j) {
    if (is_digit(s[j])) return j;
    if (utf8::is_invisible(s[j])) continue;
    if (!is_separator(s[j]) || ++visible > kMaxSeparators) break;
    joint->push_back(s[j]);
  }
  return std::u32string::npos;
}

// Reads the number starting at digit position `start`. Returns the position
// after it.
size_t read_run(const std::u32string& s, size_t start, const std::vector<char>& taken, Number* n) {
  size_t i = start;
  size_t group = 0;
  while (true) {
    n->pos.push_back(i);
    n->digits += static_cast<char>('0' + digit_value(s[i]));
    ++group;
    ++i;
    size_t j = i;
    while (j < s.size() && !taken[j] && utf8::is_invisible(s[j])) ++j;
    if (j < s.size() && !taken[j] && is_digit(s[j])) {  // same group
      i = j;
      continue;
    }
    std::u32string joint;
    const size_t next = next_digit(s, i, taken, &joint);
    if (next == std::u32string::npos) break;
    n->groups.push_back(group);
    n->joints.push_back(std::move(joint));
    group = 0;
    i = next;
  }
  n->groups.push_back(group);
  size_t j = i;
  while (j < s.size() && !taken[j] && utf8::is_invisible(s[j])) ++j;
  if (n->digits.size() == 17 && j < s.size() && is_x(s[j]) && !taken[j]) {
    n->pos.push_back(j);
    n->digits += 'X';
    ++n->groups.back();
    i = j + 1;
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
      // The secret: printable characters; invisible characters and single
      // spaces between digits ("123 456") do not end it.
      size_t k = j, visible = 0;
      bool has_digit = false;
      while (k < s.size()) {
        if (is_secret_char(s[k]) || is_digit(s[k])) {
          has_digit |= is_digit(s[k]);
          ++visible;
        } else if (!utf8::is_invisible(s[k]) &&
                   !(utf8::is_space(s[k]) && k > j && is_digit(s[k - 1]) && k + 1 < s.size() &&
                     is_digit(s[k + 1]))) {
          break;
        }
        ++k;
      }
      while (k > j && is_trailing_punct(s[k - 1])) {
        --k;
        --visible;
      }
      if (visible >= kSecretMinLength && (has_digit || explicit_connector)) {
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
    case PiiKind::kLongNumber: return "long_number";
  }
  return "secret";
}

bool PiiScan::sensitive() const {
  for (PiiKind k : kinds) {
    if (k != PiiKind::kLongNumber) return true;
  }
  return false;
}

std::string personal_text(std::string_view raw) {
  return mask_pii(utf8::trim(utf8::sanitize(raw))).masked;
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
    if (taken[i] || !is_digit(s[i])) {
      ++i;
      continue;
    }
    Number n;
    i = read_run(s, i, taken, &n);
    classify(n, star, &found);
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
