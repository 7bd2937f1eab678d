#include "adapters/http/response_wire.h"

#include <ctime>

namespace faqbot::http {
namespace {

std::string clean(const std::string& s) {
  std::string out = s;
  for (char& c : out) {
    if (c == '\r' || c == '\n') c = ' ';
  }
  return out;
}

// "Tue, 01 Dec 2026 10:57:05 GMT", formatted once a second per thread.
const std::string& http_date() {
  thread_local time_t cached_at = 0;
  thread_local std::string cached;
  const time_t now = time(nullptr);
  if (now != cached_at) {
    cached_at = now;
    tm t{};
    gmtime_r(&now, &t);
    char buf[64];
    strftime(buf, sizeof(buf), "%a, %d %b %Y %H:%M:%S GMT", &t);
    cached = buf;
  }
  return cached;
}

}  // namespace

const char* reason_phrase(int status) {
  switch (status) {
    case 100: return "Continue";
    case 200: return "OK";
    case 201: return "Created";
    case 202: return "Accepted";
    case 204: return "No Content";
    case 304: return "Not Modified";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 408: return "Request Timeout";
    case 409: return "Conflict";
    case 413: return "Content Too Large";
    case 415: return "Unsupported Media Type";
    case 422: return "Unprocessable Content";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 505: return "HTTP Version Not Supported";
    default: return "Unknown";
  }
}

std::string response_head(const Response& r, int minor_version, Framing framing, size_t body_size,
                          bool close) {
  std::string out;
  out.reserve(512);
  out += "HTTP/1.1 ";
  out += std::to_string(r.status);
  out += ' ';
  out += reason_phrase(r.status);
  out += "\r\nDate: ";
  out += http_date();
  if (!r.content_type.empty() && r.status != 204) {
    out += "\r\nContent-Type: ";
    out += clean(r.content_type);
  }
  switch (framing) {
    case Framing::kLength:
      if (r.status != 204) out += "\r\nContent-Length: " + std::to_string(body_size);
      break;
    case Framing::kChunked:
      out += "\r\nTransfer-Encoding: chunked";
      break;
    case Framing::kClose:
      break;
  }
  for (const auto& [name, value] : r.headers) {
    out += "\r\n";
    out += clean(name);
    out += ": ";
    out += clean(value);
  }
  if (close) {
    out += "\r\nConnection: close";
  } else if (minor_version == 0) {
    out += "\r\nConnection: keep-alive";
  }
  out += "\r\n\r\n";
  return out;
}

}  // namespace faqbot::http
