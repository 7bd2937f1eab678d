#pragma once
#include <nlohmann/json.hpp>
// Factories of the eight channels, one file each. A factory is only called
// for an enabled channel (its secret is set; see ChannelsConfig).
#include <memory>

#include "adapters/channels/channel.h"
#include "adapters/channels/config.h"

namespace faqbot::channels {

Result<std::unique_ptr<Channel>> make_wecom(const ChannelsConfig& config);
Result<std::unique_ptr<Channel>> make_wechat(const ChannelsConfig& config);
Result<std::unique_ptr<Channel>> make_wechat_kf(const ChannelsConfig& config);
std::unique_ptr<Channel> make_feishu(const ChannelsConfig& config);
std::unique_ptr<Channel> make_dingtalk(const ChannelsConfig& config);
std::unique_ptr<Channel> make_slack(const ChannelsConfig& config);
std::unique_ptr<Channel> make_telegram(const ChannelsConfig& config);
std::unique_ptr<Channel> make_generic(const ChannelsConfig& config);

// Shared by WeCom and WeChat: the JSON send APIs answer {"errcode":0,…}.
Status accepted_errcode(const SendResult& result);
// Send acceptance for APIs that answer a JSON object with a success flag:
// HTTP 2xx and `body[key] == expected` (Slack/Telegram "ok": true, Feishu
// "code": 0).
Status accepted_json_field(const SendResult& result, const char* key, const nlohmann::json& expected);

}  // namespace faqbot::channels
