#pragma once
// Pieces shared by the WeCom, 微信客服 and WeChat channels (same XML, same
// token API shape). Pure functions except the fetch_* ones, which call the
// platform.
#include <string>

#include "adapters/channels/token_cache.h"
#include "adapters/channels/transport.h"
#include "adapters/channels/wx_crypt.h"
#include "adapters/channels/xml_lite.h"

namespace faqbot::channels {

// <xml><ToUserName/><FromUserName/><CreateTime/><MsgType>text</MsgType><Content/></xml>
std::string wx_text_xml(const std::string& to, const std::string& from, int64_t create_time_s,
                        const std::string& content);
// GET url -> {"access_token": "...", "expires_in": 7200} (errcode 0 or absent).
Result<TokenGrant> fetch_wx_token(Transport& transport, const std::string& url);
// WeCom's gettoken (WeCom apps and 微信客服): corp id + secret.
Result<TokenGrant> fetch_wecom_token(Transport& transport, const std::string& api_base, const std::string& corp_id,
                                     const std::string& secret);

// Opens a WeCom-style encrypted callback (WeCom apps, 微信客服): checks the
// timestamp and msg_signature. A GET URL check is answered with the decrypted
// echostr in *answer; a failure is the rejection in *answer; both return
// false. A POST returns true with its decrypted inner XML in *inner and its
// timestamp and nonce in *ts, *nonce.
bool open_wecom_callback(const WxCrypt& crypt, const http::Request& req, int64_t now_ms, int64_t max_skew_s,
                         Received* answer, XmlDoc* inner, std::string* ts, std::string* nonce);

// Replaces every "{access_token}" in `text`.
void put_token(std::string& text, const std::string& token);

}  // namespace faqbot::channels
