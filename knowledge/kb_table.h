#pragma once
// The knowledge base as a table, for spreadsheets (CSV and xlsx, one entry a
// row) and back. Columns, named by the header row (any order; exactly these
// names): id, questions (one per line), answer, handoff, tags (one per line),
// effective, expires (YYYY-MM-DD or empty). Fields not in the table (title,
// follow_ups, topic, type) stay as they are in the JSON files.
#include <string>
#include <vector>

#include "knowledge/knowledge_base.h"

namespace faqbot::knowledge {

const std::vector<std::string>& table_columns();

// An entry id is category.name: letters, digits, '_', '-' and at least one
// inner '.'; the category (before the first '.') names its file kb/<category>.json.
bool valid_entry_id(const std::string& id);

// Header row, then one row per entry in file order.
std::vector<std::vector<std::string>> kb_to_table(const KnowledgeBase& kb);

struct TableImport {
  std::vector<std::string> problems;  // "row N: problem" (N = spreadsheet row, header = 1)
  size_t updated = 0, added = 0, unchanged = 0;
  size_t kept = 0;  // entries of the knowledge base the table does not name: left as they are
  bool ok() const { return problems.empty(); }
};

// Applies `rows` (header first) to the kb/*.json files of `config_dir`: a row
// whose id exists updates that entry in place; a new id is appended to
// kb/<prefix>.json (the part of the id before the first '.'), which must
// exist. Files are rewritten as 2-space-indented UTF-8 JSON with their keys in
// their existing order, so an unchanged table rewrites nothing and a changed
// one diffs line by line. Nothing is written when any row has a problem or
// when the result does not load (its errors are then the problems, as
// "file: entry id: message"). Not thread-safe with other writers of the dir.
TableImport import_table(const std::vector<std::vector<std::string>>& rows, const std::string& config_dir);

}  // namespace faqbot::knowledge
