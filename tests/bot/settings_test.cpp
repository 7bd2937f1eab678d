#include "bot/settings.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include <unistd.h>

namespace faqbot::bot {
namespace {

TEST(Settings, DefaultsWhenEmpty) {
  auto s = parse_settings("{}");
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->retrieval.index_factory, "Flat");
  EXPECT_EQ(s->top_k, 5u);
  EXPECT_DOUBLE_EQ(s->thresholds.answer, Thresholds{}.answer);
  EXPECT_FALSE(s->signals.human.empty());
}

TEST(Settings, ReadsEverySection) {
  auto s = parse_settings(R"({
    "retrieval": {"index_factory": "HNSW32,Flat", "dim": 64, "top_k": 8},
    "policy": {"answer": 0.7, "margin": 0.2, "clarify": 0.3, "out_of_scope": 0.6,
               "fallbacks_before_handoff": 3},
    "signals": {"human": ["叫经理"], "exclamation_run": 5, "kin": ["我妈的"], "expletive_leads": []},
    "followup": {"max_chars": 6},
    "someone_else": {"x": 1}
  })");
  ASSERT_TRUE(s.ok()) << s.status().message();
  EXPECT_EQ(s->retrieval.index_factory, "HNSW32,Flat");
  EXPECT_EQ(s->retrieval.dim, 64);
  EXPECT_EQ(s->top_k, 8u);
  EXPECT_DOUBLE_EQ(s->thresholds.answer, 0.7);
  EXPECT_DOUBLE_EQ(s->thresholds.margin, 0.2);
  EXPECT_EQ(s->thresholds.fallbacks_before_handoff, 3);
  EXPECT_EQ(s->signals.human, std::vector<std::string>{"叫经理"});
  EXPECT_FALSE(s->signals.anger.empty());  // untouched lists keep their defaults
  EXPECT_EQ(s->signals.exclamation_run, 5);
  EXPECT_EQ(s->signals.kin, std::vector<std::string>{"我妈的"});
  EXPECT_TRUE(s->signals.expletive_leads.empty());
  EXPECT_EQ(s->followup_max_chars, 6u);
}

TEST(Settings, ReadsTheAgreementThresholds) {
  auto s = parse_settings(
      R"({"policy": {"agree_answer": 0.25, "agree_margin": -0.3, "agree_out_of_scope": 0.8}})");
  ASSERT_TRUE(s.ok()) << s.status().message();
  EXPECT_DOUBLE_EQ(s->thresholds.agree_answer, 0.25);
  EXPECT_DOUBLE_EQ(s->thresholds.agree_margin, -0.3);  // a margin, not a probability
  EXPECT_DOUBLE_EQ(s->thresholds.agree_out_of_scope, 0.8);
  auto bad = parse_settings(R"({"policy": {"agree_margin": "high"}})");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("policy.agree_margin"), std::string::npos);
  EXPECT_FALSE(parse_settings(R"({"policy": {"agree_answer": 2}})").ok());
}

TEST(Settings, RejectsBadValuesNamingTheKey) {
  auto bad_json = parse_settings("{not json");
  EXPECT_FALSE(bad_json.ok());
  auto range = parse_settings(R"({"policy": {"answer": 1.5}})");
  ASSERT_FALSE(range.ok());
  EXPECT_NE(range.status().message().find("policy.answer"), std::string::npos);
  auto type = parse_settings(R"({"signals": {"human": "转人工"}})");
  ASSERT_FALSE(type.ok());
  EXPECT_NE(type.status().message().find("signals.human"), std::string::npos);
  EXPECT_FALSE(parse_settings(R"({"retrieval": {"dim": 0}})").ok());
}

