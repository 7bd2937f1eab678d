// Telegram Bot API webhook: X-Telegram-Bot-Api-Secret-Token (set with
// setWebhook's secret_token) compared in constant time; Update objects, the
// update_id deduplicated; text messages and callback queries (a press on
// our inline keyboard) are questions; messages from bots ignored. Replies
// with sendMessage and an inline keyboard; the bot token is added to the
// URL only at send time (never stored). A button press is acknowledged with
// answerCallbackQuery, sent as the webhook's response body (the Bot API runs
// a method given there: core.telegram.org/bots/api#making-requests-when-getting-updates),
// so the investor's client stops its spinner at once, retries included.
#include <nlohmann/json.hpp>

#include "adapters/channels/channels.h"
#include "adapters/channels/json_fields.h"
#include "adapters/channels/signatures.h"

namespace faqbot::channels {
namespace {

using nlohmann::json;

std::string id_text(const json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end()) return "";
  if (it->is_number_integer()) return std::to_string(it->get<int64_t>());
  return it->is_string() ? it->get<std::string>() : "";
}

class TelegramChannel : public Channel {
 public:
  explicit TelegramChannel(const ChannelsConfig& c) : name_("telegram"), config_(c) {}
  const std::string& name() const override { return name_; }

  Received receive(const http::Request& req, int64_t) const override {
    if (!verify_secret_token(config_.telegram_secret_token, req.header("X-Telegram-Bot-Api-Secret-Token"))) {
      return reject("bad secret token");
    }
    json update = json::parse(req.body, nullptr, false);
    if (!update.is_object()) return respond(ack({}));
    Received r;
    r.kind = Received::Kind::kMessage;
    Inbound& in = r.inbound;
    in.event_id = id_text(update, "update_id");
    json from, chat;
    if (update.contains("message") && update["message"].is_object()) {
      const json& m = update["message"];
      from = field_object(m, "from");
      chat = field_object(m, "chat");
      in.text = field_string(m, "text");
      if (in.text.empty()) return respond(ack({}));
      if (in.text == "/start") in.text = "你好";
    } else if (update.contains("callback_query") && update["callback_query"].is_object()) {
      const json& q = update["callback_query"];
      from = field_object(q, "from");
      chat = field_object(field_object(q, "message"), "chat");
      in.text = field_string(q, "data");
      const std::string query_id = field_string(q, "id");
      if (!query_id.empty()) in.context["callback_query_id"] = query_id;
    } else {
      return respond(ack({}));
    }
    in.from_bot = field_bool(from, "is_bot", false);
    in.user_id = id_text(from, "id");
    in.customer_name = field_string(from, "first_name");
    const std::string chat_id = id_text(chat, "id");
    in.conversation = chat_id + "/" + in.user_id;
    in.channel_ref = json{{"chat_id", chat_id}}.dump();
    return r;
  }

  http::Response ack(const Inbound& in) const override {
    auto query = in.context.find("callback_query_id");
    if (query == in.context.end()) return Channel::ack(in);
    return json_response(200, json{{"method", "answerCallbackQuery"}, {"callback_query_id", query->second}}.dump());
  }

  Result<OutboundRequest> render(const std::string& channel_ref, const ReplyContent& reply) const override {
    json ref = json::parse(channel_ref, nullptr, false);
    if (!ref.is_object() || field_string(ref, "chat_id").empty()) return Status(StatusCode::kInvalidArgument, "no chat_id");
    json body = {{"chat_id", ref["chat_id"]}, {"text", reply.text}};
    if (!reply.choices.empty()) {
      json rows = json::array();
      for (const Choice& c : reply.choices) {
        // callback_data is limited to 64 bytes: "faq:<id>" fits, long free text is cut.
        rows.push_back(json::array({{{"text", c.label}, {"callback_data", utf8_truncate(c.payload, 64)}}}));
      }
      body["reply_markup"] = {{"inline_keyboard", rows}};
    }
    OutboundRequest out;
    out.url = config_.telegram_api_base + "/bot{bot_token}/sendMessage";
    out.body = body.dump();
    return out;
  }

  Status authorize(OutboundRequest& req, Transport&) const override {
    if (config_.telegram_bot_token.empty()) return Status(StatusCode::kFailedPrecondition, "FAQBOT_TELEGRAM_BOT_TOKEN not set");
    size_t at = req.url.find("{bot_token}");
    if (at != std::string::npos) req.url.replace(at, 11, config_.telegram_bot_token);
    return Status::Ok();
  }

  Status accepted(const SendResult& r) const override { return accepted_json_field(r, "ok", true); }

 private:
  std::string name_;
  ChannelsConfig config_;
};

}  // namespace

std::unique_ptr<Channel> make_telegram(const ChannelsConfig& c) { return std::make_unique<TelegramChannel>(c); }

}  // namespace faqbot::channels
