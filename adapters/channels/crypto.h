#pragma once
// Small, pure cryptographic helpers for the IM webhook channels, over
// OpenSSL's libcrypto: digests, HMAC, base64, AES-256-CBC and a
// constant-time comparison. No state, thread-safe, never throws.
//
// Byte strings are std::string (any bytes, NUL included). Hex output is
// lower-case. Base64 is the standard alphabet with '=' padding.
#include <string>
#include <string_view>

#include "knowledge/status.h"

namespace faqbot::channels {

std::string sha1_hex(std::string_view data);          // 40 hex chars
std::string sha256_raw(std::string_view data);        // 32 bytes
std::string sha256_hex(std::string_view data);        // 64 hex chars
std::string hmac_sha256(std::string_view key, std::string_view data);  // 32 bytes
std::string to_hex(std::string_view bytes);

std::string base64_encode(std::string_view bytes);
// Strict decoding: standard alphabet, length a multiple of 4, padding only
// at the end. kInvalidArgument otherwise.
Result<std::string> base64_decode(std::string_view text);

// AES-256-CBC. `key` is 32 bytes, `iv` 16 bytes (kInvalidArgument otherwise).
// No padding is added or removed here: the plaintext given to encrypt and
// the ciphertext given to decrypt must be a multiple of 16 bytes; callers
// apply their platform's padding rule (PKCS#7 to 16 or to 32 bytes).
Result<std::string> aes256_cbc_encrypt(std::string_view key, std::string_view iv,
                                       std::string_view plaintext);
Result<std::string> aes256_cbc_decrypt(std::string_view key, std::string_view iv,
                                       std::string_view ciphertext);

// PKCS#7 padding to a multiple of `block` (1..255) bytes.
std::string pkcs7_pad(std::string_view data, size_t block);
// Removes PKCS#7 padding whose pad length is 1..max_pad and whose pad bytes
// all agree; kInvalidArgument otherwise.
Result<std::string> pkcs7_unpad(std::string_view data, size_t max_pad);

// Equality in time that depends only on the lengths, not on where the
// strings differ. For signatures and tokens.
bool constant_time_equal(std::string_view a, std::string_view b);

// `n` bytes from OpenSSL's CSPRNG.
std::string random_bytes(size_t n);

}  // namespace faqbot::channels
