// Two replicas (two Apps, each with its own data and index cache) on one
// PostgreSQL schema: a knowledge-base release or rollback through one
// changes the other's answers within seconds (issue 11), and the admins'
// maker-checker spans replicas. Skipped without a PostgreSQL server.
#include <chrono>
#include <iostream>
#include <thread>

#include "../store/store_backends.h"
#include "kb_release_fixture.h"

namespace faqbot::testing {
namespace {

using nlohmann::json;
using Clock = std::chrono::steady_clock;

class KbReplicasTest : public ::testing::Test {
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
    o.store_options.postgres_schema = backend_.schema();
    auto app = http::App::create(std::move(o));
    ASSERT_TRUE(app.ok()) << app.status().message();
    apps_[i] = std::move(app).value();
    auto port = apps_[i]->start();
    ASSERT_TRUE(port.ok()) << port.status().message();
    clients_[i] = std::make_unique<httplib::Client>("127.0.0.1", port.value());
    clients_[i]->set_read_timeout(30, 0);
  }

  json call(int i, const std::string& method, const std::string& path, const json& body, int expect,
            const char* token) {
    httplib::Headers h = {{"Authorization", std::string("Bearer ") + token}};
    auto res = method == "GET" ? clients_[i]->Get(path.c_str(), h)
                               : clients_[i]->Post(path.c_str(), h, body.dump(), "application/json");
    EXPECT_TRUE(res) << path;
    if (!res) return {};
    EXPECT_EQ(res->status, expect) << path << " " << res->body;
    return json::parse(res->body, nullptr, false);
  }

  std::string answer_of(int i, const std::string& question) {
    auto res = clients_[i]->Post("/v1/chat", json{{"text", question}}.dump(), "application/json");
    if (!res || res->status != 200) return "(error)";
    json r = json::parse(res->body, nullptr, false);
    return r["action"] == "answer" && r["faq_id"].is_string() ? r["faq_id"].get<std::string>() : "";
  }

  // Seconds until replica i answers `question` with `entry`; -1 after 20 s.
  double seconds_until(int i, const std::string& question, const std::string& entry) {
    const auto start = Clock::now();
    while (Clock::now() - start < std::chrono::seconds(20)) {
      if (answer_of(i, question) == entry) return std::chrono::duration<double>(Clock::now() - start).count();
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

TEST_F(KbReplicasTest, ReleaseAndRollbackThroughOneReplicaReachTheOtherWithinSeconds) {
  const std::string q = "提现扣手续费吗";
  ASSERT_EQ(answer_of(0, q), "withdraw.fee");
  ASSERT_EQ(answer_of(1, q), "withdraw.fee");
  // Both replicas started on an empty store: one first version between them.
  EXPECT_EQ(call(1, "GET", "/v1/admin/kb/versions", {}, 200, kBobAdmin)["versions"].size(), 1u);

  json candidate = call(0, "POST", "/v1/admin/kb/candidates", {{"note", "减免"}, {"changes", breaking_change()}}, 201,
                        kAliceAdmin);
  const std::string id = std::to_string(candidate["id"].get<int64_t>());
  call(1, "POST", "/v1/admin/kb/versions/" + id + "/approve", json::object(), 403, kAliceAdmin);
  call(1, "POST", "/v1/admin/kb/versions/" + id + "/approve", json::object(), 200, kBobAdmin);
  call(0, "POST", "/v1/admin/kb/versions/" + id + "/release", {{"override_reason", "活动"}}, 200, kAliceAdmin);
  EXPECT_EQ(answer_of(0, q), "withdraw.fee_waiver");  // at once on the replica that released
  const double release_s = seconds_until(1, q, "withdraw.fee_waiver");
  EXPECT_GE(release_s, 0) << "replica B never served the release";
  EXPECT_LT(release_s, 10);

  call(1, "POST", "/v1/admin/kb/rollback", {{"to", 1}}, 200, kBobAdmin);
  EXPECT_EQ(answer_of(1, q), "withdraw.fee");
  const double rollback_s = seconds_until(0, q, "withdraw.fee");
  EXPECT_GE(rollback_s, 0) << "replica A never served the rollback";
  EXPECT_LT(rollback_s, 10);
  std::cout << "release reached the other replica in " << release_s << " s, rollback in " << rollback_s
            << " s (poll interval 2 s)\n";
  RecordProperty("release_to_other_replica_ms", static_cast<int>(release_s * 1000));
  RecordProperty("rollback_to_other_replica_ms", static_cast<int>(rollback_s * 1000));

  json audit = call(0, "GET", "/v1/admin/audit?limit=10", {}, 200, kBobAdmin);
  ASSERT_GE(audit.size(), 4u);
  EXPECT_EQ(audit[0]["action"], "rolled_back");
  EXPECT_EQ(audit[0]["actor"], "bob");
  EXPECT_EQ(audit[1]["action"], "released");
  EXPECT_EQ(audit[1]["actor"], "alice");
}

}  // namespace
}  // namespace faqbot::testing
