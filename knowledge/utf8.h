#pragma once
// UTF-8 helpers shared by every module: validation, sanitising, code-point
// access and truncation. Pure functions over bytes; thread-safe.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace faqbot::utf8 {

// True when `text` is well-formed UTF-8 (no overlongs, no surrogates,
// nothing above U+10FFFF).
bool valid(std::string_view text);

// `text` with every ill-formed byte sequence and every control character
// except \n and \t dropped. Well-formed text without controls is returned as is.
std::string sanitize(std::string_view text);

// Code points of well-formed `text` (sanitize first when unsure).
std::u32string decode(std::string_view text);
std::string encode(const std::u32string& code_points);
void append(std::string& out, char32_t cp);

// Number of code points of well-formed `text`.
size_t length(std::string_view text);

// The first `max_chars` code points of well-formed `text`.
std::string truncate(std::string_view text, size_t max_chars);

// `text` without leading/trailing ASCII whitespace and U+3000.
std::string trim(std::string_view text);

// True for ASCII whitespace and U+3000 (ideographic space).
bool is_space(char32_t cp);
// True for ASCII/full-width punctuation and common CJK punctuation.
bool is_punct(char32_t cp);
// True for CJK unified ideographs (basic block and extension A).
bool is_cjk(char32_t cp);

}  // namespace faqbot::utf8
