#pragma once
// UTF-8 helpers shared by every module: validation, sanitising, code-point
// access and truncation. Pure functions over bytes; thread-safe.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace faqbot::utf8 {

// True when `text` is well-formed UTF-8 (no overlongs, no surrogates,
// nothing above U+10FFFF).
bool valid(std::string_view text);

// `text` with every ill-formed byte sequence, every control character except
// \n and \t, and every invisible formatting character (is_invisible: bidi
// controls, zero-width characters) dropped. Well-formed text without them is
// returned as is. What a person typed is stored only in this form, so a
// stored text never reorders itself on screen ("\u202e…moc.live") or hides
// characters.
std::string sanitize(std::string_view text);

// Code points of well-formed `text` (sanitize first when unsure).
std::u32string decode(std::string_view text);
std::string encode(const std::u32string& code_points);
void append(std::string& out, char32_t cp);

// Number of code points of well-formed `text`.
size_t length(std::string_view text);

// The UTF-8 bytes of the code point starting at byte `at` of `text` (at <
// text.size()), packed into one integer (first byte highest): a cheap key
// for "which character is here" without decoding the text.
inline uint32_t packed_code_point(std::string_view text, size_t at) {
  uint32_t key = static_cast<unsigned char>(text[at]);
  for (size_t j = at + 1; j < text.size() && (static_cast<unsigned char>(text[j]) & 0xC0) == 0x80; ++j) {
    key = (key << 8) | static_cast<unsigned char>(text[j]);
  }
  return key;
}

// The first `max_chars` code points of well-formed `text`.
std::string truncate(std::string_view text, size_t max_chars);

// `text` without leading/trailing whitespace (is_space).
std::string trim(std::string_view text);

// True for ASCII whitespace, U+3000 (ideographic space), no-break and the
// other Unicode spaces (U+1680, U+2000-200A, U+2028/2029, U+202F, U+205F)
// and U+2800 (braille blank).
bool is_space(char32_t cp);
// True for code points that change the display without a glyph of their
// own: bidi controls (U+061C, U+200E/200F, U+202A-202E, U+2066-2069),
// zero-width and other default-ignorable characters (U+00AD, U+034F,
// U+115F/1160, U+17B4/17B5, U+180B-180F, U+200B-200D, U+2060-2064,
// U+206A-206F, U+3164, U+FE00-FE0F, U+FEFF, U+FFA0, U+1BCA0-1BCA3,
// U+1D173-1D17A, U+E0000-E0FFF).
bool is_invisible(char32_t cp);
// True for ASCII/full-width punctuation and common CJK punctuation.
bool is_punct(char32_t cp);
// True for CJK unified ideographs (basic block and extension A).
bool is_cjk(char32_t cp);

}  // namespace faqbot::utf8
