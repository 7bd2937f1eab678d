#pragma once
#include <memory>

#include "adapters/cli/options.h"
#include "bot/engine.h"

namespace faqbot::cli {

// Loads the engine for a command; prints lint errors ("file: entry id: message")
// and the failure to stderr and returns null when the knowledge base is broken.
std::shared_ptr<const bot::Engine> load_engine_or_report(const CommonOptions& options);

// Prints a usage error to stderr and returns exit status 2.
int usage_error(const char* command, const std::string& message);

}  // namespace faqbot::cli
