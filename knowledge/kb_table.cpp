#include "knowledge/kb_table.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <sstream>

#include "knowledge/loader.h"

namespace faqbot::knowledge {
namespace {

namespace fs = std::filesystem;
using Doc = nlohmann::ordered_json;
using Row = std::vector<std::string>;

std::string join_lines(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : "\n") + s;
  return out;
}

std::string trim(const std::string& s) {
  const char* space = " \t\r\n";
  const size_t a = s.find_first_not_of(space);
  if (a == std::string::npos) return {};
  return s.substr(a, s.find_last_not_of(space) - a + 1);
}

// Non-empty trimmed lines of a cell.
std::vector<std::string> split_lines(const std::string& cell) {
  std::vector<std::string> out;
  std::istringstream in(cell);
  for (std::string line; std::getline(in, line);) {
    line = trim(line);
    if (!line.empty()) out.push_back(line);
  }
  return out;
}

bool read_text(const fs::path& p, std::string* out) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return true;
}

bool write_text(const fs::path& p, const std::string& text) {
  const fs::path tmp = p.string() + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!(out << text)) return false;
  }
  std::error_code ec;
  fs::rename(tmp, p, ec);
  return !ec;
}

std::string dump(const Doc& doc) { return doc.dump(2) + "\n"; }

// One category file as read, and where each entry sits in it.
struct KbFile {
  std::string rel;  // "kb/withdraw.json"
  Doc doc;
  bool changed = false;
};

// One valid data row.
struct EntryRow {
  size_t row = 0;
  std::string id;
  std::vector<std::string> questions, tags;
  std::string answer, handoff, effective, expires;
};

class Importer {
 public:
  explicit Importer(std::string config_dir) : dir_(std::move(config_dir)) {}

  TableImport run(const std::vector<Row>& rows) {
    read_files();
    if (!out_.ok()) return out_;
    if (rows.empty()) {
      problem(1, "the table is empty: want a header row (" + join_lines(table_columns()) + ")");
      return out_;
    }
    if (!read_header(rows[0])) return out_;
    std::vector<EntryRow> entries;
    std::map<std::string, size_t> seen;  // id -> row
    for (size_t r = 1; r < rows.size(); ++r) {
      const size_t n = r + 1;
      if (std::all_of(rows[r].begin(), rows[r].end(), [](const std::string& c) { return trim(c).empty(); })) continue;
      EntryRow e;
      if (!read_row(rows[r], n, &e)) continue;
      auto [it, fresh] = seen.emplace(e.id, n);
      if (!fresh) {
        problem(n, "id " + e.id + " is already on row " + std::to_string(it->second));
        continue;
      }
      entries.push_back(std::move(e));
    }
    if (!out_.ok()) return out_;
    for (const EntryRow& e : entries) apply(e);
    if (!out_.ok()) return out_;
    out_.kept = where_.size() - (out_.updated + out_.unchanged);
    if (out_.updated + out_.added > 0) commit();
    return out_;
  }

 private:
  void problem(size_t row, const std::string& what) {
    out_.problems.push_back("row " + std::to_string(row) + ": " + what);
  }

  void read_files() {
    std::error_code ec;
    std::vector<std::string> rels;
    for (const auto& de : fs::directory_iterator(fs::path(dir_) / "kb", ec)) {
      if (de.is_regular_file() && de.path().extension() == ".json") rels.push_back("kb/" + de.path().filename().string());
    }
    if (ec || rels.empty()) {
      out_.problems.push_back(dir_ + ": no knowledge base files (kb/*.json)");
      return;
    }
    std::sort(rels.begin(), rels.end());
    for (const std::string& rel : rels) {
      std::string bytes;
      KbFile f{rel, Doc(), false};
      try {
        if (!read_text(fs::path(dir_) / rel, &bytes)) throw std::runtime_error("cannot be read");
        f.doc = Doc::parse(bytes);
        if (!f.doc.is_object() || !f.doc.contains("entries") || !f.doc["entries"].is_array()) {
          throw std::runtime_error("has no list \"entries\"");
        }
      } catch (const std::exception& e) {
        out_.problems.push_back(rel + ": " + e.what() + " (fix it with lint first)");
        continue;
      }
      for (size_t i = 0; i < f.doc["entries"].size(); ++i) {
        const Doc& entry = f.doc["entries"][i];
        if (entry.is_object() && entry.contains("id") && entry["id"].is_string()) {
          where_[entry["id"].get<std::string>()] = {files_.size(), i};
        }
      }
      files_.push_back(std::move(f));
    }
  }

