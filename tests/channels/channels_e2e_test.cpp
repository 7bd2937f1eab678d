// End to end over loopback: the real faqbot server (http::App with the
// channels' RouteProvider) on a free port with a temporary data directory
// and a scripted engine; signed requests in; replies captured by a local
// server speaking each platform's send API (platform_mock.h).
#include <httplib.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <thread>

#include "../service/fake_engine.h"
#include "../service/raw_store.h"
#include "../service/temp_dir.h"
#include "adapters/channels/crypto.h"
#include "adapters/channels/feishu_crypt.h"
#include "adapters/channels/runtime.h"
#include "adapters/channels/signatures.h"
#include "adapters/channels/wx_crypt.h"
#include "adapters/channels/xml_lite.h"
#include "adapters/http/app.h"
#include "platform_mock.h"

namespace faqbot::channels {
namespace {

using nlohmann::json;
using faqbot::testing::Captured;

constexpr const char* kAgent = "alice-token-123";
constexpr const char* kWecomAes = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";  // official sample key
constexpr const char* kWechatAes = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

std::string now_s() { return std::to_string(store::now_ms() / 1000); }
std::string now_ms_text() { return std::to_string(store::now_ms()); }

class ChannelsE2ETest : public ::testing::Test {
 protected:
  ChannelsConfig config() {
    ChannelsConfig c;
    const std::string base = mock_.base();
    c.wecom_token = "QDG6eK";
    c.wecom_aes_key = kWecomAes;
    c.wecom_corp_id = "wx5823bf96d3bd56c7";
    c.wecom_secret = "wecom-secret";
    c.wecom_agent_id = "1000002";
    c.wecom_api_base = base;
    c.wechat_token = "spamtest";
    c.wechat_aes_key = kWechatAes;
    c.wechat_app_id = "wx2c2769f8efd9abc2";
    c.wechat_app_secret = "wechat-secret";
    c.wechat_api_base = base;
    c.feishu_encrypt_key = "feishu-key";
    c.feishu_verification_token = "feishu-token";
    c.feishu_app_id = "cli_x";
    c.feishu_app_secret = "feishu-secret";
    c.feishu_api_base = base;
    c.dingtalk_app_secret = "ding-secret";
    c.dingtalk_api_base = base;
    c.slack_signing_secret = "slack-secret";
    c.slack_bot_token = "xoxb-test";
    c.slack_api_base = base;
    c.telegram_secret_token = "tg-secret";
    c.telegram_bot_token = "123:ABC";
    c.telegram_api_base = base;
    c.wechat_kf_token = "kf-token";
    c.wechat_kf_aes_key = kWecomAes;
    c.wechat_kf_corp_id = "wwkfcorp";
    c.wechat_kf_secret = "kf-secret";
    c.wechat_kf_api_base = base;
    c.generic_secret = "generic-secret";
    c.generic_callback_url = base + "/generic-callback";
    c.backoff_ms = 30;
    c.poll_ms = 20;
    return c;
  }

  void start(ChannelsConfig c) {
    http::Settings s;
    s.host = "127.0.0.1";
    s.port = 0;
    s.data_dir = dir_.path() + "/data";
    s.threads = 16;
    s.agent_tokens = {{kAgent, "alice"}};
    s.admin_token = "admin-token-xyz";
    s.rate_client = {};
    s.rate_session = {1000, 1000};
    s.service_hours = "00:00-24:00";
    http::AppOptions o;
    o.settings = s;
    o.loader = [] { return faqbot::testing::fake_load("v1"); };
    o.providers = {make_channels_provider(std::move(c))};
    auto app = http::App::create(std::move(o));
    ASSERT_TRUE(app.ok()) << app.status().message();
    app_ = std::move(app).value();
    auto port = app_->start();
    ASSERT_TRUE(port.ok());
    client_ = std::make_unique<httplib::Client>("127.0.0.1", port.value());
    client_->set_read_timeout(10, 0);
  }
  void start() { start(config()); }
  void stop() {
    client_.reset();
    if (app_) app_->stop();
    app_.reset();
  }
  void TearDown() override { stop(); }

  httplib::Result post(const std::string& path, const httplib::Headers& h, const std::string& body,
                       const char* type = "application/json") {
    return client_->Post(path.c_str(), h, body, type);
  }
  std::string metrics() {
    return client_->Get("/webhooks/metrics", {{"Authorization", "Bearer admin-token-xyz"}})->body;
  }

  // --- signed requests, one helper per platform ---------------------------
  httplib::Result slack(const std::string& body, std::string ts = "", bool tamper = false,
                        const httplib::Headers& extra = {}, const char* type = "application/json") {
    if (ts.empty()) ts = now_s();
    httplib::Headers h = extra;
    h.emplace("X-Slack-Request-Timestamp", ts);
    h.emplace("X-Slack-Signature", slack_signature("slack-secret", ts, tamper ? body + " " : body));
    return post("/webhooks/slack", h, body, type);
  }
  json slack_event(const std::string& event_id, const std::string& text, const std::string& user = "U1") {
    return {{"type", "event_callback"}, {"event_id", event_id},
            {"event", {{"type", "message"}, {"user", user}, {"text", text}, {"channel", "C1"}}}};
  }
  httplib::Result telegram(const json& update, const std::string& secret = "tg-secret") {
    return post("/webhooks/telegram", {{"X-Telegram-Bot-Api-Secret-Token", secret}}, update.dump());
  }
  httplib::Result generic(const json& body, std::string ts = "", const std::string& secret = "generic-secret") {
    if (ts.empty()) ts = now_s();
    std::string b = body.dump();
    return post("/webhooks/generic",
                {{"X-Faqbot-Timestamp", ts}, {"X-Faqbot-Signature", generic_signature(secret, ts, b)}}, b);
  }
  httplib::Result dingtalk(const json& body, std::string ts = "", const std::string& secret = "ding-secret") {
    if (ts.empty()) ts = now_ms_text();
    return post("/webhooks/dingtalk", {{"timestamp", ts}, {"sign", dingtalk_sign(secret, ts)}}, body.dump());
  }
  httplib::Result feishu(const std::string& body, std::string ts = "", const std::string& key = "feishu-key") {
    if (ts.empty()) ts = now_s();
    return post("/webhooks/feishu",
                {{"X-Lark-Request-Timestamp", ts}, {"X-Lark-Request-Nonce", "n1"},
                 {"X-Lark-Signature", feishu_signature(ts, "n1", key, body)}},
                body);
  }
  json feishu_message(const std::string& event_id, const std::string& text,
                      const std::string& sender_type = "user") {
    json content = {{"text", text}};
    return {{"schema", "2.0"},
            {"header", {{"event_id", event_id}, {"event_type", "im.message.receive_v1"}, {"token", "feishu-token"}}},
            {"event", {{"sender", {{"sender_id", {{"open_id", "ou_1"}}}, {"sender_type", sender_type}}},
                       {"message", {{"chat_id", "oc_1"}, {"message_type", "text"}, {"content", content.dump()}}}}}};
  }
  // WeCom/WeChat: an encrypted inner XML message and its query string.
  std::string wx_query(const WxCrypt& crypt, const std::string& enc, const std::string& ts,
                       bool with_plain_signature) {
    std::string q = "?msg_signature=" + crypt.signature(ts, "nonce1", enc) + "&timestamp=" + ts + "&nonce=nonce1";
    if (with_plain_signature) q += "&signature=" + wx_plain_signature(crypt.token(), ts, "nonce1") + "&encrypt_type=aes";
    return q;
  }
  std::string wx_inner(const std::string& from, const std::string& to, const std::string& text,
                       const std::string& msg_id) {
    return "<xml><ToUserName><![CDATA[" + to + "]]></ToUserName><FromUserName><![CDATA[" + from +
           "]]></FromUserName><CreateTime>1409659813</CreateTime><MsgType><![CDATA[text]]></MsgType>"
           "<Content><![CDATA[" + text + "]]></Content><MsgId>" + msg_id + "</MsgId><AgentID>1000002</AgentID></xml>";
  }

