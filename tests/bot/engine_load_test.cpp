// Engine::load over a small configuration directory (fixtures/config) with
// the real knowledge loader and retrieval.
#include "bot/engine.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <thread>
#include <vector>

#include "bot/settings.h"

namespace faqbot::bot {
namespace {

namespace fs = std::filesystem;

class TempCopy {
 public:
  TempCopy() {
    std::random_device rd;
    dir_ = fs::temp_directory_path() / ("faqbot-bot-" + std::to_string(rd()) + std::to_string(rd()));
    fs::copy(FAQBOT_BOT_FIXTURES "/config", dir_, fs::copy_options::recursive);
  }
  ~TempCopy() {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  void write(const std::string& rel, const std::string& text) const {
    std::ofstream(dir_ / rel, std::ios::binary) << text;
  }
  std::string dir() const { return dir_.string(); }

 private:
  fs::path dir_;
};

TEST(EngineLoad, LoadsTheFixtureAndAnswers) {
  auto loaded = Engine::load(FAQBOT_BOT_FIXTURES "/config", "");
  ASSERT_NE(loaded.engine, nullptr) << loaded.status.message();
  EXPECT_TRUE(loaded.status.ok());
  EXPECT_EQ(loaded.engine->settings().retrieval.dim, 32);
  const Engine& engine = *loaded.engine;

  Conversation c1;
  Reply fee = engine.respond(c1, "提现手续费多少");
  EXPECT_EQ(fee.action, Action::kAnswer);
  EXPECT_EQ(fee.faq_id, "withdraw.fee");

  Conversation c2;
  Reply human = engine.respond(c2, "转人工");
  EXPECT_EQ(human.action, Action::kHandoff);
  EXPECT_EQ(human.text.find("马上"), std::string::npos);  // hedge rewrite applied

  Conversation c3;
  Reply renders = engine.respond(c3, "充值收手续费吗");
  if (renders.action == Action::kAnswer) {
    EXPECT_NE(renders.text.find("示例贷"), std::string::npos);
    EXPECT_EQ(renders.text.find("{platform}"), std::string::npos);
  }
}

TEST(EngineLoad, FollowUpsInOneConversation) {
  auto loaded = Engine::load(FAQBOT_BOT_FIXTURES "/config", "");
  ASSERT_NE(loaded.engine, nullptr) << loaded.status.message();
  Conversation chat;
  EXPECT_EQ(loaded.engine->respond(chat, "提现多久到账").faq_id, "withdraw.arrival_time");
  Reply weekend = loaded.engine->respond(chat, "那周末呢?");
  EXPECT_EQ(weekend.action, Action::kAnswer);
  EXPECT_EQ(weekend.faq_id, "withdraw.holiday");
  Reply fee = loaded.engine->respond(chat, "手续费呢");
  EXPECT_EQ(fee.action, Action::kAnswer);
  EXPECT_EQ(fee.faq_id, "withdraw.fee");
}

TEST(EngineLoad, RespondIsThreadSafeForDistinctConversations) {
  auto loaded = Engine::load(FAQBOT_BOT_FIXTURES "/config", "");
  ASSERT_NE(loaded.engine, nullptr) << loaded.status.message();
  const Engine& engine = *loaded.engine;
  Conversation reference;
  const Reply expected = engine.respond(reference, "提现手续费多少");
  std::vector<std::thread> threads;
  std::vector<int> same(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 50; ++i) {
        Conversation c;
        Reply r = engine.respond(c, "提现手续费多少");
        same[t] += r.faq_id == expected.faq_id && r.text == expected.text;
      }
    });
  }
  for (auto& th : threads) th.join();
  for (int n : same) EXPECT_EQ(n, 50);
}

TEST(EngineLoad, KnowledgeErrorsGiveNoEngineButDiagnostics) {
  TempCopy copy;
  copy.write("kb/recharge.json", R"({"category": "recharge", "title": "充值", "entries": [
    {"id": "recharge.fee", "title": "充值手续费", "questions": ["充值收费吗"],
     "answer": "充值保本保息。", "handoff": "none"}]})");
  auto loaded = Engine::load(copy.dir(), "");
  EXPECT_EQ(loaded.engine, nullptr);
  EXPECT_FALSE(loaded.status.ok());
  bool named = false;
  for (const auto& d : loaded.diagnostics) {
    named = named || (d.severity == knowledge::Severity::kError && d.entry_id == "recharge.fee");
  }
  EXPECT_TRUE(named);
}

TEST(EngineLoad, MalformedSettingsAreAnError) {
  TempCopy copy;
  copy.write("settings.json", R"({"policy": {"answer": "high"}})");
  auto loaded = Engine::load(copy.dir(), "");
  EXPECT_EQ(loaded.engine, nullptr);
  EXPECT_NE(loaded.status.message().find("policy.answer"), std::string::npos);
}

TEST(EngineLoad, AnUnknownSignalEntryIsAnError) {
  TempCopy copy;
  copy.write("settings.json", R"({"policy": {"human_entry": "service.nobody"}})");
  auto loaded = Engine::load(copy.dir(), "");
  EXPECT_EQ(loaded.engine, nullptr);
  EXPECT_NE(loaded.status.message().find("policy.human_entry"), std::string::npos);
  EXPECT_NE(loaded.status.message().find("service.nobody"), std::string::npos);
  copy.write("settings.json", R"({"policy": {"human_entry": "service.human"}})");
  EXPECT_NE(Engine::load(copy.dir(), "").engine, nullptr);
}

TEST(EngineLoad, MissingDirectoryIsAnError) {
  auto loaded = Engine::load("/nonexistent/faqbot-config", "");
  EXPECT_EQ(loaded.engine, nullptr);
  EXPECT_FALSE(loaded.status.ok());
}

}  // namespace
}  // namespace faqbot::bot
