#include "retrieval/stable_order.h"

#include <gtest/gtest.h>

#include <string>

namespace faqbot::retrieval {
namespace {

std::vector<uint64_t> keys_of(const std::vector<std::string>& texts) {
  std::vector<uint64_t> keys;
  for (const auto& t : texts) keys.push_back(content_key(t, 0));
  return keys;
}

// The texts of `texts` in `order`, leaving out `skip`.
std::vector<std::string> ordered(const std::vector<std::string>& texts,
                                 const std::vector<size_t>& order, const std::string& skip = "") {
  std::vector<std::string> out;
  for (size_t i : order) {
    if (texts[i] != skip) out.push_back(texts[i]);
  }
  return out;
}

TEST(StableOrder, AnInsertedKeyLeavesTheOthersRelativeOrder) {
  std::vector<std::string> texts;
  for (int i = 0; i < 50; ++i) texts.push_back("问题" + std::to_string(i));
  std::vector<std::string> grown = texts;
  grown.insert(grown.begin() + 7, "新加的问题");
  for (uint64_t round = 0; round < 3; ++round) {
    const auto before = ordered(texts, keyed_order(keys_of(texts), 1, round));
    const auto after = ordered(grown, keyed_order(keys_of(grown), 1, round), "新加的问题");
    EXPECT_EQ(before, after) << "round " << round;
  }
  // Rounds differ (a new shuffle per epoch), and the order is not the input order.
  const auto r0 = keyed_order(keys_of(texts), 1, 0);
  EXPECT_NE(r0, keyed_order(keys_of(texts), 1, 1));
  std::vector<size_t> identity(texts.size());
  for (size_t i = 0; i < identity.size(); ++i) identity[i] = i;
  EXPECT_NE(r0, identity);
}

TEST(StableOrder, FoldsDependOnTheTextOnlyAndAreBalanced) {
  std::vector<int> count(5, 0);
  for (int i = 0; i < 1000; ++i) {
    const std::string text = "变体" + std::to_string(i);
    const int fold = fold_of(text, 5);
    ASSERT_GE(fold, 0);
    ASSERT_LT(fold, 5);
    EXPECT_EQ(fold, fold_of(std::string(text), 5));
    ++count[fold];
  }
  for (int c : count) {
    EXPECT_GT(c, 150);
    EXPECT_LT(c, 250);
  }
}

TEST(StableOrder, KeysSeparateTextLabelAndSalt) {
  EXPECT_NE(content_key("提现", 0), content_key("提现", 1));
  EXPECT_NE(content_key("提现", 0), content_key("充值", 0));
  EXPECT_NE(salted_key(42, 1, 0), salted_key(42, 2, 0));
  EXPECT_NE(salted_key(42, 1, 0), salted_key(42, 1, 1));
  Prng a = keyed_prng(42, 1, 3), b = keyed_prng(42, 1, 3);
  EXPECT_EQ(a.next(), b.next());
}

}  // namespace
}  // namespace faqbot::retrieval
