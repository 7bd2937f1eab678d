#include "adapters/channels/config.h"

#include <cstdlib>
#include <string>

namespace faqbot::channels {
namespace {

// One environment variable: where it goes and what it means. The same table
// reads the environment and writes `faqbot serve --help`.
struct EnvKey {
  const char* env;
  std::string ChannelsConfig::*text;  // a string setting, or
  int64_t ChannelsConfig::*number;    // a number setting (>= min_number)
  int64_t min_number;
  const char* help;
};

constexpr int64_t kNoMin = 0;

const EnvKey kEnvKeys[] = {
    {"FAQBOT_WECOM_TOKEN", &ChannelsConfig::wecom_token, nullptr, kNoMin,
     "WeCom app callback token; with AES key and corp id enables /webhooks/wecom"},
    {"FAQBOT_WECOM_AES_KEY", &ChannelsConfig::wecom_aes_key, nullptr, kNoMin, "WeCom EncodingAESKey (43 characters)"},
    {"FAQBOT_WECOM_CORP_ID", &ChannelsConfig::wecom_corp_id, nullptr, kNoMin, "WeCom corp id (ww…)"},
    {"FAQBOT_WECOM_SECRET", &ChannelsConfig::wecom_secret, nullptr, kNoMin, "WeCom app secret, for agent replies"},
    {"FAQBOT_WECOM_AGENT_ID", &ChannelsConfig::wecom_agent_id, nullptr, kNoMin, "WeCom app agent id, for agent replies"},
    {"FAQBOT_WECOM_API_BASE", &ChannelsConfig::wecom_api_base, nullptr, kNoMin, "WeCom API"},
    {"FAQBOT_WECHAT_TOKEN", &ChannelsConfig::wechat_token, nullptr, kNoMin,
     "WeChat Official Account token; enables /webhooks/wechat"},
    {"FAQBOT_WECHAT_AES_KEY", &ChannelsConfig::wechat_aes_key, nullptr, kNoMin,
     "Official Account EncodingAESKey: only safe-mode requests accepted"},
    {"FAQBOT_WECHAT_APP_ID", &ChannelsConfig::wechat_app_id, nullptr, kNoMin, "Official Account app id"},
    {"FAQBOT_WECHAT_APP_SECRET", &ChannelsConfig::wechat_app_secret, nullptr, kNoMin,
     "Official Account app secret, for agent replies"},
    {"FAQBOT_WECHAT_API_BASE", &ChannelsConfig::wechat_api_base, nullptr, kNoMin, "WeChat API"},
    {"FAQBOT_WECHAT_KF_TOKEN", &ChannelsConfig::wechat_kf_token, nullptr, kNoMin,
     "WeChat Customer Service (微信客服) callback token; with AES key and corp id enables /webhooks/wechat_kf"},
    {"FAQBOT_WECHAT_KF_AES_KEY", &ChannelsConfig::wechat_kf_aes_key, nullptr, kNoMin,
     "微信客服 callback EncodingAESKey (43 characters)"},
    {"FAQBOT_WECHAT_KF_CORP_ID", &ChannelsConfig::wechat_kf_corp_id, nullptr, kNoMin, "corp id owning the 微信客服 accounts (ww…)"},
    {"FAQBOT_WECHAT_KF_SECRET", &ChannelsConfig::wechat_kf_secret, nullptr, kNoMin,
     "微信客服 Secret: pulls messages (kf/sync_msg) and sends replies (kf/send_msg)"},
    {"FAQBOT_WECHAT_KF_API_BASE", &ChannelsConfig::wechat_kf_api_base, nullptr, kNoMin, "微信客服 API"},
    {"FAQBOT_FEISHU_ENCRYPT_KEY", &ChannelsConfig::feishu_encrypt_key, nullptr, kNoMin,
     "Feishu/Lark event encrypt key; enables /webhooks/feishu"},
    {"FAQBOT_FEISHU_VERIFICATION_TOKEN", &ChannelsConfig::feishu_verification_token, nullptr, kNoMin,
     "Feishu/Lark verification token; enables /webhooks/feishu"},
    {"FAQBOT_FEISHU_APP_ID", &ChannelsConfig::feishu_app_id, nullptr, kNoMin, "Feishu app id, for agent replies"},
    {"FAQBOT_FEISHU_APP_SECRET", &ChannelsConfig::feishu_app_secret, nullptr, kNoMin,
     "Feishu app secret, for agent replies"},
    {"FAQBOT_FEISHU_API_BASE", &ChannelsConfig::feishu_api_base, nullptr, kNoMin, "Feishu API"},
    {"FAQBOT_DINGTALK_APP_SECRET", &ChannelsConfig::dingtalk_app_secret, nullptr, kNoMin,
     "DingTalk robot app secret; enables /webhooks/dingtalk"},
    {"FAQBOT_DINGTALK_API_BASE", &ChannelsConfig::dingtalk_api_base, nullptr, kNoMin,
     "replies go only to sessionWebhook URLs under it"},
    {"FAQBOT_SLACK_SIGNING_SECRET", &ChannelsConfig::slack_signing_secret, nullptr, kNoMin,
     "Slack signing secret; enables /webhooks/slack"},
    {"FAQBOT_SLACK_BOT_TOKEN", &ChannelsConfig::slack_bot_token, nullptr, kNoMin, "Slack bot token (xoxb-…), for sending"},
    {"FAQBOT_SLACK_API_BASE", &ChannelsConfig::slack_api_base, nullptr, kNoMin, "Slack API"},
    {"FAQBOT_TELEGRAM_SECRET_TOKEN", &ChannelsConfig::telegram_secret_token, nullptr, kNoMin,
     "Telegram webhook secret_token; enables /webhooks/telegram"},
    {"FAQBOT_TELEGRAM_BOT_TOKEN", &ChannelsConfig::telegram_bot_token, nullptr, kNoMin, "Telegram bot token, for sending"},
    {"FAQBOT_TELEGRAM_API_BASE", &ChannelsConfig::telegram_api_base, nullptr, kNoMin, "Telegram Bot API"},
    {"FAQBOT_GENERIC_SECRET", &ChannelsConfig::generic_secret, nullptr, kNoMin,
     "HMAC secret of the generic webhook; enables /webhooks/generic"},
    {"FAQBOT_GENERIC_CALLBACK_URL", &ChannelsConfig::generic_callback_url, nullptr, kNoMin,
     "where agent replies to generic-webhook users are POSTed, signed"},
    {"FAQBOT_WEBHOOK_MAX_SKEW_S", nullptr, &ChannelsConfig::max_skew_s, 0,
     "max age (and lead) of a signed webhook timestamp in seconds; 0 = no check"},
    {"FAQBOT_OUTBOX_MAX_ATTEMPTS", nullptr, &ChannelsConfig::max_attempts, 1,
     "failed sends before an outgoing IM message is given up (kept, counted)"},
    {"FAQBOT_OUTBOX_BACKOFF_MS", nullptr, &ChannelsConfig::backoff_ms, 1,
     "first retry delay of an outgoing IM message in ms; doubles each attempt"},
};

}  // namespace

ChannelsConfig ChannelsConfig::from_env() {
  ChannelsConfig c;
  for (const EnvKey& key : kEnvKeys) {
    const char* v = std::getenv(key.env);
    if (!v || !*v) continue;
    if (key.text) {
      c.*key.text = v;
      continue;
    }
    char* end = nullptr;
    const long long n = std::strtoll(v, &end, 10);
    if (end && *end == '\0' && n >= key.min_number) c.*key.number = n;
  }
  return c;
}

std::string ChannelsConfig::usage() {
  const ChannelsConfig defaults;
  std::string out = "IM channels (environment only; a channel without its secret is off and answers 404):\n";
  for (const EnvKey& key : kEnvKeys) {
    const std::string value = key.text ? defaults.*key.text : std::to_string(defaults.*key.number);
    out += "  " + std::string(key.env) + "\n      " + key.help + " [" + (value.empty() ? "none" : value) + "]\n";
  }
  return out;
}

}  // namespace faqbot::channels
