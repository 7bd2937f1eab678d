// Black-box tests of build/faqbot: the contracts of DESIGN.md as an operator's
// script sees them (stdout lines, exit status).
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>

namespace {

namespace fs = std::filesystem;

struct RunResult {
  int status = -1;
  std::string out;
};

class CommandLine : public ::testing::Test {
 protected:
  void SetUp() override {
    std::random_device rd;
    dir_ = fs::temp_directory_path() / ("faqbot-cli-" + std::to_string(rd()) + std::to_string(rd()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Runs faqbot with `args`, feeding `input` on stdin; captures stdout.
  RunResult run(const std::string& args, const std::string& input = "") {
    fs::path in = dir_ / "stdin.txt";
    std::ofstream(in) << input;
    std::string cmd = std::string(FAQBOT_BIN) + " " + args + " --cache '" + (dir_ / "cache").string() +
                      "' < '" + in.string() + "' 2>'" + (dir_ / "stderr.txt").string() + "'";
    RunResult r;
    FILE* pipe = ::popen(cmd.c_str(), "r");
    char buf[4096];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, pipe)) > 0) r.out.append(buf, n);
    int raw = ::pclose(pipe);
    r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    return r;
  }

  std::string config_copy() {
    fs::path copy = dir_ / "config";
    fs::copy(FAQBOT_DEFAULT_CONFIG, copy, fs::copy_options::recursive);
    return copy.string();
  }

  fs::path dir_;
};

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

TEST_F(CommandLine, AskJsonAnswersOneObjectPerLine) {
  RunResult r = run("ask --json --config '" + std::string(FAQBOT_DEFAULT_CONFIG) + "'",
              "提现手续费怎么收\n明天天气怎么样\n\n");
  ASSERT_EQ(r.status, 0);
  auto lines = lines_of(r.out);
  ASSERT_EQ(lines.size(), 3u) << r.out;
  auto fee = nlohmann::json::parse(lines[0]);
  EXPECT_EQ(fee["action"], "answer");
  EXPECT_EQ(fee["faq_id"], "withdraw.fee");
  EXPECT_GT(fee["confidence"].get<double>(), 0.5);
  EXPECT_FALSE(fee["text"].get<std::string>().empty());
  ASSERT_FALSE(fee["candidates"].empty());
  EXPECT_EQ(fee["candidates"][0]["faq_id"], "withdraw.fee");
  auto weather = nlohmann::json::parse(lines[1]);
  EXPECT_NE(weather["action"], "answer");
  EXPECT_TRUE(weather["faq_id"].is_null());
  auto empty = nlohmann::json::parse(lines[2]);
  EXPECT_NE(empty["action"], "answer");
  EXPECT_FALSE(empty["text"].get<std::string>().empty());
}

// A question the default knowledge base refuses on purpose is told why
// (replies.json lookup_refusal, scope_refusal, other_product), never asked
// to be put another way; the contract stays a fallback with a null faq_id.
TEST_F(CommandLine, AskTellsWhyAQuestionIsRefused) {
  RunResult r = run("ask --json --config '" + std::string(FAQBOT_DEFAULT_CONFIG) + "'",
                    "帮我查下我老公的借款\n今天吃什么\n工商银行信用卡额度\n");
  ASSERT_EQ(r.status, 0);
  auto lines = lines_of(r.out);
  ASSERT_EQ(lines.size(), 3u) << r.out;
  for (const std::string& line : lines) {
    auto j = nlohmann::json::parse(line);
    EXPECT_EQ(j["action"], "fallback") << line;
    EXPECT_TRUE(j["faq_id"].is_null()) << line;
    EXPECT_EQ(j["text"].get<std::string>().find("换个说法"), std::string::npos) << line;
  }
  const std::string lookup = nlohmann::json::parse(lines[0])["text"];
  EXPECT_NE(lookup.find("资金记录"), std::string::npos) << lookup;
  EXPECT_NE(lookup.find("转人工"), std::string::npos) << lookup;
  const std::string scope = nlohmann::json::parse(lines[1])["text"];
  EXPECT_NE(scope.find("提现"), std::string::npos) << scope;
  const std::string card = nlohmann::json::parse(lines[2])["text"];
  EXPECT_NE(card.find("信用卡"), std::string::npos) << card;
  EXPECT_EQ(card.find("其他公司"), std::string::npos) << card;
}

TEST_F(CommandLine, LintAcceptsTheDefaultKnowledgeBase) {
  RunResult r = run("lint --config '" + std::string(FAQBOT_DEFAULT_CONFIG) + "'");
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_EQ(r.out.find(": error: "), std::string::npos) << r.out;
}

TEST_F(CommandLine, LintRefusesAPromiseOfPrincipalAndNamesTheEntry) {
  std::string config = config_copy();
  fs::path file = fs::path(config) / "kb" / "invest.json";
  std::ifstream in(file);
  auto doc = nlohmann::json::parse(in);
  for (auto& entry : doc["entries"]) {
    if (entry["id"] == "invest.principal_guarantee") entry["answer"] = "您好,咱们的产品保本保息,请放心。";
  }
  std::ofstream(file) << doc.dump(2);
  RunResult r = run("lint --config '" + config + "'");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.out.find("kb/invest.json: invest.principal_guarantee: error: banned promise \"保本\""),
            std::string::npos)
      << r.out;
  // ask refuses to start on the broken knowledge base as well.
  EXPECT_EQ(run("ask --config '" + config + "' 怎么提现").status, 1);
}

