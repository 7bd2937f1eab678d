#include "adapters/channels/config.h"

#include <cstdlib>
#include <string>

namespace faqbot::channels {
namespace {

void read(const char* name, std::string* out) {
  const char* v = std::getenv(name);
  if (v && *v) *out = v;
}

template <typename T>
void read_number(const char* name, T* out, T min_value) {
  const char* v = std::getenv(name);
  if (!v || !*v) return;
  char* end = nullptr;
  long long n = std::strtoll(v, &end, 10);
  if (end && *end == '\0' && n >= static_cast<long long>(min_value)) *out = static_cast<T>(n);
}

}  // namespace

ChannelsConfig ChannelsConfig::from_env() {
  ChannelsConfig c;
  read("FAQBOT_WECOM_TOKEN", &c.wecom_token);
  read("FAQBOT_WECOM_AES_KEY", &c.wecom_aes_key);
  read("FAQBOT_WECOM_CORP_ID", &c.wecom_corp_id);
  read("FAQBOT_WECOM_SECRET", &c.wecom_secret);
  read("FAQBOT_WECOM_AGENT_ID", &c.wecom_agent_id);
  read("FAQBOT_WECOM_API_BASE", &c.wecom_api_base);
  read("FAQBOT_WECHAT_TOKEN", &c.wechat_token);
  read("FAQBOT_WECHAT_AES_KEY", &c.wechat_aes_key);
  read("FAQBOT_WECHAT_APP_ID", &c.wechat_app_id);
  read("FAQBOT_WECHAT_APP_SECRET", &c.wechat_app_secret);
  read("FAQBOT_WECHAT_API_BASE", &c.wechat_api_base);
  read("FAQBOT_FEISHU_ENCRYPT_KEY", &c.feishu_encrypt_key);
  read("FAQBOT_FEISHU_VERIFICATION_TOKEN", &c.feishu_verification_token);
  read("FAQBOT_FEISHU_APP_ID", &c.feishu_app_id);
  read("FAQBOT_FEISHU_APP_SECRET", &c.feishu_app_secret);
  read("FAQBOT_FEISHU_API_BASE", &c.feishu_api_base);
  read("FAQBOT_DINGTALK_APP_SECRET", &c.dingtalk_app_secret);
  read("FAQBOT_DINGTALK_API_BASE", &c.dingtalk_api_base);
  read("FAQBOT_SLACK_SIGNING_SECRET", &c.slack_signing_secret);
  read("FAQBOT_SLACK_BOT_TOKEN", &c.slack_bot_token);
  read("FAQBOT_SLACK_API_BASE", &c.slack_api_base);
  read("FAQBOT_TELEGRAM_SECRET_TOKEN", &c.telegram_secret_token);
  read("FAQBOT_TELEGRAM_BOT_TOKEN", &c.telegram_bot_token);
  read("FAQBOT_TELEGRAM_API_BASE", &c.telegram_api_base);
  read("FAQBOT_GENERIC_SECRET", &c.generic_secret);
  read("FAQBOT_GENERIC_CALLBACK_URL", &c.generic_callback_url);
  read_number("FAQBOT_WEBHOOK_MAX_SKEW_S", &c.max_skew_s, int64_t{0});
  read_number("FAQBOT_OUTBOX_MAX_ATTEMPTS", &c.max_attempts, 1);
  read_number("FAQBOT_OUTBOX_BACKOFF_MS", &c.backoff_ms, int64_t{1});
  return c;
}

}  // namespace faqbot::channels
