#pragma once
// The IM channels as the fuzz targets drive them: every channel enabled with
// known secrets (WeCom's from Tencent's published sample), a fixed clock,
// and the follow-up calls ChannelRuntime makes on an accepted message.
// Targets sign what they send, so the fuzzer reaches the parsers behind the
// signature checks instead of stopping at them.
#include <memory>
#include <string>

#include "adapters/channels/channels.h"
#include "adapters/channels/wx_crypt.h"
#include "adapters/channels/xml_lite.h"
#include "fuzz_input.h"

namespace faqbot::fuzz {

// 2014-09-02 12:36:53 UTC: the timestamp of Tencent's WeCom sample message.
constexpr int64_t kNowMs = 1409659813000;
constexpr const char* kNowS = "1409659813";
constexpr const char* kNowMsText = "1409659813000";

constexpr const char* kWxToken = "QDG6eK";
constexpr const char* kWxAesKey = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
constexpr const char* kWxReceiveId = "wx5823bf96d3bd56c7";

inline channels::ChannelsConfig fuzz_config() {
  channels::ChannelsConfig c;
  c.wecom_token = kWxToken;
  c.wecom_aes_key = kWxAesKey;
  c.wecom_corp_id = kWxReceiveId;
  c.wecom_agent_id = "218";
  c.wechat_token = kWxToken;
  c.wechat_app_id = kWxReceiveId;
  c.wechat_kf_token = kWxToken;
  c.wechat_kf_aes_key = kWxAesKey;
  c.wechat_kf_corp_id = kWxReceiveId;
  c.wechat_kf_secret = "fuzz-kf-secret";
  c.feishu_encrypt_key = "fuzz-feishu-encrypt-key";
  c.feishu_verification_token = "fuzz-feishu-verification";
  c.dingtalk_app_secret = "fuzz-dingtalk-secret";
  c.dingtalk_api_base = "https://oapi.dingtalk.com";
  c.slack_signing_secret = "fuzz-slack-signing-secret";
  c.telegram_secret_token = "fuzz-telegram-secret";
  c.generic_secret = "fuzz-generic-secret";
  c.generic_callback_url = "https://gateway.example/callback";
  return c;
}

// The WeCom/WeChat message crypto of fuzz_config().
inline const channels::WxCrypt& wx_crypt() {
  static const channels::WxCrypt crypt = channels::WxCrypt::create(kWxToken, kWxAesKey, kWxReceiveId).value();
  return crypt;
}

// WeCom/WeChat inputs: "mode\nnonce\npayload", and a request carrying the
// fresh timestamp and that nonce as query parameters.
struct WxInput {
  std::string mode, nonce, payload;
  http::Request req;
};
inline WxInput wx_input(const std::string& channel, const uint8_t* data, size_t size) {
  FuzzInput input(data, size);
  WxInput out;
  out.mode = input.line();
  out.nonce = input.line();
  out.payload = input.body();
  out.req.path = "/webhooks/" + channel;
  out.req.params["timestamp"] = kNowS;
  out.req.params["nonce"] = out.nonce;
  return out;
}
// The encrypted POST body the way WeCom and WeChat send it.
inline std::string wx_envelope(const std::string& to, const std::string& encrypt) {
  return "<xml><ToUserName><![CDATA[" + to + "]]></ToUserName><Encrypt>" + channels::xml_cdata(encrypt) +
         "</Encrypt><AgentID><![CDATA[218]]></AgentID></xml>";
}

// A request to /webhooks/<channel>. Timestamped channels take the first
// input line as the timestamp ("" = `fresh`), the rest as the body.
inline http::Request webhook(const std::string& channel, const std::string& method, std::string body) {
  http::Request req;
  req.method = method;
  req.path = "/webhooks/" + channel;
  req.body = std::move(body);
  return req;
}
inline std::string timestamp_line(FuzzInput& input, const char* fresh) {
  std::string ts = input.line();
  return ts.empty() ? fresh : ts;
}

// A built channel, kept for the whole run (construction is not the target).
inline std::unique_ptr<channels::Channel> must(Result<std::unique_ptr<channels::Channel>> made) {
  FUZZ_CHECK(made.ok());
  return std::move(made).value();
}

// What the runtime does with a verified message: acknowledge it, answer it
// in the response body where the platform allows, and render a send-API
// call with suggestion buttons. None of it may throw or crash, whatever the
// platform sent.
inline void follow_up(const channels::Channel& channel, const channels::Received& received) {
  if (received.kind != channels::Received::Kind::kMessage) {
    FUZZ_CHECK(received.response.status >= 200 && received.response.status < 600);
    return;
  }
  const channels::Inbound& in = received.inbound;
  channels::ReplyContent reply;
  reply.text = "您好，请问您是想问以下哪个问题？";
  reply.choices = {{"提现多久到账", "faq:withdraw.arrival_time"}, {"转人工", "转人工"}};
  reply.session_id = "s-fuzz";
  reply.action = "clarify";
  channel.ack(in);
  channel.reply_in_body(in, reply);
  channel.render(in.channel_ref, reply);
}

}  // namespace faqbot::fuzz
