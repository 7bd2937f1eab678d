#include "adapters/channels/signatures.h"

#include <limits>
#include <string>

#include "adapters/channels/crypto.h"

namespace faqbot::channels {

std::string slack_signature(std::string_view signing_secret, std::string_view timestamp,
                            std::string_view body) {
  std::string base = "v0:";
  base.append(timestamp);
  base.push_back(':');
  base.append(body);
  return "v0=" + to_hex(hmac_sha256(signing_secret, base));
}

bool verify_slack(std::string_view signing_secret, std::string_view timestamp,
                  std::string_view body, std::string_view signature_header) {
  if (signing_secret.empty()) return false;
  return constant_time_equal(slack_signature(signing_secret, timestamp, body), signature_header);
}

std::string dingtalk_sign(std::string_view app_secret, std::string_view timestamp_ms) {
  std::string text(timestamp_ms);
  text.push_back('\n');
  text.append(app_secret);
  return base64_encode(hmac_sha256(app_secret, text));
}

bool verify_dingtalk(std::string_view app_secret, std::string_view timestamp_ms,
                     std::string_view sign_header) {
  if (app_secret.empty()) return false;
  return constant_time_equal(dingtalk_sign(app_secret, timestamp_ms), sign_header);
}

std::string feishu_signature(std::string_view timestamp, std::string_view nonce,
                             std::string_view encrypt_key, std::string_view body) {
  std::string text(timestamp);
  text.append(nonce);
  text.append(encrypt_key);
  text.append(body);
  return sha256_hex(text);
}

bool verify_feishu(std::string_view timestamp, std::string_view nonce,
                   std::string_view encrypt_key, std::string_view body,
                   std::string_view signature_header) {
  if (encrypt_key.empty()) return false;
  return constant_time_equal(feishu_signature(timestamp, nonce, encrypt_key, body),
                             signature_header);
}

std::string generic_signature(std::string_view secret, std::string_view timestamp,
                              std::string_view body) {
  std::string text(timestamp);
  text.push_back('.');
  text.append(body);
  return "sha256=" + to_hex(hmac_sha256(secret, text));
}

bool verify_generic(std::string_view secret, std::string_view timestamp, std::string_view body,
                    std::string_view signature_header) {
  if (secret.empty()) return false;
  return constant_time_equal(generic_signature(secret, timestamp, body), signature_header);
}

bool verify_secret_token(std::string_view expected, std::string_view header) {
  if (expected.empty()) return false;
  return constant_time_equal(expected, header);
}

Status check_timestamp(std::string_view timestamp, int64_t unit_ms, int64_t now_ms,
                       int64_t max_skew_s) {
  if (timestamp.empty() || timestamp.size() > 16) {
    return Status(StatusCode::kInvalidArgument, "timestamp missing or too long");
  }
  int64_t value = 0;
  for (char c : timestamp) {
    if (c < '0' || c > '9') return Status(StatusCode::kInvalidArgument, "timestamp is not a number");
    value = value * 10 + (c - '0');
  }
  if (max_skew_s <= 0) return Status::Ok();
  // 16 digits of seconds overflow int64 in milliseconds: far outside any skew.
  if (unit_ms > 0 && value > std::numeric_limits<int64_t>::max() / unit_ms) {
    return Status(StatusCode::kFailedPrecondition, "timestamp outside the allowed skew");
  }
  int64_t at_ms = value * unit_ms;
  int64_t diff = now_ms > at_ms ? now_ms - at_ms : at_ms - now_ms;
  if (diff > max_skew_s * 1000) {
    return Status(StatusCode::kFailedPrecondition, "timestamp outside the allowed skew");
  }
  return Status::Ok();
}

}  // namespace faqbot::channels
