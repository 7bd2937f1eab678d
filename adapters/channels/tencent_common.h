#pragma once
// Pieces shared by the WeCom and WeChat channels (same XML, same token API
// shape). Pure functions except fetch_wx_token, which calls the platform.
#include <string>

#include "adapters/channels/token_cache.h"
#include "adapters/channels/transport.h"

namespace faqbot::channels {

// <xml><ToUserName/><FromUserName/><CreateTime/><MsgType>text</MsgType><Content/></xml>
std::string wx_text_xml(const std::string& to, const std::string& from, int64_t create_time_s,
                        const std::string& content);
// GET url -> {"access_token": "...", "expires_in": 7200} (errcode 0 or absent).
Result<TokenGrant> fetch_wx_token(Transport& transport, const std::string& url);
// Replaces every "{access_token}" in `text`.
void put_token(std::string& text, const std::string& token);

}  // namespace faqbot::channels
