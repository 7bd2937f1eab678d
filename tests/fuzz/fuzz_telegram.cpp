// Telegram Bot API webhook (POST /webhooks/telegram): an Update object with
// the right X-Telegram-Bot-Api-Secret-Token. Input: the body.
#include "channel_harness.h"

using namespace faqbot;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const auto channel = channels::make_telegram(fuzz::fuzz_config());
  http::Request req = fuzz::webhook("telegram", "POST", std::string(reinterpret_cast<const char*>(data), size));
  req.headers.emplace("X-Telegram-Bot-Api-Secret-Token", "fuzz-telegram-secret");
  fuzz::follow_up(*channel, channel->receive(req, fuzz::kNowMs));
  return 0;
}