  // 微信客服: the callback event (encrypted XML) announcing messages on
  // account wkA, and a customer's text as sync_msg lists it.
  httplib::Result kf_callback(const WxCrypt& crypt, const std::string& token) {
    const std::string inner =
        "<xml><ToUserName><![CDATA[wwkfcorp]]></ToUserName><CreateTime>1348831860</CreateTime>"
        "<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[kf_msg_or_event]]></Event>"
        "<Token><![CDATA[" + token + "]]></Token><OpenKfId><![CDATA[wkA]]></OpenKfId></xml>";
    const std::string enc = crypt.encrypt(inner, std::string(16, 'k'));
    const std::string body = "<xml><ToUserName><![CDATA[wwkfcorp]]></ToUserName><Encrypt><![CDATA[" + enc +
                             "]]></Encrypt><AgentID><![CDATA[]]></AgentID></xml>";
    return post("/webhooks/wechat_kf" + wx_query(crypt, enc, now_s(), false), {}, body, "application/xml");
  }
  static json kf_text(const std::string& msgid, const std::string& user, const std::string& text) {
    return {{"msgid", msgid}, {"open_kfid", "wkA"}, {"external_userid", user}, {"send_time", 1615478585},
            {"origin", 3}, {"msgtype", "text"}, {"text", {{"content", text}}}};
  }
  // What a send_msg shows the customer: a text, or a menu's head.
  static std::string kf_shown(const json& body) {
    return body["msgtype"] == "msgmenu" ? body["msgmenu"]["head_content"].get<std::string>()
                                        : body["text"]["content"].get<std::string>();
  }
  static const Captured* sent_to(const std::vector<Captured>& sent, const std::string& user) {
    for (const Captured& c : sent) {
      if (json::parse(c.body)["touser"] == user) return &c;
    }
    return nullptr;
  }

