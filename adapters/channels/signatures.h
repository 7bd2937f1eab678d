#pragma once
// Request signatures of the IM platforms and of faqbot's generic webhook,
// and the freshness check of a signed timestamp. Pure functions,
// thread-safe. Every verify_* compares in constant time.
#include <cstdint>
#include <string>
#include <string_view>

#include "knowledge/status.h"

namespace faqbot::channels {

// Slack: "v0=" + hex(HMAC-SHA256(signing_secret, "v0:" + timestamp + ":" + body)).
std::string slack_signature(std::string_view signing_secret, std::string_view timestamp,
                            std::string_view body);
bool verify_slack(std::string_view signing_secret, std::string_view timestamp,
                  std::string_view body, std::string_view signature_header);

// DingTalk robot callback: base64(HMAC-SHA256(app_secret, timestamp + "\n" + app_secret)).
// DingTalk's timestamp is in milliseconds.
std::string dingtalk_sign(std::string_view app_secret, std::string_view timestamp_ms);
bool verify_dingtalk(std::string_view app_secret, std::string_view timestamp_ms,
                     std::string_view sign_header);

// Feishu/Lark X-Lark-Signature: hex(sha256(timestamp + nonce + encrypt_key + body)).
std::string feishu_signature(std::string_view timestamp, std::string_view nonce,
                             std::string_view encrypt_key, std::string_view body);
bool verify_feishu(std::string_view timestamp, std::string_view nonce,
                   std::string_view encrypt_key, std::string_view body,
                   std::string_view signature_header);

// Generic webhook: "sha256=" + hex(HMAC-SHA256(secret, timestamp + "." + body)).
std::string generic_signature(std::string_view secret, std::string_view timestamp,
                              std::string_view body);
bool verify_generic(std::string_view secret, std::string_view timestamp, std::string_view body,
                    std::string_view signature_header);

// Telegram's X-Telegram-Bot-Api-Secret-Token: equal to the configured one.
bool verify_secret_token(std::string_view expected, std::string_view header);

// Freshness of a signed timestamp. `timestamp` is decimal digits in
// `unit_ms` milliseconds (1000 for seconds, 1 for DingTalk's milliseconds).
// max_skew_s 0 turns the check off (any well-formed timestamp passes).
// kInvalidArgument when the timestamp is not a number;
// kFailedPrecondition when |now - timestamp| > max_skew_s.
Status check_timestamp(std::string_view timestamp, int64_t unit_ms, int64_t now_ms,
                       int64_t max_skew_s);

}  // namespace faqbot::channels
