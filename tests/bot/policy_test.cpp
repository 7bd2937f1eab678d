#include "bot/policy.h"

#include <gtest/gtest.h>

#include "fake_retriever.h"
#include "kb_fixture.h"

namespace faqbot::bot {
namespace {

using testing::result;

class PolicyTest : public ::testing::Test {
 protected:
  Decision decide(const retrieval::SearchResult& r, Signals s = {}) const {
    return policy_.decide(r, *kb_, conversation_, s);
  }
  std::shared_ptr<knowledge::KnowledgeBase> kb_ = testing::make_kb();
  Policy policy_;  // default thresholds: answer 0.4, margin 0.1, clarify 0.2
  Conversation conversation_;
};

TEST_F(PolicyTest, AnswersWhenConfidentAndAhead) {
  Decision d = decide(result({{"withdraw.fee", 0.8}, {"recharge.fee", 0.3}}));
  EXPECT_EQ(d.action, Action::kAnswer);
  EXPECT_EQ(d.faq_id, "withdraw.fee");
  EXPECT_DOUBLE_EQ(d.confidence, 0.8);
  EXPECT_FALSE(d.offer_human);
  EXPECT_EQ(d.reason, HandoffReason::kNone);
}

TEST_F(PolicyTest, ClarifiesWhenRunnerUpIsClose) {
  Decision d = decide(
      result({{"withdraw.fee", 0.6}, {"recharge.fee", 0.55}, {"withdraw.holiday", 0.15},
              {"smalltalk.thanks", 0.05}}));
  EXPECT_EQ(d.action, Action::kClarify);
  ASSERT_EQ(d.suggestions.size(), 3u);
  EXPECT_EQ(d.suggestions[0].id, "withdraw.fee");
  EXPECT_EQ(d.suggestions[1].id, "recharge.fee");
  EXPECT_EQ(d.suggestions[2].id, "withdraw.holiday");
}

// With topics known, the margin is to the best sibling (same topic): an
// entry of another topic close behind is weighed by the calibrated
// confidences alone, a sibling close behind still asks back.
TEST_F(PolicyTest, MarginIsToTheBestSibling) {
  auto with_topics = [](retrieval::SearchResult r) {
    for (retrieval::Candidate& c : r.candidates) c.topic = c.id.substr(0, c.id.find('.'));
    return r;
  };
  Decision other_topic = decide(with_topics(result({{"withdraw.fee", 0.6}, {"recharge.fee", 0.55}})));
  EXPECT_EQ(other_topic.action, Action::kAnswer);
  EXPECT_EQ(other_topic.faq_id, "withdraw.fee");
  Decision sibling = decide(
      with_topics(result({{"withdraw.fee", 0.6}, {"recharge.fee", 0.58}, {"withdraw.holiday", 0.55}})));
  EXPECT_EQ(sibling.action, Action::kClarify);
  EXPECT_DOUBLE_EQ(competing_runner_up(with_topics(result({{"withdraw.fee", 0.6}, {"recharge.fee", 0.58},
                                                           {"withdraw.holiday", 0.55}}))
                                           .candidates),
                   0.55);
}

TEST_F(PolicyTest, ClarifiesWhenPlausibleButUnsure) {
  Decision d = decide(result({{"withdraw.fee", 0.3}, {"recharge.fee", 0.05}}));
  EXPECT_EQ(d.action, Action::kClarify);
  ASSERT_EQ(d.suggestions.size(), 1u);  // the runner-up is below the suggestion floor
}

TEST_F(PolicyTest, FallsBackWhenConfidenceIsLow) {
  Decision d = decide(result({{"withdraw.fee", 0.1}}));
  EXPECT_EQ(d.action, Action::kFallback);
  EXPECT_TRUE(d.offer_human);
  EXPECT_EQ(d.faq_id, "");
}

TEST_F(PolicyTest, OutOfScopeIsNotAnsweredWithTheNearestEntry) {
  Decision d = decide(result({{"withdraw.fee", 0.7}, {"recharge.fee", 0.1}}, 0.8));
  EXPECT_EQ(d.action, Action::kFallback);
  EXPECT_TRUE(d.offer_human);
}

TEST_F(PolicyTest, NothingFoundFallsBack) {
  EXPECT_EQ(decide(result({}, 0.0)).action, Action::kFallback);
  EXPECT_EQ(decide(result({{"no.such.entry", 0.9}})).action, Action::kFallback);
}

TEST_F(PolicyTest, SecondFallbackInARowHandsOff) {
  conversation_.consecutive_fallbacks = 1;
  Decision d = decide(result({}, 0.9));
  EXPECT_EQ(d.action, Action::kHandoff);
  EXPECT_EQ(d.reason, HandoffReason::kRepeatedFallback);
  EXPECT_EQ(d.priority, Priority::kNormal);
}

TEST_F(PolicyTest, OfferEntryAnswersAndOffersAHuman) {
  Decision d = decide(result({{"account.login_problem", 0.9}}));
  EXPECT_EQ(d.action, Action::kAnswer);
  EXPECT_TRUE(d.offer_human);
}

TEST_F(PolicyTest, HandEntryHandsOffWithNormalPriority) {
  Decision d = decide(result({{"service.human", 0.9}}));
  EXPECT_EQ(d.action, Action::kHandoff);
  EXPECT_EQ(d.reason, HandoffReason::kEntry);
  EXPECT_EQ(d.priority, Priority::kNormal);
  EXPECT_EQ(d.faq_id, "service.human");
}

TEST_F(PolicyTest, HandPriorityEntryHandsOffWithHighPriority) {
  Decision d = decide(result({{"withdraw.delayed", 0.7}, {"withdraw.arrival_time", 0.4}}));
  EXPECT_EQ(d.action, Action::kHandoff);
  EXPECT_EQ(d.reason, HandoffReason::kEntry);
  EXPECT_EQ(d.priority, Priority::kHigh);
  EXPECT_EQ(d.faq_id, "withdraw.delayed");
}

TEST_F(PolicyTest, HandEntryNeedsNoMarginOverASibling) {
  // A money-at-risk story reads close to its general sibling: the person is
  // the safe side, not a question back.
  Decision d = decide(result({{"withdraw.delayed", 0.45}, {"withdraw.arrival_time", 0.4}}));
  EXPECT_EQ(d.action, Action::kHandoff);
  EXPECT_EQ(d.faq_id, "withdraw.delayed");
}

TEST_F(PolicyTest, HandEntryBelowTheHandoffThresholdIsClarifiedNotAnswered) {
  // Enough to answer (>= 0.32 by default), not to hand over (< 0.4): its text
  // announces a transfer, so sending it without a ticket would be a false notice.
  Policy policy;
  ASSERT_LT(policy.thresholds().answer, 0.35);
  ASSERT_GT(policy.thresholds().handoff_entry, 0.35);
  Decision d = policy.decide(result({{"withdraw.delayed", 0.35}}), *kb_, conversation_, {});
  EXPECT_EQ(d.action, Action::kClarify);
  ASSERT_FALSE(d.suggestions.empty());
  EXPECT_EQ(d.suggestions[0].id, "withdraw.delayed");
}

TEST_F(PolicyTest, ExplicitRequestHandsOffWhateverRetrievalSays) {
  Signals s;
  s.human_request = true;
  Decision d = decide(result({{"withdraw.fee", 0.9}}), s);
  EXPECT_EQ(d.action, Action::kHandoff);
  EXPECT_EQ(d.reason, HandoffReason::kExplicitRequest);
  EXPECT_EQ(d.priority, Priority::kNormal);
  // The ticket is a request for a person; what retrieval ranked is no topic.
  EXPECT_EQ(d.faq_id, "service.human");
}

TEST_F(PolicyTest, ExplicitRequestAboutMoneyAtRiskIsHighPriority) {
  Signals s;
  s.human_request = true;
  Decision d = decide(result({{"withdraw.delayed", 0.6}}), s);
  EXPECT_EQ(d.priority, Priority::kHigh);
}

TEST_F(PolicyTest, AngerAndAbuseHandOffWithHighPriority) {
  Signals anger;
  anger.anger = true;
  Decision a = decide(result({{"withdraw.fee", 0.9}}), anger);
  EXPECT_EQ(a.action, Action::kHandoff);
  EXPECT_EQ(a.reason, HandoffReason::kAnger);
  EXPECT_EQ(a.priority, Priority::kHigh);

  Signals abuse;
  abuse.abuse = true;
  abuse.anger = true;
  Decision b = decide(result({}, 0.9), abuse);
  EXPECT_EQ(b.reason, HandoffReason::kAbuse);
  EXPECT_EQ(b.priority, Priority::kHigh);
  EXPECT_EQ(b.faq_id, "smalltalk.abuse");  // the signal's entry, nothing retrieved
}

// A handoff caused by a signal is about the entry the signal means, whatever
// retrieval ranked first.
TEST_F(PolicyTest, SignalHandoffsCarryTheSignalsEntry) {
  auto with = [](bool Signals::*flag) {
    Signals s;
    s.*flag = true;
    return s;
  };
  const retrieval::SearchResult r = result({{"withdraw.fee", 0.9}, {"recharge.fee", 0.05}});
  EXPECT_EQ(decide(r, with(&Signals::abuse)).faq_id, "smalltalk.abuse");
  EXPECT_EQ(decide(r, with(&Signals::anger)).faq_id, "smalltalk.abuse");
  EXPECT_EQ(decide(r, with(&Signals::complaint)).faq_id, "service.complaint");
  // A complaint is filed as one, however hostile its words.
  Signals hostile_complaint;
  hostile_complaint.complaint = hostile_complaint.anger = hostile_complaint.abuse = true;
  Decision filed = decide(r, hostile_complaint);
  EXPECT_EQ(filed.reason, HandoffReason::kAbuse);
  EXPECT_EQ(filed.faq_id, "service.complaint");
  EXPECT_EQ(decide(r, with(&Signals::human_request)).faq_id, "service.human");
  // Nothing plausible retrieved: still the signal's entry.
  EXPECT_EQ(decide(result({{"withdraw.fee", 0.05}}, 0.9), with(&Signals::complaint)).faq_id,
            "service.complaint");
  // A signal entry ranked first is no money at risk: the signal decides.
  EXPECT_EQ(decide(result({{"service.human", 0.8}}), with(&Signals::abuse)).faq_id,
            "smalltalk.abuse");
  // Impatience alone is no signal entry's business: the question's entry.
  Decision impatient = decide(result({{"withdraw.fee", 0.3}}), with(&Signals::frustration));
  EXPECT_EQ(impatient.action, Action::kHandoff);
  EXPECT_EQ(impatient.faq_id, "withdraw.fee");
}

// Money at risk (a hand / hand_priority entry other than the signal entries)
// ranked first and believed stays: that is what the ticket is about.
TEST_F(PolicyTest, MoneyAtRiskKeepsTheRetrievedEntry) {
  for (bool Signals::*flag : {&Signals::abuse, &Signals::anger, &Signals::complaint,
                              &Signals::human_request}) {
    Signals s;
    s.*flag = true;
    Decision d = decide(result({{"withdraw.delayed", 0.6}, {"withdraw.arrival_time", 0.2}}), s);
    EXPECT_EQ(d.action, Action::kHandoff);
    EXPECT_EQ(d.faq_id, "withdraw.delayed");
    EXPECT_EQ(d.priority, Priority::kHigh);
  }
  // Not believed (below clarify): the signal's entry.
  Signals complaint;
  complaint.complaint = true;
  EXPECT_EQ(decide(result({{"withdraw.delayed", 0.1}}), complaint).faq_id, "service.complaint");
}

TEST_F(PolicyTest, SignalEntriesAreSettings) {
  SignalEntries entries;
  entries.abuse = "service.complaint";
  entries.human = "";  // keep the retrieved entry
  entries.complaint = "no.such_entry";  // unknown to this base: kept too
  Policy policy(Thresholds{}, entries);
  const retrieval::SearchResult r = result({{"withdraw.fee", 0.9}});
  Signals abuse, human, complaint;
  abuse.abuse = true;
  human.human_request = true;
  complaint.complaint = true;
  EXPECT_EQ(policy.decide(r, *kb_, conversation_, abuse).faq_id, "service.complaint");
  EXPECT_EQ(policy.decide(r, *kb_, conversation_, human).faq_id, "withdraw.fee");
  EXPECT_EQ(policy.decide(r, *kb_, conversation_, complaint).faq_id, "withdraw.fee");
  EXPECT_EQ(policy.signal_entries().abuse, "service.complaint");
  EXPECT_EQ(SignalEntries{}.abuse, "smalltalk.abuse");
  EXPECT_EQ(SignalEntries{}.complaint, "service.complaint");
  EXPECT_EQ(SignalEntries{}.human, "service.human");
}

TEST_F(PolicyTest, ImpatienceWithAClearQuestionIsAnsweredWithAnApology) {
  Signals impatient;
  impatient.frustration = true;
  Decision d = decide(result({{"withdraw.fee", 0.9}, {"recharge.fee", 0.05}}), impatient);
  EXPECT_EQ(d.action, Action::kAnswer);
  EXPECT_EQ(d.faq_id, "withdraw.fee");
  EXPECT_TRUE(d.apologize);
  EXPECT_TRUE(d.offer_human);

  // Without the impatience the same answer neither apologises nor offers.
  Decision calm = decide(result({{"withdraw.fee", 0.9}, {"recharge.fee", 0.05}}));
  EXPECT_FALSE(calm.apologize);
  EXPECT_FALSE(calm.offer_human);
}

TEST_F(PolicyTest, ImpatienceWithoutAClearAnswerGoesToAHumanAtOnce) {
  Signals impatient;
  impatient.frustration = true;
  // Unsure between two entries: no suggestions list for an impatient investor.
  Decision unsure = decide(result({{"withdraw.fee", 0.5}, {"recharge.fee", 0.45}}), impatient);
  EXPECT_EQ(unsure.action, Action::kHandoff);
  EXPECT_EQ(unsure.reason, HandoffReason::kAnger);
  EXPECT_EQ(unsure.priority, Priority::kHigh);
  EXPECT_EQ(unsure.faq_id, "withdraw.fee");  // a hint for the agent

  // A hand entry (money at risk) is handed over, never answered.
  Decision late = decide(result({{"withdraw.delayed", 0.95}}), impatient);
  EXPECT_EQ(late.action, Action::kHandoff);
  EXPECT_EQ(late.priority, Priority::kHigh);

  // Nothing matches: no fallback that asks an impatient investor to rephrase.
  Decision nothing = decide(result({}, 0.9), impatient);
  EXPECT_EQ(nothing.action, Action::kHandoff);
  EXPECT_EQ(nothing.reason, HandoffReason::kAnger);
}

TEST_F(PolicyTest, SameEntryThirdTimeHandsOff) {
  const auto r = result({{"withdraw.fee", 0.9}});
  update_conversation(conversation_, decide(r), "q");
  update_conversation(conversation_, decide(r), "q");
  EXPECT_EQ(conversation_.asks_per_entry["withdraw.fee"], 2);
  Decision third = decide(r);
  EXPECT_EQ(third.action, Action::kHandoff);
  EXPECT_EQ(third.reason, HandoffReason::kRepeatedQuestion);
  update_conversation(conversation_, third, "q");
  EXPECT_EQ(decide(r).action, Action::kAnswer);  // counting starts again
}

TEST_F(PolicyTest, SmallTalkRepeatedIsNoReasonToHandOff) {
  const auto r = result({{"smalltalk.thanks", 0.9}});
  for (int i = 0; i < 5; ++i) {
    Decision d = decide(r);
    EXPECT_EQ(d.action, Action::kAnswer);
    update_conversation(conversation_, d, "谢谢");
  }
}

TEST_F(PolicyTest, AnswerResetsTheFallbackStreak) {
  update_conversation(conversation_, decide(result({}, 0.9)), "天气");
  EXPECT_EQ(conversation_.consecutive_fallbacks, 1);
  update_conversation(conversation_, decide(result({{"withdraw.fee", 0.9}})), "手续费");
  EXPECT_EQ(conversation_.consecutive_fallbacks, 0);
  EXPECT_EQ(conversation_.last_faq_id, "withdraw.fee");
  EXPECT_EQ(decide(result({}, 0.9)).action, Action::kFallback);
}

TEST_F(PolicyTest, OutOfScopeDoesNotVetoAClearMatch) {
  // A look-alike out-of-scope example lifts P(out of scope) above its
  // threshold, but the entry is still far more likely right.
  // Answerable = 0.95 x (1 - 0.55) = 0.43 >= answer (0.35).
  Decision d = decide(result({{"withdraw.fee", 0.95}, {"recharge.fee", 0.02}}, 0.55));
  EXPECT_EQ(d.action, Action::kAnswer);
  EXPECT_EQ(d.faq_id, "withdraw.fee");
  // The same entry with out of scope likelier still: 0.95 x 0.2 = 0.19.
  EXPECT_EQ(decide(result({{"withdraw.fee", 0.95}, {"recharge.fee", 0.02}}, 0.8)).action,
            Action::kFallback);
}

TEST_F(PolicyTest, AnotherCompanysProductFallsBackNamingIt) {
  retrieval::SearchResult r = result({{"recharge.fee", 0.3}, {"withdraw.fee", 0.05}}, 0.4);
  r.other_product = "借呗";
  Decision d = decide(r);
  EXPECT_EQ(d.action, Action::kFallback);
  EXPECT_EQ(d.other_product, "借呗");
  EXPECT_EQ(d.faq_id, "");
  // However well it matches one of ours: the question is about theirs (a
  // product named only as a means of ours is not reported by the retriever:
  // product_mentions_test.cpp).
  retrieval::SearchResult theirs = result({{"withdraw.fee", 0.97}, {"recharge.fee", 0.01}}, 0.05);
  theirs.other_product = "借呗";
  Decision t = decide(theirs);
  EXPECT_EQ(t.action, Action::kFallback);
  EXPECT_EQ(t.other_product, "借呗");
  // Without a product the same result is answered.
  theirs.other_product.clear();
  EXPECT_EQ(decide(theirs).action, Action::kAnswer);
}

// A question a lookup or domain rule refused (out_of_scope 1, the rule's
// label) falls back worded for that rule; the contract stays: a fallback
// with no entry, the second in a row a handoff that says no refusal.
TEST_F(PolicyTest, RefusalByARuleCarriesItsReply) {
  retrieval::SearchResult r = result({{"withdraw.arrival_time", 0.8}, {"withdraw.fee", 0.05}}, 1.0);
  r.refusal = "lookup_refusal";
  Decision d = decide(r);
  EXPECT_EQ(d.action, Action::kFallback);
  EXPECT_EQ(d.faq_id, "");
  EXPECT_EQ(d.refusal, "lookup_refusal");
  EXPECT_TRUE(d.offer_human);
  // Refused by the calibrated models alone: no reason to tell.
  r.refusal.clear();
  EXPECT_EQ(decide(r).refusal, "");
  // A label on a question that is not refused (a reading the policy answers)
  // says nothing.
  retrieval::SearchResult ours = result({{"withdraw.fee", 0.97}, {"recharge.fee", 0.01}}, 0.05);
  ours.refusal = "scope_refusal";
  EXPECT_EQ(decide(ours).refusal, "");
  // The second fallback in a row is a handoff: a lookup's refusal is one an
  // agent can help with.
  conversation_.consecutive_fallbacks = 1;
  r.refusal = "lookup_refusal";
  Decision second = decide(r);
  EXPECT_EQ(second.action, Action::kHandoff);
  EXPECT_EQ(second.reason, HandoffReason::kRepeatedFallback);
  EXPECT_EQ(second.refusal, "");
}

// A question refused as outside the platform's business ("scope_refusal")
// or as another company's product is told so every time: a human could not
// answer it either, so it never becomes the repeated-fallback handoff and
// does not count toward it; a fallback for a question not understood still
// does.
TEST_F(PolicyTest, RefusalAsNotOursNeverEscalatesByRepetition) {
  retrieval::SearchResult weather = result({{"withdraw.fee", 0.1}}, 1.0);
  weather.refusal = "scope_refusal";
  retrieval::SearchResult theirs = result({{"withdraw.fee", 0.97}}, 0.05);
  theirs.other_product = "借呗";
  for (int i = 0; i < 3; ++i) {
    for (const retrieval::SearchResult* r : {&weather, &theirs}) {
      Decision d = decide(*r);
      EXPECT_EQ(d.action, Action::kFallback);
      EXPECT_TRUE(d.offer_human);  // the human stays offered, not forced
      update_conversation(conversation_, d, "问题");
    }
  }
  EXPECT_EQ(conversation_.consecutive_fallbacks, 0);
  // After a question not understood, a refusal as not ours still says so.
  update_conversation(conversation_, decide(result({}, 0.9)), "没看懂的问题");
  EXPECT_EQ(conversation_.consecutive_fallbacks, 1);
  Decision refused = decide(weather);
  EXPECT_EQ(refused.action, Action::kFallback);
  EXPECT_EQ(refused.refusal, "scope_refusal");
  update_conversation(conversation_, refused, "天气");
  EXPECT_EQ(conversation_.consecutive_fallbacks, 1);
  // The next question not understood is the second in the streak.
  EXPECT_EQ(decide(result({}, 0.9)).reason, HandoffReason::kRepeatedFallback);
}

TEST_F(PolicyTest, ThresholdsAreTunable) {
  Thresholds t;
  t.answer = 0.95;
  Policy strict(t);
  EXPECT_EQ(strict.decide(result({{"withdraw.fee", 0.9}}), *kb_, conversation_, {}).action,
            Action::kClarify);
  t.fallbacks_before_handoff = 3;
  conversation_.consecutive_fallbacks = 1;
  EXPECT_EQ(Policy(t).decide(result({}, 0.9), *kb_, conversation_, {}).action, Action::kFallback);
}

}  // namespace
}  // namespace faqbot::bot

