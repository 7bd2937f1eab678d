#include "bot/ops/release_gate.h"

#include <gtest/gtest.h>

#include <map>
#include <optional>
#include <utility>

#include "../service/fake_engine.h"

namespace faqbot::ops {
namespace {

// Answers from a table (question -> action, entry); anything else falls back.
class TableEngine : public bot::Engine {
 public:
  using Table = std::map<std::string, std::pair<bot::Action, std::string>>;
  explicit TableEngine(Table table) : table_(std::move(table)) {}
  const knowledge::KnowledgeBase& kb() const override { return kb_; }
  const retrieval::Retriever& retriever() const override { return retriever_; }
  std::string guard(std::string_view text) const override { return std::string(text); }
  std::optional<bot::Reply> answer_entry(bot::Conversation&, std::string_view) const override { return std::nullopt; }
  bot::Reply respond(bot::Conversation&, std::string_view text) const override {
    bot::Reply r;
    auto it = table_.find(std::string(text));
    if (it != table_.end()) {
      r.action = it->second.first;
      r.faq_id = it->second.second;
    }
    return r;
  }

 private:
  Table table_;
  knowledge::KnowledgeBase kb_;
  testing::NullRetriever retriever_;
};

const std::vector<GoldenCase> kGolden = {
    {"提现要几天", "withdraw.arrival_time", "answer"},
    {"提现收费吗", "withdraw.fee", "answer"},
    {"我要投诉", "service.complaint", "handoff"},
    {"今天天气", "none", "no_answer"},
};

TableEngine::Table live_table() {
  return {{"提现要几天", {bot::Action::kAnswer, "withdraw.arrival_time"}},
          {"提现收费吗", {bot::Action::kAnswer, "withdraw.fee"}},
          {"我要投诉", {bot::Action::kHandoff, "service.complaint"}}};
}

TEST(ReleaseGate, GoldenLinesInTheDevFormat) {
  auto cases = parse_golden(
      "{\"q\": \"提现要几天\", \"expect\": \"withdraw.arrival_time\"}\n\n"
      "{\"q\": \"今天天气\", \"expect\": \"none\"}\n"
      "{\"q\": \"我要投诉\", \"expect\": \"service.complaint\", \"action\": \"handoff\"}\n");
  ASSERT_TRUE(cases.ok()) << cases.status().message();
  ASSERT_EQ(cases->size(), 3u);
  EXPECT_EQ(cases.value()[0].action, "answer");
  EXPECT_EQ(cases.value()[1].action, "no_answer");
  EXPECT_EQ(cases.value()[2].action, "handoff");
  auto bad = parse_golden("{\"q\": \"a\", \"expect\": \"x\"}\n{\"q\": 1}\n");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("line 2"), std::string::npos) << bad.status().message();
  EXPECT_FALSE(parse_golden("{\"q\": \"a\", \"expect\": \"x\", \"action\": \"maybe\"}").ok());
  EXPECT_FALSE(parse_golden("not json").ok());
}

TEST(ReleaseGate, TheSameAnswersPassWithNothingChanged) {
  TableEngine live(live_table()), candidate(live_table());
  GateReport r = evaluate_release(live, candidate, kGolden);
  EXPECT_TRUE(r.passes);
  EXPECT_TRUE(r.changed.empty());
  EXPECT_TRUE(r.regressions.empty());
  EXPECT_DOUBLE_EQ(r.live.answered_right, 1.0);
  EXPECT_DOUBLE_EQ(r.live.handoff, 1.0);
  EXPECT_DOUBLE_EQ(r.live.refused, 1.0);
  EXPECT_DOUBLE_EQ(r.live.false_answer_rate, 0.0);
  EXPECT_EQ(r.live.cases, static_cast<int>(kGolden.size() + builtin_probes().size()));
  EXPECT_EQ(r.live.out_of_catalog_cases, static_cast<int>(1 + builtin_probes().size()));
}

TEST(ReleaseGate, EveryWorseFigureIsARegressionAndChangedAnswersAreListed) {
  TableEngine::Table worse = live_table();
  worse["提现收费吗"] = {bot::Action::kAnswer, "withdraw.arrival_time"};  // wrong entry
  worse["我要投诉"] = {bot::Action::kClarify, ""};                         // no longer handed over
  worse[builtin_probes()[0].question] = {bot::Action::kAnswer, "withdraw.fee"};  // answers a probe
  TableEngine live(live_table()), candidate(worse);
  GateReport r = evaluate_release(live, candidate, kGolden);
  EXPECT_FALSE(r.passes);
  EXPECT_DOUBLE_EQ(r.candidate.answered_right, 0.5);
  EXPECT_DOUBLE_EQ(r.candidate.handoff, 0.0);
  const double oos = 1 + builtin_probes().size();
  EXPECT_DOUBLE_EQ(r.candidate.refused, (oos - 1) / oos);
  EXPECT_DOUBLE_EQ(r.candidate.false_answer_rate, 2.0 / r.candidate.cases);
  ASSERT_EQ(r.regressions.size(), 6u);
  EXPECT_EQ(r.regressions[0], "answered_right 1.000 -> 0.500");
  EXPECT_EQ(r.regressions[4],
            "golden question no longer right: 提现收费吗 (expected withdraw.fee, now answer withdraw.arrival_time)");
  EXPECT_EQ(r.regressions[5], "golden question no longer right: 我要投诉 (expected service.complaint, now clarify)");
  // Probes are figures, not listed changes: the two golden questions are.
  ASSERT_EQ(r.changed.size(), 2u);
  EXPECT_EQ(r.changed[0].question, "提现收费吗");
  EXPECT_EQ(r.changed[0].live_entry, "withdraw.fee");
  EXPECT_EQ(r.changed[0].candidate_entry, "withdraw.arrival_time");
  EXPECT_EQ(r.changed[1].candidate_action, "clarify");

  // Better figures are no regression: the reverse release passes.
  GateReport back = evaluate_release(candidate, live, kGolden);
  EXPECT_TRUE(back.passes);
  EXPECT_EQ(back.changed.size(), 2u);
  nlohmann::json j = to_json(r);
  EXPECT_EQ(j["passes"], false);
  EXPECT_EQ(j["changed"][1]["candidate_entry"], nullptr);
  EXPECT_EQ(j["regressions"].size(), 6u);
}

TEST(ReleaseGate, AGoldenQuestionBrokenFailsEvenWhenAnotherGainedEvensTheFigures) {
  TableEngine::Table live_t = live_table();
  live_t["提现要几天"] = {bot::Action::kClarify, ""};  // live misses this one
  TableEngine::Table trade = live_table();               // the candidate gets it right …
  trade["提现收费吗"] = {bot::Action::kFallback, ""};   // … and loses this one
  TableEngine live(live_t), candidate(trade);
  GateReport r = evaluate_release(live, candidate, kGolden);
  EXPECT_DOUBLE_EQ(r.live.answered_right, r.candidate.answered_right);
  EXPECT_FALSE(r.passes);
  ASSERT_EQ(r.regressions.size(), 1u);
  EXPECT_EQ(r.regressions[0], "golden question no longer right: 提现收费吗 (expected withdraw.fee, now fallback)");
}

}  // namespace
}  // namespace faqbot::ops
