#include "bot/service/session_credentials.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>
#include <openssl/sha.h>

namespace faqbot::service {
namespace {

std::string to_hex(const unsigned char* data, size_t n) {
  static const char* digits = "0123456789abcdef";
  std::string out(n * 2, '0');
  for (size_t i = 0; i < n; ++i) {
    out[2 * i] = digits[data[i] >> 4];
    out[2 * i + 1] = digits[data[i] & 15];
  }
  return out;
}

}  // namespace

std::string random_hex_secret() {
  unsigned char bytes[32];
  if (RAND_bytes(bytes, sizeof bytes) != 1) return {};
  return to_hex(bytes, sizeof bytes);
}

std::string new_session_token() { return random_hex_secret(); }

std::string session_token_hash(const std::string& token) {
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(token.data()), token.size(), digest);
  return to_hex(digest, sizeof digest);
}

bool session_token_matches(const std::string& token, const std::string& stored_hash) {
  if (token.empty() || stored_hash.size() != 2 * SHA256_DIGEST_LENGTH) return false;
  const std::string presented = session_token_hash(token);
  return CRYPTO_memcmp(presented.data(), stored_hash.data(), presented.size()) == 0;
}

std::string im_session_id(const std::string& key, const std::string& channel,
                          const std::string& conversation) {
  const std::string message = channel + "\n" + conversation;
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
       reinterpret_cast<const unsigned char*>(message.data()), message.size(), mac, &length);
  return channel + ":" + to_hex(mac, length).substr(0, 40);
}

}  // namespace faqbot::service
