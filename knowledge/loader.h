#pragma once
// Loading and validating a configuration directory.
#include <memory>
#include <string>
#include <vector>

#include "knowledge/knowledge_base.h"
#include "knowledge/status.h"

namespace faqbot::knowledge {

enum class Severity { kWarning, kError };

// One finding, printed as "file: entry id: message".
struct Diagnostic {
  Severity severity = Severity::kError;
  std::string file;      // path relative to the config dir, e.g. "kb/withdraw.json"
  std::string entry_id;  // "-" when the finding is not about one entry
  std::string message;
};

std::string format(const Diagnostic& d);  // "file: entry id: message"

struct LoadOutcome {
  std::shared_ptr<const KnowledgeBase> kb;  // null when any error was found
  std::vector<Diagnostic> diagnostics;      // errors and warnings, file order
  bool ok() const { return kb != nullptr; }
};

// Reads every file of the layout in knowledge_base.h and runs the static
// checks of lint.h. Never throws; a missing dir or file is a diagnostic.
LoadOutcome load(const std::string& config_dir);

}  // namespace faqbot::knowledge
