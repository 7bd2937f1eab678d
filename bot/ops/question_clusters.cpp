#include "bot/ops/question_clusters.h"

#include <algorithm>

namespace faqbot::ops {

std::vector<std::vector<size_t>> cluster_texts(
    const std::vector<WeightedText>& texts,
    const std::function<double(const std::string&, const std::string&)>& similarity, double threshold) {
  const size_t n = texts.size();
  // sim[i][j]: average similarity between live groups i and j (i != j).
  std::vector<std::vector<double>> sim(n, std::vector<double>(n, 0.0));
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = i + 1; j < n; ++j) sim[i][j] = sim[j][i] = similarity(texts[i].text, texts[j].text);
  }
  std::vector<std::vector<size_t>> members(n);
  std::vector<size_t> count(n, 1);  // texts in the group (average linkage is over texts)
  std::vector<bool> live(n, true);
  for (size_t i = 0; i < n; ++i) members[i] = {i};
  while (true) {
    double best = -1;
    size_t a = 0, b = 0;
    for (size_t i = 0; i < n; ++i) {
      if (!live[i]) continue;
      for (size_t j = i + 1; j < n; ++j) {
        if (live[j] && sim[i][j] > best) {
          best = sim[i][j];
          a = i;
          b = j;
        }
      }
    }
    if (best < threshold) break;
    // Merge b into a; the average to every other group is the size-weighted
    // mean of the two averages (Lance–Williams for average linkage).
    for (size_t k = 0; k < n; ++k) {
      if (!live[k] || k == a || k == b) continue;
      const double merged = (sim[a][k] * count[a] + sim[b][k] * count[b]) / double(count[a] + count[b]);
      sim[a][k] = sim[k][a] = merged;
    }
    count[a] += count[b];
    members[a].insert(members[a].end(), members[b].begin(), members[b].end());
    live[b] = false;
  }
  std::vector<std::vector<size_t>> groups;
  for (size_t i = 0; i < n; ++i) {
    if (!live[i]) continue;
    std::vector<size_t> g = members[i];
    std::stable_sort(g.begin(), g.end(), [&](size_t x, size_t y) { return texts[x].weight > texts[y].weight; });
    groups.push_back(std::move(g));
  }
  auto weight = [&](const std::vector<size_t>& g) {
    int w = 0;
    for (size_t i : g) w += texts[i].weight;
    return w;
  };
  std::stable_sort(groups.begin(), groups.end(),
                   [&](const auto& x, const auto& y) { return weight(x) > weight(y); });
  return groups;
}

}  // namespace faqbot::ops
