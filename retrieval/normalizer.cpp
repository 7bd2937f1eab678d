#include "retrieval/normalizer.h"

#include <opencc.h>
#include <opencc/Config.hpp>
#include <opencc/Conversion.hpp>
#include <opencc/ConversionChain.hpp>
#include <opencc/Converter.hpp>
#include <opencc/Dict.hpp>
#include <opencc/Lexicon.hpp>

#include <algorithm>
#include <exception>
#include <vector>

#include "knowledge/utf8.h"
#include "retrieval/pinyin_syllables.h"
#include "retrieval/spoken_numbers.h"

namespace faqbot::retrieval {
namespace {

// Width folding and case folding on code points.
char32_t fold(char32_t cp) {
  if (cp >= 0xFF01 && cp <= 0xFF5E) cp -= 0xFEE0;  // full-width ASCII
  if (cp == 0x3000) cp = ' ';                       // ideographic space
  if (cp >= 'A' && cp <= 'Z') cp += 'a' - 'A';
  return cp;
}

// CJK ideographs kept as features: the basic block, extension A, the
// compatibility block and extensions B and beyond.
bool is_feature_cjk(char32_t cp) {
  return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
         (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x2FA1F);
}

bool keep(char32_t cp) {
  return (cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9') || is_feature_cjk(cp);
}

// Caps the work done on absurd inputs (a question is short).
constexpr size_t kMaxInputBytes = 16 * 1024;

// What tells whether OpenCC's t2s can change a text. OpenCC converts left
// to right, replacing the longest key that starts at each position by its
// default value (segmentation only splits the text), so a text in which no
// changing key (one whose default differs from it) occurs converts to
// itself. Every changing key holds a code point it changes (where its
// default differs; all of its code points when their lengths differ):
// `chars` marks the code points that are changing keys of their own (the
// traditional characters), `phrases` lists for each other such code point
// the changing keys that change it ("么麼" changes 么, which simplified text
// is full of). A text holding no marked code point, and none of the listed
// keys, converts to itself. `chars` is empty when the dictionaries cannot
// be listed (then every text is converted).
struct T2sChanges {
  std::vector<bool> chars;
  std::unordered_map<char32_t, std::vector<std::string>> phrases;
};

T2sChanges t2s_changes() {
  T2sChanges out;
  std::vector<bool> chars(0x110000, false);
  std::vector<std::pair<char32_t, std::string>> changed_in_phrases;
  try {
    opencc::Config config;
    const opencc::ConverterPtr converter = config.NewFromFile("t2s.json");
    for (const auto& conversion : converter->GetConversionChain()->GetConversions()) {
      const opencc::DictPtr dict = conversion->GetDict();
      if (!dict) return {};
      const opencc::LexiconPtr lexicon = dict->GetLexicon();
      for (const auto& entry : *lexicon) {
        const std::string key = entry->Key();
        const std::string replacement = entry->GetDefault();
        if (key == replacement) continue;
        const std::u32string cps = utf8::decode(key);
        const std::u32string replaced = utf8::decode(replacement);
        // fold_and_convert looks at code points from 0x80 only: a changing
        // key with ASCII in it (none in OpenCC's t2s) converts every text.
        if (std::any_of(cps.begin(), cps.end(), [](char32_t cp) { return cp < 0x80; })) return {};
        for (size_t i = 0; i < cps.size(); ++i) {
          if (cps.size() == replaced.size() && cps[i] == replaced[i]) continue;
          if (cps.size() == 1) {
            if (cps[0] < chars.size()) chars[cps[0]] = true;
          } else {
            changed_in_phrases.emplace_back(cps[i], key);
          }
        }
      }
    }
  } catch (const std::exception&) {
    return {};
  }
  for (auto& [cp, key] : changed_in_phrases) {
    if (cp >= chars.size() || chars[cp]) continue;  // converted whenever present
    std::vector<std::string>& keys = out.phrases[cp];
    if (std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(std::move(key));
  }
  out.chars = std::move(chars);
  return out;
}

// Longest synonym key (characters): key_lengths_by_lead_ holds lengths as bits.
constexpr size_t kMaxSynonymChars = 64;

}  // namespace

Result<std::unique_ptr<Normalizer>> Normalizer::create(
    const std::map<std::string, std::string>& synonyms) {
  std::unique_ptr<Normalizer> n(new Normalizer());
  try {
    n->t2s_ = std::make_unique<opencc::SimpleConverter>("t2s.json");
    T2sChanges changes = t2s_changes();
    n->t2s_chars_ = std::move(changes.chars);
    n->t2s_phrase_keys_ = std::move(changes.phrases);
  } catch (const std::exception& e) {
    return Status(StatusCode::kFailedPrecondition,
                  std::string("OpenCC t2s.json unavailable: ") + e.what());
  }
  for (const auto& [from, to] : synonyms) {
    std::string key = n->normalize_without_synonyms(from);
    if (key.empty()) continue;
    std::string value = n->normalize_without_synonyms(to);
    if (is_foreign_word(key)) {
      if (key == value) continue;
      n->foreign_words_[key] = value;
      continue;
    }
    const size_t chars = utf8::decode(key).size();
    if (chars > kMaxSynonymChars) continue;
    if (chars > n->max_key_chars_) n->max_key_chars_ = chars;
    n->key_lengths_by_lead_[utf8::packed_code_point(key, 0)] |= uint64_t{1} << (chars - 1);
    n->synonyms_[key] = value;
  }
  return std::move(n);
}

Normalizer::~Normalizer() = default;

std::u32string Normalizer::fold_and_convert(std::string_view text) const {
  if (text.size() > kMaxInputBytes) text = text.substr(0, kMaxInputBytes);
  std::u32string cps = utf8::decode(text);
  bool ascii = true;
  for (char32_t& cp : cps) {
    cp = fold(cp);
    if (cp >= 0x80) ascii = false;
  }
  bool convert = false;
  if (!ascii) {
    if (t2s_chars_.empty()) {
      convert = true;
    } else {
      std::string encoded;  // the text as OpenCC would see it, when needed
      for (char32_t cp : cps) {
        if (cp < 0x80 || convert) continue;
        if (t2s_may_change(cp)) {
          convert = true;
          continue;
        }
        const auto keys = t2s_phrase_keys_.find(cp);
        if (keys == t2s_phrase_keys_.end()) continue;
        if (encoded.empty()) encoded = utf8::encode(cps);
        convert = std::any_of(keys->second.begin(), keys->second.end(),
                              [&](const std::string& key) { return encoded.find(key) != std::string::npos; });
      }
    }
  }
  if (convert) {
    try {
      std::lock_guard<std::mutex> lock(t2s_mutex_);
      cps = utf8::decode(t2s_->Convert(utf8::encode(cps)));
    } catch (const std::exception&) {
      // Keep the unconverted text: t2s is a refinement, not a requirement.
    }
    for (char32_t& cp : cps) cp = fold(cp);
  }
  return cps;
}

namespace {

// Whether the '+' at cps[i] spells 加 in a name ("活期+", "薪金+"): right
// after an ideograph (spaces between), not before a digit ("借款+1000" keeps
// its sum unread).
bool plus_spells_jia(const std::u32string& cps, size_t i, char32_t last_kept) {
  if (cps[i] != U'+' || !is_feature_cjk(last_kept)) return false;
  size_t next = i + 1;
  while (next < cps.size() && cps[next] == U' ') ++next;
  return next == cps.size() || cps[next] < U'0' || cps[next] > U'9';
}

}  // namespace

std::string Normalizer::keep_features(const std::u32string& cps) {
  std::string out;
  out.reserve(cps.size() * 3);
  char32_t last_kept = 0;
  for (size_t i = 0; i < cps.size(); ++i) {
    const char32_t cp = cps[i];
    if (keep(cp)) {
      utf8::append(out, cp);
      last_kept = cp;
    } else if (plus_spells_jia(cps, i, last_kept)) {
      utf8::append(out, U'加');
      last_kept = U'加';
    }
  }
  return out;
}

std::string Normalizer::normalize_without_synonyms(std::string_view text) const {
  return keep_features(spoken_numbers_to_digits(fold_and_convert(text)));
}

std::string Normalizer::normalize(std::string_view text) const {
  std::u32string cps = fold_and_convert(text);
  if (!foreign_words_.empty()) cps = rewrite_foreign_words(cps);
  return apply_synonyms(keep_features(spoken_numbers_to_digits(cps)));
}

namespace {

bool is_latin_cp(char32_t cp) { return cp >= U'a' && cp <= U'z'; }

// An apostrophe between two Latin letters ("what's", "don’t") is inside a
// word: the key "what's" (normalised "whats") matches it whole.
bool is_inner_apostrophe(const std::u32string& cps, size_t k) {
  return (cps[k] == U'\'' || cps[k] == U'\u2019') && k > 0 && k + 1 < cps.size() &&
         is_latin_cp(cps[k - 1]) && is_latin_cp(cps[k + 1]);
}

// True when `word` reads whole as pinyin syllables ("tixian", "lo"+"an").
bool reads_as_pinyin(const std::string& word) {
  std::vector<bool> ok(word.size() + 1, false);
  ok[0] = true;
  for (size_t i = 0; i < word.size(); ++i) {
    if (!ok[i]) continue;
    for (size_t len = 1; len <= kMaxPinyinSyllable && i + len <= word.size(); ++len) {
      if (is_pinyin_syllable(word.substr(i, len))) ok[i + len] = true;
    }
  }
  return ok[word.size()];
}

}  // namespace

bool Normalizer::is_foreign_word(const std::string& key) {
  if (key.size() < 3) return false;
  bool vowel = false;
  for (char c : key) {
    if (c < 'a' || c > 'z') return false;
    vowel = vowel || c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
  }
  return vowel && !reads_as_pinyin(key);
}

// Words are maximal runs of Latin letters; a key matches one word or up to
// kMaxForeignWords consecutive words separated by whitespace only ("log in",
// "top up"), the longest first. Digits, CJK and punctuation end a word, so
// "app2" holds the word "app" but "apple" does not hold "app".
std::u32string Normalizer::rewrite_foreign_words(const std::u32string& cps) const {
  const size_t n = cps.size();
  std::u32string out;
  out.reserve(n);
  size_t i = 0;
  while (i < n) {
    if (!is_latin_cp(cps[i]) || (i > 0 && is_latin_cp(cps[i - 1]))) {
      out.push_back(cps[i++]);
      continue;
    }
    // Ends of up to kMaxForeignWords words starting at i.
    std::string joined;
    size_t best_end = 0;
    const std::string* best_value = nullptr;
    size_t at = i;
    for (size_t w = 0; w < kMaxForeignWords && at < n && is_latin_cp(cps[at]); ++w) {
      size_t end = at;
      while (end < n && (is_latin_cp(cps[end]) || is_inner_apostrophe(cps, end))) {
        if (is_latin_cp(cps[end])) joined.push_back(static_cast<char>(cps[end]));
        ++end;
      }
      if (joined.size() > kMaxForeignKey) break;
      auto it = foreign_words_.find(joined);
      if (it != foreign_words_.end()) {
        best_end = end;
        best_value = &it->second;
      }
      at = end;
      while (at < n && utf8::is_space(cps[at])) ++at;
      if (at == end) break;  // no space: the next character is no Latin word start
    }
    if (best_value) {
      out += utf8::decode(*best_value);
      i = best_end;
    } else {
      while (i < n && is_latin_cp(cps[i])) out.push_back(cps[i++]);
    }
  }
  return out;
}

namespace {

bool is_latin(char c) { return c >= 'a' && c <= 'z'; }

// Digits from which letters and digits written together are an identifier
// (the same bound as collapse_details in details.h).
constexpr size_t kIdentifierDigits = 4;

}  // namespace

// A run of Latin letters is one word: it is rewritten only when it reads
// whole as synonym keys and pinyin syllables with at least one key
// ("tixianduojiu" -> 提现多久, "txsxf" -> 提现手续费), else kept as typed
// ("txt", "kfc", "zhuangxiu" are not rewritten). Among the readings, the one
// with the most letters in keys, then the fewest pieces.
std::string Normalizer::rewrite_latin_run(std::string_view run) const {
  const size_t n = run.size();
  if (n > kMaxLatinRun) return std::string(run);
  struct Best {
    int key_chars = -1;  // -1: no reading of this prefix
    int pieces = 0;
    size_t from = 0;
    bool key = false;
  };
  std::vector<Best> best(n + 1);
  best[0].key_chars = 0;
  const size_t longest = std::max(max_key_chars_, kMaxPinyinSyllable);
  for (size_t i = 0; i < n; ++i) {
    if (best[i].key_chars < 0) continue;
    for (size_t len = 1; len <= longest && i + len <= n; ++len) {
      const std::string piece(run.substr(i, len));
      const bool key = synonyms_.count(piece) > 0;
      if (!key && !is_pinyin_syllable(piece)) continue;
      Best b{best[i].key_chars + (key ? static_cast<int>(len) : 0), best[i].pieces + 1, i, key};
      Best& at = best[i + len];
      if (b.key_chars > at.key_chars || (b.key_chars == at.key_chars && b.pieces < at.pieces)) at = b;
    }
  }
  if (best[n].key_chars <= 0) return std::string(run);
  std::vector<std::string> pieces;
  for (size_t end = n; end > 0; end = best[end].from) {
    const std::string piece(run.substr(best[end].from, end - best[end].from));
    pieces.push_back(best[end].key ? synonyms_.at(piece) : piece);
  }
  std::string out;
  for (auto it = pieces.rbegin(); it != pieces.rend(); ++it) out += *it;
  return out;
}

std::string Normalizer::apply_synonyms(const std::string& text) const {
  if (synonyms_.empty() || text.empty()) return text;
  // Byte offsets of each code point start, plus the end.
  std::vector<size_t> starts;
  starts.reserve(text.size() + 1);
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) starts.push_back(i);
  }
  starts.push_back(text.size());
  const size_t n = starts.size() - 1;
  // Latin letters are one byte: code point i is a letter iff its byte is.
  auto latin = [&](size_t cp) { return cp < n && is_latin(text[starts[cp]]); };
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < n) {
    size_t run_end = i;
    while (latin(run_end)) ++run_end;
    bool replaced = false;
    const auto lengths = key_lengths_by_lead_.find(utf8::packed_code_point(text, starts[i]));
    const size_t longest = lengths == key_lengths_by_lead_.end() ? 0 : std::min(max_key_chars_, n - i);
    for (size_t len = longest; len >= 1; --len) {
      // A key never cuts a Latin word: inside a word only a key that covers
      // it and more ("vip等级"); a key ending in a letter ends the word.
      if (run_end > i && len <= run_end - i) break;
      if (((lengths->second >> (len - 1)) & 1) == 0) continue;  // no key this long starts here
      if (latin(i + len - 1) && latin(i + len)) continue;
      const std::string key = text.substr(starts[i], starts[i + len] - starts[i]);
      auto it = synonyms_.find(key);
      if (it != synonyms_.end()) {
        out += it->second;
        i += len;
        replaced = true;
        break;
      }
    }
    if (replaced) continue;
    if (run_end > i) {
      // Letters glued to a number of 4 or more digits are an identifier
      // (an order number's "CZ2024…", details.h), not a word to rewrite
      // ("cz" is 充值 only on its own).
      auto digit = [&](size_t cp) { return cp < n && text[starts[cp]] >= '0' && text[starts[cp]] <= '9'; };
      size_t from = i, to = run_end, digits = 0;
      while (from > 0 && (latin(from - 1) || digit(from - 1))) digits += digit(--from);
      while (to < n && (latin(to) || digit(to))) digits += digit(to++);
      const std::string_view run = std::string_view(text).substr(starts[i], starts[run_end] - starts[i]);
      out += digits >= kIdentifierDigits ? std::string(run) : rewrite_latin_run(run);
      i = run_end;
    } else {
      out.append(text, starts[i], starts[i + 1] - starts[i]);
      ++i;
    }
  }
  return out;
}

}  // namespace faqbot::retrieval
