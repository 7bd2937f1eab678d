// 微信客服 (WeChat Customer Service, WeCom's kf API): how investors reach the
// platform from inside WeChat itself (a link or QR code opens the chat; no
// enterprise membership needed, unlike a WeCom self-built app).
//
// Callback (same WXBizMsgCrypt scheme and XML as WeCom, receive id = corp
// id): GET is the URL check (encrypted echostr); a POST carries only the event
// kf_msg_or_event with a Token (valid 10 minutes) and the OpenKfId whose
// messages wait. The request is acknowledged with an empty 200 after the
// runtime has called pull(): POST /cgi-bin/kf/sync_msg with that token and the
// cursor reached for this OpenKfId, page after page while has_more is 1.
// Each customer text (origin 3) becomes an Inbound: event id = msgid,
// conversation = open_kfid/external_userid; a click on our menu comes back as
// text whose menu_id is the choice's payload ("faq:<id>"). Events, agents'
// own messages (origin 5) and other message types are skipped.
//
// The cursor of each OpenKfId is kept in the store by the runtime (name
// "wechat_kf/<OpenKfId>"), advanced once the messages before it are
// answered: a restart continues where the last pull ended, and every
// replica reads from the same position. Two pulls at once (two replicas)
// may fetch a message twice; the runtime's dedup on msgid answers it once.
//
// Replies: POST /cgi-bin/kf/send_msg, a text, or with choices a msgmenu (one
// click item per choice) when the text fits a menu head; the access token
// from /cgi-bin/gettoken with the corp id and the 微信客服 Secret.
#include <optional>

#include <nlohmann/json.hpp>

#include "adapters/channels/channels.h"
#include "adapters/channels/json_fields.h"
#include "adapters/channels/signatures.h"
#include "adapters/channels/tencent_common.h"
#include "adapters/channels/wx_crypt.h"
#include "adapters/channels/xml_lite.h"

namespace faqbot::channels {
namespace {

using nlohmann::json;

constexpr int kCustomerOrigin = 3;        // sync_msg origin: sent by the WeChat customer
constexpr int kMaxPagesPerNotice = 20;    // 1000 messages a page
constexpr size_t kMenuHeadMaxBytes = 1024;
constexpr size_t kMenuItemMaxBytes = 128;
constexpr size_t kTextMaxBytes = 2048;

class WechatKfChannel : public Channel {
 public:
  WechatKfChannel(const ChannelsConfig& c, WxCrypt crypt)
      : name_("wechat_kf"), config_(c), crypt_(std::move(crypt)) {}

  const std::string& name() const override { return name_; }
  std::vector<std::string> methods() const override { return {"GET", "POST"}; }

  Received receive(const http::Request& req, int64_t now_ms) const override {
    Received answer;
    XmlDoc event;
    std::string ts, nonce;
    if (!open_wecom_callback(crypt_, req, now_ms, config_.max_skew_s, &answer, &event, &ts, &nonce)) return answer;
    if (event.get("MsgType") != "event" || event.get("Event") != "kf_msg_or_event") return respond(ack({}));
    Received r = respond(ack({}));
    r.kind = Received::Kind::kPull;
    r.notice = json{{"token", event.get("Token")}, {"open_kfid", event.get("OpenKfId")}}.dump();
    r.cursor_name = "wechat_kf/" + event.get("OpenKfId");
    return r;
  }

  http::Response ack(const Inbound&) const override {
    http::Response r;
    r.content_type = "text/plain; charset=utf-8";
    r.body = "";  // an empty 200: received
    return r;
  }

  Result<Pulled> pull(const std::string& notice, const std::string& cursor,
                      Transport& transport) const override {
    const json n = json::parse(notice, nullptr, false);
    const std::string token = field_string(n, "token"), open_kfid = field_string(n, "open_kfid");
    Pulled out;
    std::string from = cursor;
    for (int page = 0; page < kMaxPagesPerNotice; ++page) {
      json body = {{"cursor", from}, {"token", token}, {"limit", 1000}, {"voice_format", 0}};
      if (!open_kfid.empty()) body["open_kfid"] = open_kfid;
      OutboundRequest req;
      req.url = config_.wechat_kf_api_base + "/cgi-bin/kf/sync_msg?access_token={access_token}";
      req.body = body.dump();
      Status authorized = authorize(req, transport);
      if (!authorized.ok()) return authorized;
      SendResult r = transport.send("POST", req.url, req.headers, req.body, req.content_type);
      Status ok = accepted_errcode(r);
      if (!ok.ok()) {
        invalidate_token();  // an expired token is the usual cause; fetched again next time
        return Status(StatusCode::kInternal, "kf/sync_msg: " + ok.message());
      }
      const json answer = json::parse(r.body, nullptr, false);
      auto list = answer.find("msg_list");
      if (list != answer.end() && list->is_array()) {
        for (const json& m : *list) {
          if (auto in = inbound_of(m)) out.messages.push_back(std::move(*in));
        }
      }
      const std::string next = field_string(answer, "next_cursor");
      if (!next.empty()) from = out.cursor = next;
      if (field_int(answer, "has_more", 0) != 1 || next.empty()) break;
    }
    return out;
  }

