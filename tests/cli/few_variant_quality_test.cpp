// Quality floors on a few-variant knowledge base: the default one with only
// each entry's first two variants, as an operator's fresh import looks (the
// 2-variant rows of tests/bench/quality_bench.py). The engine must still
// answer what it ranks first instead of learning from the out-of-scope
// examples that nearly everything is out of scope. These floors only ever
// go up: raise them when the engine improves.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>

#include "adapters/cli/evaluation.h"

namespace faqbot::cli {
namespace {

namespace fs = std::filesystem;

constexpr size_t kVariantsKept = 2;
// When set: dev answered right 106/186 (0.430 when the out-of-scope
// examples outweighed the variants), top-3 176/201, out-of-catalog refused
// 18/18; probe_oos refused 149/155.
// Raised when the word calibrator of such a knowledge base was fitted on
// the held-out variants alone (engine_trainer.cpp), measured on the
// knowledge base of 7c11f1b: dev answered right 117/186 (0.629) at the
// shipped seed, at least 0.608 over 7 dense seeds; the probe sets pooled
// answered right 1003/1680 (0.597, at least 0.579), refused 664/674 (0.985,
// at least 0.982); probe_oos refused 151/155 (at least 0.968).
// Raised when entries with few variants trained the models on their
// answers' sentences and tags too (engine_trainer.h): over 7 dense seeds dev
// answered right at least 123/186 (0.661; 126 at the shipped seed), top-3
// at least 188/201, the probe sets pooled answered right at least 0.635
// (0.651 at the shipped seed); refused floors unchanged (pooled at least
// 0.982, probe_oos 149-151/155, 150 at the shipped seed).
// Refusal floors raised, measured once a borrower's own repayment date, deduction,
// record, next due date and another borrower's contact were lookups in
// out_of_scope.json (rules the same whatever the variants): probe_oos
// refused 257/261 (0.985), the probe sets pooled 798/802 (0.995), in-scope
// 0.640.
constexpr double kDevInScopeFloor = 0.65;
constexpr double kDevTop3Floor = 0.93;
constexpr double kDevNoAnswerFloor = 1.0;
constexpr double kProbeNoAnswerFloor = 0.98;
constexpr double kProbesInScopeFloor = 0.63;
constexpr double kProbesNoAnswerFloor = 0.99;
// Every probe set of tests/fixtures when the pooled floors were set.
constexpr const char* kProbeSets[] = {
    "probe_bank.jsonl",     "probe_clause.jsonl",        "probe_customer.jsonl",
    "probe_im.jsonl",       "probe_in.jsonl",            "probe_oos.jsonl",
    "probe_other_product.jsonl", "probe_pinyin.jsonl",   "probe_realistic.jsonl",
    "probe_short.jsonl",    "probe_story.jsonl",         "probe_typo.jsonl",
    "probe_voice.jsonl",    "probe_voice_tuned.jsonl",   "probe_webchat.jsonl"};

// Copies the default configuration into a fresh temporary folder, keeping
// the first kVariantsKept variants of every entry.
fs::path few_variant_config() {
  std::random_device rd;
  const fs::path dir = fs::temp_directory_path() / ("faqbot-few-" + std::to_string(rd()) + std::to_string(rd()));
  fs::copy(FAQBOT_DEFAULT_CONFIG, dir, fs::copy_options::recursive);
  for (const auto& file : fs::directory_iterator(dir / "kb")) {
    if (file.path().extension() != ".json") continue;
    nlohmann::json doc;
    {
      std::ifstream in(file.path());
      in >> doc;
    }
    for (auto& entry : doc["entries"]) {
      auto& questions = entry["questions"];
      if (questions.size() > kVariantsKept) questions.erase(questions.begin() + kVariantsKept, questions.end());
    }
    std::ofstream(file.path()) << doc.dump(2);
  }
  return dir;
}

class FewVariantQuality : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new fs::path(few_variant_config());
    loaded_ = new bot::Engine::LoadOutcome(bot::Engine::load(dir_->string(), ""));
  }
  static void TearDownTestSuite() {
    delete loaded_;
    std::error_code ignored;
    fs::remove_all(*dir_, ignored);
    delete dir_;
  }
  static EvalReport evaluate_file(const std::string& path) {
    auto cases = read_cases(path);
    EXPECT_TRUE(cases.ok()) << cases.status().message();
    EXPECT_NE(loaded_->engine, nullptr) << loaded_->status.message();
    if (!cases.ok() || !loaded_->engine) return {};
    return evaluate(*loaded_->engine, cases.value());
  }

