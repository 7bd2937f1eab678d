// The IM pipeline's turn: the delivery's dedup key commits in the same
// transaction as the turn it answers, and the numbered choices live in the
// store, so two replicas (two Services and runtimes over one store) answer
// as one. Driven through ChannelRuntime::handle with signed generic-webhook
// requests; the store is the real SQL store on SQLite, its database wrapped
// so that a test can make a committing transaction fail at its very end.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <atomic>
#include <memory>
#include <string>

#include "../service/fake_engine.h"
#include "../service/temp_dir.h"
#include "adapters/channels/runtime.h"
#include "adapters/channels/signatures.h"
#include "bot/store/masking_store.h"
#include "bot/store/sql/sql_store.h"
#include "bot/store/sql/sqlite_database.h"

namespace faqbot::channels {
namespace {

using nlohmann::json;

// A Database whose next `failures` write transactions that record an event
// key fail after their work ran (as a crash before COMMIT would): rolled back.
class FailingDatabase final : public store::sql::Database {
 public:
  explicit FailingDatabase(std::unique_ptr<store::sql::Database> inner) : inner_(std::move(inner)) {}
  const store::sql::Dialect& dialect() const override { return inner_->dialect(); }
  Status read(const Work& work) override { return inner_->read(work); }
  Status write(const Work& work) override {
    return inner_->write([&](store::sql::Connection& c) -> Status {
      Watching watching(c);
      Status st = work(watching);
      if (st.ok() && watching.recorded_event && failures.load() > 0) {
        failures.fetch_sub(1);
        return Status(StatusCode::kInternal, "injected: the process died before COMMIT");
      }
      return st;
    });
  }
  std::atomic<int> failures{0};

 private:
  // Notes whether the work recorded a processed event.
  struct Watching final : store::sql::Connection {
    explicit Watching(store::sql::Connection& c) : inner(c) {}
    Result<store::sql::Query> prepare(const std::string& sql) override {
      if (sql.rfind("INSERT INTO processed_events", 0) == 0) recorded_event = true;
      return inner.prepare(sql);
    }
    Status exec(const std::string& sql) override { return inner.exec(sql); }
    store::sql::Connection& inner;
    bool recorded_event = false;
  };
  std::unique_ptr<store::sql::Database> inner_;
};

// A transport that must never be used: the generic channel answers in the body.
struct NoTransport final : Transport {
  SendResult send(const std::string&, const std::string&, const std::map<std::string, std::string>&,
                  const std::string&, const std::string&) override {
    ADD_FAILURE() << "nothing should be sent";
    return {};
  }
};

// One replica: a Service and a ChannelRuntime with the generic channel.
struct Replica {
  Replica(store::Store& store, service::EngineHolder& engines) : service(store, engines, {}) {
    ChannelsConfig config;
    config.generic_secret = "generic-secret";
    config.generic_callback_url = "http://127.0.0.1:1/unused";
    auto channels = build_channels(config);
    EXPECT_TRUE(channels.ok()) << channels.status().message();
    runtime = std::make_shared<ChannelRuntime>(service, std::move(channels).value(), config,
                                               std::make_shared<NoTransport>());
  }
  // `ts` "" = now (seconds); a retry passes the first delivery's.
  http::Response deliver(const json& message, std::string ts = "") {
    http::Request r;
    r.method = "POST";
    r.path = "/webhooks/generic";
    r.body = message.dump();
    if (ts.empty()) ts = std::to_string(store::now_ms() / 1000);
    r.headers.emplace("X-Faqbot-Timestamp", ts);
    r.headers.emplace("X-Faqbot-Signature", generic_signature("generic-secret", ts, r.body));
    return runtime->handle(*runtime->channel("generic"), r);
  }
  service::Service service;
  std::shared_ptr<ChannelRuntime> runtime;
};

class ImTurnTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = store::sql::SqliteDatabase::open(dir_.path() + "/data");
    ASSERT_TRUE(db.ok()) << db.status().message();
    auto failing = std::make_unique<FailingDatabase>(std::move(db).value());
    db_ = failing.get();
    auto sql = store::sql::open_sql_store(std::move(failing), {});
    ASSERT_TRUE(sql.ok()) << sql.status().message();
    store_ = store::make_masking_store(std::move(sql).value());
    engines_ = std::make_unique<service::EngineHolder>([] { return faqbot::testing::fake_load("v1"); });
    ASSERT_TRUE(engines_->reload().ok);
  }
  std::vector<store::Message> transcript(Replica& r, const std::string& user) {
    auto id = r.service.im_session_id("generic", user + "/" + user);  // generic: conversation/user
    auto messages = r.service.messages(id.value(), 0);
    return messages.ok() ? messages.value() : std::vector<store::Message>{};
  }

