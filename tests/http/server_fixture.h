#pragma once
// Starts the real faqbot HTTP service (App) on a free loopback port with a
// temporary data directory and a scripted engine; restartable on the same
// data directory. Talk to it with httplib::Client.
#include <httplib.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <atomic>
#include <map>
#include <memory>
#include <string>

#include "../service/fake_engine.h"
#include "../service/temp_dir.h"
#include "adapters/http/app.h"

namespace faqbot::testing {

constexpr const char* kAlice = "alice-token-123";
constexpr const char* kBob = "bob-token-4567";
constexpr const char* kAdmin = "admin-token-xyz";

class ServerTest : public ::testing::Test {
 protected:
  // Adjust before start().
  http::Settings settings() {
    http::Settings s;
    s.host = "127.0.0.1";
    s.port = 0;
    s.data_dir = dir_.path() + "/data";
    s.threads = 16;
    s.max_body_bytes = 64 * 1024;
    s.agent_tokens = {{kAlice, "alice"}, {kBob, "bob"}};
    s.admin_token = kAdmin;
    s.rate_client = {};                  // off unless a test turns it on
    s.rate_session = {1000, 1000};
    s.service_hours = "00:00-24:00";     // always open: no promised times
    s.sse_heartbeat_s = 1;
    return s;
  }

  void start(http::Settings s) {
    http::AppOptions o;
    o.settings = std::move(s);
    o.providers = providers_;
    o.clock = clock_;
    o.sweep_interval_ms = sweep_interval_ms_;
    o.loader = [this] {
      std::string v = version_;
      return v == "broken" ? broken_load() : fake_load(v);
    };
    launch(std::move(o));
  }
  void start() { start(settings()); }

  // The real engine (bot::Engine::load) over s.config_dir, its index cached
  // in the temp dir.
  void start_real(http::Settings s) {
    s.cache_dir = dir_.path() + "/cache";
    http::AppOptions o;
    o.settings = std::move(s);
    launch(std::move(o));
  }

  void launch(http::AppOptions o) {
    auto app = http::App::create(std::move(o));
    ASSERT_TRUE(app.ok()) << app.status().message();
    app_ = std::move(app).value();
    auto port = app_->start();
    ASSERT_TRUE(port.ok()) << port.status().message();
    port_ = port.value();
    client_ = std::make_unique<httplib::Client>("127.0.0.1", port_);
    client_->set_read_timeout(10, 0);
  }

  void stop() {
    client_.reset();
    if (app_) app_->stop();
    app_.reset();
  }
  void TearDown() override { stop(); }

  static httplib::Headers bearer(const std::string& token) {
    return {{"Authorization", "Bearer " + token}};
  }

  nlohmann::json post(const std::string& path, const nlohmann::json& body, int expect_status,
                      const httplib::Headers& headers = {}) {
    auto res = client_->Post(path.c_str(), headers, body.dump(), "application/json");
    EXPECT_TRUE(res) << path;
    if (!res) return {};
    EXPECT_EQ(res->status, expect_status) << path << " " << res->body;
    return nlohmann::json::parse(res->body, nullptr, false);
  }

  nlohmann::json get(const std::string& path, int expect_status, const httplib::Headers& headers = {}) {
    auto res = client_->Get(path.c_str(), headers);
    EXPECT_TRUE(res) << path;
    if (!res) return {};
    EXPECT_EQ(res->status, expect_status) << path << " " << res->body;
    return nlohmann::json::parse(res->body, nullptr, false);
  }

  // A web turn in the session a test calls `label` ("" = a new anonymous
  // session): the first turn of a label creates the session (the server
  // issues its id and token), later turns present both.
  nlohmann::json chat(const std::string& label, const std::string& text) {
    nlohmann::json body = {{"text", text}};
    auto known = sessions_.find(label);
    const bool existing = !label.empty() && known != sessions_.end();
    if (existing) body["session_id"] = known->second.id;
    nlohmann::json r = post("/v1/chat", body, 200, existing ? bearer(known->second.token) : httplib::Headers{});
    if (!label.empty() && !existing && r.is_object() && r.contains("session_token")) {
      sessions_[label] = {r["session_id"], r["session_token"]};
    }
    return r;
  }
  // The id and credential the server issued for `label`.
  std::string sid(const std::string& label) const { return sessions_.at(label).id; }
  httplib::Headers auth(const std::string& label) const { return bearer(sessions_.at(label).token); }
  std::string token(const std::string& label) const { return sessions_.at(label).token; }
  std::string messages_path(const std::string& label) const {
    return "/v1/sessions/" + sid(label) + "/messages";
  }

  struct IssuedSession {
    std::string id, token;
  };
  std::map<std::string, IssuedSession> sessions_;

  TempDir dir_;
  std::string version_ = "v1";
  std::vector<http::RouteProvider> providers_;  // extension routes, mounted by start()
  std::function<int64_t()> clock_;                // null = wall clock
  int sweep_interval_ms_ = 1000;
  std::unique_ptr<http::App> app_;
  int port_ = 0;
  std::unique_ptr<httplib::Client> client_;
};

// The envelope of an error response: {"error": {"code", "message"}}.
inline void expect_envelope(const nlohmann::json& body, const std::string& code) {
  ASSERT_TRUE(body.is_object()) << body;
  ASSERT_TRUE(body.contains("error")) << body;
  EXPECT_EQ(body["error"]["code"], code) << body;
  EXPECT_TRUE(body["error"]["message"].is_string());
  EXPECT_FALSE(body["error"]["message"].get<std::string>().empty());
}

}  // namespace faqbot::testing
