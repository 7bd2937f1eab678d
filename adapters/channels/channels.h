#pragma once
// Factories of the seven channels, one file each. A factory is only called
// for an enabled channel (its secret is set; see ChannelsConfig).
#include <memory>

#include "adapters/channels/channel.h"
#include "adapters/channels/config.h"

namespace faqbot::channels {

Result<std::unique_ptr<Channel>> make_wecom(const ChannelsConfig& config);
Result<std::unique_ptr<Channel>> make_wechat(const ChannelsConfig& config);
std::unique_ptr<Channel> make_feishu(const ChannelsConfig& config);
std::unique_ptr<Channel> make_dingtalk(const ChannelsConfig& config);
std::unique_ptr<Channel> make_slack(const ChannelsConfig& config);
std::unique_ptr<Channel> make_telegram(const ChannelsConfig& config);
std::unique_ptr<Channel> make_generic(const ChannelsConfig& config);

// Shared by WeCom and WeChat: the JSON send APIs answer {"errcode":0,…}.
Status accepted_errcode(const SendResult& result);

}  // namespace faqbot::channels
