// Retrieval latency and index build time (Google Benchmark), one thread.
//   retrieval_bench                       default knowledge base only
//   FAQBOT_BENCH_LARGE=1 retrieval_bench  also a generated 100,000-entry base
// BM_SimilarityDefault is the pair score of `faqbot similarity` and insights.
// Latency benchmarks report p50/p99 in microseconds as counters; build
// benchmarks time one cold build (no cache) per iteration.
#include <benchmark/benchmark.h>
#include <omp.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "knowledge/loader.h"
#include "latency.h"
#include "retrieval/corpus.h"
#include "retrieval/retriever.h"

namespace {

namespace fs = std::filesystem;
using faqbot::bench::report_latency;
using faqbot::bench::thread_cpu_micros;
using faqbot::retrieval::Corpus;
using faqbot::retrieval::Document;
using faqbot::retrieval::Retriever;
using faqbot::retrieval::Settings;

// ---- corpora ---------------------------------------------------------------

// The default knowledge base as the engine reads it (knowledge::load + make_corpus).
Corpus default_corpus() {
  const char* env = std::getenv("FAQBOT_CONFIG_DIR");
  auto loaded = faqbot::knowledge::load(env ? env : FAQBOT_DEFAULT_CONFIG);
  if (!loaded.ok()) return Corpus{};
  return faqbot::retrieval::make_corpus(*loaded.kb);
}

// Deterministic generator of a large, realistic-looking knowledge base. A
// platform with 100,000 FAQ entries has many products and services, each
// with its own handful of entries: every entry is about one named product
// (a generated name such as 安盈宝 or 稳鑫计划) and one (subject, object)
// pair of domain words, sometimes with an aspect (周末, 大额 ...), asked in
// 5-10 phrasings, some with a typo or extra politeness. No two entries share
// (product, subject, object); the product names give entries the rarer words
// a real knowledge base of that size has (a corpus built only from ~150
// domain words cannot be told apart even by a human).
class Generator {
 public:
  explicit Generator(uint64_t seed) : state_(seed) {}
  uint64_t next() {
    uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  template <typename T>
  const T& pick(const std::vector<T>& v) { return v[next() % v.size()]; }

 private:
  uint64_t state_;
};

const std::vector<std::string> kSubjects = {
    "提现", "充值", "出借", "借款", "还款", "回款", "转让", "注册", "实名认证", "绑卡",
    "登录", "交易密码", "登录密码", "手机号", "自动投标", "加息券", "红包", "会员", "邀请好友",
    "风险测评", "银行存管", "备付金", "信息披露", "短期标", "长期标", "债权", "逾期",
    "提前还款", "放款", "审核", "额度", "利率", "收益", "计息", "满标", "流标", "冻结资金",
    "余额", "账户", "银行卡", "客服", "投诉", "发票", "合同", "协议", "积分", "活动",
    "新手标", "体验金", "站内信", "短信验证码", "人脸识别", "身份证", "营业执照", "企业账户",
    "电子签章", "征信", "担保", "抵押", "保险", "app", "网页版", "小程序", "公众号"};
const std::vector<std::string> kObjects = {
    "手续费", "到账时间", "限额", "失败", "流程", "条件", "规则", "查询", "修改", "取消",
    "记录", "明细", "退款", "延迟", "异常", "上限", "下限", "期限", "费用", "方式",
    "入口", "资料", "进度", "通知", "状态", "次数", "金额", "时间", "证明", "截图"};
const std::vector<std::string> kAspects = {
    "", "", "", "周末", "节假日", "晚上", "第一次", "老用户", "新用户", "大额", "小额",
    "企业", "个人", "手机上", "电脑上", "境外", "工作日", "月底", "年底", "今天"};
// Product names: head + second character + kind (40 x 40 x 10 = 16,000).
const std::vector<std::string> kNameChars = {
    "安", "稳", "鑫", "盈", "丰", "泰", "恒", "福", "瑞", "汇", "融", "信", "达", "嘉",
    "惠", "隆", "祥", "益", "富", "裕", "金", "宏", "华", "锦", "悦", "颐", "康", "宁",
    "和", "聚", "诚", "君", "智", "睿", "优", "享", "乐", "易", "朗", "晟"};
const std::vector<std::string> kNameKinds = {"宝", "贷", "计划", "通", "盈", "理财", "钱包",
                                             "精选", "季享", "月添利"};
const std::vector<std::string> kTemplates = {
    "{p}{a}{s}{o}是多少", "请问{p}{a}{s}的{o}", "{p}{a}{s}{o}怎么算", "{p}{s}{o}{a}有变化吗",
    "想问下{p}{a}{s}{o}", "{p}{a}{s}的{o}在哪看", "您好{p}{a}{s}{o}是什么", "{p}{s}{o}问题{a}",
    "{a}{p}{s}{o}怎么回事", "关于{p}的{a}{s}{o}", "{p}{a}{s}{o}吗", "{p}{s}{a}{o}是怎样的",
    "我买了{p}{a}{s}{o}怎么弄", "{p}这个产品{s}{o}{a}"};
const std::vector<std::pair<std::string, std::string>> kTypos = {
    {"提现", "体现"}, {"充值", "冲值"}, {"到账", "到帐"}, {"账户", "帐户"}, {"登录", "登陆"}};

std::string fill(const std::string& tpl, const std::string& p, const std::string& s,
                 const std::string& o, const std::string& a) {
  std::string out;
  for (size_t i = 0; i < tpl.size(); ++i) {
    if (tpl[i] == '{' && i + 2 < tpl.size() && tpl[i + 2] == '}') {
      const char k = tpl[i + 1];
      out += k == 'p' ? p : k == 's' ? s : k == 'o' ? o : a;
      i += 2;
    } else {
      out += tpl[i];
    }
  }
  return out;
}

Corpus generated_corpus(size_t entries) {
  Corpus c;
  Generator g(20240601);
  const size_t names = kNameChars.size() * kNameChars.size() * kNameKinds.size();
  const size_t pairs = kSubjects.size() * kObjects.size();
  for (size_t e = 0; e < entries; ++e) {
    // Product e % names; its k-th entry takes a distinct (subject, object)
    // pair (stride 7919 is prime, so coprime with the 1,920 pairs).
    const size_t name = (e * 104729) % names;  // spread over all names
    const size_t k = e / names;
    const size_t pair = (name * 31 + k * 7919) % pairs;
    const std::string p = kNameChars[name % kNameChars.size()] +
                          kNameChars[(name / kNameChars.size()) % kNameChars.size()] +
                          kNameKinds[name / (kNameChars.size() * kNameChars.size())];
    const std::string& s = kSubjects[pair % kSubjects.size()];
    const std::string& o = kObjects[pair / kSubjects.size()];
    const std::string& a = g.pick(kAspects);
    Document d;
    d.id = "gen." + std::to_string(e);
    const size_t n = 5 + g.next() % 6;
    for (size_t v = 0; v < n; ++v) {
      std::string text = fill(g.pick(kTemplates), p, s, o, a);
      if (g.next() % 5 == 0) {
        const auto& [from, to] = g.pick(kTypos);
        const size_t at = text.find(from);
        if (at != std::string::npos) text.replace(at, from.size(), to);
      }
      d.texts.push_back(std::move(text));
    }
    c.docs.push_back(std::move(d));
  }
  c.negatives = {"今天天气怎么样", "推荐一只股票", "帮我订机票", "讲个笑话", "附近有什么好吃的"};
  c.synonyms = {{"体现", "提现"}, {"冲值", "充值"}, {"到帐", "到账"}, {"帐户", "账户"}, {"登陆", "登录"}};
  return c;
}

// Queries for a corpus: its own texts, perturbed (a character dropped or the
// order of two halves swapped), so the engine sees unseen strings.
std::vector<std::string> queries_for(const Corpus& c, size_t n) {
  std::vector<std::string> out;
  Generator g(7);
  if (c.docs.empty()) return {"提现多久到账"};
  while (out.size() < n) {
    const Document& d = c.docs[g.next() % c.docs.size()];
    if (d.texts.empty()) continue;
    std::string t = d.texts[g.next() % d.texts.size()];
    if (g.next() % 2 && t.size() > 6) t = t.substr(3) + t.substr(0, 3);  // rotate one CJK char
    out.push_back("请问" + t + "？");
  }
  out.push_back("今天天气怎么样");
  out.push_back(std::string(2000, 'x'));
  return out;
}

// ---- benchmarks ------------------------------------------------------------

// Wall-clock p50/p99/max, and the same for the calling thread's CPU time
// (cpu_*: what one query costs a core, unaffected by other load).
void run_search(benchmark::State& state, const Retriever& r, const std::vector<std::string>& qs) {
  std::vector<double> micros, cpu;
  micros.reserve(1 << 16);
  cpu.reserve(1 << 16);
  size_t i = 0;
  for (auto _ : state) {
    const double cpu_start = thread_cpu_micros();
    const auto start = std::chrono::steady_clock::now();
    auto res = r.search(qs[i++ % qs.size()], 5);
    const auto stop = std::chrono::steady_clock::now();
    cpu.push_back(thread_cpu_micros() - cpu_start);
    benchmark::DoNotOptimize(res);
    micros.push_back(std::chrono::duration<double, std::micro>(stop - start).count());
  }
  report_latency(state, micros, cpu);
}

struct Built {
  Corpus corpus;
  std::shared_ptr<const Retriever> retriever;
  std::vector<std::string> queries;
  double build_seconds = 0;
  double build_cpu_seconds = 0;  // process CPU time of the build
};

double process_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

std::unique_ptr<Built> build(Corpus corpus, bool large) {
  auto b = std::make_unique<Built>();
  b->corpus = std::move(corpus);
  const auto start = std::chrono::steady_clock::now();
  const double cpu_start = process_cpu_seconds();
  Settings settings;
  // Optional cache for repeated profiling runs; timings then show a load.
  if (const char* cache = std::getenv("FAQBOT_BENCH_CACHE")) settings.cache_dir = cache;
  // Optional index factory for the large base (default: the engine's choice).
  if (const char* f = std::getenv("FAQBOT_BENCH_LARGE_FACTORY"); f && large) settings.index_factory = f;
  auto r = Retriever::build(b->corpus, settings);
  b->build_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  b->build_cpu_seconds = process_cpu_seconds() - cpu_start;
  if (r.ok()) b->retriever = r.value();
  b->queries = queries_for(b->corpus, 2000);
  return b;
}

const Built& default_kb() {
  static const std::unique_ptr<Built> b = build(default_corpus(), false);
  return *b;
}

size_t large_size() {
  const char* env = std::getenv("FAQBOT_BENCH_LARGE_N");  // for profiling smaller sizes
  return env ? std::strtoul(env, nullptr, 10) : 100000;
}

const Built& large_kb() {
  static const std::unique_ptr<Built> b = build(generated_corpus(large_size()), true);
  return *b;
}

void BM_BuildDefault(benchmark::State& state) {
  const Corpus corpus = default_corpus();
  for (auto _ : state) {
    auto r = Retriever::build(corpus, Settings{});
    if (!r.ok()) state.SkipWithError(r.status().message().c_str());
    benchmark::DoNotOptimize(r);
  }
  state.counters["entries"] = static_cast<double>(corpus.docs.size());
}
BENCHMARK(BM_BuildDefault)->Unit(benchmark::kMillisecond)->Iterations(3);

void BM_SearchDefault(benchmark::State& state) {
  const Built& b = default_kb();
  if (!b.retriever) {
    state.SkipWithError("default knowledge base did not build");
    return;
  }
  run_search(state, *b.retriever, b.queries);
  state.counters["entries"] = static_cast<double>(b.corpus.docs.size());
}
BENCHMARK(BM_SearchDefault)->Unit(benchmark::kMicrosecond);

// `faqbot similarity` per pair (both texts prepared, facets and the pair
// score): pairs of the default base's perturbed questions, so most pairs
// are unrelated and some share an entry, as in an insights run.
void BM_SimilarityDefault(benchmark::State& state) {
  const Built& b = default_kb();
  if (!b.retriever) {
    state.SkipWithError("default knowledge base did not build");
    return;
  }
  std::vector<double> micros, cpu;
  micros.reserve(1 << 16);
  cpu.reserve(1 << 16);
  const std::vector<std::string>& qs = b.queries;
  size_t i = 0;
  for (auto _ : state) {
    const std::string& a = qs[i % qs.size()];
    const std::string& c = qs[(i * 7 + 1) % qs.size()];
    ++i;
    const double cpu_start = thread_cpu_micros();
    const auto start = std::chrono::steady_clock::now();
    double score = b.retriever->similarity(a, c);
    const auto stop = std::chrono::steady_clock::now();
    cpu.push_back(thread_cpu_micros() - cpu_start);
    benchmark::DoNotOptimize(score);
    micros.push_back(std::chrono::duration<double, std::micro>(stop - start).count());
  }
  report_latency(state, micros, cpu);
}
BENCHMARK(BM_SimilarityDefault)->Unit(benchmark::kMicrosecond);

bool large_enabled() {
  const char* env = std::getenv("FAQBOT_BENCH_LARGE");
  return env && std::string(env) == "1";
}

void BM_Build100k(benchmark::State& state) {
  if (!large_enabled()) {
    state.SkipWithError("set FAQBOT_BENCH_LARGE=1 to run the 100,000-entry benchmarks");
    return;
  }
  for (auto _ : state) {
    const Built& b = large_kb();  // built once; the timing is that build
    state.SetIterationTime(b.build_seconds);
    if (!b.retriever) state.SkipWithError("large knowledge base did not build");
  }
  state.counters["entries"] = static_cast<double>(large_size());
  state.counters["build_s"] = large_kb().build_seconds;
  state.counters["build_cpu_s"] = large_kb().build_cpu_seconds;
}
BENCHMARK(BM_Build100k)->Unit(benchmark::kMillisecond)->Iterations(1)->UseManualTime();

void BM_Search100k(benchmark::State& state) {
  if (!large_enabled()) {
    state.SkipWithError("set FAQBOT_BENCH_LARGE=1 to run the 100,000-entry benchmarks");
    return;
  }
  const Built& b = large_kb();
  if (!b.retriever) {
    state.SkipWithError("large knowledge base did not build");
    return;
  }
  run_search(state, *b.retriever, b.queries);
  // Recall@3 of an entry's own first question, and of its last question
  // perturbed like the latency queries (two characters rotated to the end,
  // a polite prefix): a check of the index, the model and the shortlist.
  size_t own = 0, perturbed = 0, total = 0;
  Generator g(7);
  for (size_t i = 0; i < 1000; ++i) {
    const Document& d = b.corpus.docs[g.next() % b.corpus.docs.size()];
    std::string t = d.texts.back();
    if (t.size() > 6) t = t.substr(6) + t.substr(0, 6);
    ++total;
    for (const auto& c : b.retriever->search(d.texts[0], 3).candidates) own += c.id == d.id;
    for (const auto& c : b.retriever->search("请问" + t, 3).candidates) perturbed += c.id == d.id;
  }
  state.counters["own_text_top3"] = static_cast<double>(own) / total;
  state.counters["perturbed_top3"] = static_cast<double>(perturbed) / total;
}
BENCHMARK(BM_Search100k)->Unit(benchmark::kMicrosecond);

}  // namespace

int main(int argc, char** argv) {
  omp_set_num_threads(1);  // the targets are for one core
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
