// The personal-data masker (bot/pii) on any text, as the service calls it
// (after utf8::sanitize). Properties: the masked text is valid UTF-8, it
// differs from the input only when something was found, and no run of ASCII
// digits that is a mainland mobile number or a Luhn-valid card number
// (13-19 digits) survives masking, whatever surrounds it.
#include "bot/pii.h"
#include "fuzz_input.h"
#include "knowledge/utf8.h"

using namespace faqbot;

namespace {

bool ascii_digit(char c) { return c >= '0' && c <= '9'; }

// Every maximal run of ASCII digits left in the masked text.
void check_no_plain_number(const std::string& masked) {
  for (size_t i = 0; i < masked.size();) {
    if (!ascii_digit(masked[i])) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < masked.size() && ascii_digit(masked[j])) ++j;
    const std::string run = masked.substr(i, j - i);
    const bool mobile = run.size() == 11 && run[0] == '1' && run[1] >= '3';
    const bool card = run.size() >= 13 && run.size() <= 19 && bot::luhn_valid(run);
    FUZZ_CHECK(!mobile);
    FUZZ_CHECK(!card);
    i = j;
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
