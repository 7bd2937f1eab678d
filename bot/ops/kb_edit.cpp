#include "bot/ops/kb_edit.h"

#include <stdlib.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "bot/pii.h"
#include "knowledge/kb_table.h"

namespace faqbot::ops {
namespace {

namespace fs = std::filesystem;
using Doc = nlohmann::ordered_json;

Status invalid(size_t index, const std::string& what) {
  return Status(StatusCode::kInvalidArgument, "change " + std::to_string(index + 1) + ": " + what);
}

// A category file being edited and where each of its entries is.
class Categories {
 public:
  explicit Categories(const KbFiles& base) : base_(base) {
    for (const auto& [rel, text] : base) {
      if (rel.rfind("kb/", 0) != 0 || rel.size() < 8 || rel.compare(rel.size() - 5, 5, ".json") != 0) continue;
      Doc doc = Doc::parse(text, nullptr, false);
      if (doc.is_discarded() || !doc.is_object() || !doc.contains("entries") || !doc["entries"].is_array()) {
        unreadable_.insert(rel);
        continue;
      }
      for (size_t i = 0; i < doc["entries"].size(); ++i) {
        const Doc& e = doc["entries"][i];
        if (e.is_object() && e.contains("id") && e["id"].is_string()) where_[e["id"].get<std::string>()] = {rel, i};
      }
      docs_.emplace(rel, std::move(doc));
    }
  }

  bool unreadable(const std::string& rel) const { return unreadable_.count(rel) > 0; }
  Doc* file(const std::string& rel) {
    auto it = docs_.find(rel);
    return it == docs_.end() ? nullptr : &it->second;
  }
  Doc* entry(const std::string& id) {
    auto it = where_.find(id);
    return it == where_.end() ? nullptr : &docs_[it->second.first]["entries"][it->second.second];
  }
  void add(const std::string& rel, Doc entry) {
    Doc& doc = docs_[rel];
    where_[entry["id"].get<std::string>()] = {rel, doc["entries"].size()};
    doc["entries"].push_back(std::move(entry));
    touched_.insert(rel);
  }
  void touch(const std::string& id) { touched_.insert(where_[id].first); }

  // Base with every touched file re-dumped; fills changed_paths.
  void write_into(KbEdit* edit) const {
    edit->files = base_;
    for (const std::string& rel : touched_) {
      std::string text = docs_.at(rel).dump(2) + "\n";
      if (text == base_.at(rel)) continue;
      edit->files[rel] = std::move(text);
      edit->changed_paths.push_back(rel);
    }
  }

