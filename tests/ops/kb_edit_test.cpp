// Console edits of the knowledge base as files: variants appended in place
// (only the entry's own lines change), new entries in their prefix's file,
// masking, duplicates, lint of the result, malformed changes refused, and
// the config dir read / written as files.
#include "bot/ops/kb_edit.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "knowledge/loader.h"

namespace faqbot::ops {
namespace {

using nlohmann::json;

KbFiles default_config() {
  auto files = read_config_files(FAQBOT_DEFAULT_CONFIG);
  EXPECT_TRUE(files.ok()) << files.status().message();
  return files.ok() ? files.value() : KbFiles();
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  EXPECT_EQ(text.find(from, at + 1), std::string::npos) << "not unique: " << from;
  return text.replace(at, from.size(), to);
}

// The last question of entry `id` in a knowledge-base file's text.
json last_question(const std::string& file_text, const std::string& id) {
  const json doc = json::parse(file_text);
  for (const json& entry : doc.at("entries")) {
    if (entry.at("id") == id) return entry.at("questions").back();
  }
  ADD_FAILURE() << "no entry " << id;
  return "";
}

TEST(KbEdit, ReadsTheConfigurationAsFiles) {
  const KbFiles files = default_config();
  EXPECT_TRUE(files.count("kb/withdraw.json"));
  EXPECT_TRUE(files.count("replies.json"));
  EXPECT_TRUE(files.count("calendar.json"));
  EXPECT_TRUE(read_config_files("/nonexistent/faqbot").status().code() == StatusCode::kNotFound);
}

TEST(KbEdit, AddedVariantsChangeOnlyTheEntrysLinesMaskedAndWithoutDuplicates) {
  const KbFiles base = default_config();
  auto edit = apply_kb_changes(base, json::parse(R"([{"op": "add_variants", "entry_id": "withdraw.how",
      "questions": ["  钱放在账户里怎么转走 ", "如何提现", "钱放在账户里怎么转走",
                    "卡号6222020200112233445怎么提现出来"]}])"));
  ASSERT_TRUE(edit.ok()) << edit.status().message();
  EXPECT_EQ(edit->changed_paths, std::vector<std::string>{"kb/withdraw.json"});
  EXPECT_TRUE(edit->errors.empty()) << knowledge::format(edit->errors.front());
  // The new variants follow the entry's last one, whatever it is today.
  const std::string last = "        " + last_question(base.at("kb/withdraw.json"), "withdraw.how").dump() + "\n";
  const std::string expected = replaced(base.at("kb/withdraw.json"), last,
                                        last.substr(0, last.size() - 1) + ",\n"
                                        "        \"钱放在账户里怎么转走\",\n"
                                        "        \"卡号6222***********3445怎么提现出来\"\n");
  EXPECT_EQ(edit->files.at("kb/withdraw.json"), expected);
  for (const auto& [rel, text] : base) {
    if (rel != "kb/withdraw.json") EXPECT_EQ(edit->files.at(rel), text) << rel;
  }
}

TEST(KbEdit, OnlyKnownQuestionsChangeNothing) {
  const KbFiles base = default_config();
  auto edit = apply_kb_changes(base, json::parse(R"([{"op": "add_variants", "entry_id": "withdraw.how",
      "questions": ["如何提现", "怎么提现"]}])"));
  ASSERT_TRUE(edit.ok());
  EXPECT_TRUE(edit->changed_paths.empty());
  EXPECT_EQ(edit->files, base);
}

TEST(KbEdit, NewEntryGoesToTheEndOfItsPrefixFileAndLoads) {
  const KbFiles base = default_config();
  auto edit = apply_kb_changes(base, json::parse(R"([{"op": "new_entry", "entry": {
      "id": "withdraw.to_wallet", "questions": ["能提现到零钱包吗", "提到钱包里可以吗", "提现到电子钱包"],
      "answer": "您好，目前提现只能提到您本人绑定的银行卡，暂不支持提到其他钱包，具体以页面显示为准。",
      "tags": ["提现"]}},
      {"op": "add_variants", "entry_id": "withdraw.to_wallet", "questions": ["提现到余额宝行不行"]}])"));
  ASSERT_TRUE(edit.ok()) << edit->errors.size();
  EXPECT_EQ(edit->changed_paths, std::vector<std::string>{"kb/withdraw.json"});
  EXPECT_TRUE(edit->errors.empty()) << knowledge::format(edit->errors.front());
  const std::string& text = edit->files.at("kb/withdraw.json");
  const std::string tail =
      "    {\n"
      "      \"id\": \"withdraw.to_wallet\",\n"
      "      \"title\": \"能提现到零钱包吗\",\n"
      "      \"questions\": [\n"
      "        \"能提现到零钱包吗\",\n"
      "        \"提到钱包里可以吗\",\n"
      "        \"提现到电子钱包\",\n"
      "        \"提现到余额宝行不行\"\n"
      "      ],\n";
  EXPECT_NE(text.find(tail), std::string::npos) << text.substr(text.size() - 800);
  EXPECT_EQ(text.substr(0, text.find(tail)).find("withdraw.to_wallet"), std::string::npos);
  // Fewer than kMinQuestions variants: a new warning the base did not have.
  bool few = false;
  for (const auto& w : edit->warnings) few |= w.entry_id == "withdraw.to_wallet";
  EXPECT_TRUE(few);
}

