#pragma once
// Detection and masking of personal data typed by a person (investor, agent,
// IM display name): every number of 12-19 digits (bank cards: Luhn decides
// only the kind, never whether to mask), mainland ID numbers (18 characters,
// ISO 7064 MOD 11-2 check digit, plausible birth date), mainland mobile
// numbers (1[3-9] + 9 digits, also after +86 / 0086), and SMS codes /
// passwords typed after a cue word (验证码是123456, 密码:abc123).
//
// A number is found however it is written: ASCII, full-width, Arabic-Indic
// or mathematical digits, grouped by spaces, dots, dashes, slashes, commas,
// underscores or stars (up to 3 visible separators between two groups), with
// any number of invisible characters (zero-width spaces, bidi controls) in
// between. Not masked: numbers under 12 digits that are no mobile number
// (amounts, order numbers, 100元), dates (2024-01-15, 2024.01.15 2024.02.15)
// and amounts grouped by thousands (1,000,000,000,000.00).
//
// Pure functions; thread-safe.
#include <string>
#include <string_view>
#include <vector>

namespace faqbot::bot {

enum class PiiKind {
  kBankCard,    // 12-19 digits passing Luhn
  kIdNumber,    // valid mainland ID number
  kMobile,      // mainland mobile number
  kSecret,      // SMS code / password after a cue word
  kLongNumber,  // any other run of 12 or more digits (masked all the same)
};
// "bank_card" | "id_number" | "mobile" | "secret" | "long_number"
const char* to_string(PiiKind kind);

struct PiiScan {
  // The text with every detected item masked, separators kept as typed:
  //   16-19 digits  6222 0202 0011 2233 -> 6222 **** **** 2233 (first 4, last 4)
  //   12-15 digits  1234-5678-9012 -> ****-****-9012 (last 4)
  //   more than 19  each card / ID / mobile inside masked, else as 16-19
  //   ID     110101199003071234 -> 1101**********1234 (first 4, last 4)
  //   mobile 13800001234 -> 138****1234 (first 3, last 4)
  //   code / password -> ****** (fully masked, length hidden)
  // Masking a masked text changes nothing.
  std::string masked;
  std::vector<PiiKind> kinds;  // one per detected item, in text order
  bool found() const { return !kinds.empty(); }
  // True when something other than a kLongNumber was found: a card, ID or
  // phone number or a secret (the stronger warning to the investor).
  bool sensitive() const;
};

// `text` should be well-formed UTF-8 (see utf8::sanitize); ill-formed bytes
// are dropped from `masked`.
PiiScan mask_pii(std::string_view text);

// The one form of a person's text that may be stored, logged or shown:
// ill-formed bytes, controls, bidi controls and zero-width characters
// dropped (utf8::sanitize), surrounding spaces trimmed, personal data
// masked. "" when nothing visible is left.
std::string personal_text(std::string_view raw);

// Luhn checksum over ASCII digits; false for anything else or fewer than 2 digits.
bool luhn_valid(std::string_view digits);

// Check character ('0'-'9' or 'X') of a mainland ID from its first 17 ASCII
// digits (ISO 7064 MOD 11-2); '\0' when the input is not 17 digits.
char id_check_char(std::string_view first17);

// 18-character mainland ID (last may be 'x'/'X'): digits, first digit 1-8,
// plausible birth date YYYYMMDD (1900-2099) and matching check character.
bool id_number_valid(std::string_view id18);

}  // namespace faqbot::bot