  faqbot::testing::TempDir dir_;
  FailingDatabase* db_ = nullptr;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<service::EngineHolder> engines_;
};

// The old pipeline recorded the event in its own transaction before the
// turn: a crash between them made the platform's retry look answered.
TEST_F(ImTurnTest, ATurnThatFailsAfterItsDedupKeyLeavesTheRetryAnswered) {
  Replica replica(*store_, *engines_);
  const json message = {{"user_id", "u1"}, {"text", "提现多久到账"}, {"event_id", "ev-1"}};
  db_->failures = 1;
  const http::Response failed = replica.deliver(message);
  EXPECT_EQ(failed.status, 503) << failed.body;
  EXPECT_EQ(json::parse(failed.body)["error"]["code"], "unavailable");  // the API's one envelope
  EXPECT_EQ(db_->failures.load(), 0) << "the turn never reached its commit";
  EXPECT_TRUE(transcript(replica, "u1").empty());
  EXPECT_FALSE(store_->event_processed("generic", "ev-1").value());

  // The platform retries: answered now, once.
  const http::Response retried = replica.deliver(message);
  ASSERT_EQ(retried.status, 200) << retried.body;
  EXPECT_EQ(json::parse(retried.body)["faq_id"], "withdraw.arrival_time");
  ASSERT_EQ(transcript(replica, "u1").size(), 2u);

  // And again: acknowledged only, nothing written twice.
  const http::Response again = replica.deliver(message);
  ASSERT_EQ(again.status, 200);
  EXPECT_EQ(json::parse(again.body), json({{"ok", true}}));
  EXPECT_EQ(transcript(replica, "u1").size(), 2u);
}

// Without an event id the digest of the signed request is the key, recorded
// with the turn as well.
TEST_F(ImTurnTest, ADeliveryWithoutEventIdIsKeyedByItsDigestInTheTurn) {
  Replica replica(*store_, *engines_);
  const json message = {{"user_id", "u2"}, {"text", "提现多久到账"}};
  const std::string ts = std::to_string(store::now_ms() / 1000);
  db_->failures = 1;
  EXPECT_EQ(replica.deliver(message, ts).status, 503);
  EXPECT_TRUE(transcript(replica, "u2").empty());
  // The platform's retry: the same bytes, the same signature.
  const http::Response answered = replica.deliver(message, ts);
  ASSERT_EQ(answered.status, 200) << answered.body;
  EXPECT_EQ(transcript(replica, "u2").size(), 2u);
  const http::Response again = replica.deliver(message, ts);
  EXPECT_EQ(json::parse(again.body), json({{"ok", true}}));
  EXPECT_EQ(transcript(replica, "u2").size(), 2u);
}

// A numbered list shown by one replica is answered by the other: the
// choices are stored with the session, not in a process's memory.
TEST_F(ImTurnTest, ANumberChosenOnAnotherReplicaIsThatChoice) {
  Replica a(*store_, *engines_);
  const http::Response listed = a.deliver({{"user_id", "u3"}, {"text", "那个钱的问题"}});
  ASSERT_EQ(listed.status, 200) << listed.body;
  const json choices = json::parse(listed.body)["suggestions"];
  ASSERT_EQ(choices.size(), 2u) << listed.body;

  Replica b(*store_, *engines_);
  const http::Response chosen = b.deliver({{"user_id", "u3"}, {"text", "2"}});
  ASSERT_EQ(chosen.status, 200) << chosen.body;
  const auto messages = transcript(b, "u3");
  ASSERT_EQ(messages.size(), 4u);
  EXPECT_EQ(messages[2].text, "忘记密码怎么办");  // the second choice's question, as asked
  EXPECT_EQ(messages[3].role, store::Role::kBot);
  // Answered from the chosen entry, not by searching its question again
  // (the fake engine would only clarify "忘记密码怎么办").
  EXPECT_EQ(messages[3].faq_id, "account.password");
  EXPECT_EQ(messages[3].action, "answer");
  EXPECT_NE(messages[3].text.find("chosen:"), std::string::npos) << messages[3].text;
  // A number with nothing listed before it is just text.
  const http::Response plain = b.deliver({{"user_id", "u4"}, {"text", "2"}});
  ASSERT_EQ(plain.status, 200);
  EXPECT_EQ(transcript(b, "u4")[0].text, "2");
}

}  // namespace
}  // namespace faqbot::channels
