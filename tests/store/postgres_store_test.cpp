// The Store suite on PostgreSQL, plus what only a shared server has: several
// replicas (stores) racing on the same database.
#include "bot/store/sql/postgres_database.h"

#include <gtest/gtest.h>

#include <atomic>
#include <set>
#include <thread>
#include <vector>

#include "store_backends.h"
#include "store_suite.h"
#include "agent_records_suite.h"
#include "kb_versions_suite.h"

namespace faqbot::store {

INSTANTIATE_TYPED_TEST_SUITE_P(Postgres, StoreTest, testing::PostgresBackend);
INSTANTIATE_TYPED_TEST_SUITE_P(Postgres, AgentRecordsTest, testing::PostgresBackend);
INSTANTIATE_TYPED_TEST_SUITE_P(Postgres, KbVersionsTest, testing::PostgresBackend);

namespace {

TEST_F(PostgresReplicasTest, FactoryPicksPostgresForItsUrls) {
  auto store = open();
  ASSERT_NE(store, nullptr);
  EXPECT_STREQ(store->backend(), "postgresql");
}

TEST(PostgresStoreTest, UnreachableServerIsAnError) {
  auto store = open_store("postgres://nobody@127.0.0.1:1/none?connect_timeout=2");
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), StatusCode::kInternal);
  EXPECT_NE(store.status().message().find("PostgreSQL"), std::string::npos);
}

TEST_F(PostgresReplicasTest, BadSchemaNameIsRefused) {
  StoreOptions options;
  options.postgres_schema = "x\"; DROP SCHEMA public; --";
  auto store = open_store(backend_.url(), options);
  EXPECT_EQ(store.status().code(), StatusCode::kInvalidArgument);
}

TEST_F(PostgresReplicasTest, ReplicasStartingTogetherMigrateOnce) {
  std::vector<std::unique_ptr<Store>> stores(4);
  std::vector<std::thread> threads;
  for (auto& s : stores) threads.emplace_back([&] { s = open(); });
  for (auto& t : threads) t.join();
  for (auto& s : stores) ASSERT_NE(s, nullptr);
  Session session;
  session.id = "s1";
  ASSERT_TRUE(stores[0]->put_session(session).ok());
  EXPECT_TRUE(stores[3]->get_session("s1").ok());
}

TEST_F(PostgresReplicasTest, ClaimAcrossReplicasOnlyOneWins) {
  auto a = open();
  auto b = open();
  ASSERT_TRUE(a && b);
  Session session;
  session.id = "s1";
  ASSERT_TRUE(a->put_session(session).ok());
  for (int round = 0; round < 10; ++round) {
    auto ticket = a->open_ticket("s1", NewTicket{});
    ASSERT_TRUE(ticket.ok()) << ticket.status().message();
    std::atomic<int> wins{0};
    std::vector<std::thread> threads;
    for (int i = 0; i < 6; ++i) {
      Store* store = i % 2 ? a.get() : b.get();
      threads.emplace_back([&, store, i] {
        if (store->claim_ticket(ticket->id, "agent-" + std::to_string(i)).ok()) ++wins;
      });
    }
    for (auto& t : threads) t.join();
    EXPECT_EQ(wins.load(), 1);
    ASSERT_TRUE(b->close_ticket(ticket->id, "done").ok());
  }
}

TEST_F(PostgresReplicasTest, OutboxLeasesAreDisjointAcrossReplicas) {
  auto a = open();
  auto b = open();
  ASSERT_TRUE(a && b);
  for (int i = 0; i < 200; ++i) {
    ASSERT_TRUE(a->enqueue_outbound({"slack", "C1", std::to_string(i), 1}).ok());
  }
  std::mutex mutex;
  std::multiset<int64_t> taken;
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i) {
    Store* store = i % 2 ? a.get() : b.get();
    threads.emplace_back([&, store] {
      for (;;) {
        auto due = store->due_outbound(1000, 7, 60000);
        if (!due.ok() || due->empty()) return;
        std::lock_guard<std::mutex> lock(mutex);
        for (const Outbound& o : due.value()) taken.insert(o.id);
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(taken.size(), 200u);
  EXPECT_EQ(std::set<int64_t>(taken.begin(), taken.end()).size(), 200u) << "a message leased twice";
}

TEST_F(PostgresReplicasTest, AppendsToOneSessionFromReplicasKeepCommitOrder) {
  auto a = open();
  auto b = open();
  ASSERT_TRUE(a && b);
  Session session;
  session.id = "s1";
  ASSERT_TRUE(a->put_session(session).ok());
  // A poller following messages_after(last id) must see every message.
  std::atomic<bool> done{false};
  std::set<int64_t> seen;
  std::thread poller([&] {
    int64_t last = 0;
    while (true) {
      const bool finished = done.load();
      auto msgs = a->messages_after("s1", last, 1000);
      if (msgs.ok()) {
        for (const Message& m : msgs.value()) {
          seen.insert(m.id);
          last = m.id;
        }
      }
      if (finished) return;
    }
  });
  std::vector<std::thread> writers;
  for (int i = 0; i < 4; ++i) {
    Store* store = i % 2 ? a.get() : b.get();
    writers.emplace_back([store, i] {
      for (int k = 0; k < 50; ++k) {
        NewMessage m;
        m.role = Role::kAgent;
        m.text = std::to_string(i) + ":" + std::to_string(k);
        store->append_message("s1", m);
      }
    });
  }
  for (auto& t : writers) t.join();
  done = true;
  poller.join();
  EXPECT_EQ(seen.size(), 200u);
}

}  // namespace
}  // namespace faqbot::store