TEST_F(CommandLine, SimilarityScoresEachLine) {
  RunResult r = run("similarity --config '" + std::string(FAQBOT_DEFAULT_CONFIG) + "'",
              "提现多久到账\t提现多久到账\n提现多久到账\t体现多久到帐\n提现多久到账\t怎么注册账户\nno tab\n");
  EXPECT_EQ(r.status, 1);  // the line without a tab
  auto lines = lines_of(r.out);
  ASSERT_EQ(lines.size(), 4u) << r.out;
  double same = std::stod(lines[0]), typo = std::stod(lines[1]), other = std::stod(lines[2]);
  EXPECT_GE(same, 0.99);
  EXPECT_LE(same, 1.0);
  EXPECT_GT(typo, 0.9);
  EXPECT_LT(other, typo);
  EXPECT_GE(other, 0.0);
  EXPECT_EQ(lines[3], "error");
}

TEST_F(CommandLine, EvalPrintsTheFigures) {
  fs::path cases = dir_ / "cases.jsonl";
  std::ofstream(cases) << R"({"q": "充值要手续费吗", "expect": "recharge.fee", "action": "answer"})" << "\n"
                       << R"({"q": "推荐一只基金", "expect": "none", "action": "no_answer"})" << "\n";
  RunResult r = run("eval --config '" + std::string(FAQBOT_DEFAULT_CONFIG) + "' --cases '" + cases.string() + "'");
  EXPECT_EQ(r.status, 0);
  EXPECT_NE(r.out.find("in-scope accuracy:"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("no-answer rate:"), std::string::npos);
  EXPECT_NE(r.out.find("top-3 recall:"), std::string::npos);
  EXPECT_NE(r.out.find("handoff accuracy:"), std::string::npos);
}

TEST_F(CommandLine, EvalMultiturnPrintsFollowUpAccuracyAndMisses) {
  fs::path pairs = dir_ / "pairs.tsv";
  std::ofstream(pairs) << "提现要收手续费吗\twithdraw.fee\t那充值呢\trecharge.fee\n"
                       << "提现要收手续费吗\twithdraw.fee\t那充值呢\twithdraw.fee\n";  // a miss
  RunResult r = run("eval --config '" + std::string(FAQBOT_DEFAULT_CONFIG) + "' --multiturn '" +
                    pairs.string() + "'");
  EXPECT_EQ(r.status, 0);
  EXPECT_NE(r.out.find("follow-up accuracy:    0.500 (1/2)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("first-turn accuracy:   1.000 (2/2)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("line 2: 提现要收手续费吗 -> 那充值呢  expected withdraw.fee, got answer "
                       "recharge.fee"),
            std::string::npos)
      << r.out;
}

TEST_F(CommandLine, UnknownCommandAndMissingCasesAreUsageErrors) {
  EXPECT_EQ(run("frobnicate").status, 2);
  EXPECT_EQ(run("eval").status, 2);
  EXPECT_EQ(run("eval --cases a.jsonl --multiturn b.tsv").status, 2);
  EXPECT_EQ(run("eval --multiturn /nonexistent/pairs.tsv").status, 1);
}

}  // namespace
