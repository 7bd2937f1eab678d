#include "retrieval/pinyin.h"

#include <bzlib.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <map>

#include "knowledge/utf8.h"

namespace faqbot::retrieval {
namespace {

// A tone-marked vowel's plain letter ("ü" and its toned forms -> 'v'); 0
// for a code point that is no pinyin letter.
char plain_letter(char32_t cp) {
  if (cp >= 'a' && cp <= 'z') return static_cast<char>(cp);
  if (cp >= 'A' && cp <= 'Z') return static_cast<char>(cp - 'A' + 'a');
  switch (cp) {
    case U'ā': case U'á': case U'ǎ': case U'à': return 'a';
    case U'ē': case U'é': case U'ě': case U'è': case U'ê': return 'e';
    case U'ī': case U'í': case U'ǐ': case U'ì': return 'i';
    case U'ō': case U'ó': case U'ǒ': case U'ò': return 'o';
    case U'ū': case U'ú': case U'ǔ': case U'ù': return 'u';
    case U'ü': case U'ǖ': case U'ǘ': case U'ǚ': case U'ǜ': return 'v';
    case U'ń': case U'ň': case U'ǹ': return 'n';
    case U'ḿ': return 'm';
    default: return 0;
  }
}

// "U+63D0" -> 0x63D0; 0 when malformed.
char32_t parse_code_point(std::string_view s) {
  if (s.size() < 6 || s[0] != 'U' || s[1] != '+') return 0;
  char32_t cp = 0;
  for (char c : s.substr(2)) {
    int v = c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    if (v < 0) return 0;
    cp = cp * 16 + static_cast<char32_t>(v);
  }
  return cp;
}

bool read_bz2(const std::string& path, std::string& out) {
  FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return false;
  int err = BZ_OK;
  BZFILE* bz = BZ2_bzReadOpen(&err, f, 0, 0, nullptr, 0);
  char buf[1 << 16];
  while (err == BZ_OK) {
    const int n = BZ2_bzRead(&err, bz, buf, sizeof buf);
    if ((err == BZ_OK || err == BZ_STREAM_END) && n > 0) out.append(buf, static_cast<size_t>(n));
  }
  const bool ok = err == BZ_STREAM_END;
  BZ2_bzReadClose(&err, bz);
  std::fclose(f);
  return ok;
}

bool read_plain(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return !in.bad();
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

PinyinTable PinyinTable::parse(std::string_view text) {
  std::map<char32_t, std::string> readings;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    if (line.empty() || line[0] == '#') continue;
    const size_t t1 = line.find('\t');
    const size_t t2 = t1 == std::string_view::npos ? t1 : line.find('\t', t1 + 1);
    if (t2 == std::string_view::npos || line.substr(t1 + 1, t2 - t1 - 1) != "kMandarin") continue;
    const char32_t cp = parse_code_point(line.substr(0, t1));
    if (cp == 0) continue;
    std::string syllable;
    for (char32_t c : utf8::decode(line.substr(t2 + 1))) {
      if (c == ' ' || c == '\r') break;  // first reading only
      const char letter = plain_letter(c);
      if (letter == 0) {
        syllable.clear();
        break;
      }
      syllable.push_back(letter);
    }
    if (!syllable.empty() && syllable.size() <= 6) readings[cp] = std::move(syllable);
  }
  PinyinTable t;
  for (const auto& [cp, s] : readings) t.syllables_.push_back(s);
  std::sort(t.syllables_.begin(), t.syllables_.end());
  t.syllables_.erase(std::unique(t.syllables_.begin(), t.syllables_.end()), t.syllables_.end());
  for (const auto& [cp, s] : readings) {
    t.chars_.push_back(cp);
    t.syllable_of_.push_back(static_cast<uint16_t>(
        std::lower_bound(t.syllables_.begin(), t.syllables_.end(), s) - t.syllables_.begin()));
  }
  return t;
}

Result<PinyinTable> PinyinTable::load(const std::string& path) {
  std::string text;
  const bool ok = ends_with(path, ".bz2") ? read_bz2(path, text) : read_plain(path, text);
  if (!ok) return Status(StatusCode::kNotFound, "cannot read pinyin readings " + path);
  PinyinTable t = parse(text);
  if (t.empty()) return Status(StatusCode::kDataLoss, "no kMandarin reading in " + path);
  return Result<PinyinTable>(std::move(t));
}

std::string_view PinyinTable::syllable(char32_t cp) const {
  auto it = std::lower_bound(chars_.begin(), chars_.end(), cp);
  if (it == chars_.end() || *it != cp) return {};
  return syllables_[syllable_of_[static_cast<size_t>(it - chars_.begin())]];
}

bool PinyinTable::is_syllable(std::string_view s) const {
  auto it = std::lower_bound(syllables_.begin(), syllables_.end(), s,
                             [](const std::string& a, std::string_view b) { return a < b; });
  return it != syllables_.end() && *it == s;
}

void PinyinTable::serialize(BinaryWriter& w) const {
  w.strings(syllables_);
  w.vec(chars_);
  w.vec(syllable_of_);
}

bool PinyinTable::deserialize(BinaryReader& r) {
  if (!r.strings(syllables_) || !r.vec(chars_) || !r.vec(syllable_of_)) return false;
  if (chars_.size() != syllable_of_.size()) return false;
  for (uint16_t s : syllable_of_) {
    if (s >= syllables_.size()) return false;
  }
  return std::is_sorted(chars_.begin(), chars_.end());
}

}  // namespace faqbot::retrieval
