// faqbot kb export / import, black-box: CSV and xlsx round trips of the
// default knowledge base rewrite nothing; an edit lands in the JSON; broken
// rows are named ("row N: problem") and nothing is written.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <sstream>

#include "knowledge/csv.h"
#include "knowledge/kb_table.h"
#include "knowledge/loader.h"

namespace {

namespace fs = std::filesystem;

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Every file under `dir`, relative path -> bytes.
std::map<std::string, std::string> snapshot(const fs::path& dir) {
  std::map<std::string, std::string> files;
  for (const auto& de : fs::recursive_directory_iterator(dir)) {
    if (de.is_regular_file()) files[fs::relative(de.path(), dir).string()] = slurp(de.path());
  }
  return files;
}

class KbSpreadsheet : public ::testing::Test {
 protected:
  void SetUp() override {
    std::random_device rd;
    dir_ = fs::temp_directory_path() / ("faqbot-kbtable-" + std::to_string(rd()) + std::to_string(rd()));
    fs::create_directories(dir_);
    fs::copy(FAQBOT_DEFAULT_CONFIG, dir_ / "config", fs::copy_options::recursive);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Runs `faqbot ARGS`; returns the exit status, stdout in out_.
  int run(const std::string& args) {
    const std::string cmd = std::string(FAQBOT_BIN) + " " + args + " >'" + (dir_ / "out.txt").string() +
                            "' 2>'" + (dir_ / "err.txt").string() + "'";
    const int raw = std::system(cmd.c_str());
    out_ = slurp(dir_ / "out.txt");
    err_ = slurp(dir_ / "err.txt");
    return WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  }
  std::string config() const { return (dir_ / "config").string(); }

  fs::path dir_;
  std::string out_, err_;
};

TEST_F(KbSpreadsheet, CsvAndXlsxRoundTripsOfTheDefaultKnowledgeBaseAreLossless) {
  const auto before = snapshot(dir_ / "config");
  const auto loaded = faqbot::knowledge::load(config());
  ASSERT_TRUE(loaded.ok());
  const auto table = faqbot::knowledge::kb_to_table(*loaded.kb);
  for (const char* format : {"csv", "xlsx"}) {
    const std::string file = (dir_ / (std::string("kb.") + format)).string();
    ASSERT_EQ(run(std::string("kb export --format ") + format + " --out '" + file + "' --config '" + config() + "'"), 0) << err_;
    ASSERT_EQ(run("kb import '" + file + "' --config '" + config() + "'"), 0) << out_ << err_;
    EXPECT_NE(err_.find(std::to_string(loaded.kb->entries.size()) + " unchanged"), std::string::npos) << err_;
    EXPECT_EQ(snapshot(dir_ / "config"), before) << format;  // byte for byte
  }
  // The CSV holds every field of every entry as the loader read it.
  auto parsed = faqbot::knowledge::csv::read(slurp(dir_ / "kb.csv"));
  ASSERT_EQ(parsed.error, "");
  EXPECT_EQ(parsed.records, table);
}

TEST_F(KbSpreadsheet, AnEditedRowRewritesOnlyItsEntryAndKeepsTheJsonHandEditable) {
  const std::string csv = (dir_ / "kb.csv").string();
  ASSERT_EQ(run("kb export --format csv --out '" + csv + "' --config '" + config() + "'"), 0);
  auto parsed = faqbot::knowledge::csv::read(slurp(csv));
  auto& rows = parsed.records;
  size_t fee = 0;
  for (size_t r = 1; r < rows.size(); ++r) if (rows[r][0] == "withdraw.fee") fee = r;
  ASSERT_GT(fee, 0u);
  rows[fee][1] += "\n提现收不收钱啊";
  rows[fee][6] = "2027-06-30";
  rows.push_back({"promo.spring_festival", "春节有什么活动\n春节活动有哪些\n过年有优惠吗", "您好，春节活动详情请以活动页面为准，如有疑问欢迎随时咨询。",
                  "", "活动\n春节", "2027-01-20", "2027-02-28"});
  std::ofstream(csv, std::ios::binary) << faqbot::knowledge::csv::write(rows);
  const std::string promo_before = slurp(dir_ / "config/kb/promo.json");
  ASSERT_EQ(run("kb import '" + csv + "' --config '" + config() + "'"), 0) << out_ << err_;
  EXPECT_NE(err_.find("1 updated, 1 added"), std::string::npos) << err_;
  const std::string withdraw = slurp(dir_ / "config/kb/withdraw.json");
  EXPECT_NE(withdraw.find("      \"expires\": \"2027-06-30\"\n"), std::string::npos);
  EXPECT_NE(withdraw.find("\"提现收不收钱啊\""), std::string::npos);
  const auto reloaded = faqbot::knowledge::load(config());
  ASSERT_TRUE(reloaded.ok());
  const auto* added = reloaded.kb->find("promo.spring_festival");
  ASSERT_NE(added, nullptr);
  EXPECT_EQ(added->effective, "2027-01-20");
  EXPECT_EQ(added->questions.size(), 3u);
  EXPECT_EQ(reloaded.kb->find("withdraw.fee")->expires, "2027-06-30");
  EXPECT_NE(slurp(dir_ / "config/kb/promo.json"), promo_before);
}

TEST_F(KbSpreadsheet, BrokenRowsAreNamedAndNothingIsWritten) {
  const auto before = snapshot(dir_ / "config");
  const std::string csv = (dir_ / "broken.csv").string();
  std::ofstream(csv, std::ios::binary) << faqbot::knowledge::csv::write({
      {"id", "questions", "answer", "handoff", "tags", "effective", "expires"},
      {"withdraw.fee", "提现手续费", "您好，每月前4次免费。", "maybe", "", "", ""},
      {"", "没有编号", "您好。", "", "", "", ""},
      {"withdraw.limit", "", "您好。", "", "", "2027-13-01", ""},
      {"withdraw.fee", "又一次", "您好。", "", "", "", ""},
      {"nosuch.entry", "问题", "您好。", "", "", "", ""},
      {"recharge.fee", "充值收费吗", "", "", "", "2027-03-01", "2027-02-01"},
  });
  EXPECT_EQ(run("kb import '" + csv + "' --config '" + config() + "'"), 1);
  for (const char* line : {"row 2: handoff \"maybe\" is not none, offer, hand or hand_priority",
                           "row 3: no id", "row 4: no questions", "row 4: effective \"2027-13-01\" is not a date",
                           "row 7: empty answer", "row 7: expires 2027-02-01 before effective 2027-03-01"}) {
    EXPECT_NE(out_.find(line), std::string::npos) << line << "\n" << out_;
  }
  EXPECT_EQ(snapshot(dir_ / "config"), before);
  // Duplicates and unknown categories are named once the rows themselves are valid.
  std::ofstream(csv, std::ios::binary) << faqbot::knowledge::csv::write({
      {"id", "questions", "answer"},
      {"withdraw.fee", "提现手续费", "您好，每月前4次免费，之后以页面为准。"},
      {"withdraw.fee", "又一次", "您好。"},
  });
  EXPECT_EQ(run("kb import '" + csv + "' --config '" + config() + "'"), 1);
  EXPECT_NE(out_.find("row 3: id withdraw.fee is already on row 2"), std::string::npos) << out_;
  std::ofstream(csv, std::ios::binary) << faqbot::knowledge::csv::write({
      {"id", "questions", "answer", "colour"}, {"nosuch.entry", "问题", "您好。", ""}});
  EXPECT_EQ(run("kb import '" + csv + "' --config '" + config() + "'"), 1);
  EXPECT_NE(out_.find("row 1: unknown column \"colour\""), std::string::npos) << out_;
  std::ofstream(csv, std::ios::binary) << faqbot::knowledge::csv::write({
      {"id", "questions", "answer"}, {"nosuch.entry", "问题", "您好，欢迎咨询。"}});
  EXPECT_EQ(run("kb import '" + csv + "' --config '" + config() + "'"), 1);
  EXPECT_NE(out_.find("row 2: new entry nosuch.entry has no category file kb/nosuch.json"), std::string::npos) << out_;
  // A row that passes alone but breaks the knowledge base: lint's errors.
  std::ofstream(csv, std::ios::binary) << faqbot::knowledge::csv::write({
      {"id", "questions", "answer"}, {"withdraw.fee", "提现手续费", "您好，投资保本保息。"}});
  EXPECT_EQ(run("kb import '" + csv + "' --config '" + config() + "'"), 1);
  EXPECT_NE(out_.find("withdraw.fee: error: banned promise"), std::string::npos) << out_;
  EXPECT_EQ(snapshot(dir_ / "config"), before);
}

TEST_F(KbSpreadsheet, ABrokenSpreadsheetIsRefusedWithoutWriting) {
  const std::string bad = (dir_ / "bad.xlsx").string();
  std::ofstream(bad) << "not a workbook";
  EXPECT_EQ(run("kb import '" + bad + "' --config '" + config() + "'"), 1);
  EXPECT_NE(err_.find("not a readable .xlsx workbook"), std::string::npos) << err_;
  const std::string csv = (dir_ / "open.csv").string();
  std::ofstream(csv) << "id,questions,answer\nwithdraw.fee,\"never closed,x\n";
  EXPECT_EQ(run("kb import '" + csv + "' --config '" + config() + "'"), 1);
  EXPECT_NE(err_.find("line 2: a quoted field is never closed"), std::string::npos) << err_;
}

}  // namespace
