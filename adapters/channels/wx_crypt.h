#pragma once
// The message crypto of WeCom (企业微信) callbacks and of WeChat Official
// Account (公众号) safe mode: both use Tencent's WXBizMsgCrypt scheme.
//
//   msg_signature = sha1_hex(concat(sorted([token, timestamp, nonce, encrypt])))
//   key           = base64_decode(EncodingAESKey + "=")        (32 bytes)
//   iv            = key[0:16]
//   plaintext     = random(16) | be32(len(msg)) | msg | receive_id
//   encrypt       = base64(AES-256-CBC(key, iv, PKCS#7-pad-to-32(plaintext)))
//
// receive_id is the CorpID for WeCom and the AppID for WeChat. Immutable
// after construction; thread-safe.
#include <string>
#include <string_view>

#include "knowledge/status.h"

namespace faqbot::channels {

// sha1 over the lexicographically sorted parts, concatenated. With three
// parts (token, timestamp, nonce) it is WeChat's plain-mode `signature`.
std::string wx_signature(std::string a, std::string b, std::string c, std::string d = "");
std::string wx_plain_signature(const std::string& token, const std::string& timestamp,
                               const std::string& nonce);

struct WxDecrypted {
  std::string message;     // the XML (or echo string)
  std::string receive_id;  // as found in the plaintext
};

class WxCrypt {
 public:
  // kInvalidArgument when the EncodingAESKey is not 43 base64 characters
  // decoding to 32 bytes.
  static Result<WxCrypt> create(std::string token, const std::string& encoding_aes_key,
                                std::string receive_id);

  std::string signature(const std::string& timestamp, const std::string& nonce,
                        const std::string& encrypt) const;
  // Constant-time check of msg_signature.
  bool verify(const std::string& msg_signature, const std::string& timestamp,
              const std::string& nonce, const std::string& encrypt) const;

  // Decrypts `encrypt` (base64). kInvalidArgument when it is not valid
  // base64/AES/padding, the length field overruns, or the receive id in the
  // plaintext differs from ours (when ours is non-empty).
  Result<WxDecrypted> decrypt(const std::string& encrypt) const;
  // Encrypts with the given 16 random bytes (tests pass fixed ones; use
  // random_bytes(16) otherwise). Returns base64.
  std::string encrypt(const std::string& message, const std::string& random16) const;

  // A passive encrypted reply body:
  // <xml><Encrypt/><MsgSignature/><TimeStamp/><Nonce/></xml>.
  std::string encrypted_reply(const std::string& message, const std::string& timestamp,
                              const std::string& nonce) const;

  const std::string& token() const { return token_; }
  const std::string& receive_id() const { return receive_id_; }

 private:
  WxCrypt(std::string token, std::string key, std::string receive_id)
      : token_(std::move(token)), key_(std::move(key)), receive_id_(std::move(receive_id)) {}
  std::string token_;
  std::string key_;
  std::string receive_id_;
};

}  // namespace faqbot::channels
