// The floors of `faqbot similarity` (Retriever::similarity) on our own
// labelled pairs of bank and consumer-credit questions outside the knowledge
// base (tests/fixtures/similarity_pairs.tsv, and similarity_pairs_service.tsv
// in the style of customer-service logs, with hard negatives), and the
// requirement that it ranks each set at least as well as character 1-2-gram
// TF-IDF cosine (IDF fitted on the knowledge base's variants and the pairs,
// as sklearn's TfidfVectorizer does; tests/bench/similarity_bench.py prints
// both with sklearn itself, per kind of pair). The floors only ever go up.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <map>
#include <sstream>

#include "bot/engine.h"
#include "knowledge/utf8.h"

namespace faqbot::cli {
namespace {

// ROC AUC floors; when set: similarity_pairs.tsv 0.708 (TF-IDF 0.429),
// similarity_pairs_service.tsv 0.775 (TF-IDF 0.525).
constexpr double kAucFloor = 0.70;
constexpr double kServiceAucFloor = 0.77;

struct Pair {
  std::string a, b;
  int label = 0;
};

std::vector<Pair> read_pairs(const std::string& path) {
  std::vector<Pair> out;
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    Pair p;
    std::string label;
    std::getline(fields, p.a, '\t');
    std::getline(fields, p.b, '\t');
    std::getline(fields, label, '\t');
    p.label = label == "1";
    out.push_back(std::move(p));
  }
  return out;
}

// Probability that a positive pair scores above a negative one (ties count half).
double roc_auc(const std::vector<Pair>& pairs, const std::vector<double>& scores) {
  double wins = 0, n = 0;
  for (size_t i = 0; i < pairs.size(); ++i) {
    if (!pairs[i].label) continue;
    for (size_t j = 0; j < pairs.size(); ++j) {
      if (pairs[j].label) continue;
      wins += scores[i] > scores[j] ? 1.0 : scores[i] == scores[j] ? 0.5 : 0.0;
      n += 1;
    }
  }
  return n > 0 ? wins / n : 0.5;
}

// Character 1-2-gram TF-IDF (smoothed IDF, L2-normalised rows) as the baseline.
class CharTfidf {
 public:
  explicit CharTfidf(const std::vector<std::string>& fit_texts) {
    for (const std::string& t : fit_texts) {
      for (const auto& [gram, n] : grams(t)) df_[gram]++;
    }
    docs_ = fit_texts.size();
  }
  double cosine(const std::string& a, const std::string& b) const {
    auto va = weights(a), vb = weights(b);
    double dot = 0, na = 0, nb = 0;
    for (const auto& [g, w] : va) {
      na += w * w;
      if (auto it = vb.find(g); it != vb.end()) dot += w * it->second;
    }
    for (const auto& [g, w] : vb) nb += w * w;
    return na > 0 && nb > 0 ? dot / std::sqrt(na * nb) : 0.0;
  }

 private:
  static std::map<std::u32string, double> grams(const std::string& text) {
    std::map<std::u32string, double> g;
    const std::u32string cps = utf8::decode(text);
    for (size_t i = 0; i < cps.size(); ++i) {
      g[cps.substr(i, 1)] += 1;
      if (i + 1 < cps.size()) g[cps.substr(i, 2)] += 1;
    }
    return g;
  }
  std::map<std::u32string, double> weights(const std::string& text) const {
    auto g = grams(text);
    for (auto& [gram, w] : g) {
      auto it = df_.find(gram);
      const double df = it == df_.end() ? 0 : it->second;
      w *= std::log((1.0 + docs_) / (1.0 + df)) + 1.0;
    }
    return g;
  }
  std::map<std::u32string, int> df_;
  size_t docs_ = 0;
};

struct Aucs {
  double ours = 0, baseline = 0;
};

// AUC of the engine's similarity and of the TF-IDF baseline on the pairs of
// `file` (tests/fixtures).
Aucs measure(const bot::Engine& engine, const std::string& file) {
  const std::vector<Pair> pairs = read_pairs(std::string(FAQBOT_FIXTURES "/") + file);
  EXPECT_GE(pairs.size(), 200u) << file;
  std::vector<std::string> fit;
  for (const auto& e : engine.kb().entries) fit.insert(fit.end(), e.questions.begin(), e.questions.end());
  for (const Pair& p : pairs) {
    fit.push_back(p.a);
    fit.push_back(p.b);
  }
  const CharTfidf tfidf(fit);
  std::vector<double> ours, base;
  for (const Pair& p : pairs) {
    const double s = engine.retriever().similarity(p.a, p.b);
    EXPECT_GE(s, 0.0) << p.a << " / " << p.b;
    EXPECT_LE(s, 1.0) << p.a << " / " << p.b;
    ours.push_back(s);
    base.push_back(tfidf.cosine(p.a, p.b));
  }
  const Aucs aucs{roc_auc(pairs, ours), roc_auc(pairs, base)};
  std::cout << file << ": similarity AUC " << aucs.ours << ", char TF-IDF AUC " << aucs.baseline << "\n";
  return aucs;
}

TEST(SimilarityQuality, OwnPairsAtLeastAsWellAsCharTfidf) {
  auto loaded = bot::Engine::load(FAQBOT_DEFAULT_CONFIG, "");
  ASSERT_NE(loaded.engine, nullptr) << loaded.status.message();
  const Aucs own = measure(*loaded.engine, "similarity_pairs.tsv");
  EXPECT_GE(own.ours, kAucFloor);
  EXPECT_GE(own.ours, own.baseline);
  const Aucs service = measure(*loaded.engine, "similarity_pairs_service.tsv");
  EXPECT_GE(service.ours, kServiceAucFloor);
  EXPECT_GE(service.ours, service.baseline);
}

}  // namespace
}  // namespace faqbot::cli
