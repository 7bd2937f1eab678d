#include "adapters/channels/wx_crypt.h"

#include <algorithm>
#include <vector>

#include "adapters/channels/crypto.h"
#include "adapters/channels/xml_lite.h"

namespace faqbot::channels {

std::string wx_signature(std::string a, std::string b, std::string c, std::string d) {
  std::vector<std::string> parts{std::move(a), std::move(b), std::move(c)};
  if (!d.empty()) parts.push_back(std::move(d));
  std::sort(parts.begin(), parts.end());
  std::string joined;
  for (const auto& p : parts) joined += p;
  return sha1_hex(joined);
}

std::string wx_plain_signature(const std::string& token, const std::string& timestamp,
                               const std::string& nonce) {
  return wx_signature(token, timestamp, nonce);
}

Result<WxCrypt> WxCrypt::create(std::string token, const std::string& encoding_aes_key,
                                std::string receive_id) {
  if (encoding_aes_key.size() != 43) {
    return Status(StatusCode::kInvalidArgument, "EncodingAESKey must be 43 characters");
  }
  Result<std::string> key = base64_decode(encoding_aes_key + "=");
  if (!key.ok() || key->size() != 32) {
    return Status(StatusCode::kInvalidArgument, "EncodingAESKey is not base64 of 32 bytes");
  }
  return WxCrypt(std::move(token), std::move(key).value(), std::move(receive_id));
}

std::string WxCrypt::signature(const std::string& timestamp, const std::string& nonce,
                               const std::string& encrypt) const {
  return wx_signature(token_, timestamp, nonce, encrypt);
}

bool WxCrypt::verify(const std::string& msg_signature, const std::string& timestamp,
                     const std::string& nonce, const std::string& encrypt) const {
  return constant_time_equal(signature(timestamp, nonce, encrypt), msg_signature);
}

Result<WxDecrypted> WxCrypt::decrypt(const std::string& encrypt) const {
  Result<std::string> cipher = base64_decode(encrypt);
  if (!cipher.ok()) return cipher.status();
  if (cipher->empty() || cipher->size() % 16 != 0) {
    return Status(StatusCode::kInvalidArgument, "ciphertext length is not a block multiple");
  }
  Result<std::string> plain = aes256_cbc_decrypt(key_, key_.substr(0, 16), cipher.value());
  if (!plain.ok()) return plain.status();
  Result<std::string> unpadded = pkcs7_unpad(plain.value(), 32);
  if (!unpadded.ok()) return unpadded.status();
  const std::string& p = unpadded.value();
  if (p.size() < 20) return Status(StatusCode::kInvalidArgument, "plaintext too short");
  uint32_t len = (uint32_t(uint8_t(p[16])) << 24) | (uint32_t(uint8_t(p[17])) << 16) |
                 (uint32_t(uint8_t(p[18])) << 8) | uint32_t(uint8_t(p[19]));
  if (len > p.size() - 20) return Status(StatusCode::kInvalidArgument, "length field overruns");
  WxDecrypted out;
  out.message = p.substr(20, len);
  out.receive_id = p.substr(20 + len);
  if (!receive_id_.empty() && !constant_time_equal(out.receive_id, receive_id_)) {
    return Status(StatusCode::kInvalidArgument, "receive id does not match");
  }
  return out;
}

std::string WxCrypt::encrypt(const std::string& message, const std::string& random16) const {
  std::string plain = random16.substr(0, 16);
  plain.resize(16, '\0');
  uint32_t len = static_cast<uint32_t>(message.size());
  plain.push_back(static_cast<char>((len >> 24) & 0xff));
  plain.push_back(static_cast<char>((len >> 16) & 0xff));
  plain.push_back(static_cast<char>((len >> 8) & 0xff));
  plain.push_back(static_cast<char>(len & 0xff));
  plain += message;
  plain += receive_id_;
  Result<std::string> cipher = aes256_cbc_encrypt(key_, key_.substr(0, 16), pkcs7_pad(plain, 32));
  return cipher.ok() ? base64_encode(cipher.value()) : std::string();
}

std::string WxCrypt::encrypted_reply(const std::string& message, const std::string& timestamp,
                                     const std::string& nonce) const {
  std::string enc = encrypt(message, random_bytes(16));
  return "<xml><Encrypt>" + xml_cdata(enc) + "</Encrypt><MsgSignature>" +
         xml_cdata(signature(timestamp, nonce, enc)) + "</MsgSignature><TimeStamp>" + timestamp +
         "</TimeStamp><Nonce>" + xml_cdata(nonce) + "</Nonce></xml>";
}

}  // namespace faqbot::channels
