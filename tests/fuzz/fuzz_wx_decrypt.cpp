// WXBizMsgCrypt decryption (WeCom, WeChat safe mode). Input: "mode\npayload":
//   "base64" — payload is the Encrypt text as received;
//   "block"  — payload is a plaintext of our choosing (zero-filled to whole
//              AES blocks, its padding and length field included), encrypted
//              with the key, so the checks after AES see any bytes;
//   other    — round trip: decrypt(encrypt(payload)) gives payload back.
#include "adapters/channels/crypto.h"
#include "adapters/channels/wx_crypt.h"
#include "channel_harness.h"

using namespace faqbot;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const channels::WxCrypt& crypt = fuzz::wx_crypt();
  static const std::string key = channels::base64_decode(std::string(fuzz::kWxAesKey) + "=").value();
  fuzz::FuzzInput input(data, size);
  const std::string mode = input.line();
  std::string payload = input.body();
  if (mode == "base64") {
    crypt.decrypt(payload);
  } else if (mode == "block") {
    payload.resize((payload.size() + 15) / 16 * 16, '\0');
    auto cipher = channels::aes256_cbc_encrypt(key, key.substr(0, 16), payload);
    FUZZ_CHECK(cipher.ok() || payload.empty());
    if (!cipher.ok()) return 0;
    auto plain = crypt.decrypt(channels::base64_encode(cipher.value()));
    if (plain.ok()) {
      FUZZ_CHECK(plain->receive_id == fuzz::kWxReceiveId);
      FUZZ_CHECK(plain->message.size() + plain->receive_id.size() + 20 <= payload.size());
    }
  } else {
    auto plain = crypt.decrypt(crypt.encrypt(payload, "0123456789abcdef"));
    FUZZ_CHECK(plain.ok());
    FUZZ_CHECK(plain->message == payload);
  }
  return 0;
}
