#pragma once
// Session capabilities: what makes a session readable and writable only by
// whoever it was issued to.
//
// - A web session's credential is 32 random bytes from OpenSSL's CSPRNG,
//   sent to the client once as 64 lowercase hex characters. Only its SHA-256
//   (hex) is stored; a presented token is hashed and compared in constant time.
// - An IM session's id is keyed: "<channel>:" + 40 hex characters of
//   HMAC-SHA256(key, channel + "\n" + conversation). Without the server's key
//   the id cannot be computed from a platform user id.
// Pure functions, thread-safe.
#include <string>

namespace faqbot::service {

constexpr size_t kSessionTokenHexChars = 64;

// A fresh credential (64 hex characters); "" only when the CSPRNG fails.
std::string new_session_token();
// 32 random bytes as 64 hex characters ("" when the CSPRNG fails): also the
// form of the key given to im_session_id.
std::string random_hex_secret();
// Lowercase hex SHA-256 of the token, as stored in store::Session::token_hash.
std::string session_token_hash(const std::string& token);
// True when `token` hashes to `stored_hash`. Constant time in the token's
// content; false for an empty token or hash.
bool session_token_matches(const std::string& token, const std::string& stored_hash);
// The keyed id of an IM conversation (see above). `key` non-empty.
std::string im_session_id(const std::string& key, const std::string& channel,
                          const std::string& conversation);

}  // namespace faqbot::service
