// Feishu/Lark event subscription v2. Encrypted bodies {"encrypt": …} are
// decrypted with the Encrypt Key. As in Feishu's own SDK, a
// url_verification is checked by its verification token (top-level
// `token`) and answered with the challenge; every other event is checked by
// X-Lark-Signature (when an Encrypt Key is set; with a fresh
// X-Lark-Request-Timestamp) and by header.token. im.message.receive_v1 text
// messages are questions; card.action.trigger (a press on a suggestion
// button of our card) is the chosen question. Replies go through
// im/v1/messages with a tenant access token (FAQBOT_FEISHU_APP_ID/SECRET).
#include <nlohmann/json.hpp>

#include "adapters/channels/channels.h"
#include "adapters/channels/crypto.h"
#include "adapters/channels/feishu_crypt.h"
#include "adapters/channels/signatures.h"
#include "adapters/channels/token_cache.h"
#include "adapters/channels/transport.h"

namespace faqbot::channels {
namespace {

using nlohmann::json;

std::string str(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

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
      auto plain = feishu_decrypt(config_.feishu_encrypt_key, str(body, "encrypt"));
      if (!plain.ok()) return reject("event does not decrypt");
      body = json::parse(plain.value(), nullptr, false);
      if (!body.is_object()) return reject("malformed decrypted JSON");
    }
    if (str(body, "type") == "url_verification") {
      if (!token_ok(str(body, "token"))) return reject("bad verification token");
      return respond(json_response(200, json{{"challenge", str(body, "challenge")}}.dump()));
    }
    if (!config_.feishu_encrypt_key.empty()) {
      const std::string ts = req.header("X-Lark-Request-Timestamp");
      if (!verify_feishu(ts, req.header("X-Lark-Request-Nonce"), config_.feishu_encrypt_key, req.body,
                         req.header("X-Lark-Signature"))) {
        return reject("bad X-Lark-Signature");
      }
      if (!check_timestamp(ts, 1000, now_ms, config_.max_skew_s).ok()) return reject("stale timestamp");
    }
    const json header = body.value("header", json::object());
    if (!token_ok(str(header, "token"))) return reject("bad verification token");
    const std::string type = str(header, "event_type");
    const json event = body.value("event", json::object());
    Received r;
    r.kind = Received::Kind::kMessage;
    Inbound& in = r.inbound;
    in.event_id = str(header, "event_id");
    if (type == "im.message.receive_v1") {
      const json sender = event.value("sender", json::object());
      const json message = event.value("message", json::object());
      in.from_bot = str(sender, "sender_type") != "user";
      in.user_id = str(sender.value("sender_id", json::object()), "open_id");
      const std::string chat = str(message, "chat_id");
      if (str(message, "message_type") != "text") return respond(ack({}));
      json content = json::parse(str(message, "content"), nullptr, false);
      in.text = content.is_object() ? strip_mentions(str(content, "text")) : "";
      in.conversation = chat + "/" + in.user_id;
      in.channel_ref = json{{"chat_id", chat}}.dump();
      return r;
    }
    if (type == "card.action.trigger") {
      const json action = event.value("action", json::object());
      const json value = action.value("value", json::object());
      in.user_id = str(event.value("operator", json::object()), "open_id");
      const std::string chat = str(event.value("context", json::object()), "open_chat_id");
      in.text = str(value, "choice");
      in.conversation = chat + "/" + in.user_id;
      in.channel_ref = json{{"chat_id", chat}}.dump();
      return r;
    }
    return respond(ack({}));  // other events: acknowledged, ignored
  }

  http::Response ack(const Inbound&) const override { return json_response(200, "{}"); }

  Result<OutboundRequest> render(const std::string& channel_ref, const ReplyContent& reply) const override {
    json ref = json::parse(channel_ref, nullptr, false);
    if (!ref.is_object() || str(ref, "chat_id").empty()) return Status(StatusCode::kInvalidArgument, "no chat_id");
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
      if (r.status != 200 || !answer.is_object() || answer.value("code", -1) != 0 ||
          str(answer, "tenant_access_token").empty()) {
        return Status(StatusCode::kInternal, "tenant_access_token refused: HTTP " + std::to_string(r.status));
      }
      return TokenGrant{str(answer, "tenant_access_token"), answer.value("expire", int64_t{7200})};
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