  faqbot::testing::TempDir dir_;
  faqbot::testing::PlatformMock mock_;
  std::unique_ptr<http::App> app_;
  std::unique_ptr<httplib::Client> client_;
};

// ---------------------------------------------------------------------------
TEST_F(ChannelsE2ETest, SlackAnswersThroughChatPostMessageAndDedupsRetries) {
  start();
  auto ch = slack(json{{"type", "url_verification"}, {"challenge", "abc123"}}.dump());
  ASSERT_TRUE(ch);
  EXPECT_EQ(ch->status, 200);
  EXPECT_EQ(json::parse(ch->body)["challenge"], "abc123");

  auto res = slack(slack_event("Ev1", "提现多久到账").dump());
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  auto sent = mock_.wait_for("/api/chat.postMessage", 1);
  ASSERT_EQ(sent.size(), 1u);
  EXPECT_EQ(sent[0].authorization, "Bearer xoxb-test");
  json body = json::parse(sent[0].body);
  EXPECT_EQ(body["channel"], "C1");
  EXPECT_NE(body["text"].get<std::string>().find("[v1] 一般预计当天到账"), std::string::npos);

  // Slack's retry of the same event: acknowledged, not answered twice.
  auto retry = slack(slack_event("Ev1", "提现多久到账").dump(), "", false, {{"X-Slack-Retry-Num", "1"}});
  ASSERT_TRUE(retry);
  EXPECT_EQ(retry->status, 200);
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  EXPECT_EQ(mock_.count("/api/chat.postMessage"), 1u);
  EXPECT_NE(metrics().find("faqbot_channel_duplicates_total{channel=\"slack\"} 1"), std::string::npos);
}

TEST_F(ChannelsE2ETest, SlackRejectsTamperedAndStaleAndIgnoresBots) {
  start();
  auto tampered = slack(slack_event("Ev2", "提现").dump(), "", true);
  ASSERT_TRUE(tampered);
  EXPECT_EQ(tampered->status, 401);
  auto stale = slack(slack_event("Ev3", "提现").dump(), std::to_string(store::now_ms() / 1000 - 301));
  ASSERT_TRUE(stale);
  EXPECT_EQ(stale->status, 401);
  json bot = slack_event("Ev4", "提现");
  bot["event"]["bot_id"] = "B1";
  EXPECT_EQ(slack(bot.dump())->status, 200);
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  EXPECT_EQ(mock_.count("/api/chat.postMessage"), 0u);
  // Nothing was stored for the rejected ones: the same event ids are new later.
  EXPECT_EQ(slack(slack_event("Ev2", "提现").dump())->status, 200);
  EXPECT_EQ(mock_.wait_for("/api/chat.postMessage", 1).size(), 1u);
  EXPECT_NE(metrics().find("faqbot_channel_rejected_total{channel=\"slack\"} 2"), std::string::npos);
}

TEST_F(ChannelsE2ETest, SlackSuggestionsAreButtonsAndAPressIsTheQuestion) {
  start();
  ASSERT_EQ(slack(slack_event("Ev10", "那个钱的问题").dump())->status, 200);
  auto sent = mock_.wait_for("/api/chat.postMessage", 1);
  ASSERT_EQ(sent.size(), 1u);
  json body = json::parse(sent[0].body);
  ASSERT_TRUE(body.contains("blocks"));
  json buttons = body["blocks"][1]["elements"];
  ASSERT_EQ(buttons.size(), 2u);
  EXPECT_EQ(buttons[0]["text"]["text"], "充值限额是多少");
  EXPECT_EQ(buttons[0]["value"], "faq:recharge.limit");
  // The investor presses the first button (interactivity payload, form-encoded).
  json payload = {{"type", "block_actions"}, {"trigger_id", "t1"},
                  {"user", {{"id", "U1"}}}, {"channel", {{"id", "C1"}}},
                  {"actions", json::array({{{"action_id", "faqbot_choice_0"}, {"value", "faq:recharge.limit"}, {"action_ts", "1.2"}}})}};
  auto press = slack("payload=" + url_encode(payload.dump()), "", false, {}, "application/x-www-form-urlencoded");
  ASSERT_TRUE(press);
  EXPECT_EQ(press->status, 200);
  mock_.wait_for("/api/chat.postMessage", 2);
  // The transcript shows the entry's question as the investor's message.
  // The session id is keyed by the server's secret, not sha256 of the user.
  const std::string session = app_->service().im_session_id("slack", "C1/U1").value();
  EXPECT_NE(session, "slack:" + sha256_hex("C1/U1").substr(0, 40));
  auto transcript = app_->service().messages(session, 0);
  ASSERT_TRUE(transcript.ok());
  bool asked = false;
  for (const auto& m : transcript.value()) asked = asked || m.text == "充值限额是多少";
  EXPECT_TRUE(asked);
  // …and the investor API does not serve it, whatever is presented.
  auto tr = client_->Get(("/v1/sessions/" + session + "/messages").c_str());
  ASSERT_TRUE(tr);
  EXPECT_EQ(tr->status, 401) << tr->body;
}

TEST_F(ChannelsE2ETest, SlackPublishedExampleIsAcceptedWithTheSkewCheckOff) {
  // Slack's documented request (a slash command) replayed as is.
  ChannelsConfig c = config();
  c.slack_signing_secret = "8f742231b10e8888abcd99yyyzzz85a5";
  c.max_skew_s = 0;
  start(c);
  const std::string body =
      "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
  auto ok = post("/webhooks/slack", {{"X-Slack-Request-Timestamp", "1531420618"},
                                     {"X-Slack-Signature", "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503"}},
                 body, "application/x-www-form-urlencoded");
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->status, 200);
  auto bad = post("/webhooks/slack", {{"X-Slack-Request-Timestamp", "1531420618"},
                                      {"X-Slack-Signature", "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b504"}},
                  body, "application/x-www-form-urlencoded");
  EXPECT_EQ(bad->status, 401);
}

// ---------------------------------------------------------------------------
// 微信客服 (WeChat Customer Service), against a mock speaking its documented
// protocol (developer.work.weixin.qq.com/document/path/94670, 94677): the
// callback only announces; messages are pulled with sync_msg (callback token,
// cursor, has_more paging) and answered with send_msg.
TEST_F(ChannelsE2ETest, WechatKfPullsAnnouncedMessagesAndAnswersThroughSendMsg) {
  start();
  const WxCrypt crypt = WxCrypt::create("kf-token", kWecomAes, "wwkfcorp").value();
  // URL check: the decrypted echostr comes back.
  const std::string ts = now_s(), echo = crypt.encrypt("echo-123", std::string(16, 'e'));
  auto check = client_->Get(("/webhooks/wechat_kf?msg_signature=" + crypt.signature(ts, "nonce1", echo) +
                             "&timestamp=" + ts + "&nonce=nonce1&echostr=" + url_encode(echo)).c_str());
  ASSERT_TRUE(check);
  EXPECT_EQ(check->status, 200);
  EXPECT_EQ(check->body, "echo-123");

  const std::string token = "ENCApHxnGDNAVNY4AaSJKj4Tb5mwsEMzxhFmHVGcra996NR";
  mock_.kf_setup(token, 2);
  mock_.kf_queue(kf_text("m1", "wm_user1", "提现多久到账"));
  mock_.kf_queue({{"msgid", "m2"}, {"open_kfid", "wkA"}, {"external_userid", "wm_user1"}, {"send_time", 1615478586},
                  {"origin", 4}, {"msgtype", "event"}, {"event", {{"event_type", "enter_session"}}}});
  mock_.kf_queue(kf_text("m3", "wm_user2", "那个钱的问题"));
  json from_servicer = kf_text("m4", "wm_user1", "我是接待人员");
  from_servicer["origin"] = 5;
  mock_.kf_queue(from_servicer);
  auto res = kf_callback(crypt, token);
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->body, "");
  // Two pages of two, the second from the first's cursor, with the callback's token.
  auto syncs = mock_.wait_for("/cgi-bin/kf/sync_msg", 2);
  ASSERT_EQ(syncs.size(), 2u);
  EXPECT_EQ(json::parse(syncs[0].body)["cursor"], "");
  EXPECT_EQ(json::parse(syncs[1].body)["cursor"], "2");
  EXPECT_EQ(json::parse(syncs[1].body)["token"], token);
  EXPECT_EQ(json::parse(syncs[1].body)["open_kfid"], "wkA");
  EXPECT_EQ(syncs[0].query_token, "WECOMTOK");
  // The two customer texts are answered; the event and the servicer's own message are not.
  auto sent = mock_.wait_for("/cgi-bin/kf/send_msg", 2);
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  sent = mock_.wait_for("/cgi-bin/kf/send_msg", 2);
  ASSERT_EQ(sent.size(), 2u);
  const Captured* answer = sent_to(sent, "wm_user1");
  ASSERT_NE(answer, nullptr);
  json body = json::parse(answer->body);
  EXPECT_EQ(answer->query_token, "WECOMTOK");
  EXPECT_EQ(body["open_kfid"], "wkA");
  EXPECT_NE(kf_shown(body).find("一般预计当天到账"), std::string::npos);
  const Captured* menu = sent_to(sent, "wm_user2");
  ASSERT_NE(menu, nullptr);
  body = json::parse(menu->body);
  ASSERT_EQ(body["msgtype"], "msgmenu");
  EXPECT_EQ(body["msgmenu"]["list"][0]["type"], "click");
  EXPECT_EQ(body["msgmenu"]["list"][0]["click"]["id"], "faq:recharge.limit");
  EXPECT_EQ(body["msgmenu"]["list"][0]["click"]["content"], "充值限额是多少");

