// /openapi.json describes exactly the routes the server registers.
#include <set>

#include "adapters/http/openapi.h"
#include "server_fixture.h"

namespace faqbot::testing {
namespace {

using nlohmann::json;
using Pair = std::pair<std::string, std::string>;

std::set<Pair> documented(const json& doc) {
  std::set<Pair> out;
  for (auto& [path, item] : doc["paths"].items()) {
    for (auto& [method, op] : item.items()) {
      std::string m = method;
      for (char& c : m) c = static_cast<char>(std::toupper(c));
      out.emplace(m, path);
    }
  }
  return out;
}

TEST_F(ServerTest, OpenApiListsExactlyTheRegisteredRoutes) {
  start();
  std::set<Pair> registered;
  for (const http::MountedRoute& r : app_->server().routes()) registered.emplace(r.route.method, r.route.path);
  const json core = json::parse(http::core_openapi_json());
  EXPECT_EQ(documented(core), registered);
  json served = get("/openapi.json", 200);
  EXPECT_EQ(served["openapi"], "3.0.3");
  EXPECT_EQ(documented(served), registered);
  // The contract routes of issue 3 are among them.
  for (const Pair& p : std::set<Pair>{{"POST", "/v1/chat"}, {"GET", "/v1/sessions/{id}/messages"},
                                      {"GET", "/v1/sessions/{id}/events"}, {"POST", "/v1/feedback"},
                                      {"GET", "/v1/handoffs"}, {"GET", "/v1/handoffs/{id}"},
                                      {"POST", "/v1/handoffs/{id}/claim"}, {"POST", "/v1/handoffs/{id}/messages"},
                                      {"POST", "/v1/handoffs/{id}/close"}, {"POST", "/v1/admin/reload"},
                                      {"GET", "/healthz"}, {"GET", "/readyz"}, {"GET", "/metrics"},
                                      {"GET", "/openapi.json"}, {"GET", "/"}, {"GET", "/widget.js"},
                                      {"GET", "/agent"}}) {
    EXPECT_TRUE(registered.count(p)) << p.first << " " << p.second;
  }
}

TEST(OpenApi, SessionRoutesRequireTheSessionToken) {
  const json doc = json::parse(http::core_openapi_json());
  ASSERT_TRUE(doc["components"]["securitySchemes"].contains("sessionToken"));
  for (const Pair& p : std::set<Pair>{{"get", "/v1/sessions/{id}/messages"}, {"get", "/v1/sessions/{id}/events"},
                                      {"post", "/v1/feedback"}}) {
    EXPECT_EQ(doc["paths"][p.second][p.first]["security"], json::parse(R"([{"sessionToken": []}])")) << p.second;
    EXPECT_TRUE(doc["paths"][p.second][p.first]["responses"].contains("401")) << p.second;
  }
  const json& reply = doc["components"]["schemas"]["ChatReply"]["properties"];
  EXPECT_TRUE(reply.contains("session_token"));
  EXPECT_TRUE(reply.contains("question"));
  EXPECT_FALSE(doc["components"]["schemas"]["ChatRequest"]["properties"].contains("channel"));
}

TEST(OpenApi, ExtensionRoutesAreAddedToTheServedDocument) {
  http::MountedRoute extra{http::Route{"POST", "/webhooks/slack", nullptr, "Slack events"}, false};
  json doc = json::parse(http::openapi_json({extra}));
  EXPECT_EQ(doc["paths"]["/webhooks/slack"]["post"]["summary"], "Slack events");
  EXPECT_TRUE(doc["paths"].contains("/v1/chat"));
}

}  // namespace
}  // namespace faqbot::testing
