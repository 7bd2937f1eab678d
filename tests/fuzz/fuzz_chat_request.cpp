// POST /v1/chat: the JSON body through the route's handler (parsing and
// validation in adapters/http/routes.cpp, then the service and the real
// engine over the bot tests' fixture knowledge base, on a SQLite store in a
// temporary directory). No socket: the handler is called directly, so an
// exception would escape as a crash instead of the server's 500 envelope.
// Properties: never a 5xx, always a JSON object body.
#include <nlohmann/json.hpp>

#include <memory>

#include "../service/temp_dir.h"
#include "adapters/http/app.h"
#include "fuzz_input.h"

using namespace faqbot;

namespace {

struct ChatService {
  testing::TempDir dir;  // declared first: outlives the app
  std::unique_ptr<http::App> app;
  http::Handler post_chat;

  ChatService() {
    http::AppOptions o;
    o.settings.host = "127.0.0.1";
    o.settings.port = 0;
    o.settings.data_dir = dir.path() + "/data";
    o.settings.cache_dir = dir.path() + "/cache";
    o.settings.config_dir = FAQBOT_FUZZ_FIXTURE_CONFIG;
    o.settings.rate_session = {};  // off: the fuzzer reuses session ids at will
    o.settings.rate_client = {};
    o.settings.service_hours = "00:00-24:00";
    auto made = http::App::create(std::move(o));
    FUZZ_CHECK(made.ok());
    app = std::move(made).value();
    for (const http::MountedRoute& m : app->server().routes()) {
      if (m.route.method == "POST" && m.route.path == "/v1/chat") post_chat = m.route.handler;
    }
    FUZZ_CHECK(post_chat != nullptr);
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static ChatService service;
  http::Request req;
  req.method = "POST";
  req.path = "/v1/chat";
  req.remote_addr = "127.0.0.1";
  req.headers.emplace("Content-Type", "application/json");
  req.body.assign(reinterpret_cast<const char*>(data), size);
  const http::Response res = service.post_chat(req);
  FUZZ_CHECK(res.status >= 200 && res.status < 500);
  FUZZ_CHECK(nlohmann::json::parse(res.body, nullptr, false).is_object());
  return 0;
}
