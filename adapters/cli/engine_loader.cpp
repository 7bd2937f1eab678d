#include "adapters/cli/engine_loader.h"

#include <iostream>

namespace faqbot::cli {

std::shared_ptr<const bot::Engine> load_engine_or_report(const CommonOptions& options) {
  bot::Engine::LoadOutcome outcome = bot::Engine::load(options.config_dir, options.cache_dir);
  if (outcome.engine) return outcome.engine;
  for (const knowledge::Diagnostic& d : outcome.diagnostics) {
    if (d.severity == knowledge::Severity::kError) std::cerr << knowledge::format(d) << "\n";
  }
  std::cerr << "faqbot: cannot load the knowledge base in " << options.config_dir << ": "
            << outcome.status.message() << "\n";
  return nullptr;
}

int usage_error(const char* command, const std::string& message) {
  std::cerr << "faqbot " << command << ": " << message << "\n";
  return 2;
}

}  // namespace faqbot::cli
