// The follow-up quality floors (faqbot eval --multiturn): the development set
// shared/eval/multiturn_dev.tsv and our own probe set
// tests/fixtures/multiturn_probe.tsv (written without seeing the dev set; all
// four kinds of follow-up, small talk and an out-of-catalog remark), and
// tests/fixtures/multiturn_short.tsv (the four kinds again, in customers'
// short chat style: no punctuation, 咋/啥, bare 那个/这个), and
// tests/fixtures/multiturn_fresh.tsv (written blind, before reading the
// follow-up code: the four kinds, other companies' products, typos in the
// follow-up, thanks and goodbye), and tests/fixtures/multiturn_context.tsv
// (written while extending the follow-up code, not blind: products named as a
// means of ours after a question about means, 利息 after a loan question,
// holidays, amounts and falling rates named in a follow-up, a time word
// holding 这个, a title rewrite that reads out of scope, and complete new
// questions after each, other companies' products among them), and
// tests/fixtures/multiturn_bank.tsv (written blind from the catalog in bank
// chat-log style, measured once when it landed), and
// tests/fixtures/multiturn_im.tsv (written blind from the catalog as
// investors type into an IM app, measured once when it landed), and
// tests/fixtures/multiturn_agent.tsv (written while extending the follow-up
// code, not blind: a new question of the entry just answered, long
// elliptical follow-ups, short ones the text alone answers weakly or not at
// all, complete new questions, other companies' products and small talk
// after a topic, out-of-catalog questions after a topic). These floors only
// ever go up: raise them when the engine improves.
#include <gtest/gtest.h>

#include <filesystem>
#include <iostream>

#include "adapters/cli/multiturn_evaluation.h"

namespace faqbot::cli {
namespace {

constexpr double kDevFollowupFloor = 1.0;     // 40/40 when set (issue target 0.90)
constexpr double kProbeFollowupFloor = 0.98;  // 93/94 when set
constexpr double kFirstTurnFloor = 0.97;      // first turns of both sets
constexpr double kShortFollowupFloor = 0.96;  // 31/32 when set
constexpr double kShortFirstTurnFloor = 0.96; // 31/32 when set
constexpr double kFreshFollowupFloor = 0.98;  // 80/81 when set (74/81 on adding it)
constexpr double kFreshFirstTurnFloor = 0.97; // 79/81 when set
constexpr double kContextFollowupFloor = 0.95;   // 251/262 when set (236/262 before the fixes it holds)
constexpr double kContextFirstTurnFloor = 0.98;  // 259/262 when set
constexpr double kBankFollowupFloor = 0.93;   // 60/64 when set (blind until then)
constexpr double kBankFirstTurnFloor = 0.98;  // 64/64 when set
constexpr double kImFollowupFloor = 0.91;   // 66/72 when set (blind until then), 66/72 the lowest of 7 dense seeds
constexpr double kImFirstTurnFloor = 0.98;  // 71/72 when set
constexpr double kAgentFollowupFloor = 0.82;   // 48/56 when set, 46/56 the lowest of 7 dense seeds (33/56 on main before)
constexpr double kAgentFirstTurnFloor = 0.97;  // 56/56 when set

MultiturnReport evaluate_file(const std::string& path) {
  auto cases = read_multiturn(path);
  EXPECT_TRUE(cases.ok()) << cases.status().message();
  if (!cases.ok()) return {};
  static auto loaded = bot::Engine::load(FAQBOT_DEFAULT_CONFIG, "");
  EXPECT_NE(loaded.engine, nullptr) << loaded.status.message();
  if (!loaded.engine) return {};
  return evaluate_multiturn(*loaded.engine, cases.value());
}

TEST(MultiturnQuality, DevSetMeetsTheFloors) {
  ASSERT_TRUE(std::filesystem::exists(FAQBOT_MULTITURN_DEV_SET))
      << "the development set is expected beside the repository at " << FAQBOT_MULTITURN_DEV_SET;
  MultiturnReport report = evaluate_file(FAQBOT_MULTITURN_DEV_SET);
  ASSERT_GE(report.followup.total, 40);
  const std::string details = format_multiturn_report(report);
  EXPECT_GE(report.followup.value(), kDevFollowupFloor) << details;
  EXPECT_GE(report.first.value(), kFirstTurnFloor) << details;
  std::cout << details;
}

// Our own probe file `name` in tests/fixtures/: at least `min_total`
// conversations, each accuracy at its floor, and no follow-up told "already
// answered" (every follow-up in our files asks something new, also when its
// entry is the first turn's: "充值支持哪些方式" → "那支付宝呢").
void expect_probe_floors(const std::string& name, int min_total, double followup_floor,
                         double first_turn_floor) {
  MultiturnReport report = evaluate_file(FAQBOT_FIXTURES "/" + name);
  ASSERT_GE(report.followup.total, min_total);
  const std::string details = format_multiturn_report(report);
  EXPECT_GE(report.followup.value(), followup_floor) << details;
  EXPECT_GE(report.first.value(), first_turn_floor) << details;
  EXPECT_TRUE(report.repeats.empty()) << details;
  std::cout << details;
}

TEST(MultiturnQuality, OwnProbesMeetTheFloors) {
  expect_probe_floors("multiturn_probe.tsv", 90, kProbeFollowupFloor, kFirstTurnFloor);
}

TEST(MultiturnQuality, ShortChatProbesMeetTheFloors) {
  expect_probe_floors("multiturn_short.tsv", 32, kShortFollowupFloor, kShortFirstTurnFloor);
}

TEST(MultiturnQuality, FreshBlindProbesMeetTheFloors) {
  expect_probe_floors("multiturn_fresh.tsv", 80, kFreshFollowupFloor, kFreshFirstTurnFloor);
}

TEST(MultiturnQuality, BankChatBlindProbesMeetTheFloors) {
  expect_probe_floors("multiturn_bank.tsv", 64, kBankFollowupFloor, kBankFirstTurnFloor);
}

TEST(MultiturnQuality, ImChatBlindProbesMeetTheFloors) {
  expect_probe_floors("multiturn_im.tsv", 72, kImFollowupFloor, kImFirstTurnFloor);
}

TEST(MultiturnQuality, ContextProbesMeetTheFloors) {
  expect_probe_floors("multiturn_context.tsv", 260, kContextFollowupFloor, kContextFirstTurnFloor);
}

TEST(MultiturnQuality, AgentStyleProbesMeetTheFloors) {
  expect_probe_floors("multiturn_agent.tsv", 56, kAgentFollowupFloor, kAgentFirstTurnFloor);
}

}  // namespace
}  // namespace faqbot::cli
