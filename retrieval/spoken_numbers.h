#pragma once
// Percentages said in Chinese characters, as speech to text writes them
// ("百分之八", "百分之六点五"), rewritten as an investor types them ("8%",
// "6.5%"), so a question about a rate reads alike in both forms (the
// normaliser then drops the % and collapses the digits: details.h).
//
// 百分之 followed by a well-formed number (零一二两三四五六七八九 with 十,
// 百, 千, 万: "百分之十二" -> "12%") and an optional 点 with decimal digits
// ("百分之零点五" -> "0.5%"). "百分之几", "百分之百", "百分百" and every
// other word holding number characters (一下, 万一, 十分, 第一 …) stay.
//
// Amounts and durations ("两千块", "三天", "十二个月") stay in characters:
// read as digits they lost more questions on the probe sets than they won
// (the knowledge base's character forms carry evidence that the detail
// placeholder erases), measured in issue 7.
// Pure; thread-safe.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace faqbot::retrieval {

std::u32string spoken_numbers_to_digits(const std::u32string& text);

// Whether `cp` is a numeral character: 零一二两三四五六七八九 or 十百千万.
bool is_chinese_numeral(char32_t cp);

// The value of a whole run of numeral characters, or nothing when the run is
// no well-formed number ("四五", "百千", "五一"). Accepts the spoken
// abbreviations "两千五" (2500), "一万五" (15000), "三百五" (350).
std::optional<int64_t> chinese_number_value(std::u32string_view run);

}  // namespace faqbot::retrieval