  // A click on a menu item comes back as text with its id: that entry is answered.
  json click = kf_text("m5", "wm_user2", "提现什么时候到");
  click["text"]["menu_id"] = "faq:withdraw.arrival_time";
  click["text"]["content"] = "随便点的";
  mock_.kf_queue(click);
  // …and a message pulled again (another replica's cursor, a restart) is not answered twice.
  mock_.kf_queue(kf_text("m1", "wm_user1", "提现多久到账"));
  ASSERT_EQ(kf_callback(crypt, token)->status, 200);
  sent = mock_.wait_for("/cgi-bin/kf/send_msg", 3);
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  sent = mock_.wait_for("/cgi-bin/kf/send_msg", 3);
  ASSERT_EQ(sent.size(), 3u);
  body = json::parse(sent[2].body);
  EXPECT_EQ(body["touser"], "wm_user2");
  EXPECT_NE(kf_shown(body).find("一般预计当天到账"), std::string::npos);

  // sync_msg refused (expired access token): 503 so the platform calls
  // again; the token is fetched anew and the next callback gets the message.
  const size_t tokens_before = mock_.count("/cgi-bin/gettoken");
  mock_.kf_fail_next_syncs(1);
  mock_.kf_queue(kf_text("m6", "wm_user3", "提现要手续费吗"));
  EXPECT_EQ(kf_callback(crypt, token)->status, 503);
  EXPECT_EQ(kf_callback(crypt, token)->status, 200);
  EXPECT_GT(mock_.count("/cgi-bin/gettoken"), tokens_before);
  sent = mock_.wait_for("/cgi-bin/kf/send_msg", 4);
  ASSERT_EQ(sent.size(), 4u);
  EXPECT_EQ(json::parse(sent[3].body)["touser"], "wm_user3");

  // A forged callback is refused before anything is pulled.
  const size_t syncs_before = mock_.count("/cgi-bin/kf/sync_msg");
  const WxCrypt forger = WxCrypt::create("not-the-token", kWecomAes, "wwkfcorp").value();
  EXPECT_EQ(kf_callback(forger, token)->status, 401);
  EXPECT_EQ(mock_.count("/cgi-bin/kf/sync_msg"), syncs_before);
}

// The 微信客服 cursor is kept in the store: after a restart the first
// sync_msg continues where the last pull ended (nothing fetched again,
// nothing skipped).
TEST_F(ChannelsE2ETest, WechatKfCursorSurvivesARestart) {
  start();
  const WxCrypt crypt = WxCrypt::create("kf-token", kWecomAes, "wwkfcorp").value();
  const std::string token = "ENCApHxnGDNAVNY4AaSJKj4Tb5mwsEMzxhFmHVGcra996NR";
  mock_.kf_setup(token, 1000);
  mock_.kf_queue(kf_text("m1", "wm_user1", "提现多久到账"));
  mock_.kf_queue(kf_text("m2", "wm_user2", "提现要多久"));
  ASSERT_EQ(kf_callback(crypt, token)->status, 200);
  ASSERT_EQ(mock_.wait_for("/cgi-bin/kf/send_msg", 2).size(), 2u);

  stop();
  start();  // the same data directory: a restarted process
  mock_.kf_queue(kf_text("m3", "wm_user3", "提现多久能到"));
  ASSERT_EQ(kf_callback(crypt, token)->status, 200);
  auto syncs = mock_.wait_for("/cgi-bin/kf/sync_msg", 2);
  ASSERT_EQ(syncs.size(), 2u);
  EXPECT_EQ(json::parse(syncs[1].body)["cursor"], "2");  // after m1, m2: not from the start
  auto sent = mock_.wait_for("/cgi-bin/kf/send_msg", 3);
  ASSERT_EQ(sent.size(), 3u);
  EXPECT_EQ(json::parse(sent[2].body)["touser"], "wm_user3");  // m3 answered, none twice
}

// ---------------------------------------------------------------------------
TEST_F(ChannelsE2ETest, TelegramSendMessageWithInlineKeyboardAndCallbackQuery) {
  start();
  json update = {{"update_id", 1001},
                 {"message", {{"message_id", 5}, {"from", {{"id", 42}, {"is_bot", false}, {"first_name", "王"}}},
                              {"chat", {{"id", 42}}}, {"text", "那个钱的问题"}}}};
  EXPECT_EQ(telegram(update)->status, 200);
  auto sent = mock_.wait_for("/bot123:ABC/sendMessage", 1);
  ASSERT_EQ(sent.size(), 1u);
  json body = json::parse(sent[0].body);
  EXPECT_EQ(body["chat_id"], "42");
  ASSERT_TRUE(body.contains("reply_markup"));
  EXPECT_EQ(body["reply_markup"]["inline_keyboard"][1][0]["callback_data"], "faq:account.password");
  // Same update again (Telegram retry): acknowledged only.
  EXPECT_EQ(telegram(update)->status, 200);
  // A press on the keyboard.
  json press = {{"update_id", 1002},
                {"callback_query", {{"id", "cq1"}, {"from", {{"id", 42}, {"is_bot", false}}},
                                    {"message", {{"chat", {{"id", 42}}}}}, {"data", "faq:withdraw.arrival_time"}}}};
  auto pressed = telegram(press);
  ASSERT_EQ(pressed->status, 200);
  // The press is answered (answerCallbackQuery in the webhook response), a
  // plain message is not.
  json answer = json::parse(pressed->body);
  EXPECT_EQ(answer["method"], "answerCallbackQuery");
  EXPECT_EQ(answer["callback_query_id"], "cq1");
  EXPECT_EQ(json::parse(telegram(update)->body).count("method"), 0u);
  sent = mock_.wait_for("/bot123:ABC/sendMessage", 2);
  ASSERT_EQ(sent.size(), 2u);
  EXPECT_NE(json::parse(sent[1].body)["text"].get<std::string>().find("一般预计当天到账"), std::string::npos);
  // Answered from the button's entry (FakeEngine::answer_entry), not searched.
  EXPECT_NE(json::parse(sent[1].body)["text"].get<std::string>().find("chosen:"), std::string::npos);
  // Wrong secret, and a bot sender.
  EXPECT_EQ(telegram(update, "tg-secreT")->status, 401);
  json from_bot = {{"update_id", 1003},
                   {"message", {{"from", {{"id", 7}, {"is_bot", true}}}, {"chat", {{"id", 42}}}, {"text", "提现"}}}};
  EXPECT_EQ(telegram(from_bot)->status, 200);
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  EXPECT_EQ(mock_.count("/bot123:ABC/sendMessage"), 2u);
}

