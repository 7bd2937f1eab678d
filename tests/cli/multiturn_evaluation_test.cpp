#include "adapters/cli/multiturn_evaluation.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>

namespace faqbot::cli {
namespace {

std::string write_temp(const std::string& text) {
  std::random_device rd;
  auto path = std::filesystem::temp_directory_path() /
              ("faqbot-multiturn-" + std::to_string(rd()) + std::to_string(rd()) + ".tsv");
  std::ofstream(path) << text;
  return path.string();
}

TEST(MultiturnEvaluation, ReadsFourFieldsSkippingCommentsAndBlanks) {
  std::string path = write_temp(
      "# first\tentry\tfollow-up\tentry\n\n"
      "提现要手续费吗\twithdraw.fee\t那充值呢\trecharge.fee\r\n"
      "充值怎么操作\trecharge.how\t今天天气不错\tnone\n");
  auto cases = read_multiturn(path);
  ASSERT_TRUE(cases.ok()) << cases.status().message();
  ASSERT_EQ(cases->size(), 2u);
  EXPECT_EQ(cases.value()[0].followup, "那充值呢");
  EXPECT_EQ(cases.value()[0].followup_expect, "recharge.fee");  // \r dropped
  EXPECT_EQ(cases.value()[1].line, 4);
  std::filesystem::remove(path);
}

TEST(MultiturnEvaluation, MalformedLineNamesFileAndLine) {
  std::string path = write_temp("a\tb\tc\td\na\tb\tc\n");
  auto cases = read_multiturn(path);
  ASSERT_FALSE(cases.ok());
  EXPECT_EQ(cases.status().message(), path + ":2: expected first<TAB>entry<TAB>follow-up<TAB>entry");
  std::filesystem::remove(path);
  path = write_temp("a\t\tc\td\n");  // an empty field
  EXPECT_FALSE(read_multiturn(path).ok());
  std::filesystem::remove(path);
  EXPECT_FALSE(read_multiturn("/nonexistent/pairs.tsv").ok());
}

TEST(MultiturnEvaluation, AnsweredWithCountsAnswersAndHandoffsOfTheEntry) {
  bot::Reply r;
  r.action = bot::Action::kAnswer;
  r.faq_id = "withdraw.fee";
  EXPECT_TRUE(answered_with(r, "withdraw.fee"));
  EXPECT_FALSE(answered_with(r, "recharge.fee"));
  EXPECT_FALSE(answered_with(r, "none"));
  r.action = bot::Action::kHandoff;
  r.faq_id = "withdraw.delayed";
  EXPECT_TRUE(answered_with(r, "withdraw.delayed"));
  r.action = bot::Action::kClarify;
  r.faq_id = "withdraw.fee";  // a guess behind a clarify is no answer
  EXPECT_FALSE(answered_with(r, "withdraw.fee"));
  EXPECT_TRUE(answered_with(r, "none"));
}

}  // namespace
}  // namespace faqbot::cli
