// The HTTP/1.1 request parser (adapters/http/request_parser) on any bytes,
// pipelined requests included, with small limits so that 413 and 431 are
// reached. Properties: feeding the input in one piece or in pieces of any
// size (the first byte picks it) gives the same requests and the same
// error; a feed always makes progress unless a request is complete or the
// parser failed; bodies never exceed the limit; errors are 400/413/431/505.
#include <algorithm>
#include <string>
#include <vector>

#include "adapters/http/request_parser.h"
#include "fuzz_input.h"

using namespace faqbot;

namespace {

constexpr http::ParserLimits kLimits{1024, 20, 4096};

// Everything the parser produced for one input, as comparable text.
std::vector<std::string> parse_all(const char* data, size_t size, size_t piece) {
  std::vector<std::string> out;
  http::RequestParser parser(kLimits);
  size_t pos = 0, window = 0;
  while (pos < size) {
    window = std::max(window, std::min(size, pos + piece));  // bytes "received" so far
    const size_t used = parser.feed(data + pos, window - pos);
    pos += used;
    const auto state = parser.state();
    if (state == http::RequestParser::State::kError) {
      const int s = parser.error_status();
      FUZZ_CHECK(s == 400 || s == 413 || s == 431 || s == 505);
      out.push_back("error " + std::to_string(s));
      return out;
    }
    if (state == http::RequestParser::State::kComplete) {
      parser.take_continue();
      const http::ParsedRequest r = parser.take();
      FUZZ_CHECK(r.body.size() <= kLimits.max_body_bytes);
      FUZZ_CHECK(parser.state() == http::RequestParser::State::kIdle);
      std::string text = r.method + ' ' + r.target + ' ' + r.path + ' ' + r.query + ' ' +
                         std::to_string(r.minor_version) + (r.keep_alive ? " keep" : " close") + '\n';
      for (const auto& [name, value] : r.headers) text += name + ": " + value + '\n';
      out.push_back(text + '\n' + r.body);
      continue;
    }
    FUZZ_CHECK(used > 0 || pos == window);  // progress on every byte offered
    if (pos == window && window == size) break;
  }
  out.push_back("incomplete " + std::to_string(static_cast<int>(parser.state())));
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const size_t piece = 1 + data[0] % 7;
  const char* text = reinterpret_cast<const char*>(data + 1);
  const std::vector<std::string> whole = parse_all(text, size - 1, size);
  FUZZ_CHECK(parse_all(text, size - 1, piece) == whole);
  return 0;
}
