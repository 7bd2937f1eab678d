#include "adapters/http/request_parser.h"

#include <algorithm>
#include <cstring>

namespace faqbot::http {
namespace {

constexpr size_t kMaxChunkLine = 4096;  // chunk-size line with extensions

bool is_tchar(unsigned char c) {
  if (std::isalnum(c)) return true;
  return std::strchr("!#$%&'*+-.^_`|~", c) != nullptr && c != 0;
}

bool is_token(const std::string& s) {
  if (s.empty()) return false;
  for (unsigned char c : s) {
    if (!is_tchar(c)) return false;
  }
  return true;
}

bool equals_nocase(const std::string& a, const char* b) {
  const size_t n = std::strlen(b);
  if (a.size() != n) return false;
  for (size_t i = 0; i < n; ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

std::string trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t"), e = s.find_last_not_of(" \t");
  return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

// Comma-separated, trimmed, lower-cased list elements ("close, Upgrade").
std::vector<std::string> list_elements(const std::string& value) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= value.size()) {
    size_t comma = value.find(',', start);
    if (comma == std::string::npos) comma = value.size();
    std::string e = trim(value.substr(start, comma - start));
    for (char& c : e) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (!e.empty()) out.push_back(e);
    start = comma + 1;
  }
  return out;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::string ParsedRequest::header(const std::string& name) const {
  for (const auto& [k, v] : headers) {
    if (equals_nocase(k, name.c_str())) return v;
  }
  return {};
}

std::string percent_decode(const std::string& in, bool plus_is_space) {
  std::string out;
  out.reserve(in.size());
  for (size_t i = 0; i < in.size(); ++i) {
    const char c = in[i];
    if (c == '%' && i + 2 < in.size() && hex_value(in[i + 1]) >= 0 && hex_value(in[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(in[i + 1]) * 16 + hex_value(in[i + 2]));
      i += 2;
    } else if (c == '+' && plus_is_space) {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

RequestParser::RequestParser(ParserLimits limits) : limits_(limits) {}

bool RequestParser::fail(int status, std::string message) {
  state_ = State::kError;
  error_status_ = status;
  error_message_ = std::move(message);
  return false;
}

size_t RequestParser::feed(const char* data, size_t size) {
  size_t used = 0;
  while (used < size && state_ != State::kComplete && state_ != State::kError) {
    if (state_ == State::kIdle) {
      // RFC 9112 2.2: ignore empty lines before a request line.
      if (data[used] == '\r' || data[used] == '\n') {
        ++used;
        continue;
      }
      state_ = State::kHeader;
    }
    if (state_ == State::kHeader) {
      used += feed_header(data + used, size - used);
    } else if (state_ == State::kBody) {
      used += feed_body(data + used, size - used);
    }
  }
  return used;
}

size_t RequestParser::feed_header(const char* data, size_t size) {
  const size_t old = header_.size();
  // Take no more than can still fit, plus the bytes of a terminator.
  const size_t room = limits_.max_header_bytes + 4 - std::min(old, limits_.max_header_bytes + 4);
  header_.append(data, std::min(size, room));
  size_t from = scan_from_ > 3 ? scan_from_ - 3 : 0;
  size_t end = std::string::npos;  // index just past the blank line
  for (size_t i = from; i < header_.size(); ++i) {
    if (header_[i] != '\n') continue;
    if (i >= 1 && header_[i - 1] == '\n') { end = i + 1; break; }
    if (i >= 2 && header_[i - 1] == '\r' && header_[i - 2] == '\n') { end = i + 1; break; }
  }
  if (end == std::string::npos) {
    scan_from_ = header_.size();
    if (header_.size() > limits_.max_header_bytes) {
      fail(431, "the request header is larger than " + std::to_string(limits_.max_header_bytes) + " bytes");
    }
    return std::min(size, room);
  }
  if (end > limits_.max_header_bytes + 2) {
    fail(431, "the request header is larger than " + std::to_string(limits_.max_header_bytes) + " bytes");
    return end - old;
  }
  header_.resize(end);
  const size_t used = end - old;
  if (parse_head()) {
    if (body_ == Body::kNone) {
      state_ = State::kComplete;
    } else {
      state_ = State::kBody;
      continue_pending_ = request_.expect_continue;
    }
  }
  return used;
}

bool RequestParser::parse_head() {
  ParsedRequest& r = request_;
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < header_.size()) {
    size_t nl = header_.find('\n', start);
    std::string line = header_.substr(start, nl - start);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find('\r') != std::string::npos) return fail(400, "a bare CR in the request header");
    start = nl + 1;
    if (line.empty()) break;  // the blank line
    lines.push_back(std::move(line));
  }
  if (lines.empty()) return fail(400, "no request line");
  if (lines.size() - 1 > limits_.max_headers) {
    return fail(431, "more than " + std::to_string(limits_.max_headers) + " header lines");
  }

  // Request line.
  const std::string& rl = lines[0];
  const size_t sp1 = rl.find(' ');
  const size_t sp2 = sp1 == std::string::npos ? std::string::npos : rl.find(' ', sp1 + 1);
  if (sp2 == std::string::npos || rl.find(' ', sp2 + 1) != std::string::npos) {
    return fail(400, "the request line is not METHOD TARGET VERSION");
  }
  r.method = rl.substr(0, sp1);
  r.target = rl.substr(sp1 + 1, sp2 - sp1 - 1);
  const std::string version = rl.substr(sp2 + 1);
  if (!is_token(r.method)) return fail(400, "the method is not a token");
  if (r.target.empty()) return fail(400, "the request target is empty");
  for (unsigned char c : r.target) {
    if (c <= 0x20 || c == 0x7f) return fail(400, "a control character in the request target");
  }
  if (version.size() != 8 || version.compare(0, 5, "HTTP/") != 0 || !std::isdigit(static_cast<unsigned char>(version[5])) ||
      version[6] != '.' || !std::isdigit(static_cast<unsigned char>(version[7]))) {
    return fail(400, "the HTTP version is malformed");
  }
  if (version[5] != '1' || (version[7] != '0' && version[7] != '1')) {
    return fail(505, "only HTTP/1.0 and HTTP/1.1 are supported");
  }
  r.minor_version = version[7] - '0';
  if (r.target == "*") {
    if (r.method != "OPTIONS") return fail(400, "the target * is only for OPTIONS");
    r.path = "*";
  } else if (r.target[0] != '/') {
    return fail(400, "the request target must be a path (origin form)");
  } else {
    const size_t q = r.target.find('?');
    r.path = percent_decode(r.target.substr(0, q), false);
    if (q != std::string::npos) r.query = r.target.substr(q + 1);
  }

  // Header lines.
  int content_lengths = 0, transfer_encodings = 0;
  bool has_host = false;
  std::string content_length, transfer_encoding;
  r.keep_alive = r.minor_version == 1;
  for (size_t i = 1; i < lines.size(); ++i) {
    const std::string& line = lines[i];
    if (line[0] == ' ' || line[0] == '\t') return fail(400, "obsolete header line folding");
    const size_t colon = line.find(':');
    if (colon == std::string::npos) return fail(400, "a header line without a colon");
    std::string name = line.substr(0, colon);
    if (!is_token(name)) return fail(400, "a header name is not a token");
    std::string value = trim(line.substr(colon + 1));
    for (unsigned char c : value) {
      if ((c < 0x20 && c != '\t') || c == 0x7f) return fail(400, "a control character in a header value");
    }
    if (equals_nocase(name, "Content-Length")) {
      ++content_lengths;
      content_length = value;
    } else if (equals_nocase(name, "Transfer-Encoding")) {
      ++transfer_encodings;
      transfer_encoding += (transfer_encoding.empty() ? "" : ",") + value;
    } else if (equals_nocase(name, "Host")) {
      has_host = true;
    } else if (equals_nocase(name, "Connection")) {
      for (const std::string& option : list_elements(value)) {
        if (option == "close") r.keep_alive = false;
        if (option == "keep-alive" && r.minor_version == 0) r.keep_alive = true;
      }
    } else if (equals_nocase(name, "Expect")) {
      r.expect_continue = equals_nocase(value, "100-continue");
    }
    r.headers.emplace_back(std::move(name), std::move(value));
  }
  if (r.minor_version == 1 && !has_host) return fail(400, "HTTP/1.1 requires a Host header");

  // Framing.
  body_ = Body::kNone;
  if (transfer_encodings > 0) {
    if (content_lengths > 0) return fail(400, "both Content-Length and Transfer-Encoding");
    if (r.minor_version == 0) return fail(400, "Transfer-Encoding in an HTTP/1.0 request");
    const std::vector<std::string> codings = list_elements(transfer_encoding);
    if (codings.size() != 1 || codings[0] != "chunked") {
      return fail(400, "unsupported Transfer-Encoding (only chunked)");
    }
    body_ = Body::kChunkSize;
    line_.clear();
  } else if (content_lengths > 1) {
    return fail(400, "more than one Content-Length");
  } else if (content_lengths == 1) {
    if (content_length.empty() || content_length.size() > 18 ||
        !std::all_of(content_length.begin(), content_length.end(),
                     [](char c) { return c >= '0' && c <= '9'; })) {
      return fail(400, "Content-Length is not a non-negative decimal number");
    }
    remaining_ = std::stoull(content_length);
    if (remaining_ > limits_.max_body_bytes) {
      return fail(413, "the body is larger than " + std::to_string(limits_.max_body_bytes) + " bytes");
    }
    if (remaining_ > 0) {
      body_ = Body::kLength;
      r.body.reserve(static_cast<size_t>(remaining_));
    }
  }
  return true;
}

bool RequestParser::chunk_line(std::string* line, const char* data, size_t size, size_t* used) {
  const void* nl = std::memchr(data, '\n', size);
  const size_t take = nl ? static_cast<const char*>(nl) - data + 1 : size;
  line->append(data, take);
  *used = take;
  if (line->size() > kMaxChunkLine) {
    fail(400, "a chunk header line is too long");
    return false;
  }
  if (!nl) return false;
  line->pop_back();
  if (!line->empty() && line->back() == '\r') line->pop_back();
  return true;
}

size_t RequestParser::feed_body(const char* data, size_t size) {
  std::string& body = request_.body;
  switch (body_) {
    case Body::kLength: {
      const size_t take = static_cast<size_t>(std::min<uint64_t>(remaining_, size));
      body.append(data, take);
      remaining_ -= take;
      if (remaining_ == 0) state_ = State::kComplete;
      return take;
    }
    case Body::kChunkSize: {
      size_t used = 0;
      if (!chunk_line(&line_, data, size, &used)) return used;
      const std::string size_text = line_.substr(0, line_.find(';'));
      line_.clear();
      if (size_text.empty() || size_text.size() > 15) return fail(400, "a malformed chunk size"), used;
      uint64_t chunk = 0;
      for (char c : size_text) {
        const int v = hex_value(c);
        if (v < 0) return fail(400, "a malformed chunk size"), used;
        chunk = chunk * 16 + static_cast<uint64_t>(v);
      }
      if (chunk > limits_.max_body_bytes - body.size()) {
        return fail(413, "the body is larger than " + std::to_string(limits_.max_body_bytes) + " bytes"), used;
      }
      remaining_ = chunk;
      body_ = chunk == 0 ? Body::kTrailer : Body::kChunkData;
      trailer_bytes_ = 0;
      return used;
    }
    case Body::kChunkData: {
      const size_t take = static_cast<size_t>(std::min<uint64_t>(remaining_, size));
      body.append(data, take);
      remaining_ -= take;
      if (remaining_ == 0) body_ = Body::kChunkDataEnd;
      return take;
    }
    case Body::kChunkDataEnd: {
      size_t used = 0;
      if (!chunk_line(&line_, data, size, &used)) return used;
      if (!line_.empty()) return fail(400, "chunk data longer than its size"), used;
      body_ = Body::kChunkSize;
      return used;
    }
    case Body::kTrailer: {
      size_t used = 0;
      if (!chunk_line(&line_, data, size, &used)) return used;
      trailer_bytes_ += line_.size() + 2;
      if (trailer_bytes_ > limits_.max_header_bytes) return fail(431, "the trailer section is too large"), used;
      const bool last = line_.empty();
      if (!last && line_.find(':') == std::string::npos) return fail(400, "a malformed trailer line"), used;
      line_.clear();
      if (last) state_ = State::kComplete;  // trailer fields are read and dropped
      return used;
    }
    case Body::kNone:
      break;
  }
  state_ = State::kComplete;
  return 0;
}

ParsedRequest RequestParser::take() {
  ParsedRequest out = std::move(request_);
  request_ = ParsedRequest{};
  header_.clear();
  scan_from_ = 0;
  line_.clear();
  remaining_ = 0;
  body_ = Body::kNone;
  continue_pending_ = false;
  state_ = State::kIdle;
  return out;
}

bool RequestParser::take_continue() {
  const bool pending = continue_pending_;
  continue_pending_ = false;
  return pending;
}

}  // namespace faqbot::http
