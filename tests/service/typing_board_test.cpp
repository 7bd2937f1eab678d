#include "bot/service/typing_board.h"

#include <gtest/gtest.h>

namespace faqbot::service {
namespace {

TEST(TypingBoard, AMarkLastsItsTimeToLiveForItsTypistOnly) {
  TypingBoard board(6000, 1000);
  EXPECT_FALSE(board.typing("s1", Typist::kAgent, 1000));
  EXPECT_TRUE(board.mark("s1", Typist::kAgent, 1000));
  EXPECT_TRUE(board.typing("s1", Typist::kAgent, 6999));
  EXPECT_EQ(board.marked_at("s1", Typist::kAgent, 2000), 1000);
  EXPECT_FALSE(board.typing("s1", Typist::kAgent, 7000)) << "lapsed";
  EXPECT_FALSE(board.typing("s1", Typist::kInvestor, 2000)) << "the other typist";
  EXPECT_FALSE(board.typing("s2", Typist::kAgent, 2000)) << "another conversation";
}

TEST(TypingBoard, MarksCloserThanTheThrottleAreIgnored) {
  TypingBoard board(6000, 1000);
  EXPECT_TRUE(board.mark("s1", Typist::kInvestor, 1000));
  EXPECT_FALSE(board.mark("s1", Typist::kInvestor, 1999));
  EXPECT_EQ(board.marked_at("s1", Typist::kInvestor, 2000), 1000) << "the throttled mark changed nothing";
  EXPECT_TRUE(board.mark("s1", Typist::kInvestor, 2000));
  EXPECT_TRUE(board.mark("s1", Typist::kAgent, 2000)) << "each typist has its own throttle";
  EXPECT_TRUE(board.typing("s1", Typist::kInvestor, 7999)) << "renewed by the later mark";
}

TEST(TypingBoard, ClearEndsAMarkAtOnce) {
  TypingBoard board(6000, 1000);
  board.mark("s1", Typist::kAgent, 1000);
  board.mark("s1", Typist::kInvestor, 1000);
  board.clear("s1", Typist::kAgent);
  EXPECT_FALSE(board.typing("s1", Typist::kAgent, 1001));
  EXPECT_TRUE(board.typing("s1", Typist::kInvestor, 1001));
  EXPECT_TRUE(board.mark("s1", Typist::kAgent, 1002)) << "a cleared mark does not throttle";
  board.clear("nobody", Typist::kAgent);  // harmless
}

}  // namespace
}  // namespace faqbot::service
