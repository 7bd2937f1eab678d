#pragma once
// JSON views of knowledge-base versions for the admin API: a version object
// and the diff of two versions' files.
#include <nlohmann/json.hpp>

#include "bot/ops/kb_edit.h"
#include "bot/store/store.h"

namespace faqbot::ops {

// {"id","parent_id","status","author","note","created_at","content_hash",
//  "changes","evaluation","approved_by","released_by","released_at",
//  "override_reason"}: stored JSON texts parsed (null when empty), unset
// ids, names and times null.
nlohmann::json version_json(const store::KbVersion& version);

// One object per file that differs, by path:
//   a category file (kb/*.json with "entries") in both:
//     {"path","kind":"entries","entries":[{"id","change":"added"|"removed"|
//      "changed","questions_added":[…],"questions_removed":[…],
//      "answer_before"?,"answer_after"?,"fields_changed":[…]}]}
//   any other file in both: {"path","kind":"lines","lines":["@@ -12 +12 @@",
//      "-old line","+new line",…]} (unified style, no context lines)
//   only in one: {"path","kind":"added"|"removed","line_count"}.
nlohmann::json diff_files(const KbFiles& before, const KbFiles& after);

}  // namespace faqbot::ops
