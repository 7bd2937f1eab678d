#include "bot/ops/kb_views.h"

#include <algorithm>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace faqbot::ops {
namespace {

using nlohmann::json;

json parsed_or_null(const std::string& text) {
  if (text.empty()) return nullptr;
  json j = json::parse(text, nullptr, false);
  return j.is_discarded() ? json(nullptr) : j;
}

json text_or_null(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }
json id_or_null(int64_t v) { return v == 0 ? json(nullptr) : json(v); }

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

// Entries of a category file by id, or nullopt-like empty json when the
// text is not one.
bool entries_of(const std::string& text, std::map<std::string, json>* out) {
  json j = json::parse(text, nullptr, false);
  if (!j.is_object() || !j.contains("entries") || !j["entries"].is_array()) return false;
  for (const json& e : j["entries"]) {
    if (e.is_object() && e.contains("id") && e["id"].is_string()) (*out)[e["id"].get<std::string>()] = e;
  }
  return true;
}

std::vector<std::string> strings_of(const json& entry, const char* key) {
  std::vector<std::string> out;
  if (auto it = entry.find(key); it != entry.end() && it->is_array()) {
    for (const json& q : *it) {
      if (q.is_string()) out.push_back(q.get<std::string>());
    }
  }
  return out;
}

// Items of `a` not in `b`, in a's order.
json minus(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  const std::set<std::string> in_b(b.begin(), b.end());
  json out = json::array();
  for (const std::string& s : a) {
    if (!in_b.count(s)) out.push_back(s);
  }
  return out;
}

json entry_change(const std::string& id, const json* before, const json* after) {
  json c = {{"id", id}};
  if (before == nullptr || after == nullptr) {
    const json& e = before ? *before : *after;
    c["change"] = before ? "removed" : "added";
    c[before ? "questions_removed" : "questions_added"] = strings_of(e, "questions");
    if (after) c["answer_after"] = after->value("answer", "");
    return c;
  }
  c["change"] = "changed";
  const auto qb = strings_of(*before, "questions"), qa = strings_of(*after, "questions");
  c["questions_added"] = minus(qa, qb);
  c["questions_removed"] = minus(qb, qa);
  json fields = json::array();
  std::set<std::string> keys;
  for (auto it = before->begin(); it != before->end(); ++it) keys.insert(it.key());
  for (auto it = after->begin(); it != after->end(); ++it) keys.insert(it.key());
  for (const std::string& k : keys) {
    if (k == "questions") continue;
    if (before->value(k, json()) != after->value(k, json())) fields.push_back(k);
  }
  if (before->value("answer", json()) != after->value("answer", json())) {
    c["answer_before"] = before->value("answer", "");
    c["answer_after"] = after->value("answer", "");
  }
  c["fields_changed"] = std::move(fields);
  return c;
}

json entries_diff(const std::map<std::string, json>& before, const std::map<std::string, json>& after) {
  json out = json::array();
  std::set<std::string> ids;
  for (const auto& [id, e] : before) ids.insert(id);
  for (const auto& [id, e] : after) ids.insert(id);
  for (const std::string& id : ids) {
    auto b = before.find(id), a = after.find(id);
    const json* pb = b == before.end() ? nullptr : &b->second;
    const json* pa = a == after.end() ? nullptr : &a->second;
    if (pb && pa && *pb == *pa) continue;
    out.push_back(entry_change(id, pb, pa));
  }
  return out;
}

// Unified-style hunks without context from the longest common subsequence
// of lines; files too large for it (over kMaxCells) are one hunk.
json lines_diff(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  constexpr size_t kMaxCells = 4'000'000;
  const size_t n = a.size(), m = b.size();
  json out = json::array();
  std::vector<std::pair<char, size_t>> ops;  // '-' index in a, '+' index in b, '=' both
  if ((n + 1) * (m + 1) <= kMaxCells) {
    std::vector<std::vector<int>> lcs(n + 1, std::vector<int>(m + 1, 0));
    for (size_t i = n; i-- > 0;) {
      for (size_t j = m; j-- > 0;) {
        lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    size_t i = 0, j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a[i] == b[j]) {
        ops.emplace_back('=', i++), ++j;
      } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
        ops.emplace_back('-', i++);  // removals before additions, as in unified diffs
      } else {
        ops.emplace_back('+', j++);
      }
    }
  } else {
    for (size_t i = 0; i < n; ++i) ops.emplace_back('-', i);
    for (size_t j = 0; j < m; ++j) ops.emplace_back('+', j);
  }
  size_t line_a = 1, line_b = 1;
  bool in_hunk = false;
  for (const auto& [op, index] : ops) {
    if (op == '=') {
      ++line_a, ++line_b;
      in_hunk = false;
      continue;
    }
    if (!in_hunk) out.push_back("@@ -" + std::to_string(line_a) + " +" + std::to_string(line_b) + " @@");
    in_hunk = true;
    if (op == '-') {
      out.push_back("-" + a[index]);
      ++line_a;
    } else {
      out.push_back("+" + b[index]);
      ++line_b;
    }
  }
  return out;
}

}  // namespace

json version_json(const store::KbVersion& v) {
  return {{"id", v.id},
          {"parent_id", id_or_null(v.parent_id)},
          {"status", v.status},
          {"author", v.author},
          {"note", v.note},
          {"created_at", v.created_at_ms},
          {"content_hash", v.content_hash},
          {"changes", v.changes.empty() ? json::array() : parsed_or_null(v.changes)},
          {"evaluation", parsed_or_null(v.evaluation)},
          {"approved_by", text_or_null(v.approved_by)},
          {"released_by", text_or_null(v.released_by)},
          {"released_at", id_or_null(v.released_at_ms)},
          {"override_reason", text_or_null(v.override_reason)},
          {"refused_by", text_or_null(v.refused_by)},
          {"refusal_reason", text_or_null(v.refusal_reason)}};
}

json diff_files(const KbFiles& before, const KbFiles& after) {
  json out = json::array();
  std::set<std::string> paths;
  for (const auto& [p, t] : before) paths.insert(p);
  for (const auto& [p, t] : after) paths.insert(p);
  for (const std::string& path : paths) {
    auto b = before.find(path), a = after.find(path);
    if (b != before.end() && a != after.end() && b->second == a->second) continue;
    if (b == before.end() || a == after.end()) {
      const bool added = b == before.end();
      out.push_back({{"path", path},
                     {"kind", added ? "added" : "removed"},
                     {"line_count", lines_of(added ? a->second : b->second).size()}});
      continue;
    }
    std::map<std::string, json> eb, ea;
    if (entries_of(b->second, &eb) && entries_of(a->second, &ea)) {
      json entries = entries_diff(eb, ea);
      if (!entries.empty()) {
        out.push_back({{"path", path}, {"kind", "entries"}, {"entries", std::move(entries)}});
        continue;
      }
    }
    out.push_back({{"path", path}, {"kind", "lines"}, {"lines", lines_diff(lines_of(b->second), lines_of(a->second))}});
  }
  return out;
}

}  // namespace faqbot::ops
