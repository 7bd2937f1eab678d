// WeCom (企业微信) self-built app callback: GET URL check with an encrypted
// echostr, POST encrypted XML messages, encrypted passive replies; agent
// replies through message/send with the app's access token.
#include <nlohmann/json.hpp>

#include "adapters/channels/channels.h"
#include "adapters/channels/signatures.h"
#include "adapters/channels/tencent_common.h"
#include "adapters/channels/wx_crypt.h"
#include "adapters/channels/xml_lite.h"

namespace faqbot::channels {
namespace {

class WecomChannel : public Channel {
 public:
  WecomChannel(const ChannelsConfig& c, WxCrypt crypt)
      : name_("wecom"), config_(c), crypt_(std::move(crypt)) {}

  const std::string& name() const override { return name_; }
  std::vector<std::string> methods() const override { return {"GET", "POST"}; }

  Received receive(const http::Request& req, int64_t now_ms) const override {
    Received answer;
    XmlDoc msg;
    std::string ts, nonce;
    if (!open_wecom_callback(crypt_, req, now_ms, config_.max_skew_s, &answer, &msg, &ts, &nonce)) return answer;
    if (msg.get("MsgType") != "text") return respond(ack({}));  // events, images: acknowledged
    Received r;
    r.kind = Received::Kind::kMessage;
    Inbound& in = r.inbound;
    in.event_id = msg.get("MsgId");
    in.user_id = msg.get("FromUserName");
    in.text = msg.get("Content");
    const std::string agent = msg.get("AgentID");
    in.conversation = agent + "/" + in.user_id;
    in.channel_ref = nlohmann::json{{"user", in.user_id}, {"agent_id", agent}}.dump();
    in.context = {{"timestamp", ts}, {"nonce", nonce}, {"to", in.user_id}, {"from", msg.get("ToUserName")}};
    return r;
  }

  http::Response ack(const Inbound&) const override {
    http::Response r;
    r.content_type = "text/plain; charset=utf-8";
    r.body = "";  // WeCom: an empty 200 means "received, no reply"
    return r;
  }

  std::optional<http::Response> reply_in_body(const Inbound& in, const ReplyContent& reply) const override {
    std::string inner = wx_text_xml(in.context.at("to"), in.context.at("from"),
                                    std::stoll(in.context.at("timestamp")), numbered_text(reply));
    http::Response r;
    r.content_type = "application/xml; charset=utf-8";
    r.body = crypt_.encrypted_reply(inner, in.context.at("timestamp"), in.context.at("nonce"));
    return r;
  }

  Result<OutboundRequest> render(const std::string& channel_ref, const ReplyContent& reply) const override {
    auto ref = nlohmann::json::parse(channel_ref, nullptr, false);
    if (!ref.is_object() || !ref.contains("user")) return Status(StatusCode::kInvalidArgument, "no WeCom user");
    std::string agent = ref.value("agent_id", config_.wecom_agent_id);
    if (agent.empty()) agent = config_.wecom_agent_id;
    nlohmann::json body = {{"touser", ref["user"]},
                           {"msgtype", "text"},
                           {"text", {{"content", numbered_text(reply)}}}};
    long long agent_id = std::atoll(agent.c_str());
    body["agentid"] = agent_id;
    OutboundRequest out;
    out.url = config_.wecom_api_base + "/cgi-bin/message/send?access_token={access_token}";
    out.body = body.dump();
    return out;
  }

  Status authorize(OutboundRequest& req, Transport& transport) const override {
    if (config_.wecom_secret.empty()) {
      return Status(StatusCode::kFailedPrecondition, "FAQBOT_WECOM_SECRET is not set: cannot send");
    }
    auto token = tokens_.get([&] {
      return fetch_wecom_token(transport, config_.wecom_api_base, config_.wecom_corp_id, config_.wecom_secret);
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
  WxCrypt crypt_;
  mutable TokenCache tokens_;
};

}  // namespace

Result<std::unique_ptr<Channel>> make_wecom(const ChannelsConfig& c) {
  auto crypt = WxCrypt::create(c.wecom_token, c.wecom_aes_key, c.wecom_corp_id);
  if (!crypt.ok()) return Status(StatusCode::kInvalidArgument, "FAQBOT_WECOM_AES_KEY: " + crypt.status().message());
  return std::unique_ptr<Channel>(new WecomChannel(c, std::move(crypt).value()));
}

}  // namespace faqbot::channels
