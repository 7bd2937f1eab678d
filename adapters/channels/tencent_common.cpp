#include "adapters/channels/tencent_common.h"

#include <nlohmann/json.hpp>

#include "adapters/channels/xml_lite.h"

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

void put_token(std::string& text, const std::string& token) {
  const std::string key = "{access_token}";
  for (size_t pos = text.find(key); pos != std::string::npos; pos = text.find(key, pos + token.size())) {
    text.replace(pos, key.size(), token);
  }
}

}  // namespace faqbot::channels
