// The quality floor on the development set (shared/eval/dev.jsonl). These
// thresholds only ever go up: raise them when the engine improves.
#include <gtest/gtest.h>

#include <filesystem>

#include "adapters/cli/evaluation.h"

namespace faqbot::cli {
namespace {

constexpr double kInScopeFloor = 0.90;   // answered with the right entry
constexpr double kHandoffFloor = 0.95;   // handoff cases handed off
constexpr double kNoAnswerFloor = 0.90;  // out-of-catalog not answered
constexpr double kTop3Floor = 0.95;      // expected entry among the top 3

TEST(Quality, DevSetMeetsTheFloors) {
  ASSERT_TRUE(std::filesystem::exists(FAQBOT_DEV_SET))
      << "the development set is expected beside the repository at " << FAQBOT_DEV_SET;
  auto cases = read_cases(FAQBOT_DEV_SET);
  ASSERT_TRUE(cases.ok()) << cases.status().message();
  auto loaded = bot::Engine::load(FAQBOT_DEFAULT_CONFIG, "");
  ASSERT_NE(loaded.engine, nullptr) << loaded.status.message();
  EvalReport report = evaluate(*loaded.engine, cases.value());
  std::string details = format_report(report);
  EXPECT_GE(report.in_scope.value(), kInScopeFloor) << details;
  EXPECT_GE(report.handoff.value(), kHandoffFloor) << details;
  EXPECT_GE(report.no_answer.value(), kNoAnswerFloor) << details;
  EXPECT_GE(report.top3.value(), kTop3Floor) << details;
  std::cout << details;
}

}  // namespace
}  // namespace faqbot::cli
