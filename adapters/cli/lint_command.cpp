// faqbot lint: loads the knowledge base and prints every finding as
// "file: entry id: severity: message". Exit 0 when it loads (warnings allowed),
// 1 when any error refuses it. When it loads, also warns about confusable
// entries: a question variant that the engine would answer with another entry.
#include <iostream>

#include "adapters/cli/commands.h"
#include "adapters/cli/engine_loader.h"

namespace faqbot::cli {
namespace {

// Warnings for variants whose best match is another entry.
std::vector<knowledge::Diagnostic> confusable_variants(const bot::Engine& engine) {
  std::vector<knowledge::Diagnostic> out;
  for (const knowledge::Entry& entry : engine.kb().entries) {
    for (const std::string& question : entry.questions) {
      retrieval::SearchResult result = engine.retriever().search(question, 3);
      if (result.candidates.empty() || result.candidates.front().id == entry.id) continue;
      const retrieval::Candidate& other = result.candidates.front();
      out.push_back({knowledge::Severity::kWarning, entry.source_file, entry.id,
                     "variant \"" + question + "\" is closer to entry " + other.id +
                         " than to its own"});
    }
  }
  return out;
}

}  // namespace

int run_lint(int argc, char** argv) {
  CommonOptions options;
  std::string error;
  if (!parse_options(argc, argv, 0, {}, &options, &error)) return usage_error("lint", error);
  knowledge::LoadOutcome loaded = knowledge::load(options.config_dir);
  int errors = 0;
  int warnings = 0;
  auto print = [&](const knowledge::Diagnostic& d) {
    (d.severity == knowledge::Severity::kError ? errors : warnings)++;
    std::cout << knowledge::format(d) << "\n";
  };
  for (const knowledge::Diagnostic& d : loaded.diagnostics) print(d);
  if (loaded.ok()) {
    bot::Engine::LoadOutcome built = bot::Engine::load(options.config_dir, options.cache_dir);
    if (!built.engine) {
      std::cout << options.config_dir << ": -: error: " << built.status.message() << "\n";
      ++errors;
    } else {
      for (const knowledge::Diagnostic& d : confusable_variants(*built.engine)) print(d);
    }
  }
  std::cerr << "faqbot lint: " << errors << " error(s), " << warnings << " warning(s)\n";
  return errors == 0 ? 0 : 1;
}

}  // namespace faqbot::cli
