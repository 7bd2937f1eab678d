// Retrieval latency and index build time (Google Benchmark), one thread.
//   retrieval_bench                       default knowledge base only
//   FAQBOT_BENCH_LARGE=1 retrieval_bench  also a generated 100,000-entry base
// Latency benchmarks report p50/p99 in microseconds as counters; build
// benchmarks time one cold build (no cache) per iteration.
#include <benchmark/benchmark.h>
#include <omp.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "retrieval/retriever.h"

namespace {

namespace fs = std::filesystem;
using faqbot::retrieval::Corpus;
using faqbot::retrieval::Document;
using faqbot::retrieval::Retriever;
using faqbot::retrieval::Settings;

// ---- corpora ---------------------------------------------------------------

nlohmann::json read_json(const fs::path& p) {
  std::ifstream in(p);
  if (!in) return nlohmann::json();
  return nlohmann::json::parse(in, nullptr, false);
}

// The default knowledge base as the bot reads it (config/kb/*.json).
Corpus default_corpus() {
  Corpus c;
  const char* env = std::getenv("FAQBOT_CONFIG_DIR");
  const fs::path dir = env ? fs::path(env) : fs::path(FAQBOT_DEFAULT_CONFIG);
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir / "kb", ec)) {
    if (e.path().extension() == ".json") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    const auto j = read_json(f);
    if (!j.is_object() || !j.contains("entries")) continue;
    for (const auto& e : j["entries"]) {
      Document d;
      d.id = e.value("id", "");
      if (e.contains("title") && e["title"].is_string()) d.texts.push_back(e["title"]);
      for (const auto& q : e.value("questions", nlohmann::json::array())) d.texts.push_back(q);
      c.docs.push_back(std::move(d));
    }
  }
  const auto oos = read_json(dir / "out_of_scope.json");
  if (oos.is_object()) {
    for (const auto& q : oos.value("questions", nlohmann::json::array())) c.negatives.push_back(q);
  }
  const auto syn = read_json(dir / "synonyms.json");
  if (syn.is_object()) {
    for (auto it = syn.begin(); it != syn.end(); ++it) {
      if (it.value().is_string()) c.synonyms[it.key()] = it.value();
    }
  }
  return c;
}

// Deterministic generator of a large, realistic-looking knowledge base: each
// entry is a (subject, object, aspect) combination of domain words, asked in
// 5-10 phrasings, some with a typo or extra politeness.
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
    "", "周末", "节假日", "晚上", "第一次", "老用户", "新用户", "大额", "小额", "企业",
    "个人", "手机上", "电脑上", "境外", "工作日", "月底", "年底", "今天", "每个月", "提前",
    "自动", "手动", "批量", "单笔", "多笔", "紧急", "部分", "全部", "临时", "长期",
    "短期", "夜间", "凌晨", "上午", "下午", "中午", "春节", "国庆", "周五", "周一",
    "首次", "再次", "重复", "线上", "线下", "官方", "第三方", "默认", "特殊", "普通", "其他"};
const std::vector<std::string> kTemplates = {
    "{a}{s}{o}是多少", "请问{a}{s}的{o}", "{a}{s}{o}怎么算", "{s}{o}{a}有变化吗",
    "想问下{a}{s}{o}", "{a}{s}的{o}在哪看", "您好{a}{s}{o}是什么", "{s}{o}问题{a}",
    "{a}{s}{o}怎么回事", "关于{a}{s}{o}", "{a}{s}{o}吗", "{s}{a}{o}是怎样的"};
const std::vector<std::pair<std::string, std::string>> kTypos = {
    {"提现", "体现"}, {"充值", "冲值"}, {"到账", "到帐"}, {"账户", "帐户"}, {"登录", "登陆"}};

std::string fill(const std::string& tpl, const std::string& s, const std::string& o,
                 const std::string& a) {
  std::string out;
  for (size_t i = 0; i < tpl.size(); ++i) {
    if (tpl[i] == '{' && i + 2 < tpl.size() && tpl[i + 2] == '}') {
      out += tpl[i + 1] == 's' ? s : tpl[i + 1] == 'o' ? o : a;
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
  const size_t total = kSubjects.size() * kObjects.size() * kAspects.size();
  for (size_t e = 0; e < entries; ++e) {
    const size_t combo = (e * 7919) % total;  // spread over all combinations
    const std::string& s = kSubjects[combo % kSubjects.size()];
    const std::string& o = kObjects[(combo / kSubjects.size()) % kObjects.size()];
    const std::string& a = kAspects[(combo / (kSubjects.size() * kObjects.size())) % kAspects.size()];
    Document d;
    d.id = "gen." + std::to_string(e);
    const size_t n = 5 + g.next() % 6;
    for (size_t v = 0; v < n; ++v) {
      std::string text = fill(g.pick(kTemplates), s, o, a);
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

void report_latency(benchmark::State& state, std::vector<double>& micros) {
  if (micros.empty()) return;
  std::sort(micros.begin(), micros.end());
  state.counters["p50_us"] = micros[micros.size() / 2];
  state.counters["p99_us"] = micros[std::min(micros.size() - 1, micros.size() * 99 / 100)];
  state.counters["max_us"] = micros.back();
}

void run_search(benchmark::State& state, const Retriever& r, const std::vector<std::string>& qs) {
  std::vector<double> micros;
  micros.reserve(1 << 16);
  size_t i = 0;
  for (auto _ : state) {
    const auto start = std::chrono::steady_clock::now();
    auto res = r.search(qs[i++ % qs.size()], 5);
    const auto stop = std::chrono::steady_clock::now();
    benchmark::DoNotOptimize(res);
    micros.push_back(std::chrono::duration<double, std::micro>(stop - start).count());
  }
  report_latency(state, micros);
}

struct Built {
  Corpus corpus;
  std::shared_ptr<const Retriever> retriever;
  std::vector<std::string> queries;
  double build_seconds = 0;
};

std::unique_ptr<Built> build(Corpus corpus) {
  auto b = std::make_unique<Built>();
  b->corpus = std::move(corpus);
  const auto start = std::chrono::steady_clock::now();
  Settings settings;
  // Optional cache for repeated profiling runs; timings then show a load.
  if (const char* cache = std::getenv("FAQBOT_BENCH_CACHE")) settings.cache_dir = cache;
  auto r = Retriever::build(b->corpus, settings);
  b->build_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (r.ok()) b->retriever = r.value();
  b->queries = queries_for(b->corpus, 2000);
  return b;
}

const Built& default_kb() {
  static const std::unique_ptr<Built> b = build(default_corpus());
  return *b;
}

size_t large_size() {
  const char* env = std::getenv("FAQBOT_BENCH_LARGE_N");  // for profiling smaller sizes
  return env ? std::strtoul(env, nullptr, 10) : 100000;
}

const Built& large_kb() {
  static const std::unique_ptr<Built> b = build(generated_corpus(large_size()));
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
  // Recall of the perturbed own-text queries (a sanity check of HNSW + model).
  size_t hits = 0, total = 0;
  Generator g(7);
  for (size_t i = 0; i < 300; ++i) {
    const Document& d = b.corpus.docs[g.next() % b.corpus.docs.size()];
    const auto res = b.retriever->search(d.texts[0], 3);
    ++total;
    for (const auto& c : res.candidates) hits += c.id == d.id;
  }
  state.counters["own_text_top3"] = static_cast<double>(hits) / total;
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
