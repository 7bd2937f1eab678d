// Slack Events API and interactivity (POST /webhooks/slack): JSON events or
// a form-encoded block_actions payload behind a valid X-Slack-Signature.
// Input: "timestamp\nbody" ("" = a fresh one).
#include "adapters/channels/signatures.h"
#include "channel_harness.h"

using namespace faqbot;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const auto channel = channels::make_slack(fuzz::fuzz_config());
  fuzz::FuzzInput input(data, size);
  const std::string ts = fuzz::timestamp_line(input, fuzz::kNowS);
  http::Request req = fuzz::webhook("slack", "POST", input.body());
  req.headers.emplace("X-Slack-Request-Timestamp", ts);
  req.headers.emplace("X-Slack-Signature", channels::slack_signature("fuzz-slack-signing-secret", ts, req.body));
  fuzz::follow_up(*channel, channel->receive(req, fuzz::kNowMs));
  return 0;
}
