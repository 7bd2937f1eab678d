// Typing marks over a real SQLite store; two boards on one store stand for
// two replicas (the investor's and the agent's).
#include "bot/service/typing_board.h"

#include <gtest/gtest.h>

#include <memory>

#include "temp_dir.h"

namespace faqbot::service {
namespace {

class TypingBoardTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = store::open_store(dir_.path());
    ASSERT_TRUE(opened.ok()) << opened.status().message();
    store_ = std::move(opened).value();
  }
  testing::TempDir dir_;
  std::unique_ptr<store::Store> store_;
};

TEST_F(TypingBoardTest, AMarkLastsItsTimeToLiveForItsTypistOnly) {
  TypingBoard board(*store_, 6000, 1000);
  EXPECT_FALSE(board.typing("s1", Typist::kAgent, 1000));
  EXPECT_TRUE(board.mark("s1", Typist::kAgent, 1000));
  EXPECT_TRUE(board.typing("s1", Typist::kAgent, 6999));
  EXPECT_EQ(board.marked_at("s1", Typist::kAgent, 2000), 1000);
  EXPECT_FALSE(board.typing("s1", Typist::kAgent, 7000)) << "lapsed";
  EXPECT_FALSE(board.typing("s1", Typist::kInvestor, 2000)) << "the other typist";
  EXPECT_FALSE(board.typing("s2", Typist::kAgent, 2000)) << "another conversation";
}

TEST_F(TypingBoardTest, MarksCloserThanTheThrottleAreIgnored) {
  TypingBoard board(*store_, 6000, 1000);
  EXPECT_TRUE(board.mark("s1", Typist::kInvestor, 1000));
  EXPECT_FALSE(board.mark("s1", Typist::kInvestor, 1999));
  EXPECT_EQ(board.marked_at("s1", Typist::kInvestor, 2000), 1000) << "the throttled mark changed nothing";
  EXPECT_TRUE(board.mark("s1", Typist::kInvestor, 2000));
  EXPECT_TRUE(board.mark("s1", Typist::kAgent, 2000)) << "each typist has its own throttle";
  EXPECT_TRUE(board.typing("s1", Typist::kInvestor, 7999)) << "renewed by the later mark";
}

TEST_F(TypingBoardTest, ClearEndsAMarkAtOnce) {
  TypingBoard board(*store_, 6000, 1000);
  board.mark("s1", Typist::kAgent, 1000);
  board.mark("s1", Typist::kInvestor, 1000);
  board.clear("s1", Typist::kAgent);
  EXPECT_FALSE(board.typing("s1", Typist::kAgent, 1001));
  EXPECT_TRUE(board.typing("s1", Typist::kInvestor, 1001));
  EXPECT_TRUE(board.mark("s1", Typist::kAgent, 1002)) << "a cleared mark does not throttle";
  board.clear("nobody", Typist::kAgent);  // harmless
}

TEST_F(TypingBoardTest, AMarkToldOneReplicaIsSeenByAnother) {
  TypingBoard investors_replica(*store_, 6000, 1000);
  TypingBoard agents_replica(*store_, 6000, 1000);
  EXPECT_TRUE(investors_replica.mark("s1", Typist::kInvestor, 1000));
  EXPECT_EQ(agents_replica.marked_at("s1", Typist::kInvestor, 1500), 1000);
  EXPECT_TRUE(agents_replica.mark("s1", Typist::kAgent, 1500));
  EXPECT_TRUE(investors_replica.typing("s1", Typist::kAgent, 2000));
  agents_replica.clear("s1", Typist::kAgent);  // the agent's message was sent
  EXPECT_FALSE(investors_replica.typing("s1", Typist::kAgent, 2001));
}

TEST_F(TypingBoardTest, LapsedMarksAreSweptFromTheStore) {
  TypingBoard board(*store_, 6000, 1000);
  board.mark("s1", Typist::kInvestor, 1000);
  board.mark("s2", Typist::kInvestor, 20000);  // sweeps marks older than 14000
  EXPECT_EQ(store_->live_mark("typing/i/s1").value(), 0);
  EXPECT_EQ(store_->live_mark("typing/i/s2").value(), 20000);
}

}  // namespace
}  // namespace faqbot::service
