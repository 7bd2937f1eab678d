#pragma once
// Detection and masking of personal data typed by an investor: bank card
// numbers (13-19 digits, Luhn-checked), mainland ID numbers (18 characters,
// ISO 7064 MOD 11-2 check digit, plausible birth date), mainland mobile
// numbers (1[3-9] + 9 digits) and SMS codes / passwords typed after a cue word
// (验证码是123456, 密码:abc123). Digits may be ASCII or full-width, grouped by
// spaces or dashes. Pure functions; thread-safe.
#include <string>
#include <string_view>
#include <vector>

namespace faqbot::bot {

enum class PiiKind { kBankCard, kIdNumber, kMobile, kSecret };
const char* to_string(PiiKind kind);  // "bank_card" | "id_number" | "mobile" | "secret"

struct PiiScan {
  // The text with every detected item masked:
  //   card   6222 0202 0011 2233 -> 6222 **** **** 2233 (first 4, last 4
  //          digits; separators kept as typed)
  //   ID     110101199003071234 -> 1101**********1234 (first 4, last 4)
  //   mobile 13800001234 -> 138****1234 (first 3, last 4)
  //   code / password -> ****** (fully masked, length hidden)
  std::string masked;
  std::vector<PiiKind> kinds;  // one per detected item, in text order
  bool found() const { return !kinds.empty(); }
};

// `text` must be well-formed UTF-8 (see utf8::sanitize).
PiiScan mask_pii(std::string_view text);

// Luhn checksum over ASCII digits; false for anything else or fewer than 2 digits.
bool luhn_valid(std::string_view digits);

// Check character ('0'-'9' or 'X') of a mainland ID from its first 17 ASCII
// digits (ISO 7064 MOD 11-2); '\0' when the input is not 17 digits.
char id_check_char(std::string_view first17);

// 18-character mainland ID (last may be 'x'/'X'): digits, first digit 1-8,
// plausible birth date YYYYMMDD (1900-2099) and matching check character.
bool id_number_valid(std::string_view id18);

}  // namespace faqbot::bot
