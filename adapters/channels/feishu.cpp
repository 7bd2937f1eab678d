// Feishu/Lark event subscription v2. Encrypted bodies {"encrypt": …} are
// decrypted with the Encrypt Key. As in Feishu's own SDK, a
// url_verification is checked by its verification token (top-level `token`,
// or `header.token` in the schema-2.0 form the official SDKs' test events
// use) and answered with the challenge; every other event is checked by
// X-Lark-Signature (when an Encrypt Key is set; with a fresh
// X-Lark-Request-Timestamp) and by header.token. im.message.receive_v1 text
// messages are questions; card.action.trigger (a press on a suggestion
// button of our card) is the chosen question. Replies go through
// im/v1/messages with a tenant access token (FAQBOT_FEISHU_APP_ID/SECRET).
#include <nlohmann/json.hpp>

#include "adapters/channels/channels.h"
#include "adapters/channels/json_fields.h"
#include "adapters/channels/crypto.h"
#include "adapters/channels/feishu_crypt.h"
#include "adapters/channels/signatures.h"
#include "adapters/channels/token_cache.h"
#include "adapters/channels/transport.h"

namespace faqbot::channels {
namespace {

using nlohmann::json;

// Removes "@_user_1" style mention placeholders.
std::string strip_mentions(std::string text) {
  for (size_t at = text.find("@_user_"); at != std::string::npos; at = text.find("@_user_", at)) {
    size_t end = at + 7;
    while (end < text.size() && isdigit(static_cast<unsigned char>(text[end]))) ++end;
    text.erase(at, end - at);
  }
  return text;
}

class FeishuChannel : public Channel {
 public:
  explicit FeishuChannel(const ChannelsConfig& c) : name_("feishu"), config_(c) {}
  const std::string& name() const override { return name_; }

  bool token_ok(const std::string& token) const {
    if (config_.feishu_verification_token.empty()) return !config_.feishu_encrypt_key.empty();
    return constant_time_equal(config_.feishu_verification_token, token);
  }

  Received receive(const http::Request& req, int64_t now_ms) const override {
    json body = json::parse(req.body, nullptr, false);
    if (!body.is_object()) return reject("malformed JSON");
    if (body.contains("encrypt")) {
      if (config_.feishu_encrypt_key.empty()) return reject("encrypted event but no encrypt key configured");
      auto plain = feishu_decrypt(config_.feishu_encrypt_key, field_string(body, "encrypt"));
      if (!plain.ok()) return reject("event does not decrypt");
      body = json::parse(plain.value(), nullptr, false);
      if (!body.is_object()) return reject("malformed decrypted JSON");
    }
    if (field_string(body, "type") == "url_verification") {
      std::string token = field_string(body, "token");
      if (token.empty()) token = field_string(field_object(body, "header"), "token");
      if (!token_ok(token)) return reject("bad verification token");
      return respond(json_response(200, json{{"challenge", field_string(body, "challenge")}}.dump()));
    }
    if (!config_.feishu_encrypt_key.empty()) {
      const std::string ts = req.header("X-Lark-Request-Timestamp");
      if (!verify_feishu(ts, req.header("X-Lark-Request-Nonce"), config_.feishu_encrypt_key, req.body,
                         req.header("X-Lark-Signature"))) {
        return reject("bad X-Lark-Signature");
      }
      if (!check_timestamp(ts, 1000, now_ms, config_.max_skew_s).ok()) return reject("stale timestamp");
    }
    const json header = field_object(body, "header");
    if (!token_ok(field_string(header, "token"))) return reject("bad verification token");
    const std::string type = field_string(header, "event_type");
    const json event = field_object(body, "event");
    Received r;
    r.kind = Received::Kind::kMessage;
    Inbound& in = r.inbound;
    in.event_id = field_string(header, "event_id");
    if (type == "im.message.receive_v1") {
      const json sender = field_object(event, "sender");
      const json message = field_object(event, "message");
      in.from_bot = field_string(sender, "sender_type") != "user";
      in.user_id = field_string(field_object(sender, "sender_id"), "open_id");
      const std::string chat = field_string(message, "chat_id");
      if (field_string(message, "message_type") != "text") return respond(ack({}));
      json content = json::parse(field_string(message, "content"), nullptr, false);
      in.text = content.is_object() ? strip_mentions(field_string(content, "text")) : "";
      in.conversation = chat + "/" + in.user_id;
      in.channel_ref = json{{"chat_id", chat}}.dump();
      return r;
    }
    if (type == "card.action.trigger") {
      const json action = field_object(event, "action");
      const json value = field_object(action, "value");
      in.user_id = field_string(field_object(event, "operator"), "open_id");
      const std::string chat = field_string(field_object(event, "context"), "open_chat_id");
      in.text = field_string(value, "choice");
      in.conversation = chat + "/" + in.user_id;
      in.channel_ref = json{{"chat_id", chat}}.dump();
      return r;
    }
    return respond(ack({}));  // other events: acknowledged, ignored
  }

