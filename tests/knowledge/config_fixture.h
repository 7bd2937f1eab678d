#pragma once
// Writes a small, valid configuration directory into a fresh temp dir; tests
// then overwrite single files to break it in one specific way.
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "knowledge/loader.h"

namespace faqbot::testing {

// The diagnostics of one severity, formatted "file: entry id: message".
inline std::vector<std::string> diagnostic_lines(const knowledge::LoadOutcome& out,
                                                 knowledge::Severity s) {
  std::vector<std::string> v;
  for (const knowledge::Diagnostic& d : out.diagnostics)
    if (d.severity == s) v.push_back(knowledge::format(d));
  return v;
}

inline bool any_contains(const std::vector<std::string>& v, const std::string& needle) {
  for (const std::string& s : v)
    if (s.find(needle) != std::string::npos) return true;
  return false;
}

class ConfigFixture {
 public:
  ConfigFixture() {
    std::random_device rd;
    dir_ = std::filesystem::temp_directory_path() /
           ("faqbot-kb-" + std::to_string(rd()) + std::to_string(rd()));
    std::filesystem::create_directories(dir_ / "kb");
    write("kb/withdraw.json", R"({"category": "withdraw", "title": "提现", "entries": [
      {"id": "withdraw.fee", "title": "提现手续费",
       "questions": ["提现要手续费吗", "提现收费吗", "提现手续费多少", "提现免费几次",
                     "取钱要钱吗", "体现手续费", "每个月免费提现几次", "提现扣多少钱"],
       "answer": "您好,每月前 4 次提现免费,之后每笔 2 元,具体以页面显示为准。",
       "handoff": "none", "follow_ups": ["withdraw.delayed"]},
      {"id": "withdraw.delayed", "title": "提现未到账",
       "questions": ["提现还没到账", "提现三天没到", "提现超时了", "钱怎么还没到卡上",
                     "提现一直不到", "提现卡住了", "提现过了很久没到账", "提的钱没到"],
       "answer": "非常抱歉给您带来不便,已为您转接人工客服优先处理,请稍等。",
       "handoff": "hand_priority"}]})");
    write("replies.json", R"({"fallback": "不好意思,这个问题已记录并转给同事跟进,欢迎您随时再来咨询。",
      "clarify_prompt": "请问您是想咨询以下哪个问题呢?",
      "handoff_notice": "已为您转接人工客服,请稍等。",
      "queue_position": "目前您前面大约还有 {queue_position} 位客户在等待。",
      "offer_human": "如需人工帮助,请回复“转人工”,客服时间 {service_hours}。"})");
    write("variables.json", R"({"platform": "示例贷", "service_hours": "每天 09:00-21:00"})");
    write("synonyms.json", R"({"体现": "提现"})");
    write("hedge.json", R"({"banned": ["保本", "保息", "稳赚"],
      "absolute": ["保证", "一定", "马上"], "dead_end": ["不知道", "回答不了"],
      "negations": ["不", "无法", "不承诺", "并不"], "rewrites": {"当天到账": "预计当天到账"}})");
    write("out_of_scope.json", R"({"questions": ["明天天气怎么样"]})");
  }
  ~ConfigFixture() {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  void write(const std::string& rel, const std::string& text) const {
    std::ofstream(dir_ / rel, std::ios::binary) << text;
  }
  std::string dir() const { return dir_.string(); }

 private:
  std::filesystem::path dir_;
};

}  // namespace faqbot::testing
