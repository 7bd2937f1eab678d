#pragma once
// Settings of the IM channels. The environment variable names are a
// contract (issue 4); a channel whose secret is missing is disabled and its
// route is not mounted (404). Values are read once at start-up.
#include <cstdint>
#include <string>

namespace faqbot::channels {

struct ChannelsConfig {
  // WeCom: FAQBOT_WECOM_TOKEN, FAQBOT_WECOM_AES_KEY, FAQBOT_WECOM_CORP_ID
  // (all three enable it); FAQBOT_WECOM_SECRET and FAQBOT_WECOM_AGENT_ID
  // (added) let agent replies go through message/send.
  std::string wecom_token, wecom_aes_key, wecom_corp_id, wecom_secret, wecom_agent_id;
  std::string wecom_api_base = "https://qyapi.weixin.qq.com";
  // WeChat Official Account: FAQBOT_WECHAT_TOKEN enables it (plain mode);
  // with FAQBOT_WECHAT_AES_KEY (+ FAQBOT_WECHAT_APP_ID) only safe-mode
  // requests are accepted. FAQBOT_WECHAT_APP_SECRET (added) for agent replies.
  std::string wechat_token, wechat_aes_key, wechat_app_id, wechat_app_secret;
  std::string wechat_api_base = "https://api.weixin.qq.com";
  // WeChat Customer Service (微信客服): FAQBOT_WECHAT_KF_TOKEN, _AES_KEY and
  // _CORP_ID enable it; FAQBOT_WECHAT_KF_SECRET (the 微信客服 Secret) pulls
  // messages (sync_msg) and sends replies.
  std::string wechat_kf_token, wechat_kf_aes_key, wechat_kf_corp_id, wechat_kf_secret;
  std::string wechat_kf_api_base = "https://qyapi.weixin.qq.com";
  // Feishu/Lark: FAQBOT_FEISHU_ENCRYPT_KEY and/or FAQBOT_FEISHU_VERIFICATION_TOKEN;
  // FAQBOT_FEISHU_APP_ID / FAQBOT_FEISHU_APP_SECRET (added) for sending.
  std::string feishu_encrypt_key, feishu_verification_token, feishu_app_id, feishu_app_secret;
  std::string feishu_api_base = "https://open.feishu.cn";
  // DingTalk: FAQBOT_DINGTALK_APP_SECRET. Replies only to a sessionWebhook
  // under FAQBOT_DINGTALK_API_BASE.
  std::string dingtalk_app_secret;
  std::string dingtalk_api_base = "https://oapi.dingtalk.com";
  // Slack: FAQBOT_SLACK_SIGNING_SECRET enables it; FAQBOT_SLACK_BOT_TOKEN sends.
  std::string slack_signing_secret, slack_bot_token;
  std::string slack_api_base = "https://slack.com";
  // Telegram: FAQBOT_TELEGRAM_SECRET_TOKEN enables it; FAQBOT_TELEGRAM_BOT_TOKEN sends.
  std::string telegram_secret_token, telegram_bot_token;
  std::string telegram_api_base = "https://api.telegram.org";
  // Generic: FAQBOT_GENERIC_SECRET. FAQBOT_GENERIC_CALLBACK_URL (added):
  // where agent replies are POSTed, signed like the inbound requests.
  std::string generic_secret, generic_callback_url;

  // FAQBOT_WEBHOOK_MAX_SKEW_S: max age (and lead) of a signed timestamp in
  // seconds; 0 = no check.
  int64_t max_skew_s = 300;

  // Outbox sender (FAQBOT_OUTBOX_MAX_ATTEMPTS, FAQBOT_OUTBOX_BACKOFF_MS, added).
  int64_t max_attempts = 6;        // failed attempts before a message is given up (kept, counted)
  int64_t backoff_ms = 2000;       // first retry delay; doubles each attempt, capped
  int64_t backoff_max_ms = 300000;
  int poll_ms = 200;               // how often the sender looks for due messages
  int send_timeout_s = 5;

  // Reads the variables above; unset ones keep the defaults. Malformed
  // numbers keep the defaults too.
  static ChannelsConfig from_env();
  // Every variable from_env() reads, its meaning and default (for
  // `faqbot serve --help`).
  static std::string usage();
};

}  // namespace faqbot::channels
