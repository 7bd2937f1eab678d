// The flat-XML reader of WeCom/WeChat messages (adapters/channels/xml_lite).
// Any input: parse_xml never crashes, returns only valid UTF-8 and at most
// what it was given. Property: a UTF-8 value written with xml_cdata reads
// back unchanged; any other value is refused.
#include "adapters/channels/xml_lite.h"
#include "fuzz_input.h"
#include "knowledge/utf8.h"

using namespace faqbot;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto doc = channels::parse_xml(text);
  if (doc.ok()) {
    FUZZ_CHECK(!doc->root.empty());
    for (const auto& [name, value] : doc->fields) {
      FUZZ_CHECK(!name.empty() && utf8::valid(name));
      FUZZ_CHECK(value.size() <= size && utf8::valid(value));
    }
  }
  auto round = channels::parse_xml("<xml><Content>" + channels::xml_cdata(text) + "</Content></xml>");
  FUZZ_CHECK(round.ok() == utf8::valid(text));
  if (round.ok()) FUZZ_CHECK(round->get("Content") == text);
  return 0;
}
