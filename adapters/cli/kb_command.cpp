// faqbot kb export --format csv|xlsx --out FILE [--config DIR]
// faqbot kb import FILE [--config DIR]
// The knowledge base as a spreadsheet and back (columns: knowledge/kb_table.h).
// Import rewrites the kb/*.json files of the config dir; on bad rows it
// prints "row N: problem" lines, writes nothing and exits 1.
#include <fstream>
#include <iostream>
#include <sstream>

#include "adapters/cli/commands.h"
#include "adapters/cli/engine_loader.h"
#include "adapters/cli/xlsx_table.h"
#include "knowledge/csv.h"
#include "knowledge/kb_table.h"
#include "knowledge/loader.h"

namespace faqbot::cli {
namespace {

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

int run_export(const CommonOptions& options) {
  const std::string format = option_value(options, "--format");
  const std::string out = option_value(options, "--out");
  if (format != "csv" && format != "xlsx") return usage_error("kb export", "--format must be csv or xlsx");
  if (out.empty()) return usage_error("kb export", "--out FILE is required");
  knowledge::LoadOutcome loaded = knowledge::load(options.config_dir);
  if (!loaded.ok()) {
    for (const knowledge::Diagnostic& d : loaded.diagnostics) {
      if (d.severity == knowledge::Severity::kError) std::cerr << knowledge::format(d) << "\n";
    }
    std::cerr << "faqbot kb export: the knowledge base does not load; fix it first (faqbot lint)\n";
    return 1;
  }
  const Table rows = knowledge::kb_to_table(*loaded.kb);
  if (format == "xlsx") {
    if (std::string error = write_xlsx(rows, out, "knowledge base"); !error.empty()) {
      std::cerr << "faqbot kb export: " << error << "\n";
      return 1;
    }
  } else {
    std::ofstream file(out, std::ios::binary | std::ios::trunc);
    if (!(file << knowledge::csv::write(rows))) {
      std::cerr << "faqbot kb export: cannot write " << out << "\n";
      return 1;
    }
  }
  std::cerr << "faqbot kb export: " << rows.size() - 1 << " entries to " << out << "\n";
  return 0;
}

int run_import(const CommonOptions& options) {
  if (options.positional.size() != 2) return usage_error("kb import", "give one FILE (.csv or .xlsx)");
  const std::string& path = options.positional[1];
  Table rows;
  if (ends_with(path, ".xlsx")) {
    if (std::string error = read_xlsx(path, &rows); !error.empty()) {
      std::cerr << "faqbot kb import: " << error << "\n";
      return 1;
    }
  } else {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      std::cerr << "faqbot kb import: cannot read " << path << "\n";
      return 1;
    }
    std::ostringstream text;
    text << in.rdbuf();
    knowledge::csv::Parsed parsed = knowledge::csv::read(text.str());
    if (!parsed.error.empty()) {
      std::cerr << "faqbot kb import: " << path << ": " << parsed.error << "\n";
      return 1;
    }
    rows = std::move(parsed.records);
  }
  const knowledge::TableImport result = knowledge::import_table(rows, options.config_dir);
  for (const std::string& p : result.problems) std::cout << p << "\n";
  if (!result.ok()) {
    std::cerr << "faqbot kb import: " << result.problems.size() << " problem(s); nothing was written\n";
    return 1;
  }
  std::cerr << "faqbot kb import: " << result.updated << " updated, " << result.added << " added, "
            << result.unchanged << " unchanged, " << result.kept << " not in the file and kept\n";
  return 0;
}

}  // namespace

int run_kb(int argc, char** argv) {
  CommonOptions options;
  std::string error;
  if (!parse_options(argc, argv, 0, {"--format", "--out"}, &options, &error)) return usage_error("kb", error);
  const std::string sub = options.positional.empty() ? "" : options.positional[0];
  if (sub == "export") return run_export(options);
  if (sub == "import") return run_import(options);
  return usage_error("kb", "usage: faqbot kb export --format csv|xlsx --out FILE | faqbot kb import FILE");
}

}  // namespace faqbot::cli
