#pragma once
// Two replicas (two Apps, each with its own data and index cache) on one
// PostgreSQL schema, as behind nginx: what one is told, the other must
// serve. Skipped without a PostgreSQL server.
#include <chrono>
#include <memory>
#include <string>
#include <thread>

#include "../store/store_backends.h"
#include "kb_release_fixture.h"

namespace faqbot::testing {

class ReplicasTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string why = backend_.skip_reason();
    if (!why.empty()) GTEST_SKIP() << why;
    config_ = copy_fixture_config(dir_.path());
    for (int i = 0; i < 2; ++i) start(i);
  }
  void TearDown() override {
    for (auto& c : clients_) c.reset();
    for (auto& a : apps_) {
      if (a) a->stop();
      a.reset();
    }
  }

  void start(int i) {
    http::AppOptions o;
    http::Settings& s = o.settings;
    s.host = "127.0.0.1";
    s.port = 0;
    s.threads = 8;
    s.data_dir = dir_.path() + "/data" + std::to_string(i);
    s.cache_dir = dir_.path() + "/cache" + std::to_string(i);
    s.store = backend_.url();
    s.rate_client = {};
    s.rate_session = {1000, 1000};
    s = with_admins(s, config_);
    s.agent_tokens = {{kAlice, "alice"}, {kBob, "bob"}};
    o.store_options.postgres_schema = backend_.schema();
    auto app = http::App::create(std::move(o));
    ASSERT_TRUE(app.ok()) << app.status().message();
    apps_[i] = std::move(app).value();
    auto port = apps_[i]->start();
    ASSERT_TRUE(port.ok()) << port.status().message();
    clients_[i] = std::make_unique<httplib::Client>("127.0.0.1", port.value());
    clients_[i]->set_read_timeout(30, 0);
  }

  // `method` `path` on replica i with the bearer `token`, expecting `expect`.
  nlohmann::json call(int i, const std::string& method, const std::string& path, const nlohmann::json& body,
                      int expect, const std::string& token) {
    httplib::Headers h = {{"Authorization", std::string("Bearer ") + token}};
    auto res = method == "GET" ? clients_[i]->Get(path.c_str(), h)
                               : clients_[i]->Post(path.c_str(), h, body.dump(), "application/json");
    EXPECT_TRUE(res) << path;
    if (!res) return {};
    EXPECT_EQ(res->status, expect) << path << " " << res->body;
    return nlohmann::json::parse(res->body, nullptr, false);
  }

  std::string answer_of(int i, const std::string& question) {
    auto res = clients_[i]->Post("/v1/chat", nlohmann::json{{"text", question}}.dump(), "application/json");
    if (!res || res->status != 200) return "(error)";
    nlohmann::json r = nlohmann::json::parse(res->body, nullptr, false);
    return r["action"] == "answer" && r["faq_id"].is_string() ? r["faq_id"].get<std::string>() : "";
  }

  // Seconds until replica i answers `question` with `entry`; -1 after 20 s.
  double seconds_until(int i, const std::string& question, const std::string& entry) {
    const auto start = std::chrono::steady_clock::now();
    while (std::chrono::steady_clock::now() - start < std::chrono::seconds(20)) {
      if (answer_of(i, question) == entry) return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return -1;
  }

  store::testing::PostgresBackend backend_;
  TempDir dir_;
  std::string config_;
  std::unique_ptr<http::App> apps_[2];
  std::unique_ptr<httplib::Client> clients_[2];
};

}  // namespace faqbot::testing