  Result<OutboundRequest> render(const std::string& channel_ref, const ReplyContent& reply) const override {
    const json ref = json::parse(channel_ref, nullptr, false);
    if (!ref.is_object() || field_string(ref, "external_userid").empty() || field_string(ref, "open_kfid").empty()) {
      return Status(StatusCode::kInvalidArgument, "no external_userid/open_kfid");
    }
    json body = {{"touser", ref["external_userid"]}, {"open_kfid", ref["open_kfid"]}};
    if (!reply.choices.empty() && reply.text.size() <= kMenuHeadMaxBytes) {
      json items = json::array();
      for (const Choice& c : reply.choices) {
        items.push_back({{"type", "click"},
                         {"click", {{"id", utf8_truncate(c.payload, kMenuItemMaxBytes)},
                                    {"content", utf8_truncate(c.label, kMenuItemMaxBytes)}}}});
      }
      body["msgtype"] = "msgmenu";
      body["msgmenu"] = {{"head_content", reply.text}, {"list", items}};
    } else {
      // Long answers go as text; choices then as a numbered list ("回复数字").
      body["msgtype"] = "text";
      body["text"] = {{"content", utf8_truncate(numbered_text(reply), kTextMaxBytes)}};
    }
    OutboundRequest out;
    out.url = config_.wechat_kf_api_base + "/cgi-bin/kf/send_msg?access_token={access_token}";
    out.body = body.dump();
    return out;
  }

  Status authorize(OutboundRequest& req, Transport& transport) const override {
    if (config_.wechat_kf_secret.empty()) {
      return Status(StatusCode::kFailedPrecondition, "FAQBOT_WECHAT_KF_SECRET is not set");
    }
    auto token = tokens_.get([&] {
      return fetch_wecom_token(transport, config_.wechat_kf_api_base, config_.wechat_kf_corp_id,
                               config_.wechat_kf_secret);
    });
    if (!token.ok()) return token.status();
    put_token(req.url, token.value());
    return Status::Ok();
  }

  Status accepted(const SendResult& r) const override { return accepted_errcode(r); }
  void invalidate_token() const override { tokens_.invalidate(); }

 private:
  // A customer's text (or menu click) from sync_msg's msg_list; nullopt for
  // anything else.
  static std::optional<Inbound> inbound_of(const json& m) {
    if (!m.is_object() || field_int(m, "origin", 0) != kCustomerOrigin || field_string(m, "msgtype") != "text") {
      return std::nullopt;
    }
    const json text = field_object(m, "text");
    Inbound in;
    in.event_id = field_string(m, "msgid");
    in.user_id = field_string(m, "external_userid");
    const std::string open_kfid = field_string(m, "open_kfid");
    const std::string menu_id = field_string(text, "menu_id");
    in.text = menu_id.empty() ? field_string(text, "content") : menu_id;
    if (in.user_id.empty() || open_kfid.empty() || in.text.empty()) return std::nullopt;
    in.conversation = open_kfid + "/" + in.user_id;
    in.channel_ref = json{{"open_kfid", open_kfid}, {"external_userid", in.user_id}}.dump();
    return in;
  }

  std::string name_;
  ChannelsConfig config_;
  WxCrypt crypt_;
  mutable TokenCache tokens_;
};

}  // namespace

Result<std::unique_ptr<Channel>> make_wechat_kf(const ChannelsConfig& c) {
  auto crypt = WxCrypt::create(c.wechat_kf_token, c.wechat_kf_aes_key, c.wechat_kf_corp_id);
  if (!crypt.ok()) {
    return Status(StatusCode::kInvalidArgument, "FAQBOT_WECHAT_KF_AES_KEY: " + crypt.status().message());
  }
  return std::unique_ptr<Channel>(new WechatKfChannel(c, std::move(crypt).value()));
}

}  // namespace faqbot::channels