TEST(Settings, ReadsTheSignalEntries) {
  auto d = parse_settings("{}");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->signal_entries.abuse, "smalltalk.abuse");
  EXPECT_EQ(d->signal_entries.complaint, "service.complaint");
  EXPECT_EQ(d->signal_entries.human, "service.human");
  EXPECT_TRUE(d->signal_entry_keys.empty());
  auto s = parse_settings(
      R"({"policy": {"abuse_entry": "chat.abuse", "complaint_entry": "", "human_entry": "svc.agent"}})");
  ASSERT_TRUE(s.ok()) << s.status().message();
  EXPECT_EQ(s->signal_entries.abuse, "chat.abuse");
  EXPECT_EQ(s->signal_entries.complaint, "");
  EXPECT_EQ(s->signal_entries.human, "svc.agent");
  EXPECT_EQ(s->signal_entry_keys.size(), 3u);
  auto bad = parse_settings(R"({"policy": {"human_entry": 3}})");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("policy.human_entry"), std::string::npos);
}

TEST(Settings, SignalEntriesAreCheckedAgainstTheKnowledgeBase) {
  knowledge::KnowledgeBase kb;
  knowledge::Entry human;
  human.id = "service.human";
  kb.entries = {human};
  // Built-in defaults an operator's base lacks are dropped, not refused.
  auto d = parse_settings("{}");
  ASSERT_TRUE(d.ok());
  ASSERT_TRUE(check_signal_entries(d.value(), kb).ok());
  EXPECT_EQ(d->signal_entries.abuse, "");
  EXPECT_EQ(d->signal_entries.complaint, "");
  EXPECT_EQ(d->signal_entries.human, "service.human");
  // An id settings.json names must exist.
  auto s = parse_settings(R"({"policy": {"abuse_entry": "smalltalk.rude"}})");
  ASSERT_TRUE(s.ok());
  Status st = check_signal_entries(s.value(), kb);
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(st.message().find("policy.abuse_entry"), std::string::npos);
  EXPECT_NE(st.message().find("smalltalk.rude"), std::string::npos);
  auto off = parse_settings(R"({"policy": {"human_entry": ""}})");
  ASSERT_TRUE(off.ok());
  ASSERT_TRUE(check_signal_entries(off.value(), kb).ok());
  EXPECT_EQ(off->signal_entries.human, "");
}

TEST(Settings, TheOverdueWithdrawalRuleIsReadAndChecked) {
  knowledge::KnowledgeBase kb;
  knowledge::Entry delayed;
  delayed.id = "withdraw.delayed";
  kb.entries = {delayed};
  auto d = parse_settings("{}");
  ASSERT_TRUE(d.ok());
  ASSERT_TRUE(check_signal_entries(d.value(), kb).ok());
  EXPECT_EQ(d->thresholds.overdue_withdrawal_entry, "withdraw.delayed");
  EXPECT_EQ(d->thresholds.overdue_withdrawal_days, 2);
  auto s = parse_settings(R"({"policy": {"overdue_withdrawal_entry": "withdraw.late", "overdue_withdrawal_days": 3}})");
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->thresholds.overdue_withdrawal_days, 3);
  Status st = check_signal_entries(s.value(), kb);
  ASSERT_FALSE(st.ok());
  EXPECT_NE(st.message().find("policy.overdue_withdrawal_entry"), std::string::npos);
  EXPECT_FALSE(parse_settings(R"({"policy": {"overdue_withdrawal_days": 0}})").ok());
  knowledge::KnowledgeBase other;  // an operator's own ids: the default is dropped
  auto o = parse_settings("{}");
  ASSERT_TRUE(check_signal_entries(o.value(), other).ok());
  EXPECT_EQ(o->thresholds.overdue_withdrawal_entry, "");
}

