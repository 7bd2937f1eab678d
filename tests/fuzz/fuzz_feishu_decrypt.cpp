// Feishu/Lark event decryption. Input: "mode\npayload":
//   "base64" — payload is the `encrypt` text as received;
//   "block"  — payload (zero-filled to whole AES blocks, padding included)
//              encrypted with the key behind a fixed IV, so unpadding sees
//              any bytes;
//   other    — round trip: decrypt(encrypt(payload)) gives payload back.
#include "adapters/channels/crypto.h"
#include "adapters/channels/feishu_crypt.h"
#include "fuzz_input.h"

using namespace faqbot;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::string encrypt_key = "fuzz-feishu-encrypt-key";
  static const std::string iv = "0123456789abcdef";
  fuzz::FuzzInput input(data, size);
  const std::string mode = input.line();
  std::string payload = input.body();
  if (mode == "base64") {
    channels::feishu_decrypt(encrypt_key, payload);
  } else if (mode == "block") {
    payload.resize((payload.size() + 15) / 16 * 16, '\0');
    auto cipher = channels::aes256_cbc_encrypt(channels::sha256_raw(encrypt_key), iv, payload);
    if (!cipher.ok()) return 0;
    auto plain = channels::feishu_decrypt(encrypt_key, channels::base64_encode(iv + cipher.value()));
    if (plain.ok()) FUZZ_CHECK(plain->size() < payload.size());
  } else {
    auto plain = channels::feishu_decrypt(encrypt_key, channels::feishu_encrypt(encrypt_key, payload, iv));
    FUZZ_CHECK(plain.ok());
    FUZZ_CHECK(plain.value() == payload);
  }
  return 0;
}
