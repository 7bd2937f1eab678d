// faqbot similarity: reads "text1<TAB>text2" lines, writes one score in [0, 1]
// a line (same order). A line without a tab is an error for that line only:
// it prints "error" and the rest goes on; the exit status is then 1.
#include <cstdio>
#include <iostream>

#include "adapters/cli/commands.h"
#include "adapters/cli/engine_loader.h"

namespace faqbot::cli {

int run_similarity(int argc, char** argv) {
  CommonOptions options;
  std::string error;
  if (!parse_options(argc, argv, 0, {}, &options, &error)) return usage_error("similarity", error);
  auto engine = load_engine_or_report(options);
  if (!engine) return 1;
  int status = 0;
  int line_no = 0;
  for (std::string line; std::getline(std::cin, line);) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    size_t tab = line.find('\t');
    if (tab == std::string::npos) {
      std::cout << "error\n";
      std::cerr << "faqbot similarity: line " << line_no << ": expected text1<TAB>text2\n";
      status = 1;
      continue;
    }
    double score = engine->retriever().similarity(std::string_view(line).substr(0, tab),
                                                  std::string_view(line).substr(tab + 1));
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.4f", score);
    std::cout << buf << "\n";
  }
  return status;
}

}  // namespace faqbot::cli
