// Slack Events API and interactivity: X-Slack-Signature v0 over
// "v0:timestamp:body" with a fresh X-Slack-Request-Timestamp;
// url_verification answered with the challenge; `message` and `app_mention`
// events are questions (bot messages, edits and other subtypes ignored);
// a block_actions payload (form field `payload`) is a press on one of our
// suggestion buttons. Replies with chat.postMessage (blocks with buttons).
// Retries (X-Slack-Retry-Num) carry the same event_id and are deduplicated.
#include <nlohmann/json.hpp>

#include "adapters/channels/channels.h"
#include "adapters/channels/signatures.h"

namespace faqbot::channels {
namespace {

using nlohmann::json;

std::string str(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// The `payload` field of an application/x-www-form-urlencoded body.
std::string form_field(const std::string& body, const std::string& name) {
  size_t pos = 0;
  while (pos <= body.size()) {
    size_t amp = body.find('&', pos);
    std::string pair = body.substr(pos, amp == std::string::npos ? std::string::npos : amp - pos);
    size_t eq = pair.find('=');
    if (eq != std::string::npos && url_decode(pair.substr(0, eq)) == name) return url_decode(pair.substr(eq + 1));
    if (amp == std::string::npos) break;
    pos = amp + 1;
  }
  return "";
}

class SlackChannel : public Channel {
 public:
  explicit SlackChannel(const ChannelsConfig& c) : name_("slack"), config_(c) {}
  const std::string& name() const override { return name_; }

  Received receive(const http::Request& req, int64_t now_ms) const override {
    const std::string ts = req.header("X-Slack-Request-Timestamp");
    if (!verify_slack(config_.slack_signing_secret, ts, req.body, req.header("X-Slack-Signature"))) {
      return reject("bad X-Slack-Signature");
    }
    if (!check_timestamp(ts, 1000, now_ms, config_.max_skew_s).ok()) return reject("stale timestamp");
    Received r;
    r.kind = Received::Kind::kMessage;
    Inbound& in = r.inbound;
    json body = json::parse(req.body, nullptr, false);
    if (!body.is_object()) {
      json payload = json::parse(form_field(req.body, "payload"), nullptr, false);
      if (!payload.is_object() || str(payload, "type") != "block_actions") return respond(ack({}));
      const json actions = payload.value("actions", json::array());
      if (!actions.is_array() || actions.empty()) return respond(ack({}));
      in.text = str(actions[0], "value");
      in.user_id = str(payload.value("user", json::object()), "id");
      const std::string channel = str(payload.value("channel", json::object()), "id");
      in.event_id = "action:" + str(payload, "trigger_id") + ":" + str(actions[0], "action_ts");
      in.conversation = channel + "/" + in.user_id;
      in.channel_ref = json{{"channel", channel}}.dump();
      return r;
    }
    const std::string type = str(body, "type");
    if (type == "url_verification") return respond(json_response(200, json{{"challenge", str(body, "challenge")}}.dump()));
    if (type != "event_callback") return respond(ack({}));
    const json event = body.value("event", json::object());
    const std::string etype = str(event, "type");
    if (etype != "message" && etype != "app_mention") return respond(ack({}));
    in.event_id = str(body, "event_id");
    in.from_bot = event.contains("bot_id") || str(event, "subtype") == "bot_message";
    if (!in.from_bot && !str(event, "subtype").empty()) return respond(ack({}));  // edits, joins, …
    in.user_id = str(event, "user");
    in.text = str(event, "text");
    // "<@U123> question": drop the mention of the bot.
    if (in.text.rfind("<@", 0) == 0) {
      size_t close = in.text.find('>');
      if (close != std::string::npos) in.text = in.text.substr(close + 1);
    }
    const std::string channel = str(event, "channel");
    in.conversation = channel + "/" + in.user_id;
    in.channel_ref = json{{"channel", channel}}.dump();
    return r;
  }

  Result<OutboundRequest> render(const std::string& channel_ref, const ReplyContent& reply) const override {
    json ref = json::parse(channel_ref, nullptr, false);
    if (!ref.is_object() || str(ref, "channel").empty()) return Status(StatusCode::kInvalidArgument, "no channel");
    json body = {{"channel", ref["channel"]}, {"text", reply.text}};
    if (!reply.choices.empty()) {
      json buttons = json::array();
      for (size_t i = 0; i < reply.choices.size() && i < 25; ++i) {
        buttons.push_back({{"type", "button"},
                           {"action_id", "faqbot_choice_" + std::to_string(i)},
                           {"text", {{"type", "plain_text"}, {"text", utf8_truncate(reply.choices[i].label, 75)}}},
                           {"value", utf8_truncate(reply.choices[i].payload, 2000)}});
      }
      body["blocks"] = json::array({{{"type", "section"}, {"text", {{"type", "mrkdwn"}, {"text", reply.text}}}},
                                    {{"type", "actions"}, {"elements", buttons}}});
    }
    OutboundRequest out;
    out.url = config_.slack_api_base + "/api/chat.postMessage";
    out.body = body.dump();
    return out;
  }

  Status authorize(OutboundRequest& req, Transport&) const override {
    if (config_.slack_bot_token.empty()) return Status(StatusCode::kFailedPrecondition, "FAQBOT_SLACK_BOT_TOKEN not set");
    req.headers["Authorization"] = "Bearer " + config_.slack_bot_token;
    return Status::Ok();
  }

  Status accepted(const SendResult& r) const override { return accepted_json_field(r, "ok", true); }

 private:
  std::string name_;
  ChannelsConfig config_;
};

}  // namespace

std::unique_ptr<Channel> make_slack(const ChannelsConfig& c) { return std::make_unique<SlackChannel>(c); }

}  // namespace faqbot::channels