TEST_F(ChannelsE2ETest, FailedSendsAreRetriedWithBackoff) {
  start();
  mock_.fail_next_sends(2);
  json update = {{"update_id", 2001},
                 {"message", {{"from", {{"id", 9}, {"is_bot", false}}}, {"chat", {{"id", 9}}}, {"text", "提现"}}}};
  EXPECT_EQ(telegram(update)->status, 200);
  auto sent = mock_.wait_for("/bot123:ABC/sendMessage", 3);
  EXPECT_EQ(sent.size(), 3u);  // two failures, then delivered
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  std::string m = metrics();
  EXPECT_NE(m.find("faqbot_channel_send_errors_total{channel=\"telegram\"} 2"), std::string::npos) << m;
  EXPECT_NE(m.find("faqbot_channel_sent_total{channel=\"telegram\"} 1"), std::string::npos) << m;
  EXPECT_NE(m.find("faqbot_outbox_failed 0"), std::string::npos) << m;
}

TEST_F(ChannelsE2ETest, AReplyThatCannotBeSentIsKeptAndCounted) {
  ChannelsConfig c = config();
  c.max_attempts = 2;
  start(c);
  mock_.fail_next_sends(100);
  json update = {{"update_id", 3001},
                 {"message", {{"from", {{"id", 9}, {"is_bot", false}}}, {"chat", {{"id", 9}}}, {"text", "提现"}}}};
  EXPECT_EQ(telegram(update)->status, 200);
  mock_.wait_for("/bot123:ABC/sendMessage", 2);
  std::string m;
  // The outbox row is marked failed before the sender counts the failure:
  // wait until both are visible (up to 10 s on a loaded machine).
  const std::string kept = "faqbot_outbox_failed 1";
  const std::string counted = "faqbot_channel_send_failed_total{channel=\"telegram\"} 1";
  for (int i = 0; i < 500; ++i) {
    m = metrics();
    if (m.find(kept) != std::string::npos && m.find(counted) != std::string::npos) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  EXPECT_NE(m.find(kept), std::string::npos) << m;
  EXPECT_NE(m.find(counted), std::string::npos) << m;
}

// ---------------------------------------------------------------------------
TEST_F(ChannelsE2ETest, FeishuChallengeEncryptedEventAndCard) {
  start();
  // url_verification, encrypted (as Feishu sends it when an Encrypt Key is set).
  json verify = {{"challenge", "ch-1"}, {"token", "feishu-token"}, {"type", "url_verification"}};
  json wrapped = {{"encrypt", feishu_encrypt("feishu-key", verify.dump(), random_bytes(16))}};
  auto ch = post("/webhooks/feishu", {}, wrapped.dump());
  ASSERT_TRUE(ch);
  EXPECT_EQ(ch->status, 200);
  EXPECT_EQ(json::parse(ch->body)["challenge"], "ch-1");
  json bad_verify = verify;
  bad_verify["token"] = "other";
  EXPECT_EQ(post("/webhooks/feishu", {}, bad_verify.dump())->status, 401);

  // An encrypted, signed message.
  json event = {{"encrypt", feishu_encrypt("feishu-key", feishu_message("fe-1", "@_user_1 那个钱的问题").dump(), random_bytes(16))}};
  EXPECT_EQ(feishu(event.dump())->status, 200);
  auto sent = mock_.wait_for("/open-apis/im/v1/messages", 1);
  ASSERT_EQ(sent.size(), 1u);
  EXPECT_EQ(sent[0].authorization, "Bearer FEISHUTOK");
  json body = json::parse(sent[0].body);
  EXPECT_EQ(body["receive_id"], "oc_1");
  EXPECT_EQ(body["msg_type"], "interactive");
  json card = json::parse(body["content"].get<std::string>());
  EXPECT_EQ(card["elements"][1]["actions"][0]["value"]["choice"], "faq:recharge.limit");
  // Retry of the same event id; a bad signature; a stale one; a bot sender.
  EXPECT_EQ(feishu(event.dump())->status, 200);
  EXPECT_EQ(feishu(event.dump(), "", "wrong-key")->status, 401);
  EXPECT_EQ(feishu(event.dump(), std::to_string(store::now_ms() / 1000 - 400))->status, 401);
  EXPECT_EQ(feishu(feishu_message("fe-2", "提现", "app").dump())->status, 200);
  // A card button press is the chosen question.
  json press = {{"schema", "2.0"},
                {"header", {{"event_id", "fe-3"}, {"event_type", "card.action.trigger"}, {"token", "feishu-token"}}},
                {"event", {{"operator", {{"open_id", "ou_1"}}}, {"context", {{"open_chat_id", "oc_1"}}},
                           {"action", {{"value", {{"choice", "faq:withdraw.arrival_time"}}}}}}}};
  EXPECT_EQ(feishu(press.dump())->status, 200);
  sent = mock_.wait_for("/open-apis/im/v1/messages", 2);
  ASSERT_EQ(sent.size(), 2u);
  EXPECT_NE(sent[1].body.find("一般预计当天到账"), std::string::npos);
}

// ---------------------------------------------------------------------------
TEST_F(ChannelsE2ETest, DingtalkRepliesOnlyToSessionWebhooksUnderTheBase) {
  start();
  auto msg = [&](const std::string& id, const std::string& text, const std::string& hook) {
    return json{{"msgtype", "text"}, {"msgId", id}, {"text", {{"content", text}}},
                {"senderStaffId", "staff1"}, {"senderNick", "王先生"}, {"conversationId", "cid1"},
                {"chatbotUserId", "bot1"}, {"senderId", "s1"}, {"sessionWebhook", hook}};
  };
  EXPECT_EQ(dingtalk(msg("d1", "那个钱的问题", mock_.base() + "/robot/sendBySession?session=abc"))->status, 200);
  auto sent = mock_.wait_for("/robot/sendBySession", 1);
  ASSERT_EQ(sent.size(), 1u);
  json body = json::parse(sent[0].body);
  EXPECT_EQ(body["msgtype"], "actionCard");
  EXPECT_EQ(body["actionCard"]["btns"][0]["title"], "充值限额是多少");
  // A sessionWebhook on another host is never called; the reply is kept as failed.
  std::string evil = "http://127.0.0.2:" + std::to_string(mock_.port()) + "/robot/sendBySession?session=x";
  EXPECT_EQ(dingtalk(msg("d2", "提现", evil))->status, 200);
  std::string lookalike = mock_.base() + ".evil.example/robot/sendBySession";
  EXPECT_EQ(dingtalk(msg("d3", "提现", lookalike))->status, 200);
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  EXPECT_EQ(mock_.count("/robot/sendBySession"), 1u);
  EXPECT_NE(metrics().find("faqbot_outbox_failed 2"), std::string::npos);
  // Tampered and stale.
  EXPECT_EQ(dingtalk(msg("d4", "提现", mock_.base() + "/robot/sendBySession"), "", "wrong")->status, 401);
  EXPECT_EQ(dingtalk(msg("d5", "提现", mock_.base() + "/robot/sendBySession"),
                     std::to_string(store::now_ms() - 400000))->status, 401);
}

// ---------------------------------------------------------------------------
TEST_F(ChannelsE2ETest, WecomUrlCheckAndEncryptedPassiveReply) {
  start();
  auto crypt = WxCrypt::create("QDG6eK", kWecomAes, "wx5823bf96d3bd56c7").value();
  const std::string ts = now_s();
  std::string echo = crypt.encrypt("echo-12345", "0123456789abcdef");
  auto get = client_->Get(("/webhooks/wecom" + wx_query(crypt, echo, ts, false) + "&echostr=" + url_encode(echo)).c_str());
  ASSERT_TRUE(get);
  EXPECT_EQ(get->status, 200);
  EXPECT_EQ(get->body, "echo-12345");

  std::string enc = crypt.encrypt(wx_inner("zhangsan", "wx5823bf96d3bd56c7", "提现多久到账", "m-1"), random_bytes(16));
  std::string outer = "<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName><Encrypt><![CDATA[" + enc +
                      "]]></Encrypt><AgentID><![CDATA[1000002]]></AgentID></xml>";
  auto res = post("/webhooks/wecom" + wx_query(crypt, enc, ts, false), {}, outer, "application/xml");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200);
  auto reply = parse_xml(res->body).value();
  EXPECT_TRUE(crypt.verify(reply.get("MsgSignature"), reply.get("TimeStamp"), reply.get("Nonce"), reply.get("Encrypt")));
  auto inner = parse_xml(crypt.decrypt(reply.get("Encrypt")).value().message).value();
  EXPECT_EQ(inner.get("ToUserName"), "zhangsan");
  EXPECT_NE(inner.get("Content").find("[v1] 一般预计当天到账"), std::string::npos);
  // Retry of MsgId m-1: acknowledged with an empty body, not answered again.
  auto retry = post("/webhooks/wecom" + wx_query(crypt, enc, ts, false), {}, outer, "application/xml");
  EXPECT_EQ(retry->status, 200);
  EXPECT_EQ(retry->body, "");
  // Tampered signature and stale timestamp.
  std::string bad_q = wx_query(crypt, enc, ts, false);
  bad_q[15] = bad_q[15] == 'a' ? 'b' : 'a';
  EXPECT_EQ(post("/webhooks/wecom" + bad_q, {}, outer, "application/xml")->status, 401);
  std::string old = std::to_string(store::now_ms() / 1000 - 400);
  EXPECT_EQ(post("/webhooks/wecom" + wx_query(crypt, enc, old, false), {}, outer, "application/xml")->status, 401);
}

