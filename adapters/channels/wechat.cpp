// WeChat Official Account (公众号) server configuration: GET URL check
// (plain signature, echostr echoed), POST XML messages in plain mode
// (signature over token/timestamp/nonce) or safe mode (msg_signature and
// AES, same crypto as WeCom). With FAQBOT_WECHAT_AES_KEY set only safe-mode
// messages are accepted (the plain signature does not cover the body; in
// plain mode one signature is accepted with one body only).
// Passive replies in the response body; agent replies through the customer
// service message API (message/custom/send).
#include <nlohmann/json.hpp>

#include "adapters/channels/channels.h"
#include "adapters/channels/crypto.h"
#include "adapters/channels/signatures.h"
#include "adapters/channels/tencent_common.h"
#include "adapters/channels/wx_crypt.h"
#include "adapters/channels/xml_lite.h"

namespace faqbot::channels {
namespace {

class WechatChannel : public Channel {
 public:
  WechatChannel(const ChannelsConfig& c, std::optional<WxCrypt> crypt)
      : name_("wechat"), config_(c), crypt_(std::move(crypt)) {}

  const std::string& name() const override { return name_; }
  std::vector<std::string> methods() const override { return {"GET", "POST"}; }

  Received receive(const http::Request& req, int64_t now_ms) const override {
    const std::string ts = req.param("timestamp"), nonce = req.param("nonce");
    if (ts.empty()) return reject("missing timestamp");
    if (!check_timestamp(ts, 1000, now_ms, config_.max_skew_s).ok()) return reject("stale or malformed timestamp");
    // Every request carries the plain signature, safe mode included.
    if (!constant_time_equal(wx_plain_signature(config_.wechat_token, ts, nonce), req.param("signature"))) {
      return reject("bad signature");
    }
    if (req.method == "GET") {
      http::Response r;
      r.content_type = "text/plain; charset=utf-8";
      r.body = req.param("echostr");
      return respond(r);
    }
    std::string xml = req.body;
    bool safe = false;
    if (crypt_) {
      if (req.param("encrypt_type") != "aes") return reject("safe mode required");
      auto outer = parse_xml(req.body);
      if (!outer.ok()) return reject("malformed XML");
      const std::string enc = outer->get("Encrypt");
      if (!crypt_->verify(req.param("msg_signature"), ts, nonce, enc)) return reject("bad msg_signature");
      auto plain = crypt_->decrypt(enc);
      if (!plain.ok()) return reject("message does not decrypt");
      xml = plain->message;
      safe = true;
    }
    auto msg = parse_xml(xml);
    if (!msg.ok()) return reject("malformed XML");
    if (msg->get("MsgType") != "text") return respond(ack({}));
    Received r;
    r.kind = Received::Kind::kMessage;
    Inbound& in = r.inbound;
    in.event_id = msg->get("MsgId");
    in.user_id = msg->get("FromUserName");
    in.text = msg->get("Content");
    in.conversation = msg->get("ToUserName") + "/" + in.user_id;
    in.channel_ref = nlohmann::json{{"openid", in.user_id}}.dump();
    in.context = {{"timestamp", ts}, {"nonce", nonce}, {"to", in.user_id},
                  {"from", msg->get("ToUserName")}, {"safe", safe ? "1" : "0"}};
    // Plain mode signs token, timestamp and nonce only: the signature is
    // bound to the first body it comes with. Safe mode's msg_signature
    // covers the encrypted body.
    bind_signature(in, ts + "\n" + nonce + "\n" + req.param("signature"), req.body, safe);
    return r;
  }

  http::Response ack(const Inbound&) const override {
    http::Response r;
    r.content_type = "text/plain; charset=utf-8";
    r.body = "success";  // WeChat: "success" = received, no reply
    return r;
  }

  std::optional<http::Response> reply_in_body(const Inbound& in, const ReplyContent& reply) const override {
    std::string inner = wx_text_xml(in.context.at("to"), in.context.at("from"),
                                    std::stoll(in.context.at("timestamp")), numbered_text(reply));
    http::Response r;
    r.content_type = "application/xml; charset=utf-8";
    r.body = in.context.at("safe") == "1"
                 ? crypt_->encrypted_reply(inner, in.context.at("timestamp"), in.context.at("nonce"))
                 : inner;
    return r;
  }

  Result<OutboundRequest> render(const std::string& channel_ref, const ReplyContent& reply) const override {
    auto ref = nlohmann::json::parse(channel_ref, nullptr, false);
    if (!ref.is_object() || !ref.contains("openid")) return Status(StatusCode::kInvalidArgument, "no openid");
    nlohmann::json body = {{"touser", ref["openid"]},
                           {"msgtype", "text"},
                           {"text", {{"content", numbered_text(reply)}}}};
    OutboundRequest out;
    out.url = config_.wechat_api_base + "/cgi-bin/message/custom/send?access_token={access_token}";
    out.body = body.dump();
    return out;
  }

  Status authorize(OutboundRequest& req, Transport& transport) const override {
    if (config_.wechat_app_id.empty() || config_.wechat_app_secret.empty()) {
      return Status(StatusCode::kFailedPrecondition,
                    "FAQBOT_WECHAT_APP_ID / FAQBOT_WECHAT_APP_SECRET not set: cannot send");
    }
    auto token = tokens_.get([&] {
      return fetch_wx_token(transport, config_.wechat_api_base +
                                           "/cgi-bin/token?grant_type=client_credential&appid=" +
                                           url_encode(config_.wechat_app_id) +
                                           "&secret=" + url_encode(config_.wechat_app_secret));
    });
    if (!token.ok()) return token.status();
    put_token(req.url, token.value());
    return Status::Ok();
  }

  Status accepted(const SendResult& r) const override { return accepted_errcode(r); }
  void invalidate_token() const override { tokens_.invalidate(); }

 private:
  std::string name_;
  ChannelsConfig config_;
  std::optional<WxCrypt> crypt_;
  mutable TokenCache tokens_;
};

}  // namespace

Result<std::unique_ptr<Channel>> make_wechat(const ChannelsConfig& c) {
  std::optional<WxCrypt> crypt;
  if (!c.wechat_aes_key.empty()) {
    auto made = WxCrypt::create(c.wechat_token, c.wechat_aes_key, c.wechat_app_id);
    if (!made.ok()) return Status(StatusCode::kInvalidArgument, "FAQBOT_WECHAT_AES_KEY: " + made.status().message());
    crypt = std::move(made).value();
  }
  return std::unique_ptr<Channel>(new WechatChannel(c, std::move(crypt)));
}

}  // namespace faqbot::channels
