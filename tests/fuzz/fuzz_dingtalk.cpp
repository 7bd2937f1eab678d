// DingTalk robot callback (POST /webhooks/dingtalk): the JSON body behind a
// valid `sign`. Input: "timestamp_ms\nbody" ("" = a fresh one).
#include "adapters/channels/signatures.h"
#include "channel_harness.h"

using namespace faqbot;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const auto channel = channels::make_dingtalk(fuzz::fuzz_config());
  fuzz::FuzzInput input(data, size);
  const std::string ts = fuzz::timestamp_line(input, fuzz::kNowMsText);
  http::Request req = fuzz::webhook("dingtalk", "POST", input.body());
  req.headers.emplace("timestamp", ts);
  req.headers.emplace("sign", channels::dingtalk_sign("fuzz-dingtalk-secret", ts));
  fuzz::follow_up(*channel, channel->receive(req, fuzz::kNowMs));
  return 0;
}
