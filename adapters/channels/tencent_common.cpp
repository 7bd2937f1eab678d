#include "adapters/channels/tencent_common.h"

#include <nlohmann/json.hpp>

#include "adapters/channels/signatures.h"

namespace faqbot::channels {

std::string wx_text_xml(const std::string& to, const std::string& from, int64_t create_time_s,
                        const std::string& content) {
  return "<xml><ToUserName>" + xml_cdata(to) + "</ToUserName><FromUserName>" + xml_cdata(from) +
         "</FromUserName><CreateTime>" + std::to_string(create_time_s) +
         "</CreateTime><MsgType><![CDATA[text]]></MsgType><Content>" + xml_cdata(content) +
         "</Content></xml>";
}

Result<TokenGrant> fetch_wx_token(Transport& transport, const std::string& url) {
  SendResult r = transport.send("GET", url, {}, "", "");
  if (r.status != 200) {
    return Status(StatusCode::kInternal, "token API: HTTP " + std::to_string(r.status) + " " + r.error);
  }
  auto body = nlohmann::json::parse(r.body, nullptr, false);
  if (!body.is_object() || !body.contains("access_token") || !body["access_token"].is_string()) {
    return Status(StatusCode::kInternal, "token API refused: " + r.body.substr(0, 200));
  }
  TokenGrant g;
  g.token = body["access_token"].get<std::string>();
  if (body.contains("expires_in") && body["expires_in"].is_number_integer()) {
    g.expires_in_s = body["expires_in"].get<int64_t>();
  }
  return g;
}

Result<TokenGrant> fetch_wecom_token(Transport& transport, const std::string& api_base, const std::string& corp_id,
                                     const std::string& secret) {
  return fetch_wx_token(transport, api_base + "/cgi-bin/gettoken?corpid=" + url_encode(corp_id) +
                                       "&corpsecret=" + url_encode(secret));
}

bool open_wecom_callback(const WxCrypt& crypt, const http::Request& req, int64_t now_ms, int64_t max_skew_s,
                         Received* answer, XmlDoc* inner, std::string* ts, std::string* nonce) {
  const std::string sig = req.param("msg_signature");
  *ts = req.param("timestamp");
  *nonce = req.param("nonce");
  if (sig.empty() || ts->empty()) return *answer = reject("missing msg_signature or timestamp"), false;
  if (!check_timestamp(*ts, 1000, now_ms, max_skew_s).ok()) return *answer = reject("stale or malformed timestamp"), false;
  if (req.method == "GET") {
    const std::string echo = req.param("echostr");
    if (!crypt.verify(sig, *ts, *nonce, echo)) return *answer = reject("bad msg_signature"), false;
    auto plain = crypt.decrypt(echo);
    if (!plain.ok()) return *answer = reject("echostr does not decrypt"), false;
    http::Response r;
    r.content_type = "text/plain; charset=utf-8";
    r.body = plain->message;
    return *answer = respond(r), false;
  }
  auto outer = parse_xml(req.body);
  if (!outer.ok()) return *answer = reject("malformed XML"), false;
  const std::string enc = outer->get("Encrypt");
  if (!crypt.verify(sig, *ts, *nonce, enc)) return *answer = reject("bad msg_signature"), false;
  auto plain = crypt.decrypt(enc);
  if (!plain.ok()) return *answer = reject("message does not decrypt"), false;
  auto msg = parse_xml(plain->message);
  if (!msg.ok()) return *answer = reject("malformed inner XML"), false;
  *inner = std::move(msg).value();
  return true;
}

void put_token(std::string& text, const std::string& token) {
  const std::string key = "{access_token}";
  for (size_t pos = text.find(key); pos != std::string::npos; pos = text.find(key, pos + token.size())) {
    text.replace(pos, key.size(), token);
  }
}

}  // namespace faqbot::channels