TEST_F(ChannelsE2ETest, WecomOfficialSampleReplaysWithTheSkewCheckOff) {
  ChannelsConfig c = config();
  c.max_skew_s = 0;
  start(c);
  auto get = client_->Get(
      "/webhooks/wecom?msg_signature=5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3&timestamp=1409659589&nonce=263014780"
      "&echostr=P9nAzCzyDtyTWESHep1vC5X9xho%2FqYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp%2B4RPcs8TgAE7OaBO%2BFZXvnaqQ%3D%3D");
  ASSERT_TRUE(get);
  EXPECT_EQ(get->status, 200);
  EXPECT_EQ(get->body, "1616140317555161061");
  const std::string enc =
      "RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/"
      "sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+"
      "HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q==";
  auto res = post("/webhooks/wecom?msg_signature=477715d11cdb4164915debcba66cb864d751f3e6&timestamp=1409659813&nonce=1372623149",
                  {}, "<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName><Encrypt><![CDATA[" + enc +
                          "]]></Encrypt><AgentID><![CDATA[218]]></AgentID></xml>", "application/xml");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_NE(res->body.find("<Encrypt>"), std::string::npos);  // the passive reply
}

// ---------------------------------------------------------------------------
TEST_F(ChannelsE2ETest, WechatPlainUrlCheckAndSafeModeMessages) {
  start();
  const std::string ts = now_s();
  auto get = client_->Get(("/webhooks/wechat?signature=" + wx_plain_signature("spamtest", ts, "nonce1") +
                           "&timestamp=" + ts + "&nonce=nonce1&echostr=hello-echo").c_str());
  ASSERT_TRUE(get);
  EXPECT_EQ(get->status, 200);
  EXPECT_EQ(get->body, "hello-echo");
  auto crypt = WxCrypt::create("spamtest", kWechatAes, "wx2c2769f8efd9abc2").value();
  std::string enc = crypt.encrypt(wx_inner("openid-1", "gh_1", "提现", "w-1"), random_bytes(16));
  std::string outer = "<xml><ToUserName><![CDATA[gh_1]]></ToUserName><Encrypt><![CDATA[" + enc + "]]></Encrypt></xml>";
  auto res = post("/webhooks/wechat" + wx_query(crypt, enc, ts, true), {}, outer, "application/xml");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200);
  auto reply = parse_xml(res->body).value();
  auto inner = parse_xml(crypt.decrypt(reply.get("Encrypt")).value().message).value();
  EXPECT_EQ(inner.get("ToUserName"), "openid-1");
  EXPECT_NE(inner.get("Content").find("一般预计当天到账"), std::string::npos);
  // With an AES key configured, a plain-mode POST is refused.
  std::string plain_q = "?signature=" + wx_plain_signature("spamtest", ts, "nonce1") + "&timestamp=" + ts + "&nonce=nonce1";
  EXPECT_EQ(post("/webhooks/wechat" + plain_q, {}, wx_inner("openid-1", "gh_1", "提现", "w-2"), "application/xml")->status, 401);
  EXPECT_EQ(client_->Get(("/webhooks/wechat?signature=0&timestamp=" + ts + "&nonce=nonce1&echostr=x").c_str())->status, 401);
}

