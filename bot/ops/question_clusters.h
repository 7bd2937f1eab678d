#pragma once
// Agglomerative grouping (average linkage) of short texts by a similarity in
// [0, 1]: every text starts alone; the two groups with the highest average
// pairwise similarity merge while that average is >= `threshold`. O(n^2)
// similarity calls and memory, O(n^3) time at worst: keep n to a few hundred.
#include <functional>
#include <string>
#include <vector>

namespace faqbot::ops {

struct WeightedText {
  std::string text;
  int weight = 1;  // how often it was asked: a group's size is the sum
};

// Groups of indices into `texts`, largest total weight first; within a group
// the heaviest text first. Deterministic for the same input.
std::vector<std::vector<size_t>> cluster_texts(
    const std::vector<WeightedText>& texts,
    const std::function<double(const std::string&, const std::string&)>& similarity, double threshold);

}  // namespace faqbot::ops
