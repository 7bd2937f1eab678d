#include "bot/service/engine_holder.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "fake_engine.h"

namespace faqbot::service {
namespace {

TEST(EngineHolder, BrokenReloadKeepsTheOldEngine) {
  std::string next = "v1";
  EngineHolder holder([&] { return next == "broken" ? testing::broken_load() : testing::fake_load(next); });
  EXPECT_EQ(holder.current(), nullptr);
  ASSERT_TRUE(holder.reload().ok);
  auto v1 = holder.current();
  ASSERT_NE(v1, nullptr);
  EXPECT_EQ(v1->kb().content_hash, "hash-v1");

  next = "broken";
  auto failed = holder.reload();
  EXPECT_FALSE(failed.ok);
  ASSERT_EQ(failed.errors.size(), 1u);
  EXPECT_EQ(failed.errors[0].entry_id, "withdraw.arrival_time");
  EXPECT_EQ(failed.content_hash, "hash-v1");
  EXPECT_EQ(holder.current(), v1);

  next = "v2";
  EXPECT_TRUE(holder.reload().ok);
  EXPECT_EQ(holder.current()->kb().content_hash, "hash-v2");
  EXPECT_EQ(holder.reload_count(), 2);
  // A reader that took v1 before the swap still has a working engine.
  bot::Conversation c;
  EXPECT_EQ(v1->respond(c, "提现").faq_id, "withdraw.arrival_time");
}

TEST(EngineHolder, ReadersNeverSeeNullDuringReloads) {
  EngineHolder holder([] { return testing::fake_load("x"); });
  ASSERT_TRUE(holder.reload().ok);
  std::atomic<bool> stop{false};
  std::atomic<int> nulls{0};
  std::thread reader([&] {
    while (!stop) {
      if (!holder.current()) ++nulls;
    }
  });
  for (int i = 0; i < 200; ++i) holder.reload();
  stop = true;
  reader.join();
  EXPECT_EQ(nulls.load(), 0);
}

}  // namespace
}  // namespace faqbot::service
