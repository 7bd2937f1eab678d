// Questions only an agent with the records can answer (lookups.h).
#include "retrieval/lookups.h"

#include <gtest/gtest.h>

namespace faqbot::retrieval {
namespace {

const Lookups kBorrower({{{"借款人"}, {"我投的", "那个标", "那笔"}, {"是谁", "干什么", "住哪", "还款了没"}}});

TEST(Lookups, AWordOfEveryGroupAsksForTheRecord) {
  EXPECT_TRUE(kBorrower.asked("我投的那个标借款人是谁"));
  EXPECT_TRUE(kBorrower.asked("那笔钱的借款人住哪"));
  EXPECT_TRUE(kBorrower.asked("借款人还款了没 我投的那笔"));
}

TEST(Lookups, QuestionsAboutHowBorrowersAreCheckedAreNot) {
  EXPECT_FALSE(kBorrower.asked("你们怎么审核借款人"));      // no pointer, nothing asked of one
  EXPECT_FALSE(kBorrower.asked("借款人是谁审核的"));          // no pointer
  EXPECT_FALSE(kBorrower.asked("我投的那个标什么时候满标"));  // no borrower
}

TEST(Lookups, EmptyWordsAndGroupsNeverMatch) {
  EXPECT_TRUE(Lookups().empty());
  const Lookups partial({{{"借款人"}, {""}}, {}});
  EXPECT_TRUE(partial.empty());
  EXPECT_FALSE(partial.asked("借款人是谁"));
  const Lookups blanks({{{"", "借款人"}, {"是谁"}}});
  EXPECT_TRUE(blanks.asked("借款人是谁"));
}

}  // namespace
}  // namespace faqbot::retrieval
