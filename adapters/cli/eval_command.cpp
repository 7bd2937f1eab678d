// faqbot eval --cases FILE.jsonl: quality figures and the list of misses.
#include <iostream>

#include "adapters/cli/commands.h"
#include "adapters/cli/engine_loader.h"
#include "adapters/cli/evaluation.h"

namespace faqbot::cli {

int run_eval(int argc, char** argv) {
  CommonOptions options;
  std::string error;
  if (!parse_options(argc, argv, 0, {"--cases"}, &options, &error)) return usage_error("eval", error);
  std::string path = option_value(options, "--cases");
  if (path.empty()) return usage_error("eval", "missing --cases FILE.jsonl");
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
