// UTF-8 decoding and sanitising (knowledge/utf8), which every request body
// and every knowledge-base text goes through. Properties: sanitize yields
// valid UTF-8 and is idempotent; decode/encode round-trip valid text;
// length, truncate and trim agree with the decoded code points.
#include <algorithm>

#include "fuzz_input.h"
#include "knowledge/utf8.h"

using namespace faqbot;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view raw(reinterpret_cast<const char*>(data), size);
  const bool raw_valid = utf8::valid(raw);
  if (raw_valid) FUZZ_CHECK(utf8::encode(utf8::decode(raw)) == raw);

  const std::string clean = utf8::sanitize(raw);
  FUZZ_CHECK(clean.size() <= raw.size());
  FUZZ_CHECK(utf8::valid(clean));
  FUZZ_CHECK(utf8::sanitize(clean) == clean);

  const std::u32string cps = utf8::decode(clean);
  FUZZ_CHECK(utf8::encode(cps) == clean);
  FUZZ_CHECK(utf8::length(clean) == cps.size());
  for (char32_t cp : cps) FUZZ_CHECK(cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF));

  const size_t keep = size ? data[0] % 16 : 0;
  const std::string cut = utf8::truncate(clean, keep);
  FUZZ_CHECK(clean.compare(0, cut.size(), cut) == 0);
  FUZZ_CHECK(utf8::valid(cut));
  FUZZ_CHECK(utf8::length(cut) == std::min(keep, cps.size()));

  const std::string trimmed = utf8::trim(clean);
  FUZZ_CHECK(utf8::valid(trimmed));
  FUZZ_CHECK(clean.find(trimmed) != std::string::npos);
  if (!trimmed.empty()) {
    const std::u32string t = utf8::decode(trimmed);
    FUZZ_CHECK(!utf8::is_space(t.front()) && !utf8::is_space(t.back()));
  }
  return 0;
}
