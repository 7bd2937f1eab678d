// The slot reading of follow-ups (bot/followup.h, bot/followup_cues.h) over
// the in-code knowledge base and a scripted retriever: which reading applies,
// what is searched, and what the slots let through.
#include "bot/followup.h"
#include "bot/followup_predicates.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <tuple>

#include "fake_retriever.h"
#include "kb_fixture.h"

namespace faqbot::bot {
namespace {

using testing::FakeRetriever;
using testing::result;

TEST(Followup, Markers) {
  EXPECT_TRUE(has_followup_marker("那周末呢?"));
  EXPECT_TRUE(has_followup_marker("手续费呢？"));
  EXPECT_TRUE(has_followup_marker("那要多久"));
  EXPECT_TRUE(has_followup_marker("还有别的方式吗"));
  EXPECT_TRUE(has_followup_marker("那体现嘞"));
  EXPECT_FALSE(has_followup_marker("提现多久到账"));
  EXPECT_FALSE(has_followup_marker(""));
  EXPECT_EQ(content_length("那 周末呢？"), 4u);
}

TEST(Followup, SlotsDerivedFromIdsWithTheSuffixTable) {
  auto kb = testing::make_kb();
  EXPECT_EQ(kb->find("withdraw.fee")->topic, "withdraw");
  EXPECT_EQ(kb->find("withdraw.fee")->type, "fee");
  EXPECT_EQ(kb->find("recharge.fee")->type, "fee");               // shared across topics
  EXPECT_EQ(kb->find("withdraw.arrival_time")->type, "how_long");  // through type_of_suffix
}

class FollowupTest : public ::testing::Test {
 protected:
  FollowupTest() : cues_(*kb_, retriever_) {
    conversation_.last_question = "提现多久到账";
    conversation_.last_faq_id = "withdraw.arrival_time";
    conversation_.topic = "withdraw";
    conversation_.type = "how_long";
  }
  Reading read(const std::string& text) {
    return read_message(retriever_, *kb_, cues_, text, conversation_, Thresholds{}, 5, 10);
  }
  ReadingKind kind_of(const std::string& text, const retrieval::SearchResult& alone) {
    return classify(cues_.read(text), alone, text, conversation_, Thresholds{});
  }
  // The conversation's last question was `question`, answered with `faq_id`
  // of slots `topic` and `type`.
  void after(const char* question, const char* faq_id, const char* topic, const char* type) {
    conversation_.last_question = question;
    conversation_.last_faq_id = faq_id;
    conversation_.topic = topic;
    conversation_.type = type;
  }
  // The trade and login password entries (topic account, types
  // trade_password and password_reset); the caller sets the cues.
  void add_password_entries() {
    for (auto [id, q] : {std::pair{"account.trade_password", "交易密码忘了怎么办"},
                         {"account.password_reset", "登录密码忘了怎么办"}}) {
      knowledge::Entry e = testing::entry(id, q, "…");
      e.topic = "account";
      e.type = std::string(id).substr(8);
      kb_->entries.push_back(e);
    }
  }

