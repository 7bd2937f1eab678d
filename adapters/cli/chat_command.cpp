// faqbot chat: an interactive conversation in the terminal. The conversation
// is kept between lines, so short follow-ups ("那周末呢?") are understood in
// context. Typing the number of a suggestion asks that question.
#include <iostream>

#include "adapters/cli/commands.h"
#include "adapters/cli/engine_loader.h"

namespace faqbot::cli {

int run_chat(int argc, char** argv) {
  CommonOptions options;
  std::string error;
  if (!parse_options(argc, argv, 0, {}, &options, &error)) return usage_error("chat", error);
  auto engine = load_engine_or_report(options);
  if (!engine) return 1;

  std::cout << "faqbot chat: " << engine->kb().entries.size()
            << " entries loaded. 输入问题,回车发送;输入 exit 退出。\n";
  bot::Conversation conversation;
  std::vector<bot::Suggestion> last_suggestions;
  std::string line;
  while (std::cout << "\n您> " << std::flush, std::getline(std::cin, line)) {
    if (line == "exit" || line == "quit") break;
    if (line.size() == 1 && line[0] >= '1' && line[0] <= '9') {
      size_t pick = static_cast<size_t>(line[0] - '1');
      if (pick < last_suggestions.size()) line = last_suggestions[pick].question;
    }
    bot::Reply reply = engine->respond(conversation, line);
    std::cout << "客服> " << reply.text << "\n";
    last_suggestions.clear();
    if (reply.action == bot::Action::kClarify) last_suggestions = reply.candidates;
    if (reply.action == bot::Action::kHandoff) {
      std::cout << "      (已转人工 · 优先级 " << bot::to_string(reply.priority) << " · 原因 "
                << bot::to_string(reply.handoff_reason) << ")\n";
    }
  }
  std::cout << "\n再见,欢迎您随时再来咨询。\n";
  return 0;
}

}  // namespace faqbot::cli
