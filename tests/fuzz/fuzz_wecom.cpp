// WeCom (企业微信) callback (GET/POST /webhooks/wecom) behind a valid
// msg_signature. Input: "mode\nnonce\npayload":
//   "get"  — payload is the echostr plaintext of a URL check (sent encrypted);
//   "raw"  — payload is the outer POST body as is (its Encrypt signed);
//   other  — payload is the inner message XML, encrypted and wrapped in the
//            outer <xml><Encrypt/>… the way WeCom sends it.
#include "channel_harness.h"

using namespace faqbot;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const auto channel = fuzz::must(channels::make_wecom(fuzz::fuzz_config()));
  const channels::WxCrypt& crypt = fuzz::wx_crypt();
  fuzz::WxInput in = fuzz::wx_input("wecom", data, size);
  const std::string &mode = in.mode, &nonce = in.nonce, &payload = in.payload;
  http::Request& req = in.req;
  std::string encrypt;
  if (mode == "get") {
    req.method = "GET";
    encrypt = crypt.encrypt(payload, "0123456789abcdef");
    req.params["echostr"] = encrypt;
  } else if (mode == "raw") {
    req.method = "POST";
    req.body = payload;
    auto outer = channels::parse_xml(payload);
    if (outer.ok()) encrypt = outer->get("Encrypt");
  } else {
    req.method = "POST";
    encrypt = crypt.encrypt(payload, "0123456789abcdef");
    req.body = fuzz::wx_envelope(fuzz::kWxReceiveId, encrypt);
  }
  req.params["msg_signature"] = crypt.signature(fuzz::kNowS, nonce, encrypt);
  fuzz::follow_up(*channel, channel->receive(req, fuzz::kNowMs));
  return 0;
}