  http::Response ack(const Inbound&) const override { return json_response(200, "{}"); }

  Result<OutboundRequest> render(const std::string& channel_ref, const ReplyContent& reply) const override {
    json ref = json::parse(channel_ref, nullptr, false);
    if (!ref.is_object() || field_string(ref, "chat_id").empty()) return Status(StatusCode::kInvalidArgument, "no chat_id");
    json body = {{"receive_id", ref["chat_id"]}};
    if (reply.choices.empty()) {
      body["msg_type"] = "text";
      body["content"] = json{{"text", reply.text}}.dump();
    } else {
      // An interactive card: the text, then one button per suggestion.
      json actions = json::array();
      for (const Choice& c : reply.choices) {
        actions.push_back({{"tag", "button"},
                           {"text", {{"tag", "plain_text"}, {"content", c.label}}},
                           {"type", "default"},
                           {"value", {{"choice", c.payload}}}});
      }
      json card = {{"config", {{"wide_screen_mode", true}}},
                   {"elements", json::array({{{"tag", "div"}, {"text", {{"tag", "plain_text"}, {"content", reply.text}}}},
                                             {{"tag", "action"}, {"actions", actions}}})}};
      body["msg_type"] = "interactive";
      body["content"] = card.dump();
    }
    OutboundRequest out;
    out.url = config_.feishu_api_base + "/open-apis/im/v1/messages?receive_id_type=chat_id";
    out.body = body.dump();
    out.headers["Authorization"] = "Bearer {access_token}";
    return out;
  }

  Status authorize(OutboundRequest& req, Transport& transport) const override {
    if (config_.feishu_app_id.empty() || config_.feishu_app_secret.empty()) {
      return Status(StatusCode::kFailedPrecondition, "FAQBOT_FEISHU_APP_ID / FAQBOT_FEISHU_APP_SECRET not set");
    }
    auto token = tokens_.get([&]() -> Result<TokenGrant> {
      json body = {{"app_id", config_.feishu_app_id}, {"app_secret", config_.feishu_app_secret}};
      SendResult r = transport.send("POST", config_.feishu_api_base + "/open-apis/auth/v3/tenant_access_token/internal",
                                    {}, body.dump(), "application/json; charset=utf-8");
      json answer = json::parse(r.body, nullptr, false);
      if (r.status != 200 || !answer.is_object() || field_int(answer, "code", -1) != 0 ||
          field_string(answer, "tenant_access_token").empty()) {
        return Status(StatusCode::kInternal, "tenant_access_token refused: HTTP " + std::to_string(r.status));
      }
      return TokenGrant{field_string(answer, "tenant_access_token"), field_int(answer, "expire", 7200)};
    });
    if (!token.ok()) return token.status();
    req.headers["Authorization"] = "Bearer " + token.value();
    return Status::Ok();
  }

  Status accepted(const SendResult& r) const override { return accepted_json_field(r, "code", 0); }
  void invalidate_token() const override { tokens_.invalidate(); }

 private:
  std::string name_;
  ChannelsConfig config_;
  mutable TokenCache tokens_;
};

}  // namespace

std::unique_ptr<Channel> make_feishu(const ChannelsConfig& c) { return std::make_unique<FeishuChannel>(c); }

}  // namespace faqbot::channels
