// The personal-data masker (bot/pii) on any text, as the service calls it
// (after utf8::sanitize). Properties: the masked text is valid UTF-8, it
// differs from the input only when something was found, and no unbroken
// run of digits (ASCII or full width) that is a mainland mobile number or a
// Luhn-valid card number (13-19 digits) survives masking.
#include "bot/pii.h"
#include "fuzz_input.h"
#include "knowledge/utf8.h"

using namespace faqbot;

namespace {

int digit_value(char32_t cp) {
  if (cp >= '0' && cp <= '9') return static_cast<int>(cp - '0');
  if (cp >= 0xFF10 && cp <= 0xFF19) return static_cast<int>(cp - 0xFF10);  // full width
  return -1;
}

// Every maximal run of digits (ASCII or full width, mixed) left in the
// masked text, as ASCII digits.
void check_no_plain_number(const std::string& masked) {
  const std::u32string cps = utf8::decode(masked);
  for (size_t i = 0; i < cps.size();) {
    std::string run;
    while (i < cps.size() && digit_value(cps[i]) >= 0) run += static_cast<char>('0' + digit_value(cps[i++]));
    if (run.empty()) {
      ++i;
      continue;
    }
    const bool mobile = run.size() == 11 && run[0] == '1' && run[1] >= '3';
    const bool card = run.size() >= 13 && run.size() <= 19 && bot::luhn_valid(run);
    FUZZ_CHECK(!mobile);
    FUZZ_CHECK(!card);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text = utf8::sanitize(std::string_view(reinterpret_cast<const char*>(data), size));
  const bot::PiiScan scan = bot::mask_pii(text);
  FUZZ_CHECK(utf8::valid(scan.masked));
  FUZZ_CHECK(scan.found() || scan.masked == text);
  check_no_plain_number(scan.masked);
  return 0;
}
