#pragma once
// Concrete details a person types beside a question — order numbers
// (AB20241103…, T20240312), phone numbers masked or whole (139****1234
// normalises to 1391234), clock times (9:40 -> 940), dates, amounts (8000,
// 1.5万 -> 15万, 5w), card tails (尾号1234) — carry no evidence for which
// question is asked, yet as digit n-grams they outweigh the few words that do.
// The matching features see each such detail as one placeholder digit.
//
// Works on normalised text (lowercase Latin, digits, CJK only), so it sees
// what every masking step (bot/pii.h) left: a masked number's stars are gone
// and its digits are one run, read as one detail like any other number.
#include <string>

namespace faqbot::retrieval {

// The placeholder a detail is read as.
inline constexpr char32_t kDetailPlaceholder = U'0';

// `normalized` with details collapsed:
//   - a run of Latin letters and digits holding 4 or more digits and a
//     letter is an identifier (order, contract, ticket number): one
//     placeholder;
//   - every other run of digits is one placeholder, the letters around it
//     kept ("p2p" -> "p0p"), except an amount's unit letter right after it
//     that ends the run: "5w" -> "0万", "3k" -> "0千";
//   - a stated age without 岁: "今年" + a number (digits or Chinese
//     numerals) + "了" reads "0岁了" ("我今年58了" -> "我0岁了": the year
//     is not the topic).
// Pure; the output is never longer than the input.
std::u32string collapse_details(const std::u32string& normalized);

}  // namespace faqbot::retrieval
