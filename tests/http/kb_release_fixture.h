#pragma once
// A knowledge base for release tests: the engine fixture's config copied to
// a temp dir with a golden set of its own, served by the real engine with
// knowledge-base versions on, two named admins (alice, bob).
#include <filesystem>
#include <fstream>
#include <string>

#include "server_fixture.h"

namespace faqbot::testing {

constexpr const char* kAliceAdmin = "alice-admin-token-1";
constexpr const char* kBobAdmin = "bob-admin-token-22";

// One JSON object a line, the dev format. Not the dev set's questions.
inline const char* kFixtureGolden =
    R"({"q": "充值要手续费不", "expect": "recharge.fee", "action": "answer"}
{"q": "提现几天能到卡里", "expect": "withdraw.arrival_time", "action": "answer"}
{"q": "周六提现什么时候到", "expect": "withdraw.holiday", "action": "answer"}
{"q": "提现扣手续费吗", "expect": "withdraw.fee", "action": "answer"}
{"q": "提现一次收几块钱", "expect": "withdraw.fee", "action": "answer"}
{"q": "给我接人工", "expect": "service.human", "action": "handoff"}
{"q": "谢谢啦", "expect": "smalltalk.thanks", "action": "answer"}
{"q": "明天会下雨吗", "expect": "none", "action": "no_answer"}
)";

// The engine fixture's config in `dir`/config, with golden.jsonl.
inline std::string copy_fixture_config(const std::string& dir) {
  namespace fs = std::filesystem;
  const fs::path to = fs::path(dir) / "config";
  fs::create_directories(to);
  fs::copy(FAQBOT_ENGINE_FIXTURE, to, fs::copy_options::recursive | fs::copy_options::overwrite_existing);
  std::ofstream(to / "golden.jsonl") << kFixtureGolden;
  return to.string();
}

// A change that makes golden "提现扣手续费吗" answer a new entry.
inline nlohmann::json breaking_change() {
  return nlohmann::json::array(
      {{{"op", "new_entry"},
        {"entry",
         {{"id", "withdraw.fee_waiver"},
          {"questions", {"提现扣手续费吗", "提现扣不扣手续费", "提现手续费能免吗"}},
          {"answer", "您好，本月提现手续费减免活动请以活动页面说明为准。"}}}}});
}

inline http::Settings with_admins(http::Settings s, const std::string& config_dir) {
  s.config_dir = config_dir;
  s.admin_tokens = {{kAliceAdmin, "alice"}, {kBobAdmin, "bob"}};
  return s;
}

}  // namespace faqbot::testing
