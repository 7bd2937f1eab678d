#pragma once
// UTF-8 helpers for the retrieval module: decode to code points and back.
// Invalid byte sequences are skipped, never an error.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace faqbot::retrieval {

// Decodes UTF-8 into Unicode code points; malformed bytes are dropped.
std::vector<char32_t> decode_utf8(std::string_view text);

// Appends the UTF-8 encoding of `cp` to `out`.
void append_utf8(char32_t cp, std::string& out);

std::string encode_utf8(const std::vector<char32_t>& cps);

// True for CJK unified ideographs (basic, extension A, compatibility, B+).
bool is_cjk(char32_t cp);

}  // namespace faqbot::retrieval
