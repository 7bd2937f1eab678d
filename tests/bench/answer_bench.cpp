// Answer latency of the whole engine (normalise → retrieve → policy → guard)
// on the default knowledge base, one thread. Reports p50/p99 in microseconds
// as counters, plus the cold index build time (no cache).
//   build/tests/bench/answer_bench [--benchmark_filter=...]
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include "bot/engine.h"
#include "bot/pii.h"
#include "latency.h"

namespace {

// Questions written for the benchmark: a mix of clean, typo, traditional,
// long, follow-up-like and out-of-scope text.
const std::vector<std::string>& questions() {
  static const std::vector<std::string> q = {
      "提现一般多久能到账", "体现手续费怎么算", "冲值没到帐怎么办", "提現多久到賬",
      "周六提现什么时候到", "借款审核要几天", "你们平台安全吗", "怎么开通自动投标",
      "红包怎么用", "转人工", "今天天气怎么样", "我的银行卡号是6222020200112233446",
      "请问一下我上周投了一笔短期标现在还没有满标资金一直冻结着这个正常吗要等多久啊",
      "手续费呢", "你好", "谢谢",
  };
  return q;
}

std::shared_ptr<const faqbot::bot::Engine> engine() {
  static auto loaded = faqbot::bot::Engine::load(FAQBOT_DEFAULT_CONFIG, "");
  return loaded.engine;
}

void BM_Answer(benchmark::State& state) {
  auto e = engine();
  if (!e) {
    state.SkipWithError("default knowledge base did not load");
    return;
  }
  const auto& qs = questions();
  std::vector<double> micros, cpu;
  micros.reserve(1 << 16);
  cpu.reserve(1 << 16);
  size_t i = 0;
  for (auto _ : state) {
    faqbot::bot::Conversation conversation;
    const double cpu_start = faqbot::bench::thread_cpu_micros();
    auto start = std::chrono::steady_clock::now();
    auto reply = e->respond(conversation, qs[i++ % qs.size()]);
    auto stop = std::chrono::steady_clock::now();
    cpu.push_back(faqbot::bench::thread_cpu_micros() - cpu_start);
    benchmark::DoNotOptimize(reply);
    micros.push_back(std::chrono::duration<double, std::micro>(stop - start).count());
  }
  faqbot::bench::report_latency(state, micros, cpu);
}
BENCHMARK(BM_Answer)->MinTime(2.0);

// One question at a time (labelled with it): which texts make BM_Answer's
// tail. Long messages are read clause by clause, so they cost the most.
void BM_AnswerOne(benchmark::State& state) {
  auto e = engine();
  if (!e) {
    state.SkipWithError("default knowledge base did not load");
    return;
  }
  const std::string& q = questions()[static_cast<size_t>(state.range(0))];
  state.SetLabel(q);
  std::vector<double> micros, cpu;
  for (auto _ : state) {
    faqbot::bot::Conversation conversation;
    const double cpu_start = faqbot::bench::thread_cpu_micros();
    auto start = std::chrono::steady_clock::now();
    auto reply = e->respond(conversation, q);
    auto stop = std::chrono::steady_clock::now();
    cpu.push_back(faqbot::bench::thread_cpu_micros() - cpu_start);
    benchmark::DoNotOptimize(reply);
    micros.push_back(std::chrono::duration<double, std::micro>(stop - start).count());
  }
  faqbot::bench::report_latency(state, micros, cpu);
}
BENCHMARK(BM_AnswerOne)->DenseRange(0, static_cast<int64_t>(questions().size()) - 1)->MinTime(0.2);

// The PII masker alone over the same questions (its share of BM_Answer; the
// service and the masking store run it again on what they store).
void BM_MaskPii(benchmark::State& state) {
  const auto& qs = questions();
  size_t i = 0;
  for (auto _ : state) benchmark::DoNotOptimize(faqbot::bot::mask_pii(qs[i++ % qs.size()]));
}
BENCHMARK(BM_MaskPii);

void BM_ColdLoadAndIndexBuild(benchmark::State& state) {
  for (auto _ : state) {
    auto loaded = faqbot::bot::Engine::load(FAQBOT_DEFAULT_CONFIG, "");
    benchmark::DoNotOptimize(loaded.engine);
  }
}
BENCHMARK(BM_ColdLoadAndIndexBuild)->Unit(benchmark::kMillisecond)->Iterations(3);

// A restart with an unchanged knowledge base: the index comes from the cache.
void BM_WarmLoadFromCache(benchmark::State& state) {
  std::string cache = std::filesystem::temp_directory_path() / "faqbot-bench-cache";
  std::filesystem::remove_all(cache);
  faqbot::bot::Engine::load(FAQBOT_DEFAULT_CONFIG, cache);  // fills the cache
  for (auto _ : state) {
    auto loaded = faqbot::bot::Engine::load(FAQBOT_DEFAULT_CONFIG, cache);
    benchmark::DoNotOptimize(loaded.engine);
  }
  std::filesystem::remove_all(cache);
}
BENCHMARK(BM_WarmLoadFromCache)->Unit(benchmark::kMillisecond)->Iterations(5);

}  // namespace

BENCHMARK_MAIN();
