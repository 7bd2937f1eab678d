// 微信客服 (WeChat Customer Service): the callback (GET/POST
// /webhooks/wechat_kf) behind a valid msg_signature, and the kf/sync_msg
// answer the channel then parses. Input: "mode\nnonce\npayload":
//   "get"  — payload is the echostr plaintext of a URL check (sent encrypted);
//   "pull" — payload is sync_msg's JSON answer (served by a fake platform)
//            to a valid kf_msg_or_event callback;
//   other  — payload is the inner callback XML, encrypted and wrapped.
#include "adapters/channels/transport.h"
#include "channel_harness.h"

using namespace faqbot;

namespace {

// The platform: gettoken answers a token, sync_msg the fuzz payload.
class FakePlatform : public channels::Transport {
 public:
  std::string sync_answer;
  channels::SendResult send(const std::string&, const std::string& url, const std::map<std::string, std::string>&,
                            const std::string&, const std::string&) override {
    channels::SendResult r;
    r.status = 200;
    r.body = url.find("/gettoken") != std::string::npos ? "{\"errcode\":0,\"access_token\":\"T\",\"expires_in\":7200}"
                                                         : sync_answer;
    return r;
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const auto channel = fuzz::must(channels::make_wechat_kf(fuzz::fuzz_config()));
  const channels::WxCrypt& crypt = fuzz::wx_crypt();
  fuzz::WxInput in = fuzz::wx_input("wechat_kf", data, size);
  http::Request& req = in.req;
  std::string encrypt;
  if (in.mode == "get") {
    req.method = "GET";
    encrypt = crypt.encrypt(in.payload, "0123456789abcdef");
    req.params["echostr"] = encrypt;
  } else {
    const std::string inner =
        in.mode == "pull" ? "<xml><MsgType>event</MsgType><Event>kf_msg_or_event</Event><Token>t</Token>"
                            "<OpenKfId>wk1</OpenKfId></xml>"
                          : in.payload;
    req.method = "POST";
    encrypt = crypt.encrypt(inner, "0123456789abcdef");
    req.body = fuzz::wx_envelope(fuzz::kWxReceiveId, encrypt);
  }
  req.params["msg_signature"] = crypt.signature(fuzz::kNowS, in.nonce, encrypt);
  const channels::Received received = channel->receive(req, fuzz::kNowMs);
  if (received.kind == channels::Received::Kind::kPull) {
    FakePlatform platform;
    platform.sync_answer = in.payload;
    auto pulled = channel->pull(received.notice, /*cursor=*/"", platform);
    if (pulled.ok()) {
      for (const channels::Inbound& message : pulled.value().messages) {
        channels::Received one;
        one.kind = channels::Received::Kind::kMessage;
        one.inbound = message;
        fuzz::follow_up(*channel, one);
      }
    }
    return 0;
  }
  fuzz::follow_up(*channel, received);
  return 0;
}