  bool read_header(const Row& header) {
    for (size_t c = 0; c < header.size(); ++c) {
      const std::string name = trim(header[c]);
      if (name.empty()) continue;
      if (std::find(table_columns().begin(), table_columns().end(), name) == table_columns().end()) {
        problem(1, "unknown column \"" + name + "\"");
      } else if (!column_.emplace(name, c).second) {
        problem(1, "column \"" + name + "\" appears twice");
      }
    }
    for (const char* required : {"id", "questions", "answer"}) {
      if (!column_.count(required)) problem(1, std::string("missing column \"") + required + "\"");
    }
    return out_.ok();
  }

  std::string cell(const Row& row, const char* name) const {
    auto it = column_.find(name);
    return it == column_.end() || it->second >= row.size() ? std::string() : row[it->second];
  }

  bool read_row(const Row& row, size_t n, EntryRow* e) {
    const size_t before = out_.problems.size();
    e->row = n;
    e->id = trim(cell(row, "id"));
    if (e->id.empty()) problem(n, "no id");
    else if (!valid_entry_id(e->id)) problem(n, "id \"" + e->id + "\" is not category.name (letters, digits, _ and -)");
    e->questions = split_lines(cell(row, "questions"));
    if (e->questions.empty()) problem(n, "no questions (one per line)");
    e->answer = trim(cell(row, "answer"));
    if (e->answer.empty()) problem(n, "empty answer");
    e->handoff = trim(cell(row, "handoff"));
    if (e->handoff.empty()) e->handoff = "none";
    static const std::set<std::string> modes = {"none", "offer", "hand", "hand_priority"};
    if (!modes.count(e->handoff)) problem(n, "handoff \"" + e->handoff + "\" is not none, offer, hand or hand_priority");
    e->tags = split_lines(cell(row, "tags"));
    e->effective = trim(cell(row, "effective"));
    e->expires = trim(cell(row, "expires"));
    for (auto [name, value] : {std::pair{"effective", &e->effective}, std::pair{"expires", &e->expires}}) {
      if (!value->empty() && !parse_date(*value)) problem(n, std::string(name) + " \"" + *value + "\" is not a date YYYY-MM-DD");
    }
    auto from = parse_date(e->effective), until = parse_date(e->expires);
    if (from && until && *until < *from) problem(n, "expires " + e->expires + " before effective " + e->effective);
    for (size_t c = 0; c < row.size(); ++c) {
      const bool named = std::any_of(column_.begin(), column_.end(), [&](const auto& kv) { return kv.second == c; });
      if (!named && !trim(row[c]).empty()) {
        problem(n, "a value in column " + std::to_string(c + 1) + ", which has no header");
        break;
      }
    }
    return out_.problems.size() == before;
  }

  // Writes `value` at `key`, keeping the key's position; an "empty" value
  // removes a key that was absent-able (dates, tags, handoff none).
  static void set(Doc& entry, const char* key, Doc value, bool omit_when_empty) {
    const bool empty = value.is_null() || (value.is_string() && value.get<std::string>().empty()) ||
                       (value.is_array() && value.empty());
    if (omit_when_empty && empty) {
      entry.erase(key);
      return;
    }
    entry[key] = std::move(value);
  }

