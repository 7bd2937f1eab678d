// Question normalisation (retrieval::Normalizer: width and case folding,
// OpenCC t2s, punctuation removal, synonyms) on any bytes. Property: the
// output holds only lowercase ASCII letters, digits and CJK ideographs.
// (Not idempotent, by OpenCC's phrase table: 怎么麼 -> 怎幺麽 -> 怎幺么.)
#include "fuzz_input.h"
#include "knowledge/utf8.h"
#include "retrieval/normalizer.h"

using namespace faqbot;

namespace {

bool kept(char32_t cp) {
  return (cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9') || (cp >= 0x4E00 && cp <= 0x9FFF) ||
         (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
         (cp >= 0x20000 && cp <= 0x2FA1F);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const auto plain = retrieval::Normalizer::create({}).value();
  static const auto with_synonyms =
      retrieval::Normalizer::create({{"体现", "提现"}, {"冲值", "充值"}, {"到帐", "到账"}, {"app", "应用"},
                                     {"客服电话", "人工客服"}, {"ｐ２ｐ", "网贷"}})
          .value();
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const std::string once = plain->normalize(text);
  FUZZ_CHECK(utf8::valid(once));
  for (char32_t cp : utf8::decode(once)) FUZZ_CHECK(kept(cp));

  const std::string mapped = with_synonyms->normalize(text);
  FUZZ_CHECK(utf8::valid(mapped));
  for (char32_t cp : utf8::decode(mapped)) FUZZ_CHECK(kept(cp));
  return 0;
}
