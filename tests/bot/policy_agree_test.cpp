// Policy rule 5b: a top entry short of `answer` is answered when the
// discriminative base model ranks it first too (SearchResult::base_choice,
// base_margin), and never past the guards (another company's product, a kind
// we do not offer, a hand entry, a close sibling, a sure "out of scope", a
// signal). Each test has its control: the same result without agreement.
#include <gtest/gtest.h>

#include <limits>

#include "bot/policy.h"
#include "fake_retriever.h"
#include "kb_fixture.h"

namespace faqbot::bot {
namespace {

using testing::result;

// Clarified by rules 1-6 alone (answerable 0.3 x 0.8 = 0.24 < 0.32).
retrieval::SearchResult unsure(const std::string& top = "withdraw.fee") {
  return result({{top, 0.3}, {"recharge.fee", 0.05}}, 0.2);
}

retrieval::SearchResult agreed(retrieval::SearchResult r, double margin = 0.5) {
  r.base_choice = r.candidates.at(0).id;
  r.base_margin = margin;
  return r;
}

class PolicyAgreeTest : public ::testing::Test {
 protected:
  Decision decide(const retrieval::SearchResult& r, Signals s = {}) const {
    return policy_.decide(r, *kb_, conversation_, s);
  }
  std::shared_ptr<knowledge::KnowledgeBase> kb_ = testing::make_kb();
  Policy policy_;  // default thresholds: agree_answer 0.2, agree_margin -0.1, agree_out_of_scope 0.7
  Conversation conversation_;
};

TEST_F(PolicyAgreeTest, AnswersWhenTheBaseModelAgrees) {
  EXPECT_EQ(decide(unsure()).action, Action::kClarify);  // control
  Decision d = decide(agreed(unsure()));
  EXPECT_EQ(d.action, Action::kAnswer);
  EXPECT_EQ(d.faq_id, "withdraw.fee");
  EXPECT_DOUBLE_EQ(d.confidence, 0.3);
}

TEST_F(PolicyAgreeTest, RescuesALookAlikeVetoBelowTheCap) {
  // P(out of scope) 0.6 >= out_of_scope 0.5: fallback alone, answered when
  // the base model agrees and the scope model is not sure (< 0.7).
  retrieval::SearchResult r = result({{"withdraw.fee", 0.7}, {"recharge.fee", 0.1}}, 0.6);
  EXPECT_EQ(decide(r).action, Action::kFallback);
  EXPECT_EQ(decide(agreed(r)).action, Action::kAnswer);
  r.out_of_scope = 0.75;
  EXPECT_EQ(decide(agreed(r)).action, Action::kFallback);
}

TEST_F(PolicyAgreeTest, NeedsTheSameEntryFirst) {
  retrieval::SearchResult r = agreed(unsure());
  r.base_choice = "recharge.fee";
  EXPECT_EQ(decide(r).action, Action::kClarify);
  r.base_choice.clear();  // "none" won, or no base model
  EXPECT_EQ(decide(r).action, Action::kClarify);
}

TEST_F(PolicyAgreeTest, NeedsTheMarginAndTheConfidence) {
  EXPECT_EQ(decide(agreed(unsure(), -0.2)).action, Action::kClarify);
  EXPECT_EQ(decide(agreed(unsure(), -0.1)).action, Action::kAnswer);
  EXPECT_EQ(decide(agreed(unsure(), -std::numeric_limits<double>::infinity())).action,
            Action::kClarify);
  // Top confidence 0.15 < agree_answer 0.2.
  retrieval::SearchResult low = agreed(result({{"withdraw.fee", 0.15}}, 0.1));
  EXPECT_EQ(decide(low).action, Action::kFallback);
}

TEST_F(PolicyAgreeTest, SwitchedOffByALargeMargin) {
  Thresholds t;
  t.agree_margin = 1e9;
  Policy off(t);
  EXPECT_EQ(off.decide(agreed(unsure()), *kb_, conversation_, {}).action, Action::kClarify);
}

TEST_F(PolicyAgreeTest, NeverForAnotherProductOrKind) {
  retrieval::SearchResult theirs = agreed(unsure());
  theirs.other_product = "借呗";
  Decision d = decide(theirs);
  EXPECT_EQ(d.action, Action::kFallback);
  EXPECT_EQ(d.other_product, "借呗");
  retrieval::SearchResult kind = agreed(unsure());
  kind.other_kind = "信用卡";
  EXPECT_EQ(decide(kind).action, Action::kClarify);
}

TEST_F(PolicyAgreeTest, NeverPastACloseSibling) {
  auto with_topics = [](retrieval::SearchResult r) {
    for (retrieval::Candidate& c : r.candidates) c.topic = c.id.substr(0, c.id.find('.'));
    return r;
  };
  retrieval::SearchResult close =
      agreed(with_topics(result({{"withdraw.fee", 0.3}, {"withdraw.holiday", 0.25}}, 0.2)));
  EXPECT_EQ(decide(close).action, Action::kClarify);
  retrieval::SearchResult apart =
      agreed(with_topics(result({{"withdraw.fee", 0.3}, {"withdraw.holiday", 0.15}}, 0.2)));
  EXPECT_EQ(decide(apart).action, Action::kAnswer);
}

TEST_F(PolicyAgreeTest, NeverAnswersAHandEntry) {
  // withdraw.delayed is hand_priority: below handoff_entry it is clarified,
  // agreement or not (its text announces a transfer).
  retrieval::SearchResult r = agreed(result({{"withdraw.delayed", 0.3}}, 0.2));
  EXPECT_EQ(decide(r).action, Action::kClarify);
}

TEST_F(PolicyAgreeTest, SignalsStillDecide) {
  Signals angry;
  angry.anger = true;
  EXPECT_EQ(decide(agreed(unsure()), angry).action, Action::kHandoff);
  Signals impatient;
  impatient.frustration = true;  // only a clear match is answered with an apology
  EXPECT_EQ(decide(agreed(unsure()), impatient).action, Action::kHandoff);
}

TEST_F(PolicyAgreeTest, AThirdAskStillGoesToAPerson) {
  conversation_.asks_per_entry["withdraw.fee"] = 2;
  Decision d = decide(agreed(unsure()));
  EXPECT_EQ(d.action, Action::kHandoff);
  EXPECT_EQ(d.reason, HandoffReason::kRepeatedQuestion);
}

}  // namespace
}  // namespace faqbot::bot
