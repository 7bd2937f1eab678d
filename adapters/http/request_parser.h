#pragma once
// An incremental, strict HTTP/1.1 request parser: bytes in, one parsed
// request / "need more bytes" / an error (with the status to answer) out.
// Pure: no sockets, no clocks, no allocation beyond the request it builds, so
// it is unit-tested and fuzzed on its own (tests/http/request_parser_test.cpp).
//
// Strictness (every violation is an error and the connection is closed):
//  - request line "METHOD SP origin-form SP HTTP/1.0|1.1", token method;
//    another HTTP version is 505; "*" only for OPTIONS;
//  - header lines "name: value" with a token name, no space before the colon,
//    no obsolete line folding; lines end in CRLF (a bare LF is accepted);
//  - Host is required in HTTP/1.1;
//  - Content-Length: digits only, at most one header (a repeat, even with the
//    same value, is 400); Transfer-Encoding must be exactly "chunked" (any
//    other coding, a list, or HTTP/1.0 is 400); both together are 400;
//  - the header block over `max_header_bytes` or `max_headers` lines is 431;
//  - the body over `max_body_bytes` is 413 as soon as it is known: at once
//    for a Content-Length, at the chunk header that crosses it for chunked;
//    nothing beyond the limit is ever buffered.
//
// Memory: at most max_header_bytes of header text plus max_body_bytes of body.
// Not thread-safe; one parser per connection, reused for every request on it.
#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace faqbot::http {

struct ParserLimits {
  size_t max_header_bytes = 16 * 1024;  // request line + headers + CRLFs
  size_t max_headers = 100;             // header lines
  size_t max_body_bytes = 1 << 20;      // decoded body, whatever the framing
};

struct ParsedRequest {
  std::string method;                                        // "GET", …
  std::string target;                                        // as received: "/a/b?x=1"
  std::string path;                                          // percent-decoded, no query
  std::string query;                                         // raw, without '?'
  int minor_version = 1;                                     // HTTP/1.<minor>
  std::vector<std::pair<std::string, std::string>> headers;  // in order, values trimmed
  std::string body;                                          // decoded (chunks joined)
  bool keep_alive = true;    // the client allows another request on this connection
  bool expect_continue = false;  // "Expect: 100-continue" was sent

  // Case-insensitive; "" when absent.
  std::string header(const std::string& name) const;
};

class RequestParser {
 public:
  enum class State {
    kIdle,      // no byte of the next request yet
    kHeader,    // inside the request line or headers
    kBody,      // headers done, reading the body
    kComplete,  // a request is ready: take() it
    kError,     // error_status() / error_message(); the connection must close
  };

  explicit RequestParser(ParserLimits limits = {});

  // Consumes bytes of data[0, size) and returns how many it used. Stops
  // consuming at the end of a complete request (the rest is the next
  // pipelined request: feed it again after take()) and at an error.
  size_t feed(const char* data, size_t size);

  State state() const { return state_; }
  // kComplete only: the request; the parser is then kIdle for the next one.
  ParsedRequest take();
  // True once after the headers of a request that sent Expect: 100-continue
  // and has a body to come; the caller answers "100 Continue".
  bool take_continue();

  int error_status() const { return error_status_; }       // 400, 413, 431, 505
  const std::string& error_message() const { return error_message_; }

  const ParserLimits& limits() const { return limits_; }

 private:
  enum class Body { kNone, kLength, kChunkSize, kChunkData, kChunkDataEnd, kTrailer };

  size_t feed_header(const char* data, size_t size);
  size_t feed_body(const char* data, size_t size);
  bool parse_head();  // header_ -> request_; sets the body mode
  bool fail(int status, std::string message);
  bool chunk_line(std::string* line, const char* data, size_t size, size_t* used);

  ParserLimits limits_;
  State state_ = State::kIdle;
  Body body_ = Body::kNone;
  std::string header_;          // raw header block being collected
  size_t scan_from_ = 0;        // where to resume looking for the blank line
  std::string line_;            // partial chunk-size or trailer line
  uint64_t remaining_ = 0;      // bytes of the body or of the current chunk
  size_t trailer_bytes_ = 0;
  bool continue_pending_ = false;
  ParsedRequest request_;
  int error_status_ = 0;
  std::string error_message_;
};

// "%41b+c" -> "Ab c" when `plus_is_space`; invalid escapes are kept as is.
std::string percent_decode(const std::string& in, bool plus_is_space);

}  // namespace faqbot::http
