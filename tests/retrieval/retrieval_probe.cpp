// Quality probe for the retrieval engine alone (no bot policy):
//   retrieval_probe CONFIG_DIR CASES.jsonl [--misses] [--cache DIR]
// Loads CONFIG_DIR as the engine does (knowledge::load + make_corpus), builds a
// Retriever, runs every case ({"q","expect": id|"none",...}) and prints
// top-1 accuracy and top-3 recall on in-catalog cases, how out-of-catalog
// cases score, and a grid of simple answer rules (answer when the top
// confidence >= T and out_of_scope < U).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "knowledge/loader.h"
#include "retrieval/corpus.h"
#include "retrieval/retriever.h"

namespace fs = std::filesystem;
using faqbot::retrieval::Corpus;
using faqbot::retrieval::Retriever;
using faqbot::retrieval::SearchResult;
using faqbot::retrieval::Settings;

namespace {

// The corpus the engine itself would build: the knowledge base loaded and
// validated by knowledge::load, turned into documents by make_corpus.
Corpus load_corpus(const fs::path& dir) {
  auto loaded = faqbot::knowledge::load(dir.string());
  if (!loaded.ok()) {
    for (const auto& d : loaded.diagnostics) std::cerr << faqbot::knowledge::format(d) << "\n";
    std::exit(1);
  }
  return faqbot::retrieval::make_corpus(*loaded.kb);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: retrieval_probe CONFIG_DIR CASES.jsonl [--misses] [--cache DIR]\n";
    return 2;
  }
  bool show_misses = false;
  Settings settings;
  for (int i = 3; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--misses") show_misses = true;
    if (a == "--cache" && i + 1 < argc) settings.cache_dir = argv[++i];
  }
  const Corpus corpus = load_corpus(argv[1]);
  size_t variants = 0;
  for (const auto& d : corpus.docs) variants += d.texts.size();
  const auto t0 = std::chrono::steady_clock::now();
  auto built = Retriever::build(corpus, settings);
  const auto t1 = std::chrono::steady_clock::now();
  if (!built.ok()) {
    std::cerr << "build failed: " << built.status().message() << "\n";
    return 1;
  }
  const auto& r = *built.value();
  std::printf("corpus: %zu entries, %zu texts, %zu negatives, %zu synonyms; build %.0f ms\n",
              corpus.docs.size(), variants, corpus.negatives.size(), corpus.synonyms.size(),
              std::chrono::duration<double, std::milli>(t1 - t0).count());

  struct Case {
    std::string q, expect;
    SearchResult res;
  };
  std::vector<Case> cases;
  std::ifstream in(argv[2]);
  std::string line;
  double total_us = 0;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    const auto j = nlohmann::json::parse(line, nullptr, false);
    if (!j.is_object()) continue;
    Case c{j.value("q", ""), j.value("expect", "none"), {}};
    const auto s0 = std::chrono::steady_clock::now();
    c.res = r.search(c.q, 5);
    total_us += std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - s0).count();
    cases.push_back(std::move(c));
  }
  size_t in_cat = 0, top1 = 0, top3 = 0, none = 0;
  for (const auto& c : cases) {
    if (c.expect == "none") {
      ++none;
      continue;
    }
    ++in_cat;
    const auto& cs = c.res.candidates;
    if (!cs.empty() && cs[0].id == c.expect) ++top1;
    for (size_t i = 0; i < std::min<size_t>(3, cs.size()); ++i) {
      if (cs[i].id == c.expect) ++top3;
    }
  }
  std::printf("cases: %zu in-catalog, %zu none; mean search %.1f us\n", in_cat, none,
              cases.empty() ? 0.0 : total_us / cases.size());
  std::printf("in-catalog top-1 %.1f%%  top-3 %.1f%%\n", 100.0 * top1 / std::max<size_t>(in_cat, 1),
              100.0 * top3 / std::max<size_t>(in_cat, 1));
  std::printf("rule: answer if top.confidence >= T and out_of_scope < U\n");
  std::printf("   T     U   in-cat answered right   none rejected   in-cat wrong answers\n");
  for (double u : {0.5, 0.7, 1.01}) {
    for (double t : {0.2, 0.3, 0.4, 0.5, 0.6, 0.7}) {
      size_t right = 0, wrong = 0, rejected = 0;
      for (const auto& c : cases) {
        const auto& cs = c.res.candidates;
        const bool answer = !cs.empty() && cs[0].confidence >= t && c.res.out_of_scope < u;
        if (c.expect == "none") {
          rejected += !answer;
        } else if (answer) {
          (cs[0].id == c.expect ? right : wrong)++;
        }
      }
      std::printf("%5.2f %5.2f   %6.1f%%                 %6.1f%%         %zu\n", t, u,
                  100.0 * right / std::max<size_t>(in_cat, 1),
                  100.0 * rejected / std::max<size_t>(none, 1), wrong);
    }
  }
  if (show_misses) {
    std::printf("\nmisses (in-catalog wrong top-1, or none with confidence >= 0.3):\n");
    for (const auto& c : cases) {
      const auto& cs = c.res.candidates;
      const bool miss = c.expect == "none"
                            ? (!cs.empty() && cs[0].confidence >= 0.3 && c.res.out_of_scope < 0.7)
                            : (cs.empty() || cs[0].id != c.expect);
      if (!miss) continue;
      std::printf("  %s  [expect %s] oos=%.2f ->", c.q.c_str(), c.expect.c_str(), c.res.out_of_scope);
      for (size_t i = 0; i < std::min<size_t>(3, cs.size()); ++i) {
        std::printf(" %s:%.2f(d%.2f,l%.2f)", cs[i].id.c_str(), cs[i].confidence, cs[i].dense, cs[i].lexical);
      }
      std::printf("\n");
    }
  }
  return 0;
}
