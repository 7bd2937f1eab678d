// faqbot: the command line. Thin: every command lives in its own file.
#include <cstring>
#include <iostream>

#include "adapters/cli/commands.h"
#ifdef FAQBOT_HAVE_SERVE
#include "adapters/channels/config.h"
#include "adapters/channels/runtime.h"
#include "adapters/http/serve.h"
#endif

namespace {

void print_usage() {
  std::cerr << "usage: faqbot <command> [options]\n"
               "commands:\n"
#ifdef FAQBOT_HAVE_SERVE
               "  serve                       run the HTTP service (widget, agent console, API)\n"
#endif
               "  chat                        talk to the bot in the terminal\n"
               "  ask [--json] [QUESTION]     answer a question, or one per stdin line\n"
               "  eval --cases FILE.jsonl     quality figures over labelled cases\n"
               "  eval --multiturn FILE.tsv   follow-up accuracy over two-turn conversations\n"
               "  lint                        validate the knowledge base\n"
               "  similarity                  score text1<TAB>text2 lines in [0, 1]\n"
               "  insights --since 7d --out FILE.html   the operators' report over the store\n"
               "  kb export --format csv|xlsx --out FILE   the knowledge base as a spreadsheet\n"
               "  kb import FILE              apply a spreadsheet (.csv/.xlsx) to the knowledge base\n"
               "common options: --config DIR (or FAQBOT_CONFIG_DIR, default config/),\n"
               "  --cache DIR (default $FAQBOT_DATA_DIR/index-cache), --no-cache\n";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || !std::strcmp(argv[1], "-h") || !std::strcmp(argv[1], "--help")) {
    print_usage();
    return argc < 2 ? 2 : 0;
  }
  const std::string command = argv[1];
  int rest_argc = argc - 2;
  char** rest_argv = argv + 2;
  if (command == "ask") return faqbot::cli::run_ask(rest_argc, rest_argv);
  if (command == "chat") return faqbot::cli::run_chat(rest_argc, rest_argv);
  if (command == "eval") return faqbot::cli::run_eval(rest_argc, rest_argv);
  if (command == "lint") return faqbot::cli::run_lint(rest_argc, rest_argv);
  if (command == "insights") return faqbot::cli::run_insights(rest_argc, rest_argv);
  if (command == "kb") return faqbot::cli::run_kb(rest_argc, rest_argv);
  if (command == "similarity") return faqbot::cli::run_similarity(rest_argc, rest_argv);
#ifdef FAQBOT_HAVE_SERVE
  if (command == "serve") {
    // IM channels whose secrets are set in the environment are mounted
    // beside the core API; the others answer 404.
    auto channels = faqbot::channels::make_channels_provider(faqbot::channels::ChannelsConfig::from_env());
    return faqbot::http::run_serve(rest_argc, rest_argv, {channels},
                                   faqbot::channels::ChannelsConfig::usage());
  }
#endif
  std::cerr << "faqbot: unknown command \"" << command << "\"\n";
  print_usage();
  return 2;
}