TEST(KbEdit, LintErrorsOfTheResultAreReported) {
  auto edit = apply_kb_changes(default_config(), json::parse(R"([{"op": "new_entry", "entry": {
      "id": "invest.promise", "questions": ["稳不稳"], "answer": "本产品保本保息。"}}])"));
  ASSERT_TRUE(edit.ok());
  ASSERT_FALSE(edit->errors.empty());
  EXPECT_EQ(edit->errors.front().entry_id, "invest.promise");
  EXPECT_EQ(edit->errors.front().file, "kb/invest.json");
}

TEST(KbEdit, MalformedChangesAreRefusedByIndex) {
  const KbFiles base = default_config();
  auto code = [&](const char* changes) { return apply_kb_changes(base, json::parse(changes)).status(); };
  EXPECT_EQ(code(R"([])").code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(code(R"({"op": "add_variants"})").code(), StatusCode::kInvalidArgument);
  Status unknown = code(R"([{"op": "add_variants", "entry_id": "withdraw.how", "questions": ["x"]},
                            {"op": "add_variants", "entry_id": "withdraw.nope", "questions": ["提现"]}])");
  EXPECT_EQ(unknown.code(), StatusCode::kNotFound);
  EXPECT_EQ(unknown.message(), "change 2: no entry withdraw.nope");
  EXPECT_EQ(code(R"([{"op": "rename"}])").message(), "change 1: unknown op \"rename\" (add_variants or new_entry)");
  EXPECT_EQ(code(R"([{"op": "add_variants", "entry_id": "withdraw.how", "questions": []}])").code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(code(R"([{"op": "add_variants", "entry_id": "withdraw.how", "questions": [3]}])").code(),
            StatusCode::kInvalidArgument);
  const char* taken = R"([{"op": "new_entry", "entry": {"id": "withdraw.how", "questions": ["q"], "answer": "a"}}])";
  EXPECT_EQ(code(taken).message(), "change 1: an entry withdraw.how already exists");
  const char* no_file = R"([{"op": "new_entry", "entry": {"id": "crypto.coin", "questions": ["q"], "answer": "a"}}])";
  EXPECT_EQ(code(no_file).message(), "change 1: no category file kb/crypto.json for the id's prefix");
  const char* bad_id = R"([{"op": "new_entry", "entry": {"id": "../etc", "questions": ["q"], "answer": "a"}}])";
  EXPECT_EQ(code(bad_id).code(), StatusCode::kInvalidArgument);
  const char* no_answer = R"([{"op": "new_entry", "entry": {"id": "withdraw.x", "questions": ["q"], "answer": " "}}])";
  EXPECT_EQ(code(no_answer).message(), "change 1: empty answer");
  const char* handoff = R"([{"op": "new_entry", "entry": {"id": "withdraw.x", "questions": ["q"], "answer": "a", "handoff": "now"}}])";
  EXPECT_EQ(code(handoff).code(), StatusCode::kInvalidArgument);
  json many = json::array();
  for (size_t i = 0; i <= kMaxChanges; ++i) many.push_back({{"op", "add_variants"}});
  EXPECT_EQ(apply_kb_changes(base, many).status().code(), StatusCode::kInvalidArgument);
}

TEST(KbEdit, TheServerSectionOfSettingsNeverEntersTheFiles) {
  const auto dir = std::filesystem::temp_directory_path() / ("faqbot-kb-edit-server-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  KbFiles files = default_config();
  files["settings.json"] =
      R"({"policy": {"max_suggestions": 2}, "server": {"admin_token": "s3cret-admin-token", "port": 9000}})";
  ASSERT_TRUE(write_config_files(files, dir.string()).ok());
  auto back = read_config_files(dir.string());
  ASSERT_TRUE(back.ok());
  const std::string& settings = back.value().at("settings.json");
  EXPECT_EQ(settings.find("s3cret"), std::string::npos);
  EXPECT_EQ(settings.find("server"), std::string::npos);
  EXPECT_EQ(json::parse(settings)["policy"]["max_suggestions"], 2);  // the engine's settings stay
  std::filesystem::remove_all(dir);
}

TEST(KbEdit, WrittenFilesReadBackAndUnsafePathsAreRefused) {
  const auto dir = std::filesystem::temp_directory_path() / ("faqbot-kb-edit-test-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  const KbFiles files = default_config();
  ASSERT_TRUE(write_config_files(files, dir.string()).ok());
  auto back = read_config_files(dir.string());
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back.value(), files);
  EXPECT_TRUE(knowledge::load(dir.string()).ok());
  EXPECT_EQ(write_config_files({{"../escape.json", "{}"}}, dir.string()).code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(write_config_files({{"/tmp/abs.json", "{}"}}, dir.string()).code(), StatusCode::kInvalidArgument);
  EXPECT_FALSE(std::filesystem::exists(dir.parent_path() / "escape.json"));
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace faqbot::ops
