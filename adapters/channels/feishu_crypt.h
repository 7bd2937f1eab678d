#pragma once
// Feishu/Lark event encryption ("Encrypt Key"):
//   key        = sha256(encrypt_key)                 (32 bytes)
//   raw        = base64_decode(encrypt)
//   iv         = raw[0:16]
//   plaintext  = PKCS#7-unpad(AES-256-CBC-decrypt(key, iv, raw[16:]))
// Pure functions, thread-safe.
#include <string>

#include "knowledge/status.h"

namespace faqbot::channels {

// kInvalidArgument for bad base64, short input, or bad padding (wrong key).
Result<std::string> feishu_decrypt(const std::string& encrypt_key, const std::string& encrypt);
// The inverse, with the given 16-byte IV (tests; random_bytes(16) otherwise).
std::string feishu_encrypt(const std::string& encrypt_key, const std::string& plaintext,
                           const std::string& iv16);

}  // namespace faqbot::channels