 private:
  const KbFiles& base_;
  std::map<std::string, Doc> docs_;
  std::set<std::string> unreadable_;
  std::map<std::string, std::pair<std::string, size_t>> where_;  // id -> (file, index)
  std::set<std::string> touched_;
};

// The change's questions masked and trimmed, without those in `existing`
// or repeated; an error message when the list is malformed.
Result<std::vector<std::string>> new_questions(const Doc& list, const Doc& existing, size_t index) {
  if (!list.is_array() || list.empty()) return invalid(index, "\"questions\" must be a non-empty list of strings");
  if (list.size() > kMaxQuestionsPerChange) {
    return invalid(index, "at most " + std::to_string(kMaxQuestionsPerChange) + " questions a change");
  }
  std::set<std::string> seen;
  if (existing.is_array()) {
    for (const Doc& q : existing) {
      if (q.is_string()) seen.insert(q.get<std::string>());
    }
  }
  std::vector<std::string> out;
  for (const Doc& q : list) {
    if (!q.is_string()) return invalid(index, "\"questions\" holds a non-string item");
    std::string text = bot::personal_text(q.get<std::string>());
    if (text.empty()) continue;
    if (text.size() > kMaxQuestionBytes) {
      return invalid(index, "a question is longer than " + std::to_string(kMaxQuestionBytes) + " bytes");
    }
    if (seen.insert(text).second) out.push_back(std::move(text));
  }
  return out;
}

Status add_variants(const Doc& change, size_t index, Categories* kb) {
  if (!change.contains("entry_id") || !change["entry_id"].is_string()) return invalid(index, "\"entry_id\" must be a string");
  const std::string id = change["entry_id"].get<std::string>();
  Doc* entry = kb->entry(id);
  if (!entry) return Status(StatusCode::kNotFound, "change " + std::to_string(index + 1) + ": no entry " + id);
  Doc& questions = (*entry)["questions"];
  auto added = new_questions(change.contains("questions") ? change["questions"] : Doc(), questions, index);
  if (!added.ok()) return added.status();
  if (added->empty()) return Status::Ok();
  if (!questions.is_array()) questions = Doc::array();
  for (std::string& q : added.value()) questions.push_back(std::move(q));
  kb->touch(id);
  return Status::Ok();
}

Status new_entry(const Doc& change, size_t index, Categories* kb) {
  if (!change.contains("entry") || !change["entry"].is_object()) return invalid(index, "\"entry\" must be an object");
  const Doc& in = change["entry"];
  auto text = [&](const char* key) { return in.contains(key) && in[key].is_string() ? in[key].get<std::string>() : ""; };
  const std::string id = text("id");
  if (!knowledge::valid_entry_id(id)) {
    return invalid(index, "id \"" + id + "\" is not category.name (letters, digits, _ and -)");
  }
  if (kb->entry(id)) return invalid(index, "an entry " + id + " already exists");
  const std::string rel = "kb/" + id.substr(0, id.find('.')) + ".json";
  if (!kb->file(rel)) {
    return invalid(index, kb->unreadable(rel) ? rel + " is not a readable category file (fix it with lint first)"
                                              : "no category file " + rel + " for the id's prefix");
  }
  auto questions = new_questions(in.contains("questions") ? in["questions"] : Doc(), Doc(), index);
  if (!questions.ok()) return questions.status();
  if (questions->empty()) return invalid(index, "no question left after trimming");
  const std::string answer = text("answer");
  if (answer.find_first_not_of(" \t\r\n") == std::string::npos) return invalid(index, "empty answer");
  if (answer.size() > kMaxAnswerBytes) return invalid(index, "the answer is longer than " + std::to_string(kMaxAnswerBytes) + " bytes");
  const std::string handoff = text("handoff").empty() ? "none" : text("handoff");
  static const std::set<std::string> modes = {"none", "offer", "hand", "hand_priority"};
  if (!modes.count(handoff)) return invalid(index, "handoff \"" + handoff + "\" is not none, offer, hand or hand_priority");
  Doc tags = Doc::array();
  if (in.contains("tags")) {
    if (!in["tags"].is_array()) return invalid(index, "\"tags\" must be a list of strings");
    for (const Doc& t : in["tags"]) {
      if (!t.is_string()) return invalid(index, "\"tags\" holds a non-string item");
      if (!t.get<std::string>().empty()) tags.push_back(t);
    }
  }
  Doc entry = Doc::object();  // the key order of config/kb today
  entry["id"] = id;
  entry["title"] = questions->front();
  entry["questions"] = questions.value();
  entry["answer"] = answer;
  entry["handoff"] = handoff;
  entry["tags"] = std::move(tags);
  entry["follow_ups"] = Doc::array();
  kb->add(rel, std::move(entry));
  return Status::Ok();
}

// A fresh private directory under the temp dir; "" on failure.
std::string make_scratch_dir() {
  std::string pattern = (fs::temp_directory_path() / "faqbot-kb-edit-XXXXXX").string();
  return mkdtemp(pattern.data()) ? pattern : std::string();
}

bool wanted(const fs::path& p) {
  const std::string ext = p.extension().string();
  return ext == ".json" || ext == ".jsonl";
}

// settings.json without its "server" section: the HTTP settings (tokens
// among them) are the process's, read from the directory at start, and never
// belong in a stored knowledge-base version. Text that is no JSON object is
// kept as it is, for the lint to report.
std::string without_server_section(const std::string& text) {
  nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object() || !j.contains("server")) return text;
  j.erase("server");
  return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

bool safe_relative(const std::string& rel) {
  const fs::path p(rel);
  if (rel.empty() || p.is_absolute()) return false;
  return std::none_of(p.begin(), p.end(), [](const fs::path& part) { return part == ".." || part == "."; });
}

}  // namespace

std::vector<knowledge::Diagnostic> lint_files(const KbFiles& files) {
  const std::string dir = make_scratch_dir();
  if (dir.empty()) return {{knowledge::Severity::kError, "-", "-", "cannot make a scratch directory to lint in"}};
  std::vector<knowledge::Diagnostic> out;
  Status written = write_config_files(files, dir);
  if (written.ok()) {
    out = knowledge::load(dir).diagnostics;
  } else {
    out.push_back({knowledge::Severity::kError, "-", "-", written.message()});
  }
  std::error_code ec;
  fs::remove_all(dir, ec);
  return out;
}

Result<KbEdit> apply_kb_changes(const KbFiles& base, const nlohmann::json& changes) {
  if (!changes.is_array() || changes.empty()) {
    return Status(StatusCode::kInvalidArgument, "\"changes\" must be a non-empty list");
  }
  if (changes.size() > kMaxChanges) {
    return Status(StatusCode::kInvalidArgument, "at most " + std::to_string(kMaxChanges) + " changes at once");
  }
  Categories kb(base);
  for (size_t i = 0; i < changes.size(); ++i) {
    const Doc change = Doc(changes[i]);
    if (!change.is_object() || !change.contains("op") || !change["op"].is_string()) {
      return invalid(i, "must be an object with \"op\"");
    }
    const std::string op = change["op"].get<std::string>();
    Status applied = op == "add_variants" ? add_variants(change, i, &kb)
                     : op == "new_entry"  ? new_entry(change, i, &kb)
                                          : invalid(i, "unknown op \"" + op + "\" (add_variants or new_entry)");
    if (!applied.ok()) return applied;
  }
  KbEdit edit;
  kb.write_into(&edit);
  std::set<std::string> before;
  if (!edit.changed_paths.empty()) {
    for (const auto& d : lint_files(base)) before.insert(knowledge::format(d));
  }
  for (auto& d : edit.changed_paths.empty() ? std::vector<knowledge::Diagnostic>() : lint_files(edit.files)) {
    if (d.severity == knowledge::Severity::kError) {
      edit.errors.push_back(std::move(d));
    } else if (!before.count(knowledge::format(d))) {
      edit.warnings.push_back(std::move(d));
    }
  }
  return edit;
}

Result<KbFiles> read_config_files(const std::string& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return Status(StatusCode::kNotFound, dir + " is not a directory");
  KbFiles out;
  const fs::path root(dir);
  for (auto it = fs::recursive_directory_iterator(root, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (!name.empty() && name[0] == '.') {
      if (it->is_directory()) it.disable_recursion_pending();
      continue;
    }
    if (!it->is_regular_file() || !wanted(it->path())) continue;
    std::ifstream in(it->path(), std::ios::binary);
    std::ostringstream text;
    if (!in || !(text << in.rdbuf())) {
      return Status(StatusCode::kDataLoss, it->path().string() + " cannot be read");
    }
    const std::string rel = fs::relative(it->path(), root).generic_string();
    out[rel] = rel == "settings.json" ? without_server_section(text.str()) : text.str();
  }
  if (ec) return Status(StatusCode::kDataLoss, dir + ": " + ec.message());
  return out;
}

Status write_config_files(const KbFiles& files, const std::string& dir) {
  for (const auto& [rel, text] : files) {
    if (!safe_relative(rel)) return Status(StatusCode::kInvalidArgument, "unsafe path \"" + rel + "\"");
  }
  for (const auto& [rel, text] : files) {
    const fs::path target = fs::path(dir) / rel;
    std::error_code ec;
    fs::create_directories(target.parent_path(), ec);
    const fs::path tmp = target.string() + ".tmp";
    {
      std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
      if (!(out << text) || !out.flush()) return Status(StatusCode::kInternal, tmp.string() + " cannot be written");
    }
    fs::rename(tmp, target, ec);
    if (ec) return Status(StatusCode::kInternal, target.string() + " cannot be replaced: " + ec.message());
  }
  return Status::Ok();
}

}  // namespace faqbot::ops