  static fs::path* dir_;
  static bot::Engine::LoadOutcome* loaded_;
};

fs::path* FewVariantQuality::dir_ = nullptr;
bot::Engine::LoadOutcome* FewVariantQuality::loaded_ = nullptr;

TEST_F(FewVariantQuality, DevSetMeetsTheFloors) {
  ASSERT_TRUE(fs::exists(FAQBOT_DEV_SET)) << "the development set is expected at " << FAQBOT_DEV_SET;
  const EvalReport r = evaluate_file(FAQBOT_DEV_SET);
  ASSERT_GT(r.in_scope.total, 100);
  const std::string details = format_report(r);
  EXPECT_GE(r.in_scope.value(), kDevInScopeFloor) << details;
  EXPECT_GE(r.top3.value(), kDevTop3Floor) << details;
  EXPECT_GE(r.no_answer.value(), kDevNoAnswerFloor) << details;
}

TEST_F(FewVariantQuality, OutOfCatalogProbesMeetTheFloor) {
  const EvalReport r = evaluate_file(FAQBOT_FIXTURES "/probe_oos.jsonl");
  ASSERT_GT(r.no_answer.total, 100);
  EXPECT_GE(r.no_answer.value(), kProbeNoAnswerFloor) << format_report(r);
}

// The probe sets pooled: a thin knowledge base answers what it ranks first
// and still refuses what is not in the catalog.
TEST_F(FewVariantQuality, PooledProbesMeetTheFloors) {
  Ratio in_scope, no_answer;
  for (const char* name : kProbeSets) {
    const EvalReport r = evaluate_file(std::string(FAQBOT_FIXTURES "/") + name);
    in_scope.hits += r.in_scope.hits;
    in_scope.total += r.in_scope.total;
    no_answer.hits += r.no_answer.hits;
    no_answer.total += r.no_answer.total;
  }
  ASSERT_GT(in_scope.total, 1000);
  ASSERT_GT(no_answer.total, 500);
  const std::string details =
      format_figure("in-scope accuracy", in_scope) + "\n" + format_figure("no-answer rate", no_answer);
  EXPECT_GE(in_scope.value(), kProbesInScopeFloor) << details;
  EXPECT_GE(no_answer.value(), kProbesNoAnswerFloor) << details;
}

// Questions only an agent with the borrower's records can answer are refused
// by out_of_scope.json's lookups, which do not depend on how many variants
// the entries have: a 2-variant knowledge base matches them loosely to the
// repayment entries (查询还款日 -> loan.repay_methods 0.99 before).
TEST_F(FewVariantQuality, OwnRecordLookupsAreRefused) {
  ASSERT_NE(loaded_->engine, nullptr) << loaded_->status.message();
  for (const char* question : {"查询还款日", "请将我的还款日期告知一下", "帮忙查下，我这边扣还款没？",
                               "最近还款记录", "下次还款是什么时间", "借款人 电话"}) {
    bot::Conversation conversation;
    const bot::Reply reply = loaded_->engine->respond(conversation, question);
    EXPECT_NE(reply.action, bot::Action::kAnswer) << question << " -> " << reply.faq_id;
  }
  // How to find one's repayment date in the app stays an answer.
  bot::Conversation conversation;
  EXPECT_EQ(loaded_->engine->respond(conversation, "还款日怎么查").action, bot::Action::kAnswer);
}

}  // namespace
}  // namespace faqbot::cli
