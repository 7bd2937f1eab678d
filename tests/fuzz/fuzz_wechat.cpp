// WeChat Official Account (公众号) server (GET/POST /webhooks/wechat) behind
// valid signatures, in plain mode and in safe (AES) mode.
// Input: "mode\nnonce\npayload":
//   "get"   — URL check, payload is the echostr;
//   "plain" — plain mode, payload is the message XML;
//   other   — safe mode, payload is the inner message XML, encrypted and
//             wrapped the way WeChat sends it.
#include "adapters/channels/signatures.h"
#include "channel_harness.h"

using namespace faqbot;

namespace {

channels::ChannelsConfig safe_config() {
  channels::ChannelsConfig c = fuzz::fuzz_config();
  c.wechat_aes_key = fuzz::kWxAesKey;
  return c;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const auto plain = fuzz::must(channels::make_wechat(fuzz::fuzz_config()));
  static const auto safe = fuzz::must(channels::make_wechat(safe_config()));
  const channels::WxCrypt& crypt = fuzz::wx_crypt();
  fuzz::WxInput in = fuzz::wx_input("wechat", data, size);
  const std::string &mode = in.mode, &nonce = in.nonce, &payload = in.payload;
  http::Request& req = in.req;
  req.params["signature"] = channels::wx_plain_signature(fuzz::kWxToken, fuzz::kNowS, nonce);
  const channels::Channel* channel = plain.get();
  if (mode == "get") {
    req.method = "GET";
    req.params["echostr"] = payload;
  } else if (mode == "plain") {
    req.method = "POST";
    req.body = payload;
  } else {
    channel = safe.get();
    req.method = "POST";
    const std::string encrypt = crypt.encrypt(payload, "0123456789abcdef");
    req.params["encrypt_type"] = "aes";
    req.params["msg_signature"] = crypt.signature(fuzz::kNowS, nonce, encrypt);
    req.body = fuzz::wx_envelope("gh_fuzz", encrypt);
  }
  fuzz::follow_up(*channel, channel->receive(req, fuzz::kNowMs));
  return 0;
}
