// faqbot ask [--json] [QUESTION]: answers one question, or one per stdin line;
// every question is an independent conversation.
#include <iostream>

#include "adapters/cli/commands.h"
#include "adapters/cli/engine_loader.h"
#include "adapters/cli/reply_json.h"

namespace faqbot::cli {
namespace {

void print_reply(const bot::Reply& reply, bool json) {
  if (json) {
    std::cout << reply_to_json(reply).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
              << "\n";
    return;
  }
  std::cout << "[" << bot::to_string(reply.action)
            << (reply.faq_id.empty() ? "" : " " + reply.faq_id) << "] " << reply.text << "\n";
}

}  // namespace

int run_ask(int argc, char** argv) {
  CommonOptions options;
  std::string error;
  if (!parse_options(argc, argv, 0, {}, &options, &error)) return usage_error("ask", error);
  auto engine = load_engine_or_report(options);
  if (!engine) return 1;

  if (!options.positional.empty()) {
    std::string question;
    for (const std::string& word : options.positional) {
      question += (question.empty() ? "" : " ") + word;
    }
    bot::Conversation conversation;
    print_reply(engine->respond(conversation, question), options.json);
    return 0;
  }
  for (std::string line; std::getline(std::cin, line);) {
    bot::Conversation conversation;
    print_reply(engine->respond(conversation, line), options.json);
    std::cout.flush();
  }
  return 0;
}

}  // namespace faqbot::cli
