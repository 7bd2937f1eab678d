#pragma once
// Knowledge-base edits made from the operators' console, as pure functions
// over the configuration's files: a candidate version is the live files with
// the changes applied, checked by the knowledge lint, never written over the
// live directory here.
//
// Changes (a JSON array, applied in order):
//   {"op":"add_variants","entry_id":ID,"questions":[…]}
//       appended to that entry's "questions" in its own file; questions
//       already in the entry (or repeated in the list) are skipped; personal
//       numbers are masked (bot/pii.h personal_text) before anything is kept.
//   {"op":"new_entry","entry":{"id","questions":[…],"answer","handoff"?,"tags"?}}
//       appended to kb/<prefix>.json (prefix = the id before the first '.'),
//       which must exist; questions masked and deduplicated as above; the
//       title is the first question; handoff defaults to "none".
// The files are written back as 2-space-indented UTF-8 JSON with keys in
// their existing order (the format of config/kb today), so a changed entry
// changes only its own lines in a diff and the files stay hand-editable.
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "knowledge/loader.h"
#include "knowledge/status.h"

namespace faqbot::ops {

// Config-relative path with '/' ("kb/withdraw.json", "replies.json") -> the
// file's text. A configuration directory as a value.
using KbFiles = std::map<std::string, std::string>;

inline constexpr size_t kMaxChanges = 100;             // per request
inline constexpr size_t kMaxQuestionsPerChange = 200;  // variants per change
inline constexpr size_t kMaxQuestionBytes = 600;       // one variant, after masking
inline constexpr size_t kMaxAnswerBytes = 8000;

struct KbEdit {
  KbFiles files;                           // base with the changes applied
  std::vector<std::string> changed_paths;  // files whose text differs from base, sorted
  // Lint of the result (knowledge::load on a scratch copy): every error, and
  // the warnings the base did not already have. Any error means the
  // candidate must not be released.
  std::vector<knowledge::Diagnostic> errors, warnings;
};

// Fails with kInvalidArgument (malformed change, unknown op, bad id, empty
// questions or answer, over the limits above, new id already taken, no file
// for the prefix) or kNotFound (add_variants to an unknown entry), naming
// the change by its index ("change 2: …"). `base` must hold the category
// files it edits; for the lint to be meaningful it should hold the whole
// configuration (read_config_files). Thread-safe; uses a scratch directory
// under the system temp dir for the lint, removed before returning.
Result<KbEdit> apply_kb_changes(const KbFiles& base, const nlohmann::json& changes);

// Every *.json and *.jsonl file under `dir` (recursively, hidden entries
// skipped), keyed by relative path with '/'; settings.json without its
// "server" section (the process's HTTP settings and tokens, never part of a
// knowledge-base version). kNotFound when `dir` is no
// directory, kDataLoss when a file cannot be read.
Result<KbFiles> read_config_files(const std::string& dir);

// Writes every file of `files` under `dir` (creating folders), each through a
// temporary file and a rename; files of `dir` not in `files` are left alone.
// kInvalidArgument for an absolute path or one with "..".
Status write_config_files(const KbFiles& files, const std::string& dir);

// The lint of a configuration given as files (written to a scratch dir and
// loaded): errors and warnings in file order.
std::vector<knowledge::Diagnostic> lint_files(const KbFiles& files);

}  // namespace faqbot::ops
