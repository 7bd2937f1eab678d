#pragma once
// Latency counters shared by the Google Benchmark programs: wall-clock and
// thread-CPU percentiles in microseconds. On a shared (loaded) machine the
// CPU figures are the engine's own cost; the wall figures include waiting.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <ctime>
#include <vector>

namespace faqbot::bench {

// CPU time of the calling thread, microseconds.
inline double thread_cpu_micros() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e6 + static_cast<double>(ts.tv_nsec) / 1e3;
}

// Sets p50_us, p99_us, max_us (wall) and cpu_p50_us, cpu_p99_us on `state`
// from per-call samples (sorted in place).
inline void report_latency(benchmark::State& state, std::vector<double>& micros,
                           std::vector<double>& cpu) {
  if (micros.empty() || cpu.empty()) return;
  auto pct = [](const std::vector<double>& v, size_t num) {
    return v[std::min(v.size() - 1, v.size() * num / 100)];
  };
  std::sort(micros.begin(), micros.end());
  std::sort(cpu.begin(), cpu.end());
  state.counters["p50_us"] = pct(micros, 50);
  state.counters["p99_us"] = pct(micros, 99);
  state.counters["max_us"] = micros.back();
  state.counters["cpu_p50_us"] = pct(cpu, 50);
  state.counters["cpu_p99_us"] = pct(cpu, 99);
}

}  // namespace faqbot::bench
