// DingTalk enterprise robot (HTTP callback mode): headers `timestamp`
// (milliseconds) and `sign` = base64(HMAC-SHA256(app secret, timestamp +
// "\n" + app secret)). The sign does not cover the body: it is accepted with
// the first body it comes with only (bind_signature), within
// FAQBOT_WEBHOOK_MAX_SKEW_S of its timestamp; with another body only in the
// first 2 s after it (two callbacks signed in the same millisecond). Replies are POSTed to the message's sessionWebhook,
// but only when it lies under FAQBOT_DINGTALK_API_BASE, so a forged payload
// cannot make the bot call other hosts. Suggestions are an action card
// whose buttons make the investor's client send the question
// (dtmd://dingtalkclient/sendMessage).
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

// How long after its timestamp a sign may come again with another body.
constexpr int64_t kSameMomentS = 2;

class DingtalkChannel : public Channel {
 public:
  explicit DingtalkChannel(const ChannelsConfig& c) : name_("dingtalk"), config_(c) {}
  const std::string& name() const override { return name_; }

  Received receive(const http::Request& req, int64_t now_ms) const override {
    const std::string ts = req.header("timestamp");
    if (!verify_dingtalk(config_.dingtalk_app_secret, ts, req.header("sign"))) return reject("bad sign");
    if (!check_timestamp(ts, 1, now_ms, config_.max_skew_s).ok()) return reject("stale timestamp");
    json body = json::parse(req.body, nullptr, false);
    if (!body.is_object()) return respond(json_response(400, "{\"error\":{\"code\":\"bad_request\",\"message\":\"malformed JSON\"}}"));
    if (str(body, "msgtype") != "text") return respond(ack({}));
    Received r;
    r.kind = Received::Kind::kMessage;
    Inbound& in = r.inbound;
    in.event_id = str(body, "msgId");
    in.user_id = str(body, "senderStaffId").empty() ? str(body, "senderId") : str(body, "senderStaffId");
    in.customer_name = str(body, "senderNick");
    in.text = str(body.value("text", json::object()), "content");
    in.from_bot = !str(body, "chatbotUserId").empty() && str(body, "senderId") == str(body, "chatbotUserId");
    in.conversation = str(body, "conversationId") + "/" + in.user_id;
    in.channel_ref = json{{"session_webhook", str(body, "sessionWebhook")}}.dump();
    // The sign covers only the timestamp: bound to the first body it comes
    // with, except just after signing, when DingTalk may have sent two
    // callbacks signed in the same millisecond.
    bind_signature(in, ts + "\n" + req.header("sign"), req.body, /*signature_covers_body=*/false);
    in.signature_may_repeat = check_timestamp(ts, 1, now_ms, kSameMomentS).ok();
    return r;
  }

  Result<OutboundRequest> render(const std::string& channel_ref, const ReplyContent& reply) const override {
    json ref = json::parse(channel_ref, nullptr, false);
    const std::string hook = ref.is_object() ? str(ref, "session_webhook") : "";
    if (!url_under(hook, config_.dingtalk_api_base)) {
      return Status(StatusCode::kInvalidArgument, "sessionWebhook is not under FAQBOT_DINGTALK_API_BASE");
    }
    json body;
    if (reply.choices.empty()) {
      body = {{"msgtype", "text"}, {"text", {{"content", reply.text}}}};
    } else {
      json btns = json::array();
      for (const Choice& c : reply.choices) {
        btns.push_back({{"title", c.label},
                        {"actionURL", "dtmd://dingtalkclient/sendMessage?content=" + url_encode(c.label)}});
      }
      body = {{"msgtype", "actionCard"},
              {"actionCard", {{"title", utf8_truncate(reply.text, 60)}, {"text", reply.text},
                              {"btnOrientation", "0"}, {"btns", btns}}}};
    }
    OutboundRequest out;
    out.url = hook;
    out.body = body.dump();
    return out;
  }

  Status accepted(const SendResult& r) const override { return accepted_errcode(r); }

 private:
  std::string name_;
  ChannelsConfig config_;
};

}  // namespace

std::unique_ptr<Channel> make_dingtalk(const ChannelsConfig& c) { return std::make_unique<DingtalkChannel>(c); }

}  // namespace faqbot::channels
