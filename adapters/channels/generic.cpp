// The generic signed webhook for any other IM gateway (issue 4):
//   POST /webhooks/generic
//   X-Faqbot-Timestamp: <Unix seconds>
//   X-Faqbot-Signature: sha256=<hex HMAC-SHA256(secret, timestamp + "." + body)>
//   {"user_id": "...", "text": "...", "conversation_id"?: "...",
//    "event_id"?: "...", "user_name"?: "...", "from_bot"?: false}
// The reply is the response body:
//   {"session_id", "text", "action", "faq_id", "confidence",
//    "suggestions": [{"label", "payload"}], "handoff": null | {"ticket_id", "status", "queue_position"}}
// Sending a suggestion's payload back as "text" chooses it. Agent replies
// (handoff) are POSTed to FAQBOT_GENERIC_CALLBACK_URL when set, signed the
// same way, as {"conversation_id", "user_id", "text"}; without it agent
// replies cannot reach the gateway (IM sessions are not readable through the
// investor API /v1/sessions/…: see service.h).
#include <nlohmann/json.hpp>

#include "adapters/channels/channels.h"
#include "adapters/channels/json_fields.h"
#include "adapters/channels/signatures.h"
#include "bot/store/store.h"

namespace faqbot::channels {
namespace {

using nlohmann::json;

std::string str(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

class GenericChannel : public Channel {
 public:
  explicit GenericChannel(const ChannelsConfig& c) : name_("generic"), config_(c) {}
  const std::string& name() const override { return name_; }

  Received receive(const http::Request& req, int64_t now_ms) const override {
    const std::string ts = req.header("X-Faqbot-Timestamp");
    if (!verify_generic(config_.generic_secret, ts, req.body, req.header("X-Faqbot-Signature"))) {
      return reject("bad X-Faqbot-Signature");
    }
    if (!check_timestamp(ts, 1000, now_ms, config_.max_skew_s).ok()) return reject("stale timestamp");
    json body = json::parse(req.body, nullptr, false);
    if (!body.is_object() || str(body, "text").empty() || str(body, "user_id").empty()) {
      return respond(json_response(422, "{\"error\":{\"code\":\"validation\",\"message\":\"user_id and text are required\"}}"));
    }
    Received r;
    r.kind = Received::Kind::kMessage;
    Inbound& in = r.inbound;
    in.event_id = str(body, "event_id");
    in.user_id = str(body, "user_id");
    in.text = str(body, "text");
    in.customer_name = str(body, "user_name");
    in.from_bot = field_bool(body, "from_bot", false);
    bind_signature(in, ts + "\n" + req.header("X-Faqbot-Signature"), req.body, /*signature_covers_body=*/true);
    std::string conv = str(body, "conversation_id");
    in.conversation = (conv.empty() ? in.user_id : conv) + "/" + in.user_id;
    in.channel_ref = json{{"conversation_id", conv}, {"user_id", in.user_id}}.dump();
    return r;
  }

  std::optional<http::Response> reply_in_body(const Inbound&, const ReplyContent& reply) const override {
    json suggestions = json::array();
    for (const Choice& c : reply.choices) suggestions.push_back({{"label", c.label}, {"payload", c.payload}});
    json body = {{"session_id", reply.session_id}, {"text", reply.text}, {"action", reply.action},
                 {"faq_id", reply.faq_id.empty() ? json(nullptr) : json(reply.faq_id)},
                 {"confidence", reply.confidence}, {"suggestions", suggestions}, {"handoff", nullptr}};
    if (reply.ticket_id) {
      body["handoff"] = {{"ticket_id", reply.ticket_id}, {"status", reply.ticket_status},
                         {"queue_position", reply.queue_position}};
    }
    return json_response(200, body.dump());
  }

  Result<OutboundRequest> render(const std::string& channel_ref, const ReplyContent& reply) const override {
    if (config_.generic_callback_url.empty()) {
      return Status(StatusCode::kFailedPrecondition, "FAQBOT_GENERIC_CALLBACK_URL not set (gateway must poll)");
    }
    json ref = json::parse(channel_ref, nullptr, false);
    json body = {{"conversation_id", ref.is_object() ? str(ref, "conversation_id") : ""},
                 {"user_id", ref.is_object() ? str(ref, "user_id") : ""},
                 {"text", reply.text}};
    OutboundRequest out;
    out.url = config_.generic_callback_url;
    out.body = body.dump();
    return out;
  }

  Status authorize(OutboundRequest& req, Transport&) const override {
    std::string ts = std::to_string(store::now_ms() / 1000);
    req.headers["X-Faqbot-Timestamp"] = ts;
    req.headers["X-Faqbot-Signature"] = generic_signature(config_.generic_secret, ts, req.body);
    return Status::Ok();
  }

  Status accepted(const SendResult& r) const override {
    if (r.status >= 200 && r.status < 300) return Status::Ok();
    return Status(StatusCode::kInternal, r.status ? "HTTP " + std::to_string(r.status) : "transport: " + r.error);
  }

 private:
  std::string name_;
  ChannelsConfig config_;
};

}  // namespace

std::unique_ptr<Channel> make_generic(const ChannelsConfig& c) { return std::make_unique<GenericChannel>(c); }

}  // namespace faqbot::channels
