#include "bot/service/message_bus.h"

#include <gtest/gtest.h>

#include <thread>

namespace faqbot::service {
namespace {

using std::chrono::milliseconds;

TEST(MessageBus, WakesAWaiterOnPublish) {
  MessageBus bus;
  bool woke = false;
  std::thread waiter([&] { woke = bus.wait("s1", 5, milliseconds(5000)); });
  // Publish until the waiter is registered and wakes (publish to nobody is dropped).
  for (int i = 0; i < 500 && !woke; ++i) {
    bus.publish("s1", 6);
    std::this_thread::sleep_for(milliseconds(2));
  }
  waiter.join();
  EXPECT_TRUE(woke);
}

TEST(MessageBus, OtherSessionsAndOldIdsDoNotWake) {
  MessageBus bus;
  std::thread publisher([&] {
    for (int i = 0; i < 20; ++i) {
      bus.publish("other", 100);
      bus.publish("s1", 3);  // not newer than after_id 5
      std::this_thread::sleep_for(milliseconds(2));
    }
  });
  EXPECT_FALSE(bus.wait("s1", 5, milliseconds(100)));
  publisher.join();
}

TEST(MessageBus, APokeWakesTheSessionsWaitersWithoutAMessage) {
  MessageBus bus;
  bool woke = false;
  std::thread waiter([&] { woke = bus.wait("s1", 5, milliseconds(5000)); });
  for (int i = 0; i < 500 && !woke; ++i) {
    bus.poke("other");  // another session's poke wakes nobody here
    bus.poke("s1");
    std::this_thread::sleep_for(milliseconds(2));
  }
  waiter.join();
  EXPECT_TRUE(woke);
  // A poke before anyone waits is not kept: the next wait sleeps its time.
  bus.poke("s1");
  EXPECT_FALSE(bus.wait("s1", 5, milliseconds(50)));
}

TEST(MessageBus, ShutdownEndsWaits) {
  MessageBus bus;
  std::thread stopper([&] {
    std::this_thread::sleep_for(milliseconds(20));
    bus.shutdown();
  });
  auto t0 = std::chrono::steady_clock::now();
  EXPECT_FALSE(bus.wait("s1", 0, milliseconds(10000)));
  EXPECT_LT(std::chrono::steady_clock::now() - t0, milliseconds(5000));
  stopper.join();
  EXPECT_FALSE(bus.wait("s1", 0, milliseconds(10000)));  // returns at once
}

}  // namespace
}  // namespace faqbot::service