  std::shared_ptr<knowledge::KnowledgeBase> kb_ = testing::make_kb();
  FakeRetriever retriever_;
  CueReader cues_;
  Conversation conversation_;
};

TEST_F(FollowupTest, CueReaderNamesTopicsTypesAndReferences) {
  MessageCues c = cues_.read("那充值呢");
  ASSERT_EQ(c.topics.size(), 1u);
  EXPECT_EQ(c.topics[0].slot, "recharge");
  EXPECT_TRUE(c.types.empty());
  EXPECT_EQ(c.residual_chars, 0u);  // 那, 呢 are fillers

  c = cues_.read("要收手续费不");
  EXPECT_TRUE(c.topics.empty());
  ASSERT_EQ(c.types.size(), 1u);
  EXPECT_EQ(c.types[0].slot, "fee");  // 手续费 (longest) wins over nothing shorter
  EXPECT_EQ(c.residual_chars, 3u);    // 要, 收, 不

  c = cues_.read("它要几天");
  EXPECT_TRUE(c.reference);
  EXPECT_EQ(c.types[0].slot, "how_long");
  EXPECT_EQ(cues_.read("提现手续费").subject(), "提现");
}

TEST_F(FollowupTest, CueReaderRewrites) {
  EXPECT_EQ(cues_.replace_subject("提现要收手续费吗", "充值"), "充值要收手续费吗");
  EXPECT_EQ(cues_.replace_subject("提现取现", "充值"), "充值");  // later ones removed
  EXPECT_EQ(cues_.replace_subject("手续费多少", "充值"), "充值手续费多少");
  EXPECT_EQ(cues_.replace_reference("它要几天", "提现"), "提现要几天");
  EXPECT_EQ(cues_.replace_reference("要几天", "提现"), "提现要几天");
  EXPECT_EQ(cues_.without_fillers("那充值的话呢"), "充值");
}

TEST_F(FollowupTest, ClassifiesWhatTheMessageNames) {
  const auto unsure = result({{"recharge.fee", 0.3}, {"withdraw.fee", 0.25}});
  const auto sure = result({{"recharge.fee", 0.9}});
  EXPECT_EQ(kind_of("那充值呢", sure), ReadingKind::kTopic);       // only a new topic
  EXPECT_EQ(kind_of("提现呢", unsure), ReadingKind::kType);        // the same topic, unsure alone
  EXPECT_EQ(kind_of("要收手续费不", sure), ReadingKind::kType);    // only a type
  EXPECT_EQ(kind_of("它收费吗", sure), ReadingKind::kReference);   // points back
  EXPECT_EQ(kind_of("那周六呢", sure), ReadingKind::kEllipsis);    // marker, no cue
  EXPECT_EQ(kind_of("嗯好", unsure), ReadingKind::kEllipsis);      // unsure, in scope
  EXPECT_EQ(kind_of("嗯好", result({{"recharge.fee", 0.1}}, 0.9)), ReadingKind::kAlone);
  EXPECT_EQ(kind_of("充值收手续费吗", sure), ReadingKind::kAlone);  // complete question
  EXPECT_EQ(kind_of("充值到账以后怎么查", sure), ReadingKind::kAlone);  // topic and more words
  EXPECT_EQ(kind_of("谢谢", sure), ReadingKind::kAlone);            // sure, nothing named
}

TEST_F(FollowupTest, SureAloneMeansThePolicyWouldAnswerIt) {
  // 0.4 x (1 - 0.3) = 0.28 < answer 0.32: the policy would clarify this text
  // alone, so it is read in context, not taken as a complete question.
  const auto dampened = result({{"recharge.fee", 0.4}, {"withdraw.fee", 0.05}}, 0.3);
  EXPECT_EQ(kind_of("钱啥时候退", dampened), ReadingKind::kEllipsis);
  EXPECT_FALSE(is_clear_match(0.4, 0.05, 0.3, Thresholds{}));
  const auto clear = result({{"recharge.fee", 0.6}, {"withdraw.fee", 0.05}}, 0.3);
  EXPECT_EQ(kind_of("钱啥时候退", clear), ReadingKind::kAlone);
  EXPECT_TRUE(is_clear_match(0.6, 0.05, 0.3, Thresholds{}));
}

TEST_F(FollowupTest, TopicOnlyKeepsTheType) {
  // The text alone is sure of the wrong entry of the new topic; the slots
  // carry the fee over from the withdrawal question.
  conversation_.last_question = "提现要收手续费吗";
  conversation_.last_faq_id = "withdraw.fee";
  conversation_.type = "fee";
  retriever_.on("那充值呢", result({{"recharge.how", 0.95}, {"recharge.fee", 0.02}}));
  retriever_.on("充值要收手续费吗", result({{"recharge.fee", 0.6}, {"withdraw.fee", 0.3}}));
  Reading r = read("那充值呢");
  EXPECT_EQ(r.kind, ReadingKind::kTopic);
  ASSERT_EQ(r.result.candidates.size(), 1u);  // only the recharge entries of type fee
  EXPECT_EQ(r.result.candidates[0].id, "recharge.fee");
  EXPECT_DOUBLE_EQ(r.result.candidates[0].confidence, 1.0);
  EXPECT_EQ(r.question, "充值要收手续费吗");  // what a later follow-up is read against
}

TEST_F(FollowupTest, TypeOnlyKeepsTheTopic) {
  // Alone, "要收手续费不" leans to recharge; the conversation is about withdrawals.
  retriever_.on("要收手续费不", result({{"recharge.fee", 0.5}, {"withdraw.fee", 0.4}}));
  retriever_.on("提现要收手续费不", result({{"withdraw.fee", 0.7}, {"withdraw.arrival_time", 0.2},
                                             {"recharge.fee", 0.1}}));
  Reading r = read("要收手续费不");
  EXPECT_EQ(r.kind, ReadingKind::kType);
  EXPECT_EQ(retriever_.queries.back(), "提现要收手续费不");  // a new type: the subject only
  EXPECT_EQ(r.result.candidates[0].id, "withdraw.fee");
  for (const auto& c : r.result.candidates) EXPECT_NE(c.id, "recharge.fee");
}

TEST_F(FollowupTest, SameTypeRefinedReadsWithThePreviousTitle) {
  retriever_.on("一般要等几天", result({{"withdraw.arrival_time", 0.3}}));
  Reading r = read("一般要等几天");  // how_long again: a refinement of the same question
  EXPECT_EQ(r.kind, ReadingKind::kType);
  EXPECT_EQ(retriever_.queries.back(), "提现多久到账一般要等几天");  // the entry's title + text
  read("周末要几天");  // holiday first (the topic has it): a new type, the subject only
  EXPECT_EQ(retriever_.queries.back(), "提现周末要几天");
}

TEST_F(FollowupTest, ReferenceIsFilledWithThePreviousSubject) {
  retriever_.on("这个收费吗", result({{"recharge.fee", 0.8}}));
  retriever_.on("提现收费吗", result({{"withdraw.fee", 0.8}, {"recharge.fee", 0.1}}));
  Reading r = read("这个收费吗");
  EXPECT_EQ(r.kind, ReadingKind::kReference);
  EXPECT_EQ(r.result.candidates[0].id, "withdraw.fee");
}

TEST_F(FollowupTest, CompleteQuestionIsNotBentByTheContext) {
  retriever_.on("充值收手续费吗", result({{"recharge.fee", 0.9}, {"withdraw.fee", 0.05}}));
  Reading r = read("充值收手续费吗");
  EXPECT_EQ(r.kind, ReadingKind::kAlone);
  EXPECT_EQ(r.result.candidates[0].id, "recharge.fee");
  EXPECT_EQ(retriever_.queries.size(), 1u);  // nothing searched in context
}

TEST_F(FollowupTest, ContextThatCannotHoldTheWordsGivesWay) {
  // "要手续费吗" names a type withdrawals have... but here the topic is
  // recharge-less: after a fee question about recharge the words point
  // elsewhere and no recharge entry of the kept type exists; the topic
  // holds under half the best: the text alone stands.
  conversation_.topic = "recharge";
  conversation_.type = "fee";
  conversation_.last_faq_id = "recharge.fee";
  conversation_.last_question = "充值收手续费吗";
  retriever_.on("要多久", result({{"withdraw.arrival_time", 0.9}}));
  retriever_.on("充值要多久", result({{"withdraw.arrival_time", 0.8}, {"recharge.fee", 0.1}}));
  Reading r = read("要多久");
  EXPECT_FALSE(r.in_context());
  EXPECT_EQ(r.result.candidates[0].id, "withdraw.arrival_time");
}

TEST_F(FollowupTest, ATypeThatRefinesTheAnswerKeepsIt) {
  // 提现失败了 → 几天能回来: how long the failed money takes to come back,
  // not how long a withdrawal takes, because failed is refined_by how_long.
  kb_->entries.push_back(testing::entry("withdraw.failed", "提现失败钱会退回吗", "一般1-3个工作日退回。"));
  kb_->followup.type_cues["failed"] = {"失败"};
  kb_->followup.refined_by["failed"] = {"how_long"};
  knowledge::assign_slots(kb_.get());
  cues_ = CueReader(*kb_, retriever_);
  conversation_.last_question = "我提现失败了";
  conversation_.last_faq_id = "withdraw.failed";
  conversation_.type = "failed";
  retriever_.on("几天能回来", result({{"withdraw.arrival_time", 0.9}}));
  retriever_.on("提现失败钱会退回吗几天能回来",
                result({{"withdraw.failed", 0.6}, {"withdraw.arrival_time", 0.35}}));
  Reading r = read("几天能回来");
  EXPECT_EQ(r.kind, ReadingKind::kType);
  EXPECT_EQ(retriever_.queries.back(), "提现失败钱会退回吗几天能回来");  // the answer's title
  EXPECT_EQ(r.result.candidates[0].id, "withdraw.failed");
  // A reference points at the answer itself.
  retriever_.on("提现失败钱会退回吗要几天", result({{"withdraw.failed", 0.7}}));
  EXPECT_EQ(read("这个要几天").result.candidates[0].id, "withdraw.failed");
  EXPECT_EQ(retriever_.queries.back(), "提现失败钱会退回吗要几天");

  // Without refined_by, how_long is a new type: the text alone, sure of the
  // topic's entry of it, answers; unsure, the subject and its entry.
  kb_->followup.refined_by.clear();
  r = read("几天能回来");
  EXPECT_FALSE(r.in_context());
  EXPECT_EQ(r.result.candidates[0].id, "withdraw.arrival_time");
  retriever_.on("几天能回来", result({{"withdraw.arrival_time", 0.4}, {"withdraw.failed", 0.3}}));
  retriever_.on("提现几天能回来", result({{"withdraw.arrival_time", 0.8}, {"withdraw.failed", 0.1}}));
  r = read("几天能回来");
  EXPECT_EQ(retriever_.queries.back(), "提现几天能回来");
  EXPECT_EQ(r.result.candidates[0].id, "withdraw.arrival_time");
}

TEST_F(FollowupTest, AnotherCompanysProductStaysNamedInContext) {
  conversation_.last_question = "提现手续费多少";
  conversation_.last_faq_id = "withdraw.fee";
  conversation_.type = "fee";
  auto alone = result({{"withdraw.fee", 0.2}});
  alone.other_product = "支付宝";
  retriever_.on("那支付宝呢", alone);
  retriever_.on("提现手续费多少那支付宝呢", result({{"withdraw.fee", 0.9}}));
  Reading r = read("那支付宝呢");
  EXPECT_TRUE(r.in_context());
  EXPECT_EQ(r.result.other_product, "支付宝");  // the policy says it is not ours
}

// A comparison with another company's product the retriever does not flag
// as asked about ("和alipay相比怎么样" after the platform's safety) is no
// ellipsis of our answer: read alone. Control: the same words without the
// product stay an ellipsis in context.
TEST_F(FollowupTest, AnotherCompanysProductComparedIsNoEllipsisOfOurAnswer) {
  kb_->followup.product_type = "methods";
  kb_->other_products_list = {{"支付宝", {"alipay"}, "蚂蚁集团"}};
  cues_ = CueReader(*kb_, retriever_);
  after("充值要手续费吗", "recharge.fee", "recharge", "fee");
  retriever_.on("和alipay相比怎么样", result({{"recharge.fee", 0.2}}));
  retriever_.on("充值要手续费吗和alipay相比怎么样", result({{"recharge.fee", 0.9}}));
  Reading r = read("和alipay相比怎么样");
  EXPECT_FALSE(r.in_context());

  retriever_.on("那相比怎么样", result({{"recharge.fee", 0.2}}));
  retriever_.on("充值要手续费吗那相比怎么样", result({{"recharge.fee", 0.9}}));
  r = read("那相比怎么样");  // control: nothing of another company's
  EXPECT_TRUE(r.in_context());
}

TEST_F(FollowupTest, AProductRightAfterAnAnswerOfTheProductTypeIsAMeansOfOurs) {
  knowledge::Entry channels = testing::entry("recharge.channels", "充值支持哪些方式", "快捷支付或网银转账。");
  channels.topic = "recharge";
  channels.type = "methods";
  kb_->entries.push_back(channels);
  kb_->followup.product_type = "methods";
  kb_->other_products_list = {{"支付宝", {"alipay"}, "蚂蚁集团"}};
  cues_ = CueReader(*kb_, retriever_);
  EXPECT_TRUE(cues_.read("那alipay呢", "recharge", "methods").product);
  EXPECT_FALSE(cues_.read("那alipay呢", "recharge", "fee").product);  // only after a means answer
  EXPECT_EQ(cues_.read("那alipay呢", "recharge", "fee").residual_chars, 6u);
  EXPECT_EQ(cues_.without_products("那支付宝呢"), "那呢");

  after("充值支持哪些方式", "recharge.channels", "recharge", "methods");
  auto alone = result({{"recharge.channels", 0.1}}, 0.9);
  alone.other_product = "支付宝";
  retriever_.on("那支付宝呢", alone);
  // Searched in context without its name, which would read as their question.
  retriever_.on("充值支持哪些方式那呢", result({{"recharge.channels", 0.9}, {"recharge.fee", 0.05}}));
  Reading r = read("那支付宝呢");
  EXPECT_EQ(r.kind, ReadingKind::kType);
  ASSERT_FALSE(r.result.candidates.empty());
  EXPECT_EQ(r.result.candidates[0].id, "recharge.channels");
  EXPECT_EQ(r.result.other_product, "");  // ours: the policy answers

  // Naming a topic of its own, it is their product's question.
  auto theirs = result({{"recharge.channels", 0.3}}, 0.6);
  theirs.other_product = "支付宝";
  retriever_.on("支付宝怎么充值", theirs);
  retriever_.on("充值支持哪些方式支付宝怎么充值", result({{"recharge.channels", 0.9}}));
  r = read("支付宝怎么充值");
  EXPECT_EQ(r.result.other_product, "支付宝");

  // After an answer of another type the product stays theirs.
  conversation_.last_question = "充值收手续费吗";
  conversation_.last_faq_id = "recharge.fee";
  conversation_.type = "fee";
  retriever_.on("充值收手续费吗那支付宝呢", result({{"recharge.fee", 0.9}}));
  r = read("那支付宝呢");
  EXPECT_TRUE(r.in_context());
  EXPECT_EQ(r.result.other_product, "支付宝");
}

TEST_F(FollowupTest, ATitleRewriteOutOfScopeGivesWayToTheSubjectAndTheNewWords) {
  // "提现多久到账" + "建设银行要几天" reads as no question; "提现建设银行要几天" does.
  retriever_.on("建设银行要几天", result({{"withdraw.arrival_time", 0.3}}, 0.8));
  retriever_.on("提现建设银行要几天", result({{"withdraw.arrival_time", 0.9}}, 0.1));
  Reading r = read("建设银行要几天");
  EXPECT_EQ(r.kind, ReadingKind::kType);
  ASSERT_FALSE(r.result.candidates.empty());
  EXPECT_EQ(r.result.candidates[0].id, "withdraw.arrival_time");
  EXPECT_EQ(r.question, "提现建设银行要几天");
  ASSERT_GE(retriever_.queries.size(), 2u);
  EXPECT_EQ(retriever_.queries[retriever_.queries.size() - 2], "提现多久到账建设银行要几天");
  // Out of scope that way too: the text alone stands.
  retriever_.on("提现建设银行要几天", result({{"withdraw.arrival_time", 0.9}}, 0.9));
  r = read("建设银行要几天");
  EXPECT_FALSE(r.in_context());
}

TEST_F(FollowupTest, AFollowupOnlyCueNamesItsTypeWhereTheTopicIsAskedWithIt) {
  knowledge::Entry cost = testing::entry("loan.cost", "借款利息多少", "参考年化利率以借款页面为准。");
  cost.topic = "loan";
  cost.type = "fee";
  kb_->entries.push_back(cost);
  kb_->followup.followup_type_cues = {{"fee", {"利息"}}};
  cues_ = CueReader(*kb_, retriever_);
  MessageCues loan = cues_.read("利息咋算", "loan");
  ASSERT_EQ(loan.types.size(), 1u);
  EXPECT_EQ(loan.types[0].slot, "fee");
  EXPECT_EQ(loan.residual_chars, 2u);
  // withdraw.fee is never asked with 利息: after a withdrawal question the
  // word is content, not the fee type; without a topic it never applies.
  EXPECT_TRUE(cues_.read("利息咋算", "withdraw").types.empty());
  EXPECT_EQ(cues_.read("利息咋算", "withdraw").residual_chars, 4u);
  EXPECT_TRUE(cues_.read("利息咋算").types.empty());
  EXPECT_EQ(cues_.read("手续费咋算", "withdraw").types[0].slot, "fee");  // ordinary cues still do
}

TEST_F(FollowupTest, TheAnsweredTypeOnlyItsTopicHasTiesAnotherTopicsWordToTheAnswer) {
  knowledge::Entry referral = testing::entry("promo.referral", "邀请好友有什么奖励", "好友首次出借后发放。");
  referral.topic = "promo";
  referral.type = "referral";
  knowledge::Entry min_amount = testing::entry("invest.min_amount", "起投金额多少", "100元起投。");
  min_amount.topic = "invest";
  min_amount.type = "amount";
  kb_->entries.push_back(referral);
  kb_->entries.push_back(min_amount);
  kb_->followup.topic_cues["invest"] = {"出借"};
  kb_->followup.followup_type_cues = {{"referral", {"好友"}}, {"fee", {"利息"}}};
  cues_ = CueReader(*kb_, retriever_);
  after("邀请好友有什么奖励", "promo.referral", "promo", "referral");
  const std::string friend_lends = "好友最少要出借多少";
  retriever_.on(friend_lends, result({{"invest.min_amount", 0.8}, {"promo.referral", 0.4}}));
  Reading r = read(friend_lends);
  EXPECT_EQ(r.kind, ReadingKind::kType);
  ASSERT_FALSE(r.result.candidates.empty());
  EXPECT_EQ(r.result.candidates[0].id, "promo.referral");
  // Without the tie, another topic's word asks its own question.
  retriever_.on("最少要出借多少", result({{"invest.min_amount", 0.9}, {"promo.referral", 0.05}}));
  EXPECT_FALSE(read("最少要出借多少").in_context());
}

TEST_F(FollowupTest, TheTextAloneVetoesTheContextOnlyWithAnEntryOfTheNamedType) {
  // After a recharge fee question, "要几天" names how_long. Alone it is sure
  // of an entry of another topic; both experts put that entry first.
  after("充值收手续费吗", "recharge.fee", "recharge", "fee");
  retriever_.on("充值要几天", result({{"withdraw.arrival_time", 0.5}, {"recharge.fee", 0.45}}));
  // That entry is of the named type: it may be a question of its own.
  retriever_.on("要几天", result({{"withdraw.arrival_time", 0.97}, {"withdraw.fee", 0.02},
                                  {"recharge.fee", 0.01}}));
  Reading r = read("要几天");
  EXPECT_FALSE(r.in_context());
  EXPECT_EQ(r.result.candidates[0].id, "withdraw.arrival_time");
  // An entry of another type matched on incidental words: the context holds,
  // as the rewritten search alone keeps the topic close to its best.
  // (Not small talk: small talk the text alone is sure of stands.)
  retriever_.on("要几天", result({{"account.login_problem", 0.97}, {"withdraw.fee", 0.02},
                                  {"recharge.fee", 0.01}}));
  retriever_.on("充值要几天", result({{"account.login_problem", 0.5}, {"recharge.fee", 0.45}}));
  r = read("要几天");
  EXPECT_TRUE(r.in_context());
  EXPECT_EQ(r.result.candidates[0].id, "recharge.fee");
}

TEST_F(FollowupTest, SmallTalkTheTextAloneIsSureOfEndsTheTopic) {
  retriever_.on("那好谢谢", result({{"smalltalk.thanks", 0.9}}));
  retriever_.on("提现多久到账那好谢谢", result({{"withdraw.arrival_time", 0.9}}));
  EXPECT_EQ(kind_of("那好谢谢", result({{"smalltalk.thanks", 0.9}})), ReadingKind::kEllipsis);
  Reading r = read("那好谢谢");  // a marker, but small talk for certain
  EXPECT_FALSE(r.in_context());
  EXPECT_EQ(r.result.candidates[0].id, "smalltalk.thanks");
  retriever_.on("那好谢谢", result({{"smalltalk.thanks", 0.3}, {"withdraw.fee", 0.25}}));
  EXPECT_TRUE(read("那好谢谢").in_context());  // unsure alone: read in context
}

TEST_F(FollowupTest, OutOfScopeOnlyWhenBothSaySo) {
  retriever_.on("要手续费吗", result({{"withdraw.fee", 0.3}}, 0.7));
  retriever_.on("提现要手续费吗", result({{"withdraw.fee", 0.8}}, 0.6));
  EXPECT_FALSE(read("要手续费吗").in_context());
  retriever_.on("提现要手续费吗", result({{"withdraw.fee", 0.8}}, 0.2));
  Reading r = read("要手续费吗");
  EXPECT_TRUE(r.in_context());
  EXPECT_DOUBLE_EQ(r.result.out_of_scope, 0.2);
}

TEST_F(FollowupTest, WithinSlotsFiltersAndWeighs) {
  const auto searched = result({{"withdraw.arrival_time", 0.5}, {"withdraw.fee", 0.3},
                                {"recharge.fee", 0.2}});
  retrieval::SearchResult out;
  SlotFilter only_fee{"withdraw", "fee", /*only_type=*/true};
  ASSERT_TRUE(within_slots(searched, *kb_, only_fee, &out));
  ASSERT_EQ(out.candidates.size(), 1u);
  EXPECT_EQ(out.candidates[0].id, "withdraw.fee");

  SlotFilter prefer_fee{"withdraw", "fee", false};  // 0.3 * kTypePrior beats 0.5
  ASSERT_TRUE(within_slots(searched, *kb_, prefer_fee, &out));
  EXPECT_EQ(out.candidates[0].id, "withdraw.fee");
  double sum = 0;
  for (const auto& c : out.candidates) sum += c.confidence;
  EXPECT_NEAR(sum, 1.0, 1e-9);

  // Without an entry of the type, the topic needs kTopicShare of the best.
  SlotFilter recharge{"recharge", "", false};
  EXPECT_FALSE(within_slots(searched, *kb_, recharge, &out));  // 0.2 < 0.5 * 0.5
  EXPECT_FALSE(within_slots(result({}), *kb_, prefer_fee, &out) && out.candidates.size() > 1);
}

TEST_F(FollowupTest, LongTextIsClassifiedOnlyWithAReference) {
  // Long text the text alone answers stands on its own: nothing in context.
  const std::string long_text = "我想问一下你们平台充值的手续费一般怎么收";
  retriever_.on(long_text, result({{"recharge.fee", 0.9}}));
  Reading r = read(long_text);
  EXPECT_FALSE(r.in_context());
  EXPECT_EQ(retriever_.queries, std::vector<std::string>{long_text});
  retriever_.on("这个我想问一下你们平台的审核一般要多久", result({{"withdraw.fee", 0.2}}));
  retriever_.queries.clear();
  read("这个我想问一下你们平台的审核一般要多久");
  EXPECT_EQ(retriever_.queries.size(), 2u);  // the reference fills in the subject
}

TEST_F(FollowupTest, UnansweredTextIsRescuedByAClearReadingInContext) {
  // Long and elliptical: alone it answers nothing; after the subject it is
  // clearly about the kept topic.
  const std::string story = "我昨天下午交上去的到现在也没有动静";
  retriever_.on(story, result({{"recharge.fee", 0.2}, {"withdraw.arrival_time", 0.15},
                              {"withdraw.fee", 0.15}}));
  retriever_.on("提现" + story, result({{"withdraw.arrival_time", 0.8}, {"withdraw.fee", 0.1}}));
  Reading r = read(story);
  EXPECT_TRUE(r.in_context());
  EXPECT_EQ(retriever_.queries.back(), "提现" + story);  // after the subject, not the title
  ASSERT_FALSE(r.result.candidates.empty());
  EXPECT_EQ(r.result.candidates[0].id, "withdraw.arrival_time");

  // The same words when the search in context ranks another topic first,
  // or answers nothing clearly: the text alone stands.
  retriever_.on("提现" + story, result({{"recharge.fee", 0.8}, {"withdraw.arrival_time", 0.1}}));
  Reading other = read(story);
  EXPECT_FALSE(other.in_context()) << to_string(other.kind) << " " << other.question;
  retriever_.on("提现" + story, result({{"withdraw.arrival_time", 0.35}, {"withdraw.fee", 0.35}}));
  retriever_.on("提现多久到账" + story,
                result({{"withdraw.arrival_time", 0.35}, {"withdraw.fee", 0.35}}));
  EXPECT_FALSE(read(story).in_context());
}

TEST_F(FollowupTest, AWeakAnswerAloneIsOutvotedOnlyByAClearerOneInContext) {
  const std::string text = "挂上去以后一般要等上好几天吧";  // names how_long (几天)
  retriever_.on(text, result({{"recharge.fee", 0.45}, {"withdraw.fee", 0.05},
                             {"withdraw.arrival_time", 0.04}}));
  // how_long again: the answer's title and the text (as kType reads it).
  retriever_.on("提现多久到账" + text,
                result({{"withdraw.arrival_time", 0.9}, {"recharge.fee", 0.05}}));
  Reading r = read(text);
  EXPECT_TRUE(r.in_context());
  EXPECT_EQ(r.result.candidates[0].id, "withdraw.arrival_time");
  // Sure alone (>= kSureAlone): not searched in context at all.
  retriever_.on(text, result({{"recharge.fee", kSureAlone + 0.1}, {"withdraw.fee", 0.05}}));
  retriever_.queries.clear();
  EXPECT_FALSE(read(text).in_context());
  EXPECT_EQ(retriever_.queries.size(), 1u);
}

TEST_F(FollowupTest, NoRescueForAnotherTopicOrATypeTheTopicLacks) {
  // Names recharge: a complete question about another topic is not bent,
  // however unsure the text alone is.
  const std::string other_topic = "我想知道充值到底要多少时间才行";
  retriever_.on(other_topic, result({{"recharge.fee", 0.2}}));
  retriever_.on("提现" + other_topic, result({{"withdraw.arrival_time", 0.9}}));
  EXPECT_FALSE(read(other_topic).in_context());
  // Out of scope alone: the context does not make it ours, unless a
  // follow-up marker ties it to the conversation.
  const std::string weather = "明天下午到底会不会下大雨啊";
  retriever_.on(weather, result({{"withdraw.arrival_time", 0.1}, {"recharge.fee", 0.1}}, 0.9));
  retriever_.on("提现" + weather, result({{"withdraw.arrival_time", 0.9}}));
  EXPECT_FALSE(read(weather).in_context());
  const std::string marked = "要是我明天下午才去弄的话会怎么样";
  retriever_.on(marked, result({{"withdraw.arrival_time", 0.1}, {"recharge.fee", 0.1}}, 0.9));
  retriever_.on("提现" + marked, result({{"withdraw.arrival_time", 0.9}}));
  EXPECT_TRUE(read(marked).in_context());
  // An entry the text alone does not rank among its first kRescueRank.
  const std::string unranked = "我家里人昨天说的那个事情到底怎么样了";
  retriever_.on(unranked, result({{"recharge.fee", 0.2}, {"account.login_problem", 0.1},
                                  {"service.human", 0.1}, {"service.complaint", 0.1},
                                  {"smalltalk.thanks", 0.1}, {"withdraw.arrival_time", 0.05}}));
  retriever_.on("提现" + unranked, result({{"withdraw.arrival_time", 0.9}}));
  EXPECT_FALSE(read(unranked).in_context());
  // A long message the text alone reads within the kept topic: the context
  // confirms its first entry of the topic, it does not pick a sibling.
  const std::string sibling = "本月已经提了好几回了还要不要再交钱";
  retriever_.on(sibling, result({{"withdraw.fee", 0.3}, {"withdraw.arrival_time", 0.2}}));
  retriever_.on("提现" + sibling, result({{"withdraw.arrival_time", 0.9}, {"withdraw.fee", 0.05}}));
  retriever_.on("提现多久到账" + sibling,
                result({{"withdraw.arrival_time", 0.9}, {"withdraw.fee", 0.05}}));
  EXPECT_FALSE(read(sibling).in_context());
  // Names the kept topic and another: the other one is what is asked.
  const std::string both = "提现弄好了以后那个充值怎么弄";
  retriever_.on(both, result({{"recharge.fee", 0.2}}));
  retriever_.on("提现" + both, result({{"withdraw.arrival_time", 0.9}}));
  EXPECT_FALSE(read(both).in_context());
  // Names a type withdrawals have no entry of.
  kb_->followup.type_cues["safety"] = {"安全"};
  CueReader cues(*kb_, retriever_);
  const std::string lacking = "你们这个跟别家比起来到底安全不安全";
  retriever_.on(lacking, result({{"recharge.fee", 0.2}}));
  retriever_.on("提现" + lacking, result({{"withdraw.arrival_time", 0.9}}));
  Reading r = read_message(retriever_, *kb_, cues, lacking, conversation_, Thresholds{}, 5, 10);
  EXPECT_FALSE(r.in_context());
}

TEST_F(FollowupTest, CueReaderFindsWordsOnlyOutOfScopeExamplesUse) {
  kb_->out_of_scope = {"推荐几只股票", "快递到哪了", "工作日免费停车吗", "加班工作日算吗"};
  CueReader cues(*kb_, retriever_);
  EXPECT_EQ(cues.read("那股票手续费呢").foreign, std::vector<std::string>{"股票"});
  EXPECT_EQ(cues.read("快递呢").foreign, std::vector<std::string>{"快递"});
  EXPECT_EQ(cues.read("加班呢").foreign, std::vector<std::string>{"加班"});
  // Pairs our entries hold (工作日, 免费) and grammatical ones (几只) are not
  // foreign; nor is a run leaning on a word of ours: the seam of two (日免)
  // or a kind of ours (加班工作日).
  EXPECT_TRUE(cues.read("工作日免费吗").foreign.empty());
  EXPECT_TRUE(cues.read("几只").foreign.empty());
  EXPECT_TRUE(cues.read("加班工作日呢").foreign.empty());
  EXPECT_TRUE(cues_.read("那股票手续费呢").foreign.empty());  // no examples: none foreign
}

TEST_F(FollowupTest, AQuantityNamesNoKindOfThing) {
  kb_->out_of_scope = {"帮我写一份工作总结", "意外险多少钱一份"};
  CueReader cues(*kb_, retriever_);
  // A numeral and a measure word only out-of-scope examples hold (一份) is a
  // quantity, no word of another kind: "是每月出一份吗" after 运营数据在哪查
  // asks how often the report comes out.
  EXPECT_TRUE(cues.read("是每月出一份吗").foreign.empty());
  EXPECT_TRUE(cues.read("一般隔多久出一份").foreign.empty());
  // Control: the words of the examples' own kind stay foreign.
  EXPECT_EQ(cues.read("那意外险呢").foreign, std::vector<std::string>({"意外", "外险"}));
  EXPECT_FALSE(cues.read("工作总结呢").foreign.empty());
}

TEST_F(FollowupTest, ARemarkAboutAnotherKindIsReadAlone) {
  kb_->out_of_scope = {"推荐几只股票"};
  CueReader cues(*kb_, retriever_);
  conversation_.last_question = "提现手续费多少";
  conversation_.last_faq_id = "withdraw.fee";
  conversation_.type = "fee";
  const std::string stocks = "那股票手续费呢";
  retriever_.on(stocks, result({{"recharge.fee", 0.1}, {"withdraw.fee", 0.05}}, 0.9));
  retriever_.on("提现" + stocks, result({{"withdraw.fee", 0.9}}));
  retriever_.on("提现手续费多少" + stocks, result({{"withdraw.fee", 0.9}}));
  auto read_with = [&](const CueReader& c, const std::string& text) {
    return read_message(retriever_, *kb_, c, text, conversation_, Thresholds{}, 5, 10);
  };
  EXPECT_TRUE(read_with(cues_, stocks).in_context());  // without the example: a type of the topic
  EXPECT_FALSE(read_with(cues, stocks).in_context());
  // The text alone reads it in scope within the kept topic: still a
  // follow-up; out of scope there, not.
  retriever_.on(stocks, result({{"withdraw.fee", 0.1}, {"recharge.fee", 0.05}}, 0.9));
  EXPECT_FALSE(read_with(cues, stocks).in_context());
  retriever_.on(stocks, result({{"withdraw.fee", 0.1}, {"recharge.fee", 0.05}}, 0.2));
  EXPECT_TRUE(read_with(cues, stocks).in_context());
  // A pronoun points back whatever else it names.
  const std::string pointing = "这个股票手续费呢";
  retriever_.on(pointing, result({{"recharge.fee", 0.1}}, 0.9));
  retriever_.on("提现股票手续费呢", result({{"withdraw.fee", 0.9}}));
  EXPECT_TRUE(read_with(cues, pointing).in_context());
}

TEST_F(FollowupTest, AnEllipsisAskingItsOwnQuestionFollowsTheSubject) {
  // After 提现手续费多少, the text alone ranks another entry of the topic
  // first: the words follow the subject (提现), not the title, and that
  // entry's type is preferred.
  conversation_.last_question = "提现手续费多少";
  conversation_.last_faq_id = "withdraw.fee";
  conversation_.type = "fee";
  const std::string own = "办完以后隔多少时间能拿到";
  retriever_.on(own, result({{"withdraw.arrival_time", 0.2}, {"recharge.fee", 0.1}}));
  retriever_.on("提现" + own, result({{"withdraw.fee", 0.45}, {"withdraw.arrival_time", 0.35}}));
  retriever_.on("提现手续费多少" + own, result({{"withdraw.fee", 0.9}}));
  Reading r = read(own);
  ASSERT_TRUE(r.in_context());
  EXPECT_EQ(r.question, "提现" + own);
  EXPECT_EQ(r.result.candidates[0].id, "withdraw.arrival_time");
  // With a follow-up marker the ellipsis refines the answer: the title.
  const std::string marked = "那办完以后呢";
  retriever_.on(marked, result({{"withdraw.arrival_time", 0.2}, {"recharge.fee", 0.1}}));
  retriever_.on("提现手续费多少" + marked,
                result({{"withdraw.fee", 0.9}, {"withdraw.arrival_time", 0.02}}));
  Reading m = read(marked);
  ASSERT_TRUE(m.in_context());
  EXPECT_EQ(m.result.candidates[0].id, "withdraw.fee");
}

TEST_F(FollowupTest, AnEllipsisTheTextAloneIsUnsureOfRefinesTheAnswer) {
  // The text alone's best entry of the topic, far from a clear match, asks
  // no question of its own: the ellipsis follows the answer's title and its
  // type ("我老公没工作可以借吗" after 借款要满足什么条件).
  after("提现手续费多少", "withdraw.fee", "withdraw", "fee");
  const std::string said = "我没绑卡可以吗";
  retriever_.on(said, result({{"withdraw.arrival_time", 0.15}, {"recharge.fee", 0.1}}));
  retriever_.on("提现" + said, result({{"withdraw.arrival_time", 0.6}, {"withdraw.fee", 0.2}}));
  retriever_.on("提现手续费多少" + said, result({{"withdraw.fee", 0.4}, {"withdraw.arrival_time", 0.35}}));
  Reading r = read(said);
  ASSERT_TRUE(r.in_context());
  EXPECT_EQ(r.question, "提现手续费多少" + said);
  ASSERT_FALSE(r.result.candidates.empty());
  EXPECT_EQ(r.result.candidates[0].id, "withdraw.fee");
}

TEST(FollowupLength, AnEnglishWordIsOneUnit) {
  EXPECT_EQ(content_units("how about the charge"), 4u);
  EXPECT_EQ(content_units("那手续费呢？"), 5u);
  EXPECT_EQ(content_units("提现fee多少"), 5u);
  EXPECT_EQ(content_units("can I pay it off early?"), 6u);
  EXPECT_EQ(content_units("提现500"), 5u) << "digits count one by one";
}

TEST_F(FollowupTest, AShortEnglishFollowupIsReadInContext) {
  after("提现多久到账", "withdraw.arrival_time", "withdraw", "how_long");
  const std::string said = "and the 手续费 for that";  // 16 characters, 5 units
  retriever_.on(said, result({{"recharge.fee", 0.3}, {"withdraw.fee", 0.25}}));
  const Reading r = read(said);
  EXPECT_NE(r.kind, ReadingKind::kAlone);
}

TEST_F(FollowupTest, APointerWithItsOwnNounOfTheKeptTopicAsksItsOwnQuestion) {
  after("提现多久到账", "withdraw.arrival_time", "withdraw", "how_long");
  retriever_.on("这个取现到底咋弄", result({{"withdraw.fee", 0.9}}));
  retriever_.on("提现到底咋弄", result({{"withdraw.arrival_time", 0.9}}));
  retriever_.on("提现取现到底咋弄", result({{"withdraw.arrival_time", 0.9}}));
  const Reading r = read("这个取现到底咋弄");
  EXPECT_EQ(r.kind, ReadingKind::kAlone);
  ASSERT_FALSE(r.result.candidates.empty());
  EXPECT_EQ(r.result.candidates[0].id, "withdraw.fee");
  auto own_noun = [&](const std::string& said) {
    return pointer_before_new_word(cues_, *kb_, retriever_, said, cues_.read(said), conversation_);
  };
  EXPECT_TRUE(own_noun("这个取现到底咋弄"));
  EXPECT_FALSE(own_noun("它和取现一样吗")) << "a pronoun takes no noun";
  EXPECT_FALSE(own_noun("取现这个咋弄")) << "the word before the pointer";
  EXPECT_FALSE(own_noun("这个提现咋弄")) << "the last question named it";
}

TEST_F(FollowupTest, ACompleteQuestionTheTextAloneIsSureOfIsReadAlone) {
  // A long story pointing back (这个), sure alone: its own question.
  const std::string story = "我上个月交的这个到现在手续费怎么还没退给我";
  retriever_.on(story, result({{"recharge.fee", 0.9}}));
  retriever_.on("我上个月交的提现到现在手续费怎么还没退给我", result({{"withdraw.fee", 0.9}}));
  EXPECT_FALSE(read(story).in_context());
  // The same words unsure alone: the reference reading stands.
  retriever_.on(story, result({{"recharge.fee", 0.3}, {"withdraw.fee", 0.25}}));
  EXPECT_TRUE(read(story).in_context());
  // A new topic and more words, sure alone; the bare topic keeps the type.
  retriever_.on("充值行不", result({{"recharge.fee", 0.95}}));
  retriever_.on("充值多久到账", result({{"recharge.fee", 0.9}}));
  EXPECT_EQ(cues_.read("充值行不").residual_chars, 2u);
  EXPECT_FALSE(read("充值行不").in_context());
  retriever_.on("那充值呢", result({{"recharge.fee", 0.95}}));
  EXPECT_TRUE(read("那充值呢").in_context());
  // A type whose entry in the kept topic the text alone is sure of: alone;
  // sure of another topic's entry of the type: still read in the kept topic.
  retriever_.on("周末几天能拿到", result({{"withdraw.holiday", 0.9}}));
  retriever_.on("提现周末几天能拿到", result({{"withdraw.arrival_time", 0.6}, {"withdraw.holiday", 0.3}}));
  retriever_.on("提现多久到账周末几天能拿到", result({{"withdraw.arrival_time", 0.6}, {"withdraw.holiday", 0.3}}));
  Reading own = read("周末几天能拿到");
  EXPECT_FALSE(own.in_context());
  EXPECT_EQ(own.result.candidates[0].id, "withdraw.holiday");
  retriever_.on("收费吗", result({{"recharge.fee", 0.9}}));
  retriever_.on("提现收费吗", result({{"withdraw.fee", 0.9}}));
  retriever_.on("提现多久到账收费吗", result({{"withdraw.fee", 0.9}}));
  EXPECT_TRUE(read("收费吗").in_context());
}

TEST_F(FollowupTest, APointerAskingATypeOfItsOwnTheTextAloneIsSureOfIsReadAlone) {
  // After 提现多久到账: a pointer naming the fee, the text alone sure of the
  // kept topic's fee entry, asks that entry's question alone.
  retriever_.on("它收费吗", result({{"withdraw.fee", 0.9}}));
  retriever_.on("提现收费吗", result({{"withdraw.arrival_time", 0.6}, {"withdraw.fee", 0.3}}));
  Reading own = read("它收费吗");
  EXPECT_FALSE(own.in_context());
  EXPECT_EQ(own.result.candidates[0].id, "withdraw.fee");
  // Sure of another topic's entry of a type the kept topic has: in context.
  retriever_.on("它收费吗", result({{"recharge.fee", 0.9}}));
  EXPECT_TRUE(read("它收费吗").in_context());
  // After 充值收手续费吗, whose topic has no entry of how long it takes:
  // another topic's entry of that type, sure alone, is what is asked only
  // when the answer lists it as a follow-up.
  after("充值收手续费吗", "recharge.fee", "recharge", "fee");
  retriever_.on("它几天", result({{"withdraw.arrival_time", 0.9}}));
  retriever_.on("充值几天", result({{"recharge.fee", 0.9}}));
  EXPECT_TRUE(read("它几天").in_context());
  kb_->entries[3].follow_ups = {"withdraw.arrival_time"};  // recharge.fee
  own = read("它几天");
  EXPECT_FALSE(own.in_context());
  EXPECT_EQ(own.result.candidates[0].id, "withdraw.arrival_time");
  // Naming no type, the pointer keeps the context however sure alone.
  retriever_.on("它行吗", result({{"withdraw.arrival_time", 0.9}}));
  retriever_.on("充值行吗", result({{"recharge.fee", 0.9}}));
  EXPECT_TRUE(read("它行吗").in_context());
}

TEST_F(FollowupTest, ANewWordOfTheKeptTopicIsItsOwnSubject) {
  // 取现 names the kept topic with a word 提现多久到账 did not use: the
  // message is searched as its own subject, the repeated 提现 dropped.
  const std::string text = "提现完取现收费吗";
  retriever_.on(text, result({{"withdraw.fee", 0.3}, {"withdraw.arrival_time", 0.25}}));
  retriever_.on("完取现收费吗", result({{"withdraw.fee", 0.8}, {"withdraw.arrival_time", 0.1}}));
  Reading r = read(text);
  ASSERT_TRUE(r.in_context());
  EXPECT_EQ(retriever_.queries.back(), "完取现收费吗");
  EXPECT_EQ(r.result.candidates[0].id, "withdraw.fee");
  // Only words used before: the subject leads, as for any new type.
  const std::string same = "提现收费吗";
  retriever_.on(same, result({{"withdraw.fee", 0.3}, {"withdraw.arrival_time", 0.25}}));
  retriever_.on("提现提现收费吗", result({{"withdraw.fee", 0.8}}));
  EXPECT_TRUE(read(same).in_context());
  EXPECT_EQ(retriever_.queries.back(), "提现提现收费吗");
}

TEST_F(FollowupTest, FreshConversationSearchesTheTextAlone) {
  Conversation fresh;
  Reading r = read_message(retriever_, *kb_, cues_, "那周末呢", fresh, Thresholds{}, 5, 10);
  EXPECT_FALSE(r.in_context());
  EXPECT_EQ(retriever_.queries.size(), 1u);
}

TEST_F(FollowupTest, RememberedSlotsPreferTheTypeTheQuestionNamed) {
  Conversation c;
  const knowledge::Entry& arrival = *kb_->find("withdraw.arrival_time");
  remember_slots(c, *kb_, arrival, cues_.read("提现周末要几天"));  // names holiday and how_long
  EXPECT_EQ(c.topic, "withdraw");
  EXPECT_EQ(c.type, "how_long");  // the entry's own type is among those named
  remember_slots(c, *kb_, arrival, cues_.read("周末提现什么时候到"));
  EXPECT_EQ(c.type, "holiday");  // what the question asked, not the entry's type
  remember_slots(c, *kb_, arrival, cues_.read("提现什么时候到"));
  EXPECT_EQ(c.type, "how_long");
}

TEST_F(FollowupTest, ARememberedTypeIsOneTheKeptTopicHasAnEntryOf) {
  Conversation c;
  // recharge has a fee entry only: how_long and holiday name no entry of it.
  const knowledge::Entry& recharge_fee = *kb_->find("recharge.fee");
  remember_slots(c, *kb_, recharge_fee, cues_.read("充值周末多久能到"));
  EXPECT_EQ(c.topic, "recharge");
  EXPECT_EQ(c.type, "fee");  // the entry's type, not a type the topic lacks
  // The first named type the topic has is kept, past those it lacks.
  const knowledge::Entry withdraw_fee = *kb_->find("withdraw.fee");
  remember_slots(c, *kb_, withdraw_fee, cues_.read("提现多久周末"));
  EXPECT_EQ(c.topic, "withdraw");
  EXPECT_EQ(c.type, "how_long");  // named first, and withdraw has it
  kb_->entries.erase(std::remove_if(kb_->entries.begin(), kb_->entries.end(),
                                    [](const knowledge::Entry& e) { return e.id == "withdraw.arrival_time"; }),
                     kb_->entries.end());
  remember_slots(c, *kb_, withdraw_fee, cues_.read("提现多久周末"));
  EXPECT_EQ(c.type, "holiday");  // how_long, named first, has no entry of withdraw now
}

TEST_F(FollowupTest, AsksAgainOnlyWhenTheMessageRepeatsTheLastQuestion) {
  auto alone = [](const std::string& normalized) {
    Reading r;
    r.question = normalized;
    return r;
  };
  // last_question: 提现多久到账
  EXPECT_TRUE(asks_again(cues_, alone("提现多久到账"), conversation_));
  EXPECT_TRUE(asks_again(cues_, alone("提现到账要多久"), conversation_));  // reordered, one new char
  EXPECT_FALSE(asks_again(cues_, alone("工商银行提现多久到账"), conversation_));  // new words
  EXPECT_FALSE(asks_again(cues_, alone("提现周末多久到账"), conversation_));  // a new type
  EXPECT_FALSE(asks_again(cues_, alone("充值多久到账"), conversation_));      // a new topic
  EXPECT_FALSE(asks_again(cues_, alone("提现多久到账呢"), conversation_));    // a follow-up marker
  Reading in_context = alone("提现多久到账");
  in_context.kind = ReadingKind::kType;  // read as a follow-up: it asks within the answer
  EXPECT_FALSE(asks_again(cues_, in_context, conversation_));
  Conversation fresh;
  EXPECT_FALSE(asks_again(cues_, alone("提现多久到账"), fresh));
}

TEST_F(FollowupTest, TheOtherOneOfAKindIsItsSiblingWord) {
  add_password_entries();
  kb_->followup.topic_cues["account"] = {"登录密码", "交易密码", "支付密码", "登录", "密码"};
  cues_ = CueReader(*kb_, retriever_);
  EXPECT_EQ(cues_.others_of("密码", "登录密码"),
            (std::vector<std::string>{"交易密码", "支付密码"}));
  EXPECT_EQ(cues_.others_of("", "交易密码"), (std::vector<std::string>{"登录密码", "支付密码"}));
  EXPECT_TRUE(cues_.others_of("密码", "提现").empty());  // no topic word
  after("登录密码忘了怎么办", "account.password_reset", "account", "password_reset");
  retriever_.on("那另一个密码呢", result({{"account.password_reset", 0.3}}));
  retriever_.on("交易密码忘了怎么办", result({{"account.trade_password", 0.9}}));
  Reading r = read("那另一个密码呢");
  EXPECT_EQ(r.kind, ReadingKind::kSubject);
  EXPECT_EQ(r.question, "交易密码忘了怎么办");
  ASSERT_FALSE(r.result.candidates.empty());
  EXPECT_EQ(r.result.candidates[0].id, "account.trade_password");
  // The first sibling whose search reads another entry than the one answered.
  conversation_.last_question = "交易密码忘了怎么办";
  conversation_.last_faq_id = "account.trade_password";
  conversation_.type = "trade_password";
  retriever_.on("另外那个密码呢", result({{"account.trade_password", 0.3}}));
  retriever_.on("登录密码忘了怎么办", result({{"account.password_reset", 0.9}}));
  r = read("另外那个密码呢");
  ASSERT_FALSE(r.result.candidates.empty());
  EXPECT_EQ(r.result.candidates[0].id, "account.password_reset");
  // "另外" alone adds a question, it points at no other one.
  retriever_.on("另外密码呢", result({{"account.trade_password", 0.3}}));
  EXPECT_NE(read("另外密码呢").question, "登录密码忘了怎么办");
}

TEST_F(FollowupTest, ANewWordOfTheTopicWithAMarkerAsksTheSameOfIt) {
  add_password_entries();
  kb_->followup.topic_cues["account"] = {"交易密码", "登录密码", "登录", "密码"};
  cues_ = CueReader(*kb_, retriever_);
  after("交易密码忘了怎么办", "account.trade_password", "account", "trade_password");
  retriever_.on("那登录用的呢", result({{"account.trade_password", 0.3}}));
  retriever_.on("登录密码忘了怎么办",
                result({{"account.trade_password", 0.5}, {"account.password_reset", 0.45}}));
  Reading r = read("那登录用的呢");
  EXPECT_EQ(r.kind, ReadingKind::kSubject);
  ASSERT_FALSE(r.result.candidates.empty());
  EXPECT_EQ(r.result.candidates[0].id, "account.password_reset");
}

TEST_F(FollowupTest, AShortMessageOutOfScopeForWantOfWordsIsAnEllipsis) {
  // The text alone reads the kept topic first, with a lead.
  retriever_.on("我没社保行不行", result({{"withdraw.fee", 0.5}, {"recharge.fee", 0.05}}, 0.6));
  retriever_.on("提现我没社保行不行", result({{"withdraw.fee", 0.8}}, 0.1));  // its own question
  EXPECT_EQ(read("我没社保行不行").kind, ReadingKind::kEllipsis);
  // A bare question the text alone has no idea of.
  retriever_.on("怎么办", result({{"recharge.fee", 0.02}}, 0.7));
  retriever_.on("提现多久到账怎么办", result({{"withdraw.arrival_time", 0.8}}, 0.1));
  EXPECT_EQ(read("怎么办").kind, ReadingKind::kEllipsis);
  // A remark the text alone has no idea of stays alone.
  retriever_.on("我家猫生病了", result({{"recharge.fee", 0.02}}, 0.6));
  retriever_.on("提现多久到账我家猫生病了", result({{"withdraw.arrival_time", 0.8}}, 0.1));
  EXPECT_FALSE(read("我家猫生病了").in_context());
  // As one entry as likely as another: no lead.
  retriever_.on("会不会下雨", result({{"withdraw.fee", 0.1}, {"recharge.fee", 0.1}}, 0.9));
  retriever_.on("提现多久到账会不会下雨", result({{"withdraw.arrival_time", 0.8}}, 0.1));
  EXPECT_FALSE(read("会不会下雨").in_context());
}


namespace faqbot::bot {
namespace {

// A scripted retriever that also reads a few characters in pinyin.
class ReadingRetriever : public testing::FakeRetriever {
 public:
  std::function<std::string_view(char32_t)> readings() const override {
    return [](char32_t cp) -> std::string_view {
      switch (cp) {
        case U'提': return "ti";
        case U'现': case U'线': case U'先': return "xian";
        case U'充': case U'重': case U'冲': return "chong";
        case U'值': case U'置': return "zhi";
        case U'花': case U'话': case U'画': return "hua";
        case U'钱': return "qian";
        case U'安': case U'按': return "an";
        case U'全': return "quan";
        case U'利': return "li";
        case U'息': case U'西': return "xi";
        case U'还': return "huan";
        case U'清': case U'请': return "qing";
        default: return "";
      }
    };
  }
};

TEST(FollowupClean, HesitationsGoAndHomophonesOfCueWordsAreRightedOnlyWhereNoTextHoldsThem) {
  auto kb = testing::make_kb();
  kb->followup.hesitations = {"嗯", "就是", "那个"};
  kb->followup.references = {"它", "这个", "那个"};
  kb->out_of_scope = {"路由器怎么重置"};  // 重置 is a word of another kind
  ReadingRetriever retriever;
  CueReader cues(*kb, retriever);
  EXPECT_EQ(cues.clean("嗯那个就是提线呢"), "提现呢");   // 那个 among hesitations goes too
  EXPECT_EQ(cues.clean("那个钱呢"), "那个钱呢");         // alone, 那个 points back
  EXPECT_EQ(cues.clean("那重值呢"), "那充值呢");         // 重值: no text holds it
  EXPECT_EQ(cues.clean("那重置呢"), "那重置呢");         // an out-of-scope example holds 重置
  EXPECT_EQ(cues.clean("提现手续费"), "提现手续费");     // typed right: unchanged
  EXPECT_EQ(cues.clean("先提呢"), "先提呢");             // sounds unlike every cue

  // A character kept at an edge that makes a word with the one beside it
  // belongs to that word (全部: an out-of-scope example holds it).
  kb->followup.type_cues["safety"] = {"安全"};
  kb->out_of_scope.push_back("全部卖掉行吗");
  CueReader safety(*kb, retriever);
  EXPECT_EQ(safety.clean("按全吗"), "安全吗");
  EXPECT_EQ(safety.clean("是按全部算吗"), "是按全部算吗");

  testing::FakeRetriever no_pinyin;  // the pinyin channel off: hesitations only
  CueReader plain(*kb, no_pinyin);
  EXPECT_EQ(plain.clean("嗯提线呢"), "提线呢");
}

TEST(FollowupClean, FollowupOnlyCueWordsAreRightedTooAndASeamWithOneIsNoWord) {
  auto kb = testing::make_kb();
  kb->followup.followup_type_cues["fee"] = {"利息"};
  kb->followup.followup_type_cues["early_repay"] = {"还清"};
  // 来利 only in 下来利息: a seam beside 利息, no word; 还请 a word of another kind.
  kb->out_of_scope = {"存一年下来利息多少", "还请帮个忙"};
  ReadingRetriever retriever;
  CueReader cues(*kb, retriever);
  EXPECT_EQ(cues.clean("那利西高吗"), "那利息高吗");
  EXPECT_EQ(cues.clean("那借下来利西高吗"), "那借下来利息高吗");
  EXPECT_EQ(cues.clean("借下来利息高吗"), "借下来利息高吗");  // typed right: unchanged
  EXPECT_EQ(cues.clean("还请问一下"), "还请问一下");          // a text holds 还请: stays

  // 来利 held apart from 利息 as well (未来利好): a word, and 利 stays with it.
  kb->out_of_scope.push_back("未来利好吗");
  CueReader apart(*kb, retriever);
  EXPECT_EQ(apart.clean("那借下来利西高吗"), "那借下来利西高吗");
}

TEST(FollowupClean, AFollowupIsReadAsTypedClean) {
  auto kb = testing::make_kb();
  kb->followup.hesitations = {"嗯", "就是"};
  ReadingRetriever retriever;
  CueReader cues(*kb, retriever);
  Conversation c;
  c.last_question = "提现要收手续费吗";
  c.last_faq_id = "withdraw.fee";
  c.topic = "withdraw";
  c.type = "fee";
  retriever.on("充值要收手续费吗", testing::result({{"recharge.fee", 0.6}, {"withdraw.fee", 0.3}}));
  Reading r = read_message(retriever, *kb, cues, "嗯就是那冲值呢", c, Thresholds{}, 5, 10);
  EXPECT_EQ(r.kind, ReadingKind::kTopic);  // 冲值 names recharge, as 充值 does
  ASSERT_FALSE(r.result.candidates.empty());
  EXPECT_EQ(r.result.candidates[0].id, "recharge.fee");
}

TEST(FollowupContrast, TheContraryConditionKeepsTheTopicWithoutTheAnsweredType) {
  auto kb = testing::make_kb();
  kb->followup.contrasts = {{"holiday", {"工作日", "平时"}}};
  testing::FakeRetriever retriever;
  CueReader cues(*kb, retriever);
  Conversation c;
  c.last_question = "周末提现什么时候到账";
  c.last_faq_id = "withdraw.holiday";
  c.topic = "withdraw";
  c.type = "holiday";
  EXPECT_EQ(cues.read("平时呢", "withdraw", "holiday").contrasts.size(), 1u);
  EXPECT_TRUE(cues.read("平时呢", "withdraw", "how_long").contrasts.empty());  // only after holiday
  retriever.on("工作日呢", testing::result({{"withdraw.holiday", 0.7}}));
  retriever.on("提现什么时候到账工作日",
               testing::result({{"withdraw.holiday", 0.5}, {"withdraw.arrival_time", 0.4}}));
  Reading r = read_message(retriever, *kb, cues, "工作日呢", c, Thresholds{}, 5, 10);
  EXPECT_EQ(r.kind, ReadingKind::kContrast);
  // The answered condition's words gone, the contrary one's kept.
  EXPECT_EQ(retriever.queries.back(), "提现什么时候到账工作日");
  ASSERT_FALSE(r.result.candidates.empty());
  EXPECT_EQ(r.result.candidates[0].id, "withdraw.arrival_time");
  for (const auto& cand : r.result.candidates) EXPECT_NE(cand.id, "withdraw.holiday");
  EXPECT_STREQ(to_string(ReadingKind::kContrast), "contrast");
  // The contrary condition may be the whole question ("那拖过还款日才还呢" after
  // 借款可以提前还吗 asks about overdue loans): the text alone votes.
  retriever.on("平时呢", testing::result({{"withdraw.fee", 0.59}, {"withdraw.arrival_time", 0.1}}));
  retriever.on("提现什么时候到账平时",
               testing::result({{"withdraw.arrival_time", 0.45}, {"withdraw.fee", 0.4}}));
  Reading v = read_message(retriever, *kb, cues, "平时呢", c, Thresholds{}, 5, 10);
  EXPECT_EQ(v.kind, ReadingKind::kContrast);
  ASSERT_FALSE(v.result.candidates.empty());
  EXPECT_EQ(v.result.candidates[0].id, "withdraw.fee");
}

TEST_F(FollowupTest, ANewTopicWhoseRewriteIsClearIsAnsweredAsAsked) {
  for (auto [id, q] : {std::pair{"loan.cost", "借款利息多少"}, {"loan.early_repay", "提前还款"}}) {
    knowledge::Entry e = testing::entry(id, q, "…");
    e.topic = "loan";
    e.type = std::string(id) == "loan.cost" ? "fee" : "early_repay";
    kb_->entries.push_back(e);
  }
  kb_->followup.topic_cues["loan"] = {"借款", "提前还款"};
  cues_ = CueReader(*kb_, retriever_);
  conversation_.last_question = "提现要收手续费吗";
  conversation_.last_faq_id = "withdraw.fee";
  conversation_.type = "fee";
  retriever_.on("那提前还款呢", result({{"loan.early_repay", 0.9}}));
  // The rewrite asks clearly about early repayment's charges: answered as
  // asked, not bent to the loan's entry of the kept type.
  retriever_.on("提前还款要收手续费吗", result({{"loan.early_repay", 0.9}, {"loan.cost", 0.05}}));
  Reading r = read("那提前还款呢");
  EXPECT_EQ(r.kind, ReadingKind::kTopic);
  EXPECT_EQ(r.result.candidates[0].id, "loan.early_repay");
  // Unclear, the kept type holds.
  retriever_.on("提前还款要收手续费吗", result({{"loan.early_repay", 0.4}, {"loan.cost", 0.35}}));
  r = read("那提前还款呢");
  ASSERT_EQ(r.result.candidates.size(), 1u);
  EXPECT_EQ(r.result.candidates[0].id, "loan.cost");
}

TEST_F(FollowupTest, APointerBesideANewWordOfTheTopicAsksTheSameOfIt) {
  add_password_entries();
  kb_->followup.topic_cues["account"] = {"交易密码", "登录密码", "登录", "密码"};
  kb_->followup.references.push_back("那个");
  cues_ = CueReader(*kb_, retriever_);
  EXPECT_EQ(cues_.said_of("登录", "交易密码"), "登录密码");  // the login one of the passwords
  EXPECT_EQ(cues_.said_of("登录", "提现"), "登录");          // another topic's word: as said
  after("交易密码忘了怎么办", "account.trade_password", "account", "trade_password");
  retriever_.on("登录的那个呢", result({{"account.login_problem", 0.7}}));
  retriever_.on("登录密码忘了怎么办",
                result({{"account.trade_password", 0.5}, {"account.password_reset", 0.45}}));
  Reading r = read("登录的那个呢");
  EXPECT_EQ(r.kind, ReadingKind::kSubject);
  EXPECT_EQ(r.question, "登录密码忘了怎么办");
  ASSERT_FALSE(r.result.candidates.empty());
  EXPECT_EQ(r.result.candidates[0].id, "account.password_reset");
  for (const auto& c : r.result.candidates) EXPECT_NE(c.id, "account.trade_password");
  // A pointer that is not beside the new word points back at the subject.
  retriever_.on("那个登录时要输吗", result({{"account.trade_password", 0.4}}));
  EXPECT_NE(read("那个登录时要输吗").kind, ReadingKind::kSubject);
}

TEST_F(FollowupTest, AWordOfATopicThatIsATypesCueNamesBoth) {
  kb_->followup.topic_cues["invest"] = {"投资", "起投"};
  kb_->followup.type_cues["amount"] = {"起投", "金额"};
  cues_ = CueReader(*kb_, retriever_);
  MessageCues c = cues_.read("起投金额多少");
  ASSERT_EQ(c.topics.size(), 1u);
  EXPECT_EQ(c.topics[0].slot, "invest");
  ASSERT_EQ(c.types.size(), 2u);
  EXPECT_EQ(c.types[0].slot, "amount");
  EXPECT_EQ(c.types[0].word, "起投");
}

TEST_F(FollowupTest, AProductOfTheTopicsOwnKindIsItsPeerNotAMeansOfOurs) {
  knowledge::Entry repay = testing::entry("loan.repay_methods", "借款怎么还", "银行卡自动扣款。");
  repay.topic = "loan";
  repay.type = "methods";
  kb_->entries.push_back(repay);
  kb_->followup.topic_cues["loan"] = {"借款"};
  kb_->followup.product_type = "methods";
  kb_->followup.peer_marks = {{"loan", {"呗", "贷"}}};
  kb_->other_products_list = {{"花呗", {}, "蚂蚁集团"}, {"支付宝", {"alipay"}, "蚂蚁集团"}};
  cues_ = CueReader(*kb_, retriever_);
  EXPECT_TRUE(cues_.read("花呗呢", "loan", "methods").peer_product);
  EXPECT_FALSE(cues_.read("花呗呢", "recharge", "methods").peer_product);  // a means to recharge
  EXPECT_FALSE(cues_.read("那支付宝呢", "loan", "methods").peer_product);  // a means to repay

  after("借款怎么还", "loan.repay_methods", "loan", "methods");
  auto theirs = result({}, 1.0);
  theirs.other_product = "花呗";
  retriever_.on("花呗呢", theirs);
  retriever_.on("借款怎么还花呗呢", result({{"loan.repay_methods", 0.9}}));
  retriever_.on("借款怎么还呢", result({{"loan.repay_methods", 0.9}}));
  EXPECT_EQ(read("花呗呢").result.other_product, "花呗");  // how 花呗 is repaid: not ours
  auto means = result({}, 1.0);
  means.other_product = "支付宝";
  retriever_.on("那支付宝呢", means);
  retriever_.on("借款怎么还那呢", result({{"loan.repay_methods", 0.9}}));
  EXPECT_EQ(read("那支付宝呢").result.other_product, "");  // repaying ours with it
}

TEST(FollowupClean, AFillerOfTwoOrMoreCharactersIsTypedAsMeant) {
  auto kb = testing::make_kb();
  kb->followup.type_cues["fee"].push_back("花钱");
  ReadingRetriever retriever;
  CueReader cues(*kb, retriever);
  // 的话 is a filler: its 话 beside 钱 is no typo of 花钱.
  EXPECT_EQ(cues.clean("没人接手的话钱怎么办"), "没人接手的话钱怎么办");
  EXPECT_EQ(cues.clean("要画钱吗"), "要花钱吗");  // a homophone typo is still put right
}

TEST_F(FollowupTest, APointerIsAWordNotAPartOfOne) {
  kb_->followup.references = {"它", "这个", "他", "她"};
  kb_->followup.plain_words = {"其他", "其它", "他人"};
  CueReader cues(*kb_, retriever_);
  EXPECT_TRUE(cues.read("他要几天").reference);
  EXPECT_TRUE(cues.read("她收费吗").reference);
  EXPECT_FALSE(cues.read("其他银行要几天").reference);
  EXPECT_FALSE(cues.read("其它银行呢").reference);
  EXPECT_FALSE(cues.read("给他人的卡提现呢").reference);
  EXPECT_TRUE(cues.read("其他的它也收费吗").reference);  // 它 on its own still points
  EXPECT_EQ(cues.read("其他呢").residual_chars, 2u);      // a plain word is residual
  EXPECT_EQ(cues.replace_reference("其他他收费吗", "提现"), "其他提现收费吗");
}

TEST_F(FollowupTest, APlaceMoneyGoesToNamesNoQuestion) {
  kb_->followup.places = {"建行", "储蓄卡"};
  CueReader cues(*kb_, retriever_);
  const MessageCues c = cues.read("那提现到建行呢");
  ASSERT_EQ(c.topics.size(), 1u);
  EXPECT_EQ(c.topics[0].slot, "withdraw");
  EXPECT_EQ(c.residual_chars, 1u);  // 到: the bank is where, not what is asked
  EXPECT_EQ(cues.read("提现建行呢").residual_chars, 0u);
  // A new topic and a place, tied by 呢, names only the topic: no complete
  // question of its own however sure the text alone is.
  conversation_.topic = "recharge";
  conversation_.type = "fee";
  EXPECT_FALSE(complete_alone(ReadingKind::kTopic, cues.read("提现建行呢"),
                              result({{"withdraw.arrival_time", 0.9}}), *kb_, conversation_, true));
  EXPECT_TRUE(complete_alone(ReadingKind::kTopic, cues.read("提现快不"),
                             result({{"withdraw.arrival_time", 0.9}}), *kb_, conversation_, true));
}

TEST_F(FollowupTest, ASubjectNoEntryAnswersIsAnsweredWithNone) {
  kb_->followup.outside = {"交税", "个税"};
  CueReader cues(*kb_, retriever_);
  EXPECT_EQ(cues.outside("那提现要交税吗"), "交税");
  EXPECT_EQ(cues.outside("提现要收费吗"), "");
  auto read_with = [&](const std::string& text, const Conversation& c) {
    return read_message(retriever_, *kb_, cues, text, c, Thresholds{}, 5, 10);
  };
  // In context the topic's words do not bend it, nor does the text alone's
  // confidence: out of scope, read alone.
  retriever_.on("提现手续费要扣个税吗", result({{"withdraw.fee", 0.95}}));
  Reading r = read_with("提现手续费要扣个税吗", conversation_);
  EXPECT_FALSE(r.in_context());
  EXPECT_GE(r.result.out_of_scope, 1.0);
  retriever_.on("那要交税吗", result({{"withdraw.fee", 0.3}}));
  r = read_with("那要交税吗", conversation_);
  EXPECT_FALSE(r.in_context());
  EXPECT_GE(r.result.out_of_scope, 1.0);
  EXPECT_GE(read_with("那要交税吗", Conversation{}).result.out_of_scope, 1.0);  // no context
  // Without the word: the follow-up as before.
  retriever_.on("那要收费吗", result({{"withdraw.fee", 0.3}}));
  retriever_.on("提现要收费吗", result({{"withdraw.fee", 0.9}}));
  EXPECT_TRUE(read_with("那要收费吗", conversation_).in_context());
}

TEST_F(FollowupTest, APointerBesideWordsTheLastQuestionNamedSaysMoreOfIt) {
  knowledge::Entry fraud = testing::entry("security.anti_fraud", "有人冒充客服要验证码", "请勿告知。",
                                          knowledge::HandoffMode::kOffer);
  fraud.topic = "security";
  fraud.type = "anti_fraud";
  kb_->entries.push_back(fraud);
  kb_->followup.topic_cues["security"] = {"冒充"};
  kb_->followup.topic_cues["account"] = {"验证码"};
  kb_->followup.references = {"它", "这个", "他"};
  cues_ = CueReader(*kb_, retriever_);
  after("有人冒充客服找我要验证码", "security.anti_fraud", "security", "anti_fraud");
  const std::string gave = "我把验证码给他了";
  retriever_.on(gave, result({{"account.login_problem", 0.42}, {"security.anti_fraud", 0.3}}));
  retriever_.on("我把验证码给冒充验证码了", result({{"security.anti_fraud", 0.9}}));
  Reading r = read(gave);
  EXPECT_EQ(r.kind, ReadingKind::kReference);
  ASSERT_FALSE(r.result.candidates.empty());
  EXPECT_EQ(r.result.candidates[0].id, "security.anti_fraud");
  // A word of another topic the last question did not name is a new topic.
  conversation_.last_question = "有人冒充客服找我要钱";
  EXPECT_FALSE(read(gave).in_context());
  // So is one the answer names, but only as the pointer's own noun: the
  // answer warns about passwords, so 我把密码告诉他了 goes on with it, and
  // 这个密码在哪改 asks about the password.
  kb_->entries.back().answer = "请勿告知密码。";
  kb_->followup.topic_cues["account"] = {"验证码", "密码"};
  cues_ = CueReader(*kb_, retriever_);
  const std::string told = "我把密码告诉他了";
  retriever_.on(told, result({{"account.login_problem", 0.9}}));
  retriever_.on("我把密码告诉冒充了", result({{"security.anti_fraud", 0.9}}));
  r = read(told);
  EXPECT_EQ(r.kind, ReadingKind::kReference);
  ASSERT_FALSE(r.result.candidates.empty());
  EXPECT_EQ(r.result.candidates[0].id, "security.anti_fraud");
  retriever_.on("这个密码在哪改", result({{"account.login_problem", 0.9}}));
  EXPECT_FALSE(read("这个密码在哪改").in_context());
  // Long, and the text alone sure of the other topic's entry: the words are
  // context all the same.
  after("有人冒充客服找我要验证码", "security.anti_fraud", "security", "anti_fraud");
  const std::string long_told = "我已经把验证码都告诉他了现在怎么办才好";
  retriever_.on(long_told, result({{"account.login_problem", 0.9}}));
  retriever_.on("我已经把验证码都告诉冒充了现在怎么办才好", result({{"security.anti_fraud", 0.9}}));
  r = read(long_told);
  EXPECT_EQ(r.kind, ReadingKind::kReference);
  ASSERT_FALSE(r.result.candidates.empty());
  EXPECT_EQ(r.result.candidates[0].id, "security.anti_fraud");
}

TEST_F(FollowupTest, APointerNamingATypeOnlyTheKeptTopicHasAsksItsEntry) {
  for (auto [id, q, type] : {std::tuple{"invest.repayment_schedule", "出借的钱什么时候回款", "repayment_schedule"},
                             {"invest.transfer", "债权转让怎么操作", "transfer"}}) {
    knowledge::Entry e = testing::entry(id, q, "…");
    e.topic = "invest";
    e.type = type;
    kb_->entries.push_back(e);
  }
  kb_->followup.topic_cues["invest"] = {"出借", "回款"};
  kb_->followup.type_cues["transfer"] = {"转给别人"};
  kb_->followup.references = {"这笔"};
  cues_ = CueReader(*kb_, retriever_);
  after("出借的钱什么时候回款", "invest.repayment_schedule", "invest", "repayment_schedule");
  const std::string hand_on = "这笔能转给别人吗";
  retriever_.on(hand_on, result({{"withdraw.fee", 0.05}}, 0.6));
  retriever_.on("的钱什么时候能转给别人吗", result({}, 0.6));
  retriever_.on("出借回款能转给别人吗",
                result({{"invest.repayment_schedule", 0.7}, {"invest.transfer", 0.01}}));
  Reading r = read(hand_on);
  EXPECT_EQ(r.kind, ReadingKind::kReference);
  ASSERT_FALSE(r.result.candidates.empty());
  EXPECT_EQ(r.result.candidates[0].id, "invest.transfer");
  // A type another topic has too is only preferred.
  knowledge::Entry other = testing::entry("account.transfer", "账户能转给别人吗", "…");
  other.topic = "account";
  other.type = "transfer";
  kb_->entries.push_back(other);
  r = read(hand_on);
  ASSERT_FALSE(r.result.candidates.empty());
  EXPECT_EQ(r.result.candidates[0].id, "invest.repayment_schedule");
}

TEST_F(FollowupTest, ASiblingNamedByItsModifierIsTheSubject) {
  add_password_entries();
  kb_->followup.topic_cues["account"] = {"登录密码", "交易密码", "支付密码", "登录", "密码", "银行卡"};
  kb_->followup.references.push_back("那个");
  cues_ = CueReader(*kb_, retriever_);
  std::string word, question;
  ASSERT_TRUE(cues_.sibling_named("交易的那个呢", "登录的密码忘了怎么重设", "account", &word, &question));
  EXPECT_EQ(word, "交易密码");
  EXPECT_EQ(question, "的交易密码忘了怎么重设");  // the family's other head goes
  ASSERT_TRUE(cues_.sibling_named("登录那个也想换掉", "交易密码在哪改", "account", &word, &question));
  EXPECT_EQ(word, "登录密码");
  EXPECT_EQ(question, "登录密码在哪改");
  // A pointer before the modifier points back at the subject.
  EXPECT_FALSE(cues_.sibling_named("它跟登录的那个能一样吗", "交易密码在哪改", "account", &word, &question));
  // The last question names the sibling or its modifier already; or no tail.
  EXPECT_FALSE(cues_.sibling_named("交易的那个呢", "交易密码忘了", "account", &word, &question));
  EXPECT_FALSE(cues_.sibling_named("登录的那个呢", "登录的密码忘了", "account", &word, &question));
  EXPECT_FALSE(cues_.sibling_named("交易的那个呢", "提现多久到账", "account", &word, &question));
  // The message names the tail itself: not a modifier alone.
  EXPECT_FALSE(cues_.sibling_named("交易密码呢", "登录密码忘了", "account", &word, &question));

  after("登录的密码忘了怎么重设", "account.password_reset", "account", "password_reset");
  retriever_.on("交易的那个呢", result({{"account.password_reset", 0.5}}));
  retriever_.on("的交易密码忘了怎么重设", result({{"account.trade_password", 0.9}}));
  Reading r = read("交易的那个呢");
  EXPECT_EQ(r.kind, ReadingKind::kSubject);
  ASSERT_FALSE(r.result.candidates.empty());
  EXPECT_EQ(r.result.candidates[0].id, "account.trade_password");
}

TEST_F(FollowupTest, AMarkedLongMessageNamingOnlyATypeOfTheTopicKeepsIt) {
  // The text alone reads another topic's entry of the type surely.
  retriever_.on("那我要是今天下午提交的话手续费要多少", result({{"recharge.fee", 0.9}}));
  retriever_.on("提现那我要是今天下午提交的话手续费要多少", result({{"withdraw.fee", 0.8}}));
  Reading r = read("那我要是今天下午提交的话手续费要多少");
  EXPECT_EQ(r.kind, ReadingKind::kType);
  ASSERT_FALSE(r.result.candidates.empty());
  EXPECT_EQ(r.result.candidates[0].id, "withdraw.fee");
  // Without a marker, and the type not the kept topic's alone: read alone.
  retriever_.on("我要是今天下午提交的话手续费要多少", result({{"recharge.fee", 0.9}}));
  r = read("我要是今天下午提交的话手续费要多少");
  EXPECT_EQ(r.kind, ReadingKind::kAlone);
  EXPECT_EQ(r.result.candidates[0].id, "recharge.fee");
  // The text alone sure of an entry of the kept topic itself: read alone.
  retriever_.on("那我要是今天下午提交的话要等几天才到账", result({{"withdraw.holiday", 0.9}}));
  EXPECT_EQ(read("那我要是今天下午提交的话要等几天才到账").kind, ReadingKind::kAlone);
}

TEST_F(FollowupTest, ANewTopicWithATypeItHasNoEntryOfKeepsTheType) {
  kb_->followup.type_cues["requirements"] = {"门槛"};
  cues_ = CueReader(*kb_, retriever_);
  after("充值收手续费吗", "recharge.fee", "recharge", "fee");
  retriever_.on("提现的门槛呢", result({{"withdraw.arrival_time", 0.3}}));
  retriever_.on("提现门槛收手续费吗", result({{"withdraw.fee", 0.7}, {"withdraw.arrival_time", 0.2}}));
  Reading r = read("提现的门槛呢");
  EXPECT_EQ(r.kind, ReadingKind::kTopic);
  ASSERT_FALSE(r.result.candidates.empty());
  EXPECT_EQ(r.result.candidates[0].id, "withdraw.fee");
}

TEST_F(FollowupTest, APointerAsTheSubjectKeepsTheTopicBesideAnotherTopicsWord) {
  after("充值收手续费吗", "recharge.fee", "recharge", "fee");
  retriever_.on("这个能直接提现吗", result({{"withdraw.arrival_time", 0.6}}));
  retriever_.on("充值能直接提现吗", result({{"recharge.fee", 0.6}, {"withdraw.fee", 0.3}}));
  Reading r = read("这个能直接提现吗");
  EXPECT_EQ(r.kind, ReadingKind::kReference);
  ASSERT_FALSE(r.result.candidates.empty());
  EXPECT_EQ(r.result.candidates[0].id, "recharge.fee");
  // The other topic's word is the pointer's noun: another subject.
  retriever_.on("这个提现要多久", result({{"withdraw.arrival_time", 0.9}}));
  EXPECT_NE(read("这个提现要多久").kind, ReadingKind::kReference);
}

TEST_F(FollowupTest, ThePreviousSubjectIsTheKeptTopicsWords) {
  after("充值以后提现多久到账", "withdraw.arrival_time", "withdraw", "how_long");
  retriever_.on("它要收费吗", result({{"recharge.fee", 0.4}}));
  retriever_.on("提现要收费吗", result({{"withdraw.fee", 0.8}}));
  Reading r = read("它要收费吗");
  EXPECT_EQ(r.kind, ReadingKind::kReference);
  EXPECT_EQ(r.question, "提现要收费吗");  // not 充值提现要收费吗
  ASSERT_FALSE(r.result.candidates.empty());
  EXPECT_EQ(r.result.candidates[0].id, "withdraw.fee");
}

TEST_F(FollowupTest, AShortFollowupAboutWhatTheAnswerStatesAsksAboutTheAnswer) {
  for (auto [id, q, a, type] :
       {std::tuple{"invest.auto_bid", "自动投标怎么开", "开启后可设置金额范围和期限范围", "auto_bid"},
        {"invest.min_amount", "起投金额多少", "100元起投", "amount"}}) {
    knowledge::Entry e = testing::entry(id, q, a);
    e.topic = "invest";
    e.type = type;
    kb_->entries.push_back(e);
  }
  cues_ = CueReader(*kb_, retriever_);
  after("自动投标怎么开", "invest.auto_bid", "invest", "auto_bid");
  // A setting the answer names: the answer, though the text alone is sure
  // of a sibling.
  retriever_.on("能设置金额范围吗", result({{"invest.min_amount", 0.9}}));
  retriever_.on("自动投标怎么开能设置金额范围吗",
                result({{"invest.min_amount", 0.5}, {"invest.auto_bid", 0.45}}));
  Reading r = read("能设置金额范围吗");
  EXPECT_TRUE(r.in_context());
  ASSERT_FALSE(r.result.candidates.empty());
  EXPECT_EQ(r.result.candidates[0].id, "invest.auto_bid");
  // A setting the answer does not name stays the text alone's.
  retriever_.on("能设置头像吗", result({{"invest.min_amount", 0.9}}));
  r = read("能设置头像吗");
  EXPECT_FALSE(r.in_context());
  // The conversation keeping the type the first question asked (how), a
  // setting of the answer is still the answered entry's.
  kb_->entries.push_back([] {
    knowledge::Entry e = testing::entry("invest.how", "怎么出借", "在出借页选择项目");
    e.topic = "invest";
    e.type = "how";
    return e;
  }());
  after("自动投标怎么开", "invest.auto_bid", "invest", "how");
  retriever_.on("自动投标怎么开能设置金额范围吗",
                result({{"invest.how", 0.5}, {"invest.auto_bid", 0.45}, {"invest.min_amount", 0.05}}));
  r = read("能设置金额范围吗");
  EXPECT_TRUE(r.in_context());
  ASSERT_FALSE(r.result.candidates.empty());
  EXPECT_EQ(r.result.candidates[0].id, "invest.auto_bid");
}

TEST_F(FollowupTest, AModifierNamedByAnotherWordForItNamesTheSibling) {
  add_password_entries();
  kb_->followup.topic_cues["account"] = {"登录密码", "交易密码", "登录", "密码"};
  kb_->followup.references.push_back("那个");
  cues_ = CueReader(*kb_, retriever_);
  std::string word, question;
  // Without the operator's other words for 交易, 付钱 names nothing.
  EXPECT_FALSE(cues_.sibling_named("付钱用的那个呢", "登录的密码忘了怎么重设", "account", &word, &question));
  kb_->followup.modifier_synonyms["交易"] = {"付钱", "付款"};
  cues_ = CueReader(*kb_, retriever_);
  ASSERT_TRUE(cues_.sibling_named("付钱用的那个呢", "登录的密码忘了怎么重设", "account", &word, &question));
  EXPECT_EQ(word, "交易密码");
  EXPECT_EQ(question, "的交易密码忘了怎么重设");
  // The tail after the head is the head's noun: still the sibling.
  ASSERT_TRUE(cues_.sibling_named("付款用的那个密码呢", "登录的密码忘了怎么重设", "account", &word, &question));
  EXPECT_EQ(word, "交易密码");
  // The tail before the head: the head modifies no tail of ours.
  EXPECT_FALSE(cues_.sibling_named("密码付款用的那个呢", "登录的密码忘了怎么重设", "account", &word, &question));
  // The last question said the other word already: nothing new is named.
  EXPECT_FALSE(cues_.sibling_named("付钱用的那个呢", "付钱的密码忘了怎么重设", "account", &word, &question));

  after("登录的密码忘了怎么重设", "account.password_reset", "account", "password_reset");
  retriever_.on("付钱用的那个呢", result({{"account.password_reset", 0.5}}));
  retriever_.on("的交易密码忘了怎么重设", result({{"account.trade_password", 0.9}}));
  Reading r = read("付钱用的那个呢");
  EXPECT_EQ(r.kind, ReadingKind::kSubject);
  ASSERT_FALSE(r.result.candidates.empty());
  EXPECT_EQ(r.result.candidates[0].id, "account.trade_password");
}

// The last question named its subject in words of its own ("暗码", no
// word of the family): the sibling is named against the answered entry's
// canonical question. Control: with no answered entry to go by, nothing is.
TEST_F(FollowupTest, ASiblingIsNamedAgainstTheAnsweredEntryWhenTheQuestionSaidItOtherwise) {
  add_password_entries();
  kb_->followup.topic_cues["account"] = {"登录密码", "交易密码", "登录", "密码"};
  kb_->followup.references.push_back("那个");
  kb_->followup.modifier_synonyms["交易"] = {"付钱", "付款"};
  cues_ = CueReader(*kb_, retriever_);
  retriever_.on("付钱用的那个呢", result({{"account.password_reset", 0.5}}));
  retriever_.on("交易密码忘了怎么办", result({{"account.trade_password", 0.9}}));
  after("上号用的暗码记不得了", "account.password_reset", "account", "password_reset");
  Reading r = read("付钱用的那个呢");
  ASSERT_FALSE(r.result.candidates.empty());
  EXPECT_EQ(r.question, "交易密码忘了怎么办");
  EXPECT_EQ(r.result.candidates[0].id, "account.trade_password");

  after("上号用的暗码记不得了", "account.unknown", "account", "password_reset");
  r = read("付钱用的那个呢");  // control: no entry's words to name it against
  EXPECT_NE(r.question, "交易密码忘了怎么办");
}

TEST_F(FollowupTest, TheOppositeMovementAsksTheSameOfTheOppositeTopic) {
  after("充值收手续费吗", "recharge.fee", "recharge", "fee");
  retriever_.on("提现收手续费吗", result({{"withdraw.fee", 0.9}}));
  retriever_.on("提现呢", result({{"withdraw.fee", 0.3}, {"withdraw.arrival_time", 0.3}}));
  // No opposites configured: 反过来 names nothing.
  EXPECT_EQ(cues_.opposite("反过来呢", "recharge"), "");
  Reading r = read("反过来呢");
  EXPECT_TRUE(r.result.candidates.empty() || r.result.candidates[0].id != "withdraw.fee");

  kb_->followup.opposites = {{"recharge", "withdraw"}, {"withdraw", "recharge"}};
  kb_->followup.opposite_words = {"反过来", "反"};
  cues_ = CueReader(*kb_, retriever_);
  // The longest word is replaced by the opposite topic's first cue word.
  EXPECT_EQ(cues_.opposite("反过来呢", "recharge"), "提现呢");
  EXPECT_EQ(cues_.opposite("反过来呢", "withdraw"), "充值呢");
  EXPECT_EQ(cues_.opposite("反过来呢", "account"), "");  // a topic without an opposite
  EXPECT_EQ(cues_.opposite("手续费呢", "recharge"), "");  // no word of the opposite
  r = read("反过来呢");
  EXPECT_EQ(r.kind, ReadingKind::kTopic);
  ASSERT_FALSE(r.result.candidates.empty());
  EXPECT_EQ(r.result.candidates[0].id, "withdraw.fee");  // the type is kept
}

TEST_F(FollowupTest, AStepWithAWordOfTimeAfterItAsksTheStepThatFollows) {
  for (auto [id, q, type] : {std::tuple{"loan.review_time", "借款审核要多久", "how_long"},
                             {"loan.disbursement", "借款什么时候放款", "disbursement"},
                             {"loan.requirements", "借款要什么条件", "requirements"}}) {
    knowledge::Entry e = testing::entry(id, q, "…");
    e.topic = "loan";
    e.type = type;
    kb_->entries.push_back(e);
  }
  auto review_time = [&]() -> knowledge::Entry& {
    return *std::find_if(kb_->entries.begin(), kb_->entries.end(),
                         [](const knowledge::Entry& e) { return e.id == "loan.review_time"; });
  };
  // The operator's follow_ups: after the review, the disbursement (an entry
  // of another topic listed first is passed over).
  review_time().follow_ups = {"withdraw.fee", "loan.disbursement"};
  kb_->followup.topic_cues["loan"] = {"借款", "审核"};
  cues_ = CueReader(*kb_, retriever_);
  retriever_.on("借款审核", result({{"loan.review_time", 0.8}}));
  retriever_.on("借款什么时候放款", result({{"loan.disbursement", 0.9}, {"loan.review_time", 0.05}}));
  // After a question of another thread (提现多久到账).
  for (const char* step : {"借款审核通过以后呢", "那借款审核过了之后呢", "借款审核后"}) {
    Reading r = read(step);
    EXPECT_EQ(r.kind, ReadingKind::kSubject) << step;
    ASSERT_FALSE(r.result.candidates.empty()) << step;
    EXPECT_EQ(r.result.candidates[0].id, "loan.disbursement") << step;
  }
  // Within the thread, the step named by a word of the topic alone.
  after("借款审核要多久", "loan.review_time", "loan", "how_long");
  retriever_.on("审核", result({{"loan.review_time", 0.8}}));
  Reading r = read("审核通过以后呢");
  ASSERT_FALSE(r.result.candidates.empty());
  EXPECT_EQ(r.result.candidates[0].id, "loan.disbursement");
  // A step whose entry lists no next step of its topic reads otherwise.
  review_time().follow_ups = {"withdraw.fee"};
  after("提现多久到账", "withdraw.arrival_time", "withdraw", "how_long");
  r = read("借款审核通过以后呢");
  EXPECT_NE(r.kind, ReadingKind::kSubject);
  EXPECT_TRUE(r.result.candidates.empty() || r.result.candidates[0].id != "loan.disbursement");
  // A type named after the step asks that type, not the next step.
  review_time().follow_ups = {"loan.disbursement"};
  r = read("借款审核通过以后要手续费吗");
  EXPECT_TRUE(r.result.candidates.empty() || r.result.candidates[0].id != "loan.disbursement");
}

TEST_F(FollowupTest, TheStepAnsweredLastDoneThenHowToGoOnAsksTheNextStep) {
  for (auto [id, q, type] : {std::tuple{"loan.disbursement", "借款什么时候放款", "how_long"},
                             {"loan.repay_methods", "借款怎么还", "methods"}}) {
    knowledge::Entry e = testing::entry(id, q, "…");
    e.topic = "loan";
    e.type = type;
    kb_->entries.push_back(e);
  }
  kb_->followup.topic_cues["loan"] = {"借款", "放款"};
  cues_ = CueReader(*kb_, retriever_);
  after("借款什么时候放款", "loan.disbursement", "loan", "how_long");
  // The text alone reads the step again.
  retriever_.on("放款以后怎么还", result({{"loan.disbursement", 0.8}}));
  retriever_.on("放款", result({{"loan.disbursement", 0.9}}));
  retriever_.on("怎么还", result({{"loan.repay_methods", 0.8}}));
  Reading r = read("放款以后怎么还");
  EXPECT_EQ(r.kind, ReadingKind::kSubject);
  ASSERT_FALSE(r.result.candidates.empty());
  EXPECT_EQ(r.result.candidates[0].id, "loan.repay_methods");
  // The step said by characters of the last question (放 of 放款), said done (完了), then 接着.
  retriever_.on("放完了接着怎么还", result({{"loan.disbursement", 0.8}}));
  r = read("放完了接着怎么还");
  ASSERT_FALSE(r.result.candidates.empty());
  EXPECT_EQ(r.result.candidates[0].id, "loan.repay_methods");
  // No question of how to go on: the step's own question.
  retriever_.on("放款以后多少钱", result({{"loan.disbursement", 0.8}}));
  retriever_.on("多少钱", result({{"loan.repay_methods", 0.8}}));
  r = read("放款以后多少钱");
  EXPECT_NE(r.kind, ReadingKind::kSubject);
  // A step that is not what was answered last.
  retriever_.on("注册以后怎么还", result({{"loan.disbursement", 0.8}}));
  retriever_.on("注册", result({{"withdraw.fee", 0.9}}));
  r = read("注册以后怎么还");
  EXPECT_NE(r.kind, ReadingKind::kSubject);
  // The question answering the step again is no next step.
  retriever_.on("怎么还", result({{"loan.disbursement", 0.8}}));
  retriever_.on("借款怎么还", result({{"loan.disbursement", 0.8}}));
  EXPECT_NE(read("放款以后怎么还").kind, ReadingKind::kSubject);
}

TEST(FollowupSteps, StepWordsSplitWhereTheOperatorsWordsSay) {
  FakeRetriever normalizer;
  knowledge::FollowupCues::StepWords lists;
  lists.after = {"以后", "后"};
  lists.done = {"通过了", "过了", "过"};
  lists.then = {"接下来", "以后"};
  lists.how_on = {"怎么", "咋"};
  const StepWords words(lists, normalizer);
  std::string text = "审核通过了以后";
  ASSERT_TRUE(words.strip_after(&text));
  EXPECT_EQ(text, "审核通过了");
  words.strip_done(&text);
  EXPECT_EQ(text, "审核");  // the first listed that ends it: 通过了, not 过
  text = "审核过";
  words.strip_done(&text);
  EXPECT_EQ(text, "审核");
  text = "审核要多久";
  EXPECT_FALSE(words.strip_after(&text));
  EXPECT_EQ(text, "审核要多久");
  std::string step, asked;
  ASSERT_TRUE(words.split_then("绑好了接下来以后怎么充钱", &step, &asked));
  EXPECT_EQ(step, "绑好了");  // the earliest word of sequence
  EXPECT_EQ(asked, "以后怎么充钱");
  EXPECT_FALSE(words.split_then("以后怎么还", &step, &asked));  // nothing before it
  EXPECT_TRUE(words.asks_how_on("咋充钱"));
  EXPECT_FALSE(words.asks_how_on("多少钱"));
  // No words: nothing is a step.
  const StepWords none;
  text = "审核以后";
  EXPECT_FALSE(none.strip_after(&text));
  EXPECT_FALSE(none.split_then("放款以后怎么还", &step, &asked));
}

}  // namespace
}  // namespace faqbot::bot

TEST_F(FollowupTest, AnotherPersonsCaseAsksTheLastQuestionForThem) {
  kb_->followup.persons = {"老婆", "儿子"};
  kb_->followup.belongings = {"账户"};
  kb_->followup.fillers = {"那", "呢", "吗", "的话", "我", "的"};
  cues_ = CueReader(*kb_, retriever_);
  after("提现手续费多少", "withdraw.fee", "withdraw", "fee");
  retriever_.on("提现手续费多少", result({{"withdraw.fee", 0.9}}));
  retriever_.on("那我老婆的账户呢", result({{"smalltalk.thanks", 0.05}}, 0.9));
  Reading r = read("那我老婆的账户呢");
  EXPECT_EQ(r.kind, ReadingKind::kReference);
  ASSERT_FALSE(r.result.candidates.empty());
  EXPECT_EQ(r.result.candidates[0].id, "withdraw.fee");
  // The person's story after the clause tells more, asking nothing else.
  retriever_.on("那我儿子呢他这个月都提了六回了", result({{"smalltalk.thanks", 0.05}}, 0.9));
  r = read("那我儿子呢他这个月都提了六回了");
  ASSERT_FALSE(r.result.candidates.empty());
  EXPECT_EQ(r.result.candidates[0].id, "withdraw.fee");
  // Controls: the person asked a question of another topic, in the clause
  // or in the story, or another question of the kept topic.
  retriever_.on("那我老婆能充值吗", result({{"recharge.fee", 0.9}}));
  r = read("那我老婆能充值吗");
  ASSERT_FALSE(r.result.candidates.empty());
  EXPECT_EQ(r.result.candidates[0].id, "recharge.fee");
  retriever_.on("那我老婆呢她想充值", result({{"recharge.fee", 0.9}}));
  r = read("那我老婆呢她想充值");
  ASSERT_FALSE(r.result.candidates.empty());
  EXPECT_EQ(r.result.candidates[0].id, "recharge.fee");
  retriever_.on("那我儿子呢他想知道多久到账", result({{"withdraw.arrival_time", 0.9}}));
  r = read("那我儿子呢他想知道多久到账");
  ASSERT_FALSE(r.result.candidates.empty());
  EXPECT_EQ(r.result.candidates[0].id, "withdraw.arrival_time");
}

TEST_F(FollowupTest, ALongFollowupNamingATypeThatRefinesTheAnswerKeepsIt) {
  for (auto [id, q, type] : {std::tuple{"invest.transfer", "债权转让怎么操作", "transfer"},
                             {"invest.products", "有哪些标的", "products"}}) {
    knowledge::Entry e = testing::entry(id, q, "…");
    e.topic = "invest";
    e.type = type;
    kb_->entries.push_back(e);
  }
  kb_->followup.type_cues["transfer"] = {"转给别人"};
  kb_->followup.refined_by["transfer"] = {"fee"};
  cues_ = CueReader(*kb_, retriever_);
  const std::string cut = "转给别人的话手续费一般是多少钱";
  retriever_.on(cut, result({{"recharge.fee", 0.3}, {"withdraw.fee", 0.25}}));
  retriever_.on("债权转让怎么操作" + cut, result({{"invest.transfer", 0.8}}));
  after("债权转让怎么操作", "invest.transfer", "invest", "transfer");
  Reading r = read(cut);
  EXPECT_EQ(r.kind, ReadingKind::kType);
  ASSERT_FALSE(r.result.candidates.empty());
  EXPECT_EQ(r.result.candidates[0].id, "invest.transfer");
  // Control: after an answer fee does not refine, in a topic with no fee
  // entry, the message is read alone.
  after("有哪些标的", "invest.products", "invest", "products");
  r = read(cut);
  EXPECT_EQ(r.kind, ReadingKind::kAlone);
  ASSERT_FALSE(r.result.candidates.empty());
  EXPECT_EQ(r.result.candidates[0].id, "recharge.fee");
}

TEST_F(FollowupTest, ALongPointerNamingATypeOfTheKeptTopicKeepsIt) {
  knowledge::Entry e = testing::entry("invest.rate_change", "收益率为什么变了", "…");
  e.topic = "invest";
  e.type = "rate_change";
  kb_->entries.push_back(e);
  cues_ = CueReader(*kb_, retriever_);
  after("提现多久到账", "withdraw.arrival_time", "withdraw", "how_long");
  const std::string cost = "这个钱要是一次全拿走手续费大概多少";
  retriever_.on(cost, result({{"invest.rate_change", 0.9}}));
  retriever_.on("提现钱要是一次全拿走手续费大概多少", result({{"withdraw.fee", 0.8}}));
  Reading r = read(cost);
  EXPECT_EQ(r.kind, ReadingKind::kReference);
  ASSERT_FALSE(r.result.candidates.empty());
  EXPECT_EQ(r.result.candidates[0].id, "withdraw.fee");
  EXPECT_TRUE(keeps_topic_by_type(cues_.read(cost), retriever_.search(cost, 5), *kb_, conversation_));
  // Controls: the text alone sure of an entry of the type named, or of the
  // kept topic itself, reads it alone.
  retriever_.on(cost, result({{"recharge.fee", 0.9}}));
  r = read(cost);
  EXPECT_EQ(r.kind, ReadingKind::kAlone);
  EXPECT_EQ(r.result.candidates[0].id, "recharge.fee");
  retriever_.on(cost, result({{"withdraw.holiday", 0.9}}));
  EXPECT_FALSE(keeps_topic_by_type(cues_.read(cost), retriever_.search(cost, 5), *kb_, conversation_));
}

TEST_F(FollowupTest, SmallTalkWithAPointerTheTextAloneIsSureOfEndsTheTopic) {
  kb_->followup.references.push_back("这样");
  cues_ = CueReader(*kb_, retriever_);
  after("提现多久到账", "withdraw.arrival_time", "withdraw", "how_long");
  retriever_.on("好就这样吧谢谢", result({{"smalltalk.thanks", 0.95}}));
  retriever_.on("好就提现吧谢谢", result({{"withdraw.arrival_time", 0.9}}));
  Reading r = read("好就这样吧谢谢");
  EXPECT_EQ(r.kind, ReadingKind::kAlone);
  ASSERT_FALSE(r.result.candidates.empty());
  EXPECT_EQ(r.result.candidates[0].id, "smalltalk.thanks");
  // Read as small talk less surely, the pointer asks about the subject.
  retriever_.on("这个咋领谢谢", result({{"smalltalk.thanks", 0.7}}));
  retriever_.on("提现咋领谢谢", result({{"withdraw.arrival_time", 0.9}}));
  r = read("这个咋领谢谢");
  EXPECT_EQ(r.kind, ReadingKind::kReference);
}

TEST_F(FollowupTest, WhatHappenedNamedBesideAnUnsureReadingOfTheAnswerIsAsked) {
  knowledge::Entry failed = testing::entry("withdraw.failed", "提现失败了怎么办", "…");
  failed.topic = "withdraw";
  failed.type = "failed";
  kb_->entries.push_back(failed);
  kb_->followup.type_cues["failed"] = {"没成功"};
  kb_->followup.refined_by["failed"] = {"how_long"};
  cues_ = CueReader(*kb_, retriever_);
  after("提现多久到账", "withdraw.arrival_time", "withdraw", "how_long");
  const std::string said = "要是一直没成功呢";
  retriever_.on("提现" + said, result({{"withdraw.arrival_time", 0.9}, {"withdraw.failed", 0.05}}));
  // The text alone reads the answer again, unsure: what happened is asked.
  retriever_.on(said, result({{"withdraw.arrival_time", 0.5}, {"withdraw.failed", 0.3}}));
  Reading r = read(said);
  EXPECT_EQ(r.kind, ReadingKind::kType);
  ASSERT_FALSE(r.result.candidates.empty());
  EXPECT_EQ(r.result.candidates[0].id, "withdraw.failed");
  // Sure of the answer, the text alone reads more of it.
  retriever_.on(said, result({{"withdraw.arrival_time", 0.9}, {"withdraw.failed", 0.05}}));
  r = read(said);
  ASSERT_FALSE(r.result.candidates.empty());
  EXPECT_EQ(r.result.candidates[0].id, "withdraw.arrival_time");
}

TEST_F(FollowupTest, ALongFollowupRefiningTheAnsweredTypeKeepsTheAnswer) {
  knowledge::Entry failed = testing::entry("withdraw.failed", "提现失败了怎么办", "…");
  failed.topic = "withdraw";
  failed.type = "failed";
  kb_->entries.push_back(failed);
  knowledge::Entry recharge_time = testing::entry("recharge.arrival_time", "充值多久到账", "…");
  recharge_time.topic = "recharge";
  recharge_time.type = "how_long";  // how long is asked of other topics too
  kb_->entries.push_back(recharge_time);
  kb_->followup.type_cues["failed"] = {"没成功"};
  kb_->followup.refined_by["failed"] = {"how_long"};
  cues_ = CueReader(*kb_, retriever_);
  after("提现失败了怎么办", "withdraw.failed", "withdraw", "failed");
  // Names how long only, a type refining the answered one: the failed
  // withdrawal's money coming back, not the arrival time of withdrawals.
  const std::string back = "昨天晚上提的退回来的钱一般要几天才能看到";
  retriever_.on(back, result({{"withdraw.arrival_time", 0.45}, {"withdraw.failed", 0.3}}));
  retriever_.on("提现失败了怎么办" + back,
                result({{"withdraw.arrival_time", 0.6}, {"withdraw.failed", 0.55}}));
  Reading r = read(back);
  EXPECT_EQ(r.kind, ReadingKind::kType);
  ASSERT_FALSE(r.result.candidates.empty());
  EXPECT_EQ(r.result.candidates[0].id, "withdraw.failed");
  EXPECT_EQ(r.question, "提现失败了怎么办" + back);
  // So does one naming the answered type beside it.
  const std::string again = "昨天晚上提的没成功退回来的钱一般要几天才能看到";
  retriever_.on(again, result({{"withdraw.arrival_time", 0.45}, {"withdraw.failed", 0.3}}));
  retriever_.on("提现失败了怎么办" + again, result({{"withdraw.failed", 0.7}}));
  r = read(again);
  ASSERT_FALSE(r.result.candidates.empty());
  EXPECT_EQ(r.result.candidates[0].id, "withdraw.failed");
  // Controls: the text alone sure of another entry reads it alone; a
  // message naming another topic is no refinement of the answer.
  retriever_.on(back, result({{"withdraw.arrival_time", 0.9}}));
  r = read(back);
  EXPECT_EQ(r.kind, ReadingKind::kAlone);
  EXPECT_EQ(r.result.candidates[0].id, "withdraw.arrival_time");
  const std::string other = "昨天晚上充值的退回来的钱一般要几天才能看到";
  retriever_.on(other, result({{"recharge.fee", 0.45}, {"withdraw.failed", 0.3}}));
  retriever_.on("提现失败了怎么办" + other, result({{"withdraw.failed", 0.9}}));
  r = read(other);
  EXPECT_EQ(r.kind, ReadingKind::kAlone);
  ASSERT_FALSE(r.result.candidates.empty());
  EXPECT_EQ(r.result.candidates[0].id, "recharge.fee");
}

TEST_F(FollowupTest, APlaceMoneyGoesRightAfterAVerbOfGoingThereNamesNoTopic) {
  kb_->followup.topic_cues["account"] = {"账户", "银行卡"};
  kb_->followup.fillers = {"那", "呢", "吗", "的话", "我", "的"};
  cues_ = CueReader(*kb_, retriever_);
  EXPECT_TRUE(cues_.read("钱会退回到银行卡吗").topics.empty());
  EXPECT_TRUE(cues_.read("是打到我的账户里吗").topics.empty());  // fillers between
  EXPECT_TRUE(cues_.read("钱退到银行卡了没").topics.empty());
  EXPECT_TRUE(cues_.read("提现的钱转到银行卡要多久").names_only("withdraw"));
  // Controls: the place asked about, the verb after it, another topic's word
  // after the verb, a word between that is no filler.
  EXPECT_TRUE(cues_.read("银行卡怎么换").names_only("account"));
  EXPECT_TRUE(cues_.read("银行卡退回来了").names_only("account"));
  EXPECT_TRUE(cues_.read("转到充值那里").names_only("recharge"));
  EXPECT_TRUE(cues_.read("退到哪张银行卡").names_only("account"));
  // Read after a withdrawal, the destination keeps the topic; the place
  // named as a new topic switches it.
  const retrieval::SearchResult unsure = result({{"account.login_problem", 0.3}});
  EXPECT_NE(kind_of("钱会退回到银行卡吗", unsure), ReadingKind::kAlone);
  EXPECT_NE(kind_of("钱会退回到银行卡吗", unsure), ReadingKind::kTopic);
  EXPECT_EQ(kind_of("那银行卡呢", unsure), ReadingKind::kTopic);
}

// Entries of one slot each, for the tests below.
void add_entry(knowledge::KnowledgeBase& kb, const char* id, const char* question, const char* topic,
               const char* type, const char* answer = "…") {
  knowledge::Entry e = testing::entry(id, question, answer);
  e.topic = topic;
  e.type = type;
  kb.entries.push_back(e);
}

TEST_F(FollowupTest, APointerAskingATypeTheTopicLacksAfterHowItGoesAsksItOfTheWhole) {
  add_entry(*kb_, "invest.how", "投标怎么弄", "invest", "how");
  add_entry(*kb_, "withdraw.how", "怎么提现", "withdraw", "how");
  add_entry(*kb_, "invest.auto_bid", "自动投标怎么开", "invest", "");
  add_entry(*kb_, "risk.platform_safety", "平台安全吗", "risk", "safety");
  kb_->followup.topic_cues["invest"] = {"投标"};
  kb_->followup.type_cues["safety"] = {"靠谱"};
  cues_ = CueReader(*kb_, retriever_);
  retriever_.on("这个靠谱不", result({{"risk.platform_safety", 0.95}}));
  retriever_.on("投标靠谱不", result({{"invest.auto_bid", 0.8}}));
  // After how investing goes (its entry of type how), the invest topic has
  // no safety entry: the platform's safety is asked.
  after("投标怎么弄", "invest.how", "invest", "how");
  Reading r = read("这个靠谱不");
  EXPECT_EQ(r.kind, ReadingKind::kAlone) << to_string(r.kind) << " " << r.question;
  ASSERT_FALSE(r.result.candidates.empty());
  EXPECT_EQ(r.result.candidates[0].id, "risk.platform_safety");
  // Control: after a feature of the topic's own, the pointer asks about it.
  after("自动投标怎么开", "invest.auto_bid", "invest", "how");
  r = read("这个靠谱不");
  EXPECT_EQ(r.kind, ReadingKind::kReference) << to_string(r.kind) << " " << r.question;
  ASSERT_FALSE(r.result.candidates.empty());
  EXPECT_EQ(r.result.candidates[0].id, "invest.auto_bid");
}

TEST_F(FollowupTest, ANewObjectOfTheSameQuestionKeepsTheEntryThatFitsIt) {
  add_entry(*kb_, "security.privacy", "个人信息会泄露吗", "security", "safety");
  add_entry(*kb_, "account.bind_card", "怎么绑银行卡", "account", "");
  kb_->followup.topic_cues["account"] = {"银行卡"};
  kb_->followup.topic_cues["security"] = {"个人信息"};
  cues_ = CueReader(*kb_, retriever_);
  after("你们会把我手机号卖给别人吗", "security.privacy", "security", "safety");
  retriever_.on("那银行卡账号呢", result({{"account.bind_card", 0.95}}));
  retriever_.on("银行卡账号", result({{"account.bind_card", 0.95}}));
  retriever_.on("银行卡账号你们会把我手机号卖给别人吗", result({{"security.privacy", 0.9}}));
  Reading r = read("那银行卡账号呢");
  EXPECT_EQ(r.kind, ReadingKind::kTopic) << to_string(r.kind) << " " << r.question;
  ASSERT_FALSE(r.result.candidates.empty());
  EXPECT_EQ(r.result.candidates[0].id, "security.privacy");
  // Controls: no follow-up marker, or a last question naming its topic's
  // word (the object was a topic's, and the topic moves), read alone.
  r = read("银行卡账号");
  ASSERT_FALSE(r.result.candidates.empty());
  EXPECT_EQ(r.result.candidates[0].id, "account.bind_card");
  after("个人信息会不会卖给别人", "security.privacy", "security", "safety");
  retriever_.on("银行卡账号会不会卖给别人", result({{"security.privacy", 0.9}}));
  r = read("那银行卡账号呢");
  ASSERT_FALSE(r.result.candidates.empty());
  EXPECT_EQ(r.result.candidates[0].id, "account.bind_card");
}

TEST_F(FollowupTest, WhereToLookAtWhatTheAnswerSaysIsSeenIsTheAnswerUnlessTheTopicHasThePlace) {
  add_entry(*kb_, "loan.review_time", "借款审核要多久", "loan", "how_long",
            "审核一般1-3个工作日，可在App中查看审核进度。");
  add_entry(*kb_, "risk.overdue_rate", "坏账率是多少", "risk", "", "坏账率每月披露，可在信息披露页面查看月报。");
  add_entry(*kb_, "risk.disclosure", "信息披露在哪看", "risk", "");
  kb_->followup.of_the_answer.push_back({{"在哪看", "去哪看", "在哪查"}, {"查看"}, false, true});
  cues_ = CueReader(*kb_, retriever_);
  // The text alone, sure of the disclosure page (another topic), is outweighed:
  // the answer says where the review's progress is seen.
  after("借款审核要多久", "loan.review_time", "loan", "how_long");
  retriever_.on("进度在哪查", result({{"risk.disclosure", 0.73}, {"loan.review_time", 0.1}}));
  retriever_.on("借款审核要多久进度在哪查", result({{"loan.review_time", 0.9}}));
  Reading r = read("进度在哪查");
  EXPECT_TRUE(r.in_context()) << to_string(r.kind) << " " << r.question;
  ASSERT_FALSE(r.result.candidates.empty());
  EXPECT_EQ(r.result.candidates[0].id, "loan.review_time");
  // Control: the text alone reads another entry of the kept topic, the
  // place the answer names (topic_first): that entry is asked.
  after("坏账率是多少", "risk.overdue_rate", "risk", "");
  retriever_.on("去哪看月报", result({{"risk.disclosure", 0.6}, {"risk.overdue_rate", 0.3}}));
  retriever_.on("坏账率是多少去哪看月报", result({{"risk.overdue_rate", 0.95}, {"risk.disclosure", 0.01}}));
  r = read("去哪看月报");
  ASSERT_FALSE(r.result.candidates.empty());
  EXPECT_EQ(r.result.candidates[0].id, "risk.disclosure");
}

TEST_F(FollowupTest, APointerWhoseTailBeginsATopicWordGivesWayToIt) {
  kb_->followup.topic_cues["security"] = {"个人信息"};
  kb_->followup.references.push_back("那个");
  cues_ = CueReader(*kb_, retriever_);
  // 那个 | 个人信息: the head 那 is a filler, so the topic word is read.
  MessageCues c = cues_.read("那个人信息会不会被卖掉");
  EXPECT_FALSE(c.reference);
  ASSERT_EQ(c.topics.size(), 1u);
  EXPECT_EQ(c.topics[0].slot, "security");
  // Control: a pointer before a word that begins no topic word still points.
  c = cues_.read("那个人工能不能接");
  EXPECT_TRUE(c.reference);
  EXPECT_TRUE(c.topics.empty());
  // Control: a pointer whose head is no word of its own stays a pointer.
  kb_->followup.topic_cues["account"] = {"个账户"};
  kb_->followup.references.push_back("这个");
  kb_->followup.fillers = {"呢", "吗", "的话"};
  cues_ = CueReader(*kb_, retriever_);
  c = cues_.read("这个账户呢");
  EXPECT_TRUE(c.reference);
}

TEST_F(FollowupTest, AMarkedEllipsisNamingAPlaceTheTextAloneIsSureOfAsksItsOwnQuestion) {
  knowledge::Entry banks = testing::entry("withdraw.bank_difference", "各家银行提现到账一样快吗", "…");
  banks.topic = "withdraw";
  banks.type = "bank_difference";
  kb_->entries.push_back(banks);
  kb_->followup.places = {"工行"};
  cues_ = CueReader(*kb_, retriever_);
  after("周末提现什么时候到账", "withdraw.holiday", "withdraw", "holiday");
  // 工行 names where the money goes: the text alone, sure, compares banks.
  const std::string bank = "那工行的会不会慢些";
  retriever_.on(bank, result({{"withdraw.bank_difference", 0.8}, {"withdraw.holiday", 0.1}}));
  retriever_.on("提现" + bank, result({{"withdraw.bank_difference", 0.7}, {"withdraw.holiday", 0.2}}));
  retriever_.on("周末提现什么时候到账" + bank, result({{"withdraw.holiday", 0.9}, {"withdraw.bank_difference", 0.05}}));
  Reading r = read(bank);
  ASSERT_TRUE(r.in_context());
  ASSERT_FALSE(r.result.candidates.empty());
  EXPECT_EQ(r.result.candidates[0].id, "withdraw.bank_difference");
  // Control: marked, no place, the text alone as sure: it asks of the answer.
  const std::string plain = "那会不会慢些";
  retriever_.on(plain, result({{"withdraw.bank_difference", 0.8}, {"withdraw.holiday", 0.1}}));
  retriever_.on("提现" + plain, result({{"withdraw.bank_difference", 0.7}, {"withdraw.holiday", 0.2}}));
  retriever_.on("周末提现什么时候到账" + plain, result({{"withdraw.holiday", 0.9}, {"withdraw.bank_difference", 0.05}}));
  Reading p = read(plain);
  ASSERT_TRUE(p.in_context());
  ASSERT_FALSE(p.result.candidates.empty());
  EXPECT_EQ(p.result.candidates[0].id, "withdraw.holiday");
}

TEST_F(FollowupTest, AFollowupOnlyCueOfAFollowupTheAnswerListsInAnotherTopicNamesItsType) {
  knowledge::Entry reserve = testing::entry("risk.reserve", "风险备付金是什么", "…");
  reserve.topic = "risk";
  reserve.type = "reserve";
  reserve.follow_ups = {"invest.principal_guarantee"};
  knowledge::Entry guarantee = testing::entry("invest.principal_guarantee", "投资会亏吗", "…");
  guarantee.topic = "invest";
  guarantee.type = "principal_guarantee";
  kb_->entries.push_back(reserve);
  kb_->entries.push_back(guarantee);
  kb_->followup.topic_cues["risk"] = {"备付金"};
  kb_->followup.followup_type_cues["principal_guarantee"] = {"亏"};
  cues_ = CueReader(*kb_, retriever_);
  after("风险备付金是什么", "risk.reserve", "risk", "reserve");
  // 亏 is a follow-up-only cue of the guarantee (invest); the answer lists
  // the guarantee as a follow-up: the pointer asks that type of its own.
  const std::string said = "那有它就不亏了吗";  // short: 8 characters
  retriever_.on(said, result({{"invest.principal_guarantee", 0.9}, {"risk.reserve", 0.05}}));
  Reading r = read(said);
  EXPECT_EQ(r.kind, ReadingKind::kAlone);
  ASSERT_FALSE(r.result.candidates.empty());
  EXPECT_EQ(r.result.candidates[0].id, "invest.principal_guarantee");
  // Control: an answer that does not list it keeps the pointer on itself.
  kb_->entries[kb_->entries.size() - 2].follow_ups.clear();
  retriever_.otherwise = result({{"risk.reserve", 0.9}});  // any rewrite in context
  Reading c = read(said);
  EXPECT_TRUE(c.in_context());
}

TEST_F(FollowupTest, AShortQuestionOfTheTopicNamingATypeTheTextAloneMissesIsThatType) {
  after("提现多久到账", "withdraw.arrival_time", "withdraw", "how_long");
  retriever_.otherwise = result({{"withdraw.fee", 0.6}, {"withdraw.arrival_time", 0.3}});
  // The text alone, sure, reads the wait again; the message names the fee.
  const std::string said = "那提现收费呢";
  retriever_.on(said, result({{"withdraw.arrival_time", 0.7}, {"withdraw.fee", 0.2}}));
  Reading r = read(said);
  EXPECT_EQ(r.kind, ReadingKind::kType);
  ASSERT_FALSE(r.result.candidates.empty());
  EXPECT_EQ(r.result.candidates[0].id, "withdraw.fee");
  // Control: the text alone reading the type named stays alone.
  const std::string plain = "提现收费吗";
  retriever_.on(plain, result({{"withdraw.fee", 0.8}, {"withdraw.arrival_time", 0.1}}));
  EXPECT_EQ(read(plain).kind, ReadingKind::kAlone);
}

}  // namespace
}  // namespace faqbot::bot
