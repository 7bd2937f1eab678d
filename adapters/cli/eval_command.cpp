// faqbot eval --cases FILE.jsonl: quality figures and the list of misses.
// faqbot eval --multiturn FILE.tsv: follow-up accuracy over two-turn
// conversations and the list of misses.
#include <iostream>

#include "adapters/cli/commands.h"
#include "adapters/cli/engine_loader.h"
#include "adapters/cli/evaluation.h"
#include "adapters/cli/multiturn_evaluation.h"

namespace faqbot::cli {
namespace {

int run_multiturn_eval(const CommonOptions& options, const std::string& path) {
  auto cases = read_multiturn(path);
  if (!cases.ok()) {
    std::cerr << "faqbot eval: " << cases.status().message() << "\n";
    return 1;
  }
  auto engine = load_engine_or_report(options);
  if (!engine) return 1;
  MultiturnReport report = evaluate_multiturn(*engine, cases.value());
  std::cout << "conversations: " << cases->size() << "\n" << format_multiturn_report(report);
  return 0;
}

}  // namespace

int run_eval(int argc, char** argv) {
  CommonOptions options;
  std::string error;
  if (!parse_options(argc, argv, 0, {"--cases", "--multiturn"}, &options, &error)) return usage_error("eval", error);
  const std::string multiturn = option_value(options, "--multiturn");
  std::string path = option_value(options, "--cases");
  if (!multiturn.empty() && !path.empty()) {
    return usage_error("eval", "give either --cases or --multiturn, not both");
  }
  if (!multiturn.empty()) return run_multiturn_eval(options, multiturn);
  if (path.empty()) return usage_error("eval", "missing --cases FILE.jsonl or --multiturn FILE.tsv");
  auto cases = read_cases(path);
  if (!cases.ok()) {
    std::cerr << "faqbot eval: " << cases.status().message() << "\n";
    return 1;
  }
  auto engine = load_engine_or_report(options);
  if (!engine) return 1;
  EvalReport report = evaluate(*engine, cases.value());
  std::cout << "cases: " << cases->size() << "\n" << format_report(report);
  return 0;
}

}  // namespace faqbot::cli