TEST(Settings, TheAbnormalChargeRuleIsReadAndChecked) {
  knowledge::KnowledgeBase kb;
  knowledge::Entry funds;
  funds.id = "account.funds_abnormal";
  kb.entries = {funds};
  auto d = parse_settings("{}");
  ASSERT_TRUE(d.ok());
  ASSERT_TRUE(check_signal_entries(d.value(), kb).ok());
  EXPECT_EQ(d->thresholds.charge_abnormal_entry, "account.funds_abnormal");
  auto s = parse_settings(R"({"policy": {"charge_abnormal_entry": "account.charged_twice"}})");
  ASSERT_TRUE(s.ok());
  Status st = check_signal_entries(s.value(), kb);
  ASSERT_FALSE(st.ok());
  EXPECT_NE(st.message().find("policy.charge_abnormal_entry"), std::string::npos);
  knowledge::KnowledgeBase other;  // an operator's own ids: the default is dropped
  auto o = parse_settings("{}");
  ASSERT_TRUE(check_signal_entries(o.value(), other).ok());
  EXPECT_EQ(o->thresholds.charge_abnormal_entry, "");
}

TEST(Settings, TheEarlyWithdrawalRuleIsReadAndChecked) {
  knowledge::KnowledgeBase kb;
  knowledge::Entry delayed, arrival;
  delayed.id = "withdraw.delayed";
  arrival.id = "withdraw.arrival_time";
  kb.entries = {delayed, arrival};
  auto d = parse_settings("{}");
  ASSERT_TRUE(d.ok());
  ASSERT_TRUE(check_signal_entries(d.value(), kb).ok());
  EXPECT_EQ(d->thresholds.early_withdrawal_entry, "withdraw.arrival_time");
  auto s = parse_settings(R"({"policy": {"early_withdrawal_entry": "withdraw.soon"}})");
  ASSERT_TRUE(s.ok());
  Status st = check_signal_entries(s.value(), kb);
  ASSERT_FALSE(st.ok());
  EXPECT_NE(st.message().find("policy.early_withdrawal_entry"), std::string::npos);
  auto off = parse_settings(R"({"policy": {"early_withdrawal_entry": ""}})");
  ASSERT_TRUE(off.ok());
  ASSERT_TRUE(check_signal_entries(off.value(), kb).ok());
  EXPECT_EQ(off->thresholds.early_withdrawal_entry, "");
  knowledge::KnowledgeBase other;  // an operator's own ids: the default is dropped
  auto o = parse_settings("{}");
  ASSERT_TRUE(check_signal_entries(o.value(), other).ok());
  EXPECT_EQ(o->thresholds.early_withdrawal_entry, "");
}

TEST(Settings, TheFullBidRuleIsReadAndChecked) {
  knowledge::KnowledgeBase kb;
  knowledge::Entry full_bid;
  full_bid.id = "invest.full_bid_wait";
  kb.entries = {full_bid};
  auto d = parse_settings("{}");
  ASSERT_TRUE(d.ok());
  ASSERT_TRUE(check_signal_entries(d.value(), kb).ok());
  EXPECT_EQ(d->thresholds.full_bid_entry, "invest.full_bid_wait");
  auto s = parse_settings(R"({"policy": {"full_bid_entry": "invest.no_such"}})");
  ASSERT_TRUE(s.ok());
  Status st = check_signal_entries(s.value(), kb);
  ASSERT_FALSE(st.ok());
  EXPECT_NE(st.message().find("policy.full_bid_entry"), std::string::npos);
  auto off = parse_settings(R"({"policy": {"full_bid_entry": ""}})");
  ASSERT_TRUE(off.ok());
  ASSERT_TRUE(check_signal_entries(off.value(), kb).ok());
  EXPECT_EQ(off->thresholds.full_bid_entry, "");
}

TEST(Settings, MissingFileMeansDefaults) {
  const auto dir = std::filesystem::temp_directory_path() /
                   ("faqbot_settings_test_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::filesystem::remove(dir / "settings.json");
  auto s = load_settings(dir.string());
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->retrieval.dim, 128);
  {
    std::ofstream(dir / "settings.json") << R"({"policy": {"answer": 0.66}})";
  }
  auto t = load_settings(dir.string());
  ASSERT_TRUE(t.ok());
  EXPECT_DOUBLE_EQ(t->thresholds.answer, 0.66);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace faqbot::bot