// ---------------------------------------------------------------------------
TEST_F(ChannelsE2ETest, GenericReturnsTheReplyAndDedupsAcrossARestart) {
  start();
  json msg = {{"user_id", "u1"}, {"text", "提现多久到账"}, {"event_id", "g-1"}};
  auto res = generic(msg);
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  json body = json::parse(res->body);
  EXPECT_EQ(body["action"], "answer");
  EXPECT_EQ(body["faq_id"], "withdraw.arrival_time");
  EXPECT_NE(body["text"].get<std::string>().find("一般预计当天到账"), std::string::npos);
  EXPECT_EQ(generic(msg, "", "wrong")->status, 401);
  EXPECT_EQ(generic(msg, std::to_string(store::now_ms() / 1000 - 301))->status, 401);
  // Restart on the same data directory: the retry is still recognised.
  stop();
  start();
  auto retry = generic(msg);
  ASSERT_TRUE(retry);
  EXPECT_EQ(retry->status, 200);
  EXPECT_EQ(json::parse(retry->body), json({{"ok", true}}));
  json clarify = {{"user_id", "u1"}, {"text", "那个钱的问题"}};
  json c = json::parse(generic(clarify)->body);
  ASSERT_EQ(c["suggestions"].size(), 2u);
  // A number picks the numbered suggestion.
  ASSERT_EQ(generic({{"user_id", "u1"}, {"text", "2"}})->status, 200);
  const std::string session = c["session_id"];
  auto transcript = app_->service().messages(session, 0);
  ASSERT_TRUE(transcript.ok());
  bool chosen = false;
  for (const auto& m : transcript.value()) chosen = chosen || m.text == "忘记密码怎么办";
  EXPECT_TRUE(chosen);
  auto tr = client_->Get(("/v1/sessions/" + session + "/messages").c_str(),
                         {{"Authorization", "Bearer " + std::string(64, 'a')}});
  ASSERT_TRUE(tr);
  EXPECT_EQ(tr->status, 401) << tr->body;
}

// ---------------------------------------------------------------------------
TEST_F(ChannelsE2ETest, HandoffAgentRepliesReachTheImUser) {
  start();
  ASSERT_EQ(slack(slack_event("Ev-h1", "转人工", "U7").dump())->status, 200);
  mock_.wait_for("/api/chat.postMessage", 1);
  auto list = client_->Get("/v1/handoffs?status=waiting", {{"Authorization", std::string("Bearer ") + kAgent}});
  ASSERT_TRUE(list);
  ASSERT_EQ(list->status, 200) << list->body;
  json tickets = json::parse(list->body);
  ASSERT_TRUE(tickets.is_object() || tickets.is_array());
  json arr = tickets.is_array() ? tickets : tickets.value("handoffs", json::array());
  ASSERT_FALSE(arr.empty()) << list->body;
  int64_t id = arr[0].value("ticket_id", arr[0].value("id", int64_t{0}));
  httplib::Headers auth = {{"Authorization", std::string("Bearer ") + kAgent}};
  auto claim = client_->Post(("/v1/handoffs/" + std::to_string(id) + "/claim").c_str(), auth, "{}", "application/json");
  ASSERT_EQ(claim->status, 200) << claim->body;
  auto say = client_->Post(("/v1/handoffs/" + std::to_string(id) + "/messages").c_str(), auth,
                           json{{"text", "您好，我是客服小李"}}.dump(), "application/json");
  ASSERT_EQ(say->status, 200) << say->body;
  bool found = false;
  for (const Captured& c : mock_.wait_for("/api/chat.postMessage", 3)) {
    found = found || c.body.find("我是客服小李") != std::string::npos;
  }
  EXPECT_TRUE(found);
  // The investor's next message goes to the agent (no bot answer).
  ASSERT_EQ(slack(slack_event("Ev-h2", "提现多久到账", "U7").dump())->status, 200);
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  for (const Captured& c : mock_.wait_for("/api/chat.postMessage", 1)) {
    EXPECT_EQ(c.body.find("一般预计当天到账"), std::string::npos);
  }
}

TEST_F(ChannelsE2ETest, HandoffReachesWecomThroughMessageSend) {
  start();
  auto crypt = WxCrypt::create("QDG6eK", kWecomAes, "wx5823bf96d3bd56c7").value();
  std::string enc = crypt.encrypt(wx_inner("lisi", "wx5823bf96d3bd56c7", "转人工", "m-h"), random_bytes(16));
  auto res = post("/webhooks/wecom" + wx_query(crypt, enc, now_s(), false), {},
                  "<xml><Encrypt><![CDATA[" + enc + "]]></Encrypt></xml>", "application/xml");
  ASSERT_EQ(res->status, 200);
  httplib::Headers auth = {{"Authorization", std::string("Bearer ") + kAgent}};
  json arr = json::parse(client_->Get("/v1/handoffs?status=waiting", auth)->body);
  if (arr.is_object()) arr = arr.value("handoffs", json::array());
  ASSERT_FALSE(arr.empty());
  int64_t id = arr[0].value("ticket_id", arr[0].value("id", int64_t{0}));
  ASSERT_EQ(client_->Post(("/v1/handoffs/" + std::to_string(id) + "/claim").c_str(), auth, "{}", "application/json")->status, 200);
  ASSERT_EQ(client_->Post(("/v1/handoffs/" + std::to_string(id) + "/messages").c_str(), auth,
                          json{{"text", "客服已收到"}}.dump(), "application/json")->status, 200);
  bool found = false;
  for (const Captured& c : mock_.wait_for("/cgi-bin/message/send", 2)) {
    if (c.body.find("客服已收到") != std::string::npos) {
      found = true;
      EXPECT_EQ(c.query_token, "WECOMTOK");
      json body = json::parse(c.body);
      EXPECT_EQ(body["touser"], "lisi");
      EXPECT_EQ(body["agentid"], 1000002);
    }
  }
  EXPECT_TRUE(found);
}

// --------------------------------------------------------------- replays
// A gateway that sends no event_id: a byte-for-byte resend within the
// allowed skew is acknowledged, not answered again (also after a restart).
TEST_F(ChannelsE2ETest, GenericReplayWithoutEventIdIsProcessedOnce) {
  start();
  const std::string ts = now_s();
  const json msg = {{"user_id", "u-replay"}, {"text", "提现多久到账"}};
  auto first = generic(msg, ts);
  ASSERT_TRUE(first);
  ASSERT_EQ(first->status, 200);
  EXPECT_EQ(json::parse(first->body)["action"], "answer");
  auto again = generic(msg, ts);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 200);
  EXPECT_EQ(json::parse(again->body), json({{"ok", true}}));
  stop();
  start();
  EXPECT_EQ(json::parse(generic(msg, ts)->body), json({{"ok", true}}));
  EXPECT_NE(metrics().find("faqbot_channel_messages_total{channel=\"generic\"} 0"), std::string::npos);
  EXPECT_NE(metrics().find("faqbot_channel_duplicates_total{channel=\"generic\"} 1"), std::string::npos);
  // The same question asked again is a new signed request: answered.
  auto asked_again = generic(msg, std::to_string(std::stoll(ts) + 1));
  EXPECT_EQ(json::parse(asked_again->body)["action"], "answer");
}

