// Questions only an agent with the records can answer (lookups.h).
#include "retrieval/lookups.h"

#include <gtest/gtest.h>

#include "knowledge/person_names.h"

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

TEST(Lookups, AGroupOfTheNamedPersonMarker) {
  const Lookups named({{{"借款人"}, {std::string(knowledge::kNamedPerson)}}});
  EXPECT_TRUE(named.asked("帮我问问借款人刘某下个月能不能还上"));
  EXPECT_TRUE(named.asked("借款人叫孙二 他人呢"));
  EXPECT_FALSE(named.asked("借款人某天突然不还了怎么办")) << "某 as a certain";
  EXPECT_FALSE(named.asked("借款人的钱什么时候还")) << "no one named";
  EXPECT_FALSE(named.asked("{人名}借款人")) << "the marker is no word of the question";
  EXPECT_FALSE(named.asked("我姓钱 借款人逾期了怎么处理")) << "the investor's own name";
  EXPECT_FALSE(named.asked("借款人逾期了平台怎么处理 谢谢王女士")) << "too far after the borrower";
}

// As out_of_scope.json lists it: who the reviewer of one's application is
// only an agent can tell; how long a review takes is ours.
TEST(Lookups, TheNameOfAReviewer) {
  const Lookups reviewer({{{"审核员", "审核人员", "审批员", "信审员"}, {"叫什么", "名字", "姓什么", "姓名", "工号"}}});
  EXPECT_TRUE(reviewer.asked("上回帮我过件的审批员姓什么"));
  EXPECT_TRUE(reviewer.asked("能告诉我信审员的工号吗"));
  EXPECT_FALSE(reviewer.asked("审核员一般几天审完"));
  EXPECT_FALSE(reviewer.asked("借款审核要填真实姓名吗")) << "no reviewer";
}

// none_of: a word of it present keeps the question from asking for the
// lookup: one's own due date is a record, a due date passed is ours.
TEST(Lookups, ANoneOfWordKeepsTheQuestionOurs) {
  const Lookups due({{{"我的还款日", "我的还款日期"}, {"哪天", "什么时候", "几号"}},
                     {{"审核员"}, {"名字"}}},
                    {{"过了", "逾期", "改"}});
  EXPECT_TRUE(due.asked("我的还款日期是哪天"));
  EXPECT_FALSE(due.asked("我的还款日过了什么时候会上征信"));
  EXPECT_FALSE(due.asked("我的还款日几号能改吗"));
  EXPECT_TRUE(due.asked("审核员叫什么名字 过了没")) << "none_of is the first lookup's only";
  const Lookups blank({{{"借款人"}, {"是谁"}}}, {{""}});
  EXPECT_TRUE(blank.asked("那笔的借款人是谁")) << "a blank none_of word excludes nothing";
}

// asked_by tells which rule refused (its label), so the refusal can be
// worded for it; the first in order wins, a skipped incomplete lookup keeps
// the labels of the others in place.
TEST(Lookups, TheLabelOfTheFirstLookupAsked) {
  const Lookups rules({{{"借款人"}, {""}},  // incomplete: skipped
                       {{"借款人"}, {"是谁"}},
                       {{"外币"}, {"换"}},
                       {{"借款人", "外币"}, {"是谁", "换"}}},
                      {}, {"skipped", "lookup_refusal", "scope_refusal"});
  ASSERT_NE(rules.asked_by("那笔的借款人是谁"), nullptr);
  EXPECT_EQ(*rules.asked_by("那笔的借款人是谁"), "lookup_refusal");
  ASSERT_NE(rules.asked_by("外币怎么换"), nullptr);
  EXPECT_EQ(*rules.asked_by("外币怎么换"), "scope_refusal");
  EXPECT_EQ(rules.asked_by("怎么提现"), nullptr);
  // Beyond the labels given: asked, with no label.
  const Lookups unlabelled({{{"外币"}, {"换"}}});
  ASSERT_NE(unlabelled.asked_by("外币怎么换"), nullptr);
  EXPECT_EQ(*unlabelled.asked_by("外币怎么换"), "");
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
