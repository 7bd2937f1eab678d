// Agglomerative grouping of unanswered questions: groups by similarity,
// largest (by repeats) first, heaviest text first, threshold respected.
#include "bot/ops/question_clusters.h"

#include <gtest/gtest.h>

#include <set>

namespace faqbot::ops {
namespace {

// Similarity: the share of characters two texts have in common (by byte set).
double overlap(const std::string& a, const std::string& b) {
  std::set<char> x(a.begin(), a.end()), y(b.begin(), b.end());
  size_t common = 0;
  for (char c : x) common += y.count(c);
  return double(common) / std::max(x.size(), y.size());
}

TEST(QuestionClusters, GroupsSimilarTextsLargestFirst) {
  std::vector<WeightedText> texts = {
      {"abcd", 1}, {"xyz1", 1}, {"abce", 3}, {"xyz2", 1}, {"qqqq", 1}, {"abcf", 1}};
  auto groups = cluster_texts(texts, overlap, 0.7);
  ASSERT_EQ(groups.size(), 3u);
  EXPECT_EQ(groups[0], (std::vector<size_t>{2, 0, 5}));  // weight 5, "abce" (3) first
  EXPECT_EQ(std::set<size_t>(groups[1].begin(), groups[1].end()), (std::set<size_t>{1, 3}));
  EXPECT_EQ(groups[2], (std::vector<size_t>{4}));
}

TEST(QuestionClusters, NothingMergesBelowTheThresholdAndEmptyIsEmpty) {
  std::vector<WeightedText> texts = {{"abcd", 1}, {"abxy", 2}};
  EXPECT_EQ(cluster_texts(texts, overlap, 0.9).size(), 2u);
  EXPECT_EQ(cluster_texts(texts, overlap, 0.5).size(), 1u);
  EXPECT_TRUE(cluster_texts({}, overlap, 0.5).empty());
}

TEST(QuestionClusters, AverageLinkageDoesNotChain) {
  // a~b and b~c are close, a and c are not: average linkage keeps c apart.
  auto sim = [](const std::string& x, const std::string& y) {
    return (x == "a" && y == "c") || (x == "c" && y == "a") ? 0.0 : 0.8;
  };
  auto groups = cluster_texts({{"a", 1}, {"b", 1}, {"c", 1}}, sim, 0.6);
  EXPECT_EQ(groups.size(), 2u);
}

}  // namespace
}  // namespace faqbot::ops
