#include <nlohmann/json.hpp>

#include "adapters/channels/channels.h"
#include "adapters/channels/runtime.h"

namespace faqbot::channels {

Status accepted_errcode(const SendResult& r) {
  if (r.status == 0) return Status(StatusCode::kInternal, "transport: " + r.error);
  if (r.status < 200 || r.status >= 300) {
    return Status(StatusCode::kInternal, "HTTP " + std::to_string(r.status));
  }
  auto body = nlohmann::json::parse(r.body, nullptr, false);
  if (!body.is_object() || !body.contains("errcode") || !body["errcode"].is_number_integer()) {
    return Status(StatusCode::kInternal, "unexpected answer: " + r.body.substr(0, 200));
  }
  if (body["errcode"].get<int64_t>() != 0) {
    return Status(StatusCode::kInternal, "errcode " + std::to_string(body["errcode"].get<int64_t>()) +
                                             ": " + body.value("errmsg", ""));
  }
  return Status::Ok();
}

Status accepted_json_field(const SendResult& r, const char* key, const nlohmann::json& expected) {
  if (r.status == 0) return Status(StatusCode::kInternal, "transport: " + r.error);
  auto body = nlohmann::json::parse(r.body, nullptr, false);
  if (r.status >= 200 && r.status < 300 && body.is_object() && body.contains(key) &&
      body[key] == expected) {
    return Status::Ok();
  }
  return Status(StatusCode::kInternal, "HTTP " + std::to_string(r.status) + " " + r.body.substr(0, 200));
}

Result<std::vector<std::unique_ptr<Channel>>> build_channels(const ChannelsConfig& c) {
  std::vector<std::unique_ptr<Channel>> out;
  if (!c.wecom_token.empty() && !c.wecom_aes_key.empty() && !c.wecom_corp_id.empty()) {
    auto ch = make_wecom(c);
    if (!ch.ok()) return ch.status();
    out.push_back(std::move(ch).value());
  }
  if (!c.wechat_token.empty()) {
    auto ch = make_wechat(c);
    if (!ch.ok()) return ch.status();
    out.push_back(std::move(ch).value());
  }
  if (!c.wechat_kf_token.empty() && !c.wechat_kf_aes_key.empty() && !c.wechat_kf_corp_id.empty()) {
    auto ch = make_wechat_kf(c);
    if (!ch.ok()) return ch.status();
    out.push_back(std::move(ch).value());
  }
  if (!c.feishu_encrypt_key.empty() || !c.feishu_verification_token.empty()) out.push_back(make_feishu(c));
  if (!c.dingtalk_app_secret.empty()) out.push_back(make_dingtalk(c));
  if (!c.slack_signing_secret.empty()) out.push_back(make_slack(c));
  if (!c.telegram_secret_token.empty()) out.push_back(make_telegram(c));
  if (!c.generic_secret.empty()) out.push_back(make_generic(c));
  return out;
}

}  // namespace faqbot::channels
