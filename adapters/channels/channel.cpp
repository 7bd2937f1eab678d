#include "adapters/channels/channel.h"

#include "adapters/http/api_error.h"

#include <nlohmann/json.hpp>

#include "adapters/channels/crypto.h"

namespace faqbot::channels {

http::Response Channel::ack(const Inbound&) const { return json_response(200, "{\"ok\":true}"); }

std::optional<http::Response> Channel::reply_in_body(const Inbound&, const ReplyContent&) const {
  return std::nullopt;
}

Status Channel::authorize(OutboundRequest&, Transport&) const { return Status::Ok(); }

Result<Pulled> Channel::pull(const std::string&, const std::string&, Transport&) const { return Pulled{}; }

void bind_signature(Inbound& in, std::string_view signature, std::string_view body,
                    bool signature_covers_body) {
  std::string signed_request(signature);
  signed_request += '\n';
  signed_request.append(body);
  in.replay_key = sha256_hex(signed_request);
  in.signature_key = signature_covers_body ? "" : sha256_hex(signature);
}

http::Response json_response(int status, const std::string& body) {
  http::Response r;
  r.status = status;
  r.body = body;
  return r;
}

http::Response unauthorized(const std::string& why) {
  return http::error_response(http::ApiError::kUnauthorized, why);
}

Received respond(http::Response response) {
  Received r;
  r.kind = Received::Kind::kRespond;
  r.response = std::move(response);
  return r;
}

Received reject(const std::string& why) {
  Received r = respond(unauthorized(why));
  r.rejected = true;
  return r;
}

std::string utf8_truncate(const std::string& text, size_t max_bytes) {
  std::string out;
  out.reserve(std::min(text.size(), max_bytes));
  for (char c : text) {
    if (c != '\r') out.push_back(c);
  }
  if (out.size() <= max_bytes) return out;
  size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
  out.resize(cut);
  return out;
}

std::string numbered_text(const ReplyContent& reply) {
  if (reply.choices.empty()) return reply.text;
  std::string out = reply.text;
  for (size_t i = 0; i < reply.choices.size(); ++i) {
    out += "\n" + std::to_string(i + 1) + ". " + reply.choices[i].label;
  }
  out += "\n（回复数字即可选择）";
  return out;
}

std::string url_encode(const std::string& text) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '_' || c == '.' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    }
  }
  return out;
}

std::string url_decode(const std::string& text) {
  auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '+') {
      out.push_back(' ');
    } else if (text[i] == '%' && i + 2 < text.size() && hex(text[i + 1]) >= 0 && hex(text[i + 2]) >= 0) {
      out.push_back(static_cast<char>(hex(text[i + 1]) * 16 + hex(text[i + 2])));
      i += 2;
    } else {
      out.push_back(text[i]);
    }
  }
  return out;
}

bool url_under(const std::string& url, const std::string& base) {
  if (base.empty()) return false;
  std::string b = base;
  while (!b.empty() && b.back() == '/') b.pop_back();
  if (url.compare(0, b.size(), b) != 0) return false;
  if (url.size() == b.size()) return true;
  char next = url[b.size()];
  return next == '/' || next == '?';
}

bool split_url(const std::string& url, std::string* origin, std::string* path) {
  size_t scheme = url.find("://");
  if (scheme == std::string::npos) return false;
  std::string s = url.substr(0, scheme);
  if (s != "http" && s != "https") return false;
  size_t slash = url.find('/', scheme + 3);
  *origin = slash == std::string::npos ? url : url.substr(0, slash);
  *path = slash == std::string::npos ? "/" : url.substr(slash);
  return origin->size() > scheme + 3;
}

}  // namespace faqbot::channels