namespace faqbot::bot {
namespace {

TEST(PolicyHint, ExplicitRequestKeepsTheEntryAsAHintDespiteOutOfScope) {
  auto kb = testing::make_kb();
  Signals s;
  s.human_request = true;
  Conversation c;
  Decision d = Policy().decide(testing::result({{"service.human", 0.62}}, 0.6), *kb, c, s);
  EXPECT_EQ(d.action, Action::kHandoff);
  EXPECT_EQ(d.faq_id, "service.human");
  Decision none = Policy().decide(testing::result({{"service.human", 0.62}}, 0.6), *kb, c, {});
  EXPECT_EQ(none.action, Action::kFallback);  // without the signal: out of scope
}

TEST(ReasonLabel, EveryReasonHasALabelAndUnknownCodesPassThrough) {
  for (size_t i = 1; i < kHandoffReasonCount; ++i) {
    const std::string code = to_string(static_cast<HandoffReason>(i));
    EXPECT_NE(reason_label(code), code) << code;
    EXPECT_FALSE(reason_label(code).empty()) << code;
  }
  EXPECT_EQ(reason_label("complaint"), "客户投诉");
  EXPECT_EQ(reason_label("not_a_reason"), "not_a_reason");
  EXPECT_EQ(reason_label("none"), "");
}

}  // namespace
}  // namespace faqbot::bot
