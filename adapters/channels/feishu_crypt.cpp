#include "adapters/channels/feishu_crypt.h"

#include "adapters/channels/crypto.h"

namespace faqbot::channels {

Result<std::string> feishu_decrypt(const std::string& encrypt_key, const std::string& encrypt) {
  Result<std::string> raw = base64_decode(encrypt);
  if (!raw.ok()) return raw.status();
  if (raw->size() < 32 || raw->size() % 16 != 0) {
    return Status(StatusCode::kInvalidArgument, "feishu ciphertext has a bad length");
  }
  Result<std::string> plain =
      aes256_cbc_decrypt(sha256_raw(encrypt_key), raw->substr(0, 16), raw->substr(16));
  if (!plain.ok()) return plain.status();
  return pkcs7_unpad(plain.value(), 16);
}

std::string feishu_encrypt(const std::string& encrypt_key, const std::string& plaintext,
                           const std::string& iv16) {
  Result<std::string> cipher =
      aes256_cbc_encrypt(sha256_raw(encrypt_key), iv16, pkcs7_pad(plaintext, 16));
  return cipher.ok() ? base64_encode(iv16 + cipher.value()) : std::string();
}

}  // namespace faqbot::channels
