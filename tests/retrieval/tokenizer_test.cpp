#include "retrieval/tokenizer.h"

#include <gtest/gtest.h>

namespace faqbot::retrieval {
namespace {

std::vector<std::string> lines() {
  std::vector<std::string> out;
  for (int i = 0; i < 20; ++i) {
    out.push_back("提现多久到账");
    out.push_back("充值有手续费吗");
    out.push_back("怎么修改登录密码");
  }
  return out;
}

TEST(TokenizerTest, TrainsPiecesFromCorpus) {
  auto t = Tokenizer::train(lines());
  ASSERT_TRUE(t.ok());
  EXPECT_FALSE(t.value()->serialized_model().empty());
  std::string joined;
  for (const auto& p : t.value()->pieces("提现多久到账")) joined += p;
  EXPECT_EQ(joined, "提现多久到账");
}

TEST(TokenizerTest, TrainingIsDeterministic) {
  auto a = Tokenizer::train(lines());
  auto b = Tokenizer::train(lines());
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a.value()->serialized_model(), b.value()->serialized_model());
}

TEST(TokenizerTest, FeaturesAreSortedUniqueAndIncludeNgrams) {
  auto t = Tokenizer::load("");
  ASSERT_TRUE(t.ok());
  const auto f = t.value()->features("提现提现");
  // unigrams 提,现; bigrams 提现,现提; trigrams 提现提,现提现
  EXPECT_EQ(f.size(), 6u);
  for (size_t i = 1; i < f.size(); ++i) EXPECT_LT(f[i - 1].key, f[i].key);
  EXPECT_TRUE(t.value()->features("").empty());
}

TEST(TokenizerTest, TinyCorpusFallsBackToNgrams) {
  auto t = Tokenizer::train({"提现"});
  ASSERT_TRUE(t.ok());
  EXPECT_TRUE(t.value()->serialized_model().empty());
  EXPECT_FALSE(t.value()->features("提现").empty());
}

TEST(TokenizerTest, CorruptModelIsAnError) {
  EXPECT_FALSE(Tokenizer::load("not a model").ok());
}

}  // namespace
}  // namespace faqbot::retrieval