  static void fill(Doc& entry, const EntryRow& e) {
    set(entry, "questions", Doc(e.questions), false);
    set(entry, "answer", e.answer, false);
    if (entry.contains("handoff") || e.handoff != "none") set(entry, "handoff", e.handoff, false);
    if (entry.contains("tags") || !e.tags.empty()) set(entry, "tags", Doc(e.tags), false);
    set(entry, "effective", e.effective, true);
    set(entry, "expires", e.expires, true);
  }

  void apply(const EntryRow& e) {
    auto at = where_.find(e.id);
    if (at != where_.end()) {
      KbFile& f = files_[at->second.first];
      Doc& entry = f.doc["entries"][at->second.second];
      const Doc before = entry;
      fill(entry, e);
      if (entry == before) {
        ++out_.unchanged;
      } else {
        ++out_.updated;
        f.changed = true;
      }
      return;
    }
    const std::string rel = "kb/" + e.id.substr(0, e.id.find('.')) + ".json";
    auto file = std::find_if(files_.begin(), files_.end(), [&](const KbFile& f) { return f.rel == rel; });
    if (file == files_.end()) {
      problem(e.row, "new entry " + e.id + " has no category file " + rel + " (create it or use an existing prefix)");
      return;
    }
    Doc entry = Doc::object();
    entry["id"] = e.id;
    entry["title"] = e.questions.front();
    fill(entry, e);
    if (!entry.contains("handoff")) entry["handoff"] = "none";
    if (!entry.contains("tags")) entry["tags"] = Doc::array();
    entry["follow_ups"] = Doc::array();
    file->doc["entries"].push_back(std::move(entry));
    file->changed = true;
    ++out_.added;
  }

  // Checks the result in a scratch copy of the directory, then replaces the
  // changed files of the real one.
  void commit() {
    std::random_device rd;
    const fs::path scratch = fs::temp_directory_path() / ("faqbot-import-" + std::to_string(rd()) + std::to_string(rd()));
    std::error_code ec;
    fs::copy(dir_, scratch, fs::copy_options::recursive, ec);
    if (ec) {
      out_.problems.push_back("cannot copy " + dir_ + " to check the result: " + ec.message());
      return;
    }
    for (const KbFile& f : files_) {
      if (f.changed) write_text(scratch / f.rel, dump(f.doc));
    }
    const LoadOutcome checked = load(scratch.string());
    fs::remove_all(scratch, ec);
    for (const Diagnostic& d : checked.diagnostics) {
      if (d.severity == Severity::kError) out_.problems.push_back(format(d));
    }
    if (!out_.ok()) return;
    for (const KbFile& f : files_) {
      if (f.changed && !write_text(fs::path(dir_) / f.rel, dump(f.doc))) {
        out_.problems.push_back(f.rel + ": cannot be written");
      }
    }
  }

  std::string dir_;
  TableImport out_;
  std::vector<KbFile> files_;
  std::map<std::string, std::pair<size_t, size_t>> where_;  // id -> (file, index)
  std::map<std::string, size_t> column_;                    // column name -> cell index
};

}  // namespace

bool valid_entry_id(const std::string& id) {
  if (id.empty() || id.find('.') == std::string::npos || id.front() == '.' || id.back() == '.') return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-';
  });
}

const std::vector<std::string>& table_columns() {
  static const std::vector<std::string> columns = {"id", "questions", "answer", "handoff", "tags", "effective", "expires"};
  return columns;
}

std::vector<std::vector<std::string>> kb_to_table(const KnowledgeBase& kb) {
  std::vector<std::vector<std::string>> rows = {table_columns()};
  for (const Entry& e : kb.entries) {
    rows.push_back({e.id, join_lines(e.questions), e.answer, to_string(e.handoff), join_lines(e.tags), e.effective, e.expires});
  }
  return rows;
}

TableImport import_table(const std::vector<std::vector<std::string>>& rows, const std::string& config_dir) {
  return Importer(config_dir).run(rows);
}

}  // namespace faqbot::knowledge
