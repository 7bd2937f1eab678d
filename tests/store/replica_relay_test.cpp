// Two replicas on one PostgreSQL database (two stores, as two processes
// would open): a message committed through one wakes the other's bus
// (LISTEN/NOTIFY through ReplicaRelay), and a ticket is claimed once.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "bot/service/message_bus.h"
#include "bot/service/replica_relay.h"
#include "store_backends.h"

namespace faqbot::store {
namespace {

TEST_F(PostgresReplicasTest, AMessageCommittedOnOneReplicaWakesTheOthersBus) {
  auto a = open();
  auto b = open();
  ASSERT_TRUE(a && b);
  service::MessageBus bus_of_a;
  service::ReplicaRelay relay(*a, bus_of_a, 100);
  for (int i = 0; i < 100 && !relay.active(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  ASSERT_TRUE(relay.active()) << "replica A never started listening";

  Session session;
  session.id = "s-replica";
  ASSERT_TRUE(b->put_session(session).ok());
  NewMessage reply;
  reply.role = Role::kAgent;
  reply.text = "您好，我是客服小李";
  reply.agent_id = "li";
  std::thread writer([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    ASSERT_TRUE(b->append_message("s-replica", reply).ok());
  });
  const auto start = std::chrono::steady_clock::now();
  // A's streams wait on A's bus; only the notice from B's commit wakes it.
  const bool woken = bus_of_a.wait("s-replica", 0, std::chrono::seconds(10));
  writer.join();
  EXPECT_TRUE(woken);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
  auto seen = a->messages_after("s-replica", 0);
  ASSERT_TRUE(seen.ok());
  ASSERT_EQ(seen->size(), 1u);
  EXPECT_EQ(seen->at(0).agent_id, "li");
}

TEST(ReplicaRelaySqliteTest, WithoutNoticesTheRelayStopsAtOnce) {
  testing::SqliteBackend backend;
  auto store = backend.open();
  ASSERT_TRUE(store.ok());
  EXPECT_EQ(store.value()->wait_message_notices(10).status().code(), StatusCode::kFailedPrecondition);
  service::MessageBus bus;
  service::ReplicaRelay relay(*store.value(), bus, 10);
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  EXPECT_FALSE(relay.active());
}

}  // namespace
}  // namespace faqbot::store
