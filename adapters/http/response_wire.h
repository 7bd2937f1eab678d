#pragma once
// Response bytes on the wire: the status line and header block of a
// Response (http_types.h). Header names/values from handlers have CR and LF
// replaced, so no handler can split a response.
#include <cstddef>
#include <string>

#include "adapters/http/http_types.h"

namespace faqbot::http {

enum class Framing {
  kLength,   // Content-Length: body_size
  kChunked,  // Transfer-Encoding: chunked (streams to HTTP/1.1 clients)
  kClose,    // no length: the body ends when the connection closes (HTTP/1.0 streams)
};

// "HTTP/1.1 200 OK\r\n…\r\n\r\n". `close` adds "Connection: close"; an
// HTTP/1.0 client that keeps the connection gets "Connection: keep-alive".
std::string response_head(const Response& r, int minor_version, Framing framing, size_t body_size,
                          bool close);

// "OK", "Not Found", …; "Unknown" for a status without a phrase here.
const char* reason_phrase(int status);

}  // namespace faqbot::http
