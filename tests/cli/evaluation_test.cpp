#include "adapters/cli/evaluation.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

namespace faqbot::cli {
namespace {

std::string write_temp(const std::string& text) {
  auto path = std::filesystem::temp_directory_path() /
              ("faqbot-cases-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
               std::to_string(std::rand()) + ".jsonl");
  std::ofstream(path) << text;
  return path.string();
}

TEST(Evaluation, ReadsCasesAndDefaultsTheAction) {
  std::string path = write_temp(
      "{\"q\": \"怎么提现\", \"expect\": \"withdraw.how\", \"action\": \"answer\"}\n\n"
      "{\"q\": \"天气\", \"expect\": \"none\"}\n");
  auto cases = read_cases(path);
  ASSERT_TRUE(cases.ok()) << cases.status().message();
  ASSERT_EQ(cases->size(), 2u);
  EXPECT_EQ(cases.value()[0].expect, "withdraw.how");
  EXPECT_EQ(cases.value()[1].action, "no_answer");
  EXPECT_EQ(cases.value()[1].line, 3);
  std::filesystem::remove(path);
}

TEST(Evaluation, MalformedLineNamesFileAndLine) {
  std::string path = write_temp("{\"q\": \"a\", \"expect\": \"b\"}\n{not json\n");
  auto cases = read_cases(path);
  ASSERT_FALSE(cases.ok());
  EXPECT_EQ(cases.status().message(), path + ":2: not a JSON object");
  std::filesystem::remove(path);
  EXPECT_FALSE(read_cases("/nonexistent/cases.jsonl").ok());
}

TEST(Evaluation, RatioOfNothingIsOne) {
  Ratio r;
  EXPECT_DOUBLE_EQ(r.value(), 1.0);
  r.hits = 1;
  r.total = 4;
  EXPECT_DOUBLE_EQ(r.value(), 0.25);
}

}  // namespace
}  // namespace faqbot::cli