// WeChat plain mode signs token, timestamp and nonce, not the body: a
// captured signature is good for the body it came with only.
TEST_F(ChannelsE2ETest, WechatPlainModeSignatureIsBoundToItsBody) {
  ChannelsConfig c = config();
  c.wechat_aes_key.clear();  // plain mode
  start(c);
  const std::string ts = now_s();
  const std::string query = "/webhooks/wechat?signature=" + wx_plain_signature("spamtest", ts, "nonce7") +
                            "&timestamp=" + ts + "&nonce=nonce7";
  const std::string genuine = wx_inner("openid-1", "gh_1", "提现多久到账", "w-10");
  auto res = post(query, {}, genuine, "application/xml");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200);
  EXPECT_NE(parse_xml(res->body).value().get("Content").find("一般预计当天到账"), std::string::npos);
  // The captured signature with another body (another user, another MsgId).
  auto forged = post(query, {}, wx_inner("openid-2", "gh_1", "转人工", "w-11"), "application/xml");
  ASSERT_TRUE(forged);
  EXPECT_EQ(forged->status, 401);
  // The genuine request resent: acknowledged, not answered twice.
  auto resent = post(query, {}, genuine, "application/xml");
  EXPECT_EQ(resent->status, 200);
  EXPECT_EQ(resent->body, "success");
  EXPECT_NE(metrics().find("faqbot_channel_messages_total{channel=\"wechat\"} 1"), std::string::npos);
  EXPECT_NE(metrics().find("faqbot_channel_rejected_total{channel=\"wechat\"} 1"), std::string::npos);
}

// DingTalk's sign covers the timestamp only: bound to its first body, except
// in the first 2 s (DingTalk may sign two callbacks in the same millisecond).
TEST_F(ChannelsE2ETest, DingtalkSignatureIsBoundToItsBody) {
  start();
  auto msg = [&](const std::string& id, const std::string& user, const std::string& text) {
    return json{{"msgtype", "text"}, {"msgId", id}, {"text", {{"content", text}}},
                {"senderStaffId", user}, {"conversationId", "cid-" + user}, {"chatbotUserId", "bot1"},
                {"senderId", user}, {"sessionWebhook", mock_.base() + "/robot/sendBySession?s=" + user}};
  };
  const std::string captured = std::to_string(store::now_ms() - 10000);  // within the skew
  EXPECT_EQ(dingtalk(msg("dm-1", "staff1", "提现多久到账"), captured)->status, 200);
  EXPECT_EQ(dingtalk(msg("dm-2", "staff2", "转人工"), captured)->status, 401);
  EXPECT_EQ(dingtalk(msg("dm-1", "staff1", "提现多久到账"), captured)->status, 200);  // resend: ack
  const std::string same_moment = now_ms_text();
  EXPECT_EQ(dingtalk(msg("dm-3", "staff3", "提现多久到账"), same_moment)->status, 200);
  EXPECT_EQ(dingtalk(msg("dm-4", "staff4", "提现多久到账"), same_moment)->status, 200);
  EXPECT_EQ(mock_.wait_for("/robot/sendBySession", 3).size(), 3u);
  EXPECT_NE(metrics().find("faqbot_channel_messages_total{channel=\"dingtalk\"} 3"), std::string::npos);
}

// --------------------------------------------------------------- personal data
// A phone number in an IM display name and a card number in the message:
// masked in the SQLite file, in the console's API and in the log.
TEST_F(ChannelsE2ETest, DisplayNameAndMessageAreMaskedEverywhere) {
  start();
  ::testing::internal::CaptureStderr();
  json msg = {{"user_id", "u-privacy"}, {"user_name", "王先生 138\u200b0000\u200b1234"},
              {"text", "\u202e转人工，卡号6222.0202.0011.2231"}, {"event_id", "g-privacy"}};
  auto res = generic(msg);
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  httplib::Headers auth = {{"Authorization", std::string("Bearer ") + kAgent}};
  auto list = client_->Get("/v1/handoffs?status=waiting", auth);
  ASSERT_EQ(list->status, 200) << list->body;
  json tickets = json::parse(list->body)["handoffs"];
  ASSERT_EQ(tickets.size(), 1u);
  auto detail = client_->Get(("/v1/handoffs/" + std::to_string(tickets[0]["ticket_id"].get<int64_t>())).c_str(), auth);
  ASSERT_EQ(detail->status, 200);
  json d = json::parse(detail->body);
  EXPECT_EQ(d["profile"]["customer_name"], "王先生 138****1234");
  EXPECT_EQ(d["transcript"][0]["text"], "转人工，卡号6222.****.****.2231");
  const std::string console = list->body + detail->body;
  stop();
  const std::string log = ::testing::internal::GetCapturedStderr();
  const std::string file = faqbot::testing::raw_store_bytes(dir_.path() + "/data");
  for (const char* needle : {"1380000", "138\u200b0000", "0202.0011", "02020011", "\u202e", "\u200b"}) {
    EXPECT_EQ(file.find(needle), std::string::npos) << "SQLite file holds " << needle;
    EXPECT_EQ(console.find(needle), std::string::npos) << "console shows " << needle;
    EXPECT_EQ(log.find(needle), std::string::npos) << "log holds " << needle;
  }
}

// Nothing visible once zero-width and bidi characters are dropped: the IM
// pipeline acknowledges and does not answer.
TEST_F(ChannelsE2ETest, InvisibleOnlyMessagesAreIgnored) {
  start();
  auto res = generic({{"user_id", "u-blank"}, {"text", "\u200b\u202e\u2060"}, {"event_id", "g-blank"}});
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(json::parse(res->body), json({{"ok", true}}));
  EXPECT_NE(metrics().find("faqbot_channel_messages_total{channel=\"generic\"} 0"), std::string::npos);
}

TEST(ChannelsDisabledTest, AChannelWithoutItsSecretIsNotMounted) {
  faqbot::testing::TempDir dir;
  http::Settings s;
  s.host = "127.0.0.1";
  s.port = 0;
  s.data_dir = dir.path() + "/data";
  s.service_hours = "00:00-24:00";
  http::AppOptions o;
  o.settings = s;
  o.loader = [] { return faqbot::testing::fake_load("v1"); };
  ChannelsConfig c;
  c.generic_secret = "only-generic";
  o.providers = {make_channels_provider(c)};
  auto app = http::App::create(std::move(o)).value();
  int port = app->start().value();
  httplib::Client client("127.0.0.1", port);
  for (const char* path : {"/webhooks/slack", "/webhooks/wecom", "/webhooks/wechat", "/webhooks/feishu",
                           "/webhooks/dingtalk", "/webhooks/telegram"}) {
    auto res = client.Post(path, "{}", "application/json");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 404) << path;
  }
  EXPECT_EQ(client.Post("/webhooks/generic", "{}", "application/json")->status, 401);
  app->stop();
}

}  // namespace
}  // namespace faqbot::channels
