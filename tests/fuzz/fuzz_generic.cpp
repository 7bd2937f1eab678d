// Generic signed webhook (POST /webhooks/generic): the JSON body behind a
// valid X-Faqbot-Signature. Input: "timestamp\nbody" ("" = a fresh one).
#include "adapters/channels/signatures.h"
#include "channel_harness.h"

using namespace faqbot;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const auto channel = channels::make_generic(fuzz::fuzz_config());
  fuzz::FuzzInput input(data, size);
  const std::string ts = fuzz::timestamp_line(input, fuzz::kNowS);
  http::Request req = fuzz::webhook("generic", "POST", input.body());
  req.headers.emplace("X-Faqbot-Timestamp", ts);
  req.headers.emplace("X-Faqbot-Signature", channels::generic_signature("fuzz-generic-secret", ts, req.body));
  fuzz::follow_up(*channel, channel->receive(req, fuzz::kNowMs));
  return 0;
}
