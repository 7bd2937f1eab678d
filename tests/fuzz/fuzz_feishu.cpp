// Feishu/Lark event subscription (POST /webhooks/feishu): plain or
// encrypted events behind a valid X-Lark-Signature.
// Input: "mode\nbody"; mode "encrypt" = body is the event JSON, sent
// encrypted with the Encrypt Key as {"encrypt": …}; anything else = body as is.
#include <nlohmann/json.hpp>

#include "adapters/channels/feishu_crypt.h"
#include "adapters/channels/signatures.h"
#include "channel_harness.h"

using namespace faqbot;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const channels::ChannelsConfig config = fuzz::fuzz_config();
  static const auto channel = channels::make_feishu(config);
  fuzz::FuzzInput input(data, size);
  const std::string mode = input.line();
  http::Request req = fuzz::webhook("feishu", "POST", input.body());
  if (mode == "encrypt") {
    const std::string sealed = channels::feishu_encrypt(config.feishu_encrypt_key, req.body, "0123456789abcdef");
    req.body = nlohmann::json{{"encrypt", sealed}}.dump();
  }
  req.headers.emplace("X-Lark-Request-Timestamp", fuzz::kNowS);
  req.headers.emplace("X-Lark-Request-Nonce", "fuzz-nonce");
  req.headers.emplace("X-Lark-Signature",
                      channels::feishu_signature(fuzz::kNowS, "fuzz-nonce", config.feishu_encrypt_key, req.body));
  fuzz::follow_up(*channel, channel->receive(req, fuzz::kNowMs));
  return 0;
}
