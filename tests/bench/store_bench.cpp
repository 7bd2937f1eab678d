// Throughput of the SQLite store on the chat write path: one record_turn =
// session upsert + investor message + bot message in one transaction.
//   store_bench --benchmark_filter=Turn
// BM_RecordTurn continues 1,000 sessions a thread (the upsert updates);
// BM_NewSessionTurn starts a new session every time (the upsert inserts, with
// a credential hash, as the first message of a web chat does).
// Arg 0 = synchronous=NORMAL (the default), 1 = FULL (fsync every commit).
// With FAQBOT_BENCH_PG_URL=postgresql://… set, the same write path is also
// measured on PostgreSQL (BM_RecordTurnPostgres, a fresh schema, dropped).
#include <benchmark/benchmark.h>
#include <libpq-fe.h>
#include <stdlib.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>

#include <filesystem>
#include <memory>
#include <string>

#include "bot/store/store.h"

namespace faqbot::store {
namespace {

std::unique_ptr<Store> g_store;  // shared by a benchmark's threads
std::string g_dir;

void open_fresh(const benchmark::State& state) {
  std::string pattern =
      (std::filesystem::temp_directory_path() / "faqbot-store-bench-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) abort();
  g_dir = pattern;
  StoreOptions options;
  options.sync_every_commit = state.range(0) != 0;
  auto opened = open_store(g_dir, options);
  if (!opened.ok()) abort();
  g_store = std::move(opened).value();
}

void close_and_remove(const benchmark::State&) {
  g_store.reset();
  std::error_code ec;
  if (!g_dir.empty()) std::filesystem::remove_all(g_dir, ec);
  g_dir.clear();
}

std::string g_pg_schema;

void open_postgres(const benchmark::State&) {
  StoreOptions options;
  options.postgres_connections = 8;
  g_pg_schema = "faqbot_bench_" + std::to_string(getpid());
  options.postgres_schema = g_pg_schema;
  auto opened = open_store(std::getenv("FAQBOT_BENCH_PG_URL"), options);
  if (!opened.ok()) {
    std::fprintf(stderr, "%s\n", opened.status().message().c_str());
    abort();
  }
  g_store = std::move(opened).value();
}

void close_postgres(const benchmark::State&) {
  g_store.reset();
  PGconn* conn = PQconnectdb(std::getenv("FAQBOT_BENCH_PG_URL"));
  PQsetNoticeProcessor(conn, [](void*, const char*) {}, nullptr);
  PQclear(PQexec(conn, ("DROP SCHEMA IF EXISTS " + g_pg_schema + " CASCADE").c_str()));
  PQfinish(conn);
}

Turn make_turn(const std::string& session_id, int i) {
  Turn turn;
  turn.session.id = session_id;
  turn.session.channel = "web";
  turn.session.state = R"({"last_faq_id":"withdraw_time","consecutive_fallbacks":0})";
  turn.messages.push_back({Role::kInvestor, "提现多久能到账？第" + std::to_string(i) + "次", "",
                           "", 0, "", 0});
  turn.messages.push_back({Role::kBot,
                           "您好，提现一般在1-3个工作日内到账，具体以页面显示为准，感谢您的耐心。",
                           "answer", "withdraw_time", 0.91, "", 0});
  return turn;
}

// Records make_turn(session_of(i), i) each iteration: a turn of 2 messages.
template <typename SessionOf>
void record_turns(benchmark::State& state, SessionOf session_of, const std::string& token_hash) {
  int i = 0;
  for (auto _ : state) {
    Turn turn = make_turn(session_of(i), i);
    turn.session.token_hash = token_hash;
    auto r = g_store->record_turn(turn);
    if (!r.ok()) {
      state.SkipWithError(r.status().message().c_str());
      break;
    }
    ++i;
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["messages/s"] =
      benchmark::Counter(2.0 * state.iterations(), benchmark::Counter::kIsRate);
}

void BM_RecordTurn(benchmark::State& state) {
  const std::string prefix = "bench-" + std::to_string(state.thread_index()) + "-";
  record_turns(state, [&](int i) { return prefix + std::to_string(i % 1000); }, "");
}
BENCHMARK(BM_RecordTurn)
    ->Setup(open_fresh)
    ->Teardown(close_and_remove)
    ->Arg(0)
    ->Arg(1)
    ->Threads(1)
    ->Threads(8)
    ->Threads(32)
    ->UseRealTime();

void BM_NewSessionTurn(benchmark::State& state) {
  const std::string prefix = "new-" + std::to_string(state.thread_index()) + "-";
  record_turns(state, [&](int i) { return prefix + std::to_string(i); },
               "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
}
BENCHMARK(BM_NewSessionTurn)
    ->Setup(open_fresh)
    ->Teardown(close_and_remove)
    ->Arg(0)
    ->Threads(1)
    ->Threads(8)
    ->UseRealTime();

// The read side of a chat: load the session, then a widget poll.
void BM_ReadSessionAndPoll(benchmark::State& state) {
  const std::string prefix = "read-" + std::to_string(state.thread_index()) + "-";
  for (int i = 0; i < 100; ++i) g_store->record_turn(make_turn(prefix + std::to_string(i), i));
  int i = 0;
  for (auto _ : state) {
    const std::string id = prefix + std::to_string(i++ % 100);
    auto s = g_store->get_session(id);
    auto m = g_store->messages_after(id, 0, 50);
    if (!s.ok() || !m.ok()) {
      state.SkipWithError("read failed");
      break;
    }
    benchmark::DoNotOptimize(m.value().size());
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ReadSessionAndPoll)
    ->Setup(open_fresh)
    ->Teardown(close_and_remove)
    ->Arg(0)
    ->Threads(1)
    ->Threads(8)
    ->UseRealTime();

}  // namespace
}  // namespace faqbot::store

int main(int argc, char** argv) {
  using namespace faqbot::store;
  if (const char* url = std::getenv("FAQBOT_BENCH_PG_URL"); url != nullptr && *url) {
    benchmark::RegisterBenchmark("BM_RecordTurnPostgres", BM_RecordTurn)
        ->Setup(open_postgres)
        ->Teardown(close_postgres)
        ->Arg(0)
        ->Threads(1)
        ->Threads(8)
        ->Threads(32)
        ->UseRealTime();
  }
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
