#include "bot/store/sql/kb_versions.h"

#include <algorithm>
#include <string>

#include "bot/store/sql/rows.h"

namespace faqbot::store::sql {
namespace {

const std::string kVersionFields =
    "id, parent_id, author, note, created_at, status, {files}, content_hash, changes, evaluation, "
    "approved_by, released_by, released_at, override_reason, refused_by, refusal_reason";

// kVersionFields with the files column, or '' in its place (lists).
std::string version_columns(bool with_files) {
  std::string out = kVersionFields;
  out.replace(out.find("{files}"), 7, with_files ? "files" : "''");
  return out;
}

Result<KbVersion> version_from(const Query& q) {
  KbVersion v;
  v.id = q.int_at(0);
  v.parent_id = q.int_at(1);
  v.author = q.text_at(2);
  v.note = q.text_at(3);
  v.created_at_ms = q.int_at(4);
  v.status = q.text_at(5);
  v.files = q.text_at(6);
  v.content_hash = q.text_at(7);
  v.changes = q.text_at(8);
  v.evaluation = q.text_at(9);
  v.approved_by = q.text_at(10);
  v.released_by = q.text_at(11);
  v.released_at_ms = q.int_at(12);
  v.override_reason = q.text_at(13);
  v.refused_by = q.text_at(14);
  v.refusal_reason = q.text_at(15);
  return v;
}

Result<KbAudit> audit_from(const Query& q) {
  return KbAudit{q.int_at(0), q.int_at(1), q.text_at(2), q.text_at(3), q.int_at(4), q.text_at(5)};
}

Status invalid(const std::string& message) { return {StatusCode::kInvalidArgument, message}; }

bool known_status(const std::string& s) {
  for (const char* k : {"candidate", "approved", "released", "refused", "retired"}) {
    if (s == k) return true;
  }
  return false;
}

// Locks the one kb_live row (creating it), so that knowledge-base writes of
// every replica run one after the other.
Status lock_live(Connection& c, int64_t now) {
  auto n = execute(c,
                   "INSERT INTO kb_live (id, version_id, changed_at) VALUES (1, 0, ?1) "
                   "ON CONFLICT (id) DO UPDATE SET changed_at = kb_live.changed_at",
                   now);
  return n.ok() ? Status::Ok() : n.status();
}

// Version `id` becomes the live one; the previous live one is retired.
Status make_live(Connection& c, int64_t id, int64_t now) {
  auto retired = execute(c, "UPDATE kb_versions SET status = 'retired' WHERE status = 'released' AND id <> ?1", id);
  if (!retired.ok()) return retired.status();
  auto n = execute(c, "UPDATE kb_live SET version_id = ?1, changed_at = ?2 WHERE id = 1", id, now);
  return n.ok() ? Status::Ok() : n.status();
}

Status audit(Connection& c, int64_t at, const std::string& actor, const std::string& action,
             int64_t version_id, const std::string& detail) {
  auto n = execute(c,
                   "INSERT INTO kb_audit (at, actor, action, version_id, detail) VALUES (?1, ?2, ?3, ?4, ?5)",
                   at, actor, action, version_id, detail);
  return n.ok() ? Status::Ok() : n.status();
}

Result<KbVersion> select_version(Connection& c, int64_t id) {
  return query_one<KbVersion>(c, "SELECT " + version_columns(true) + " FROM kb_versions WHERE id = ?1",
                              version_from, "no knowledge-base version " + std::to_string(id), id);
}

Status check_texts(std::initializer_list<const std::string*> texts) {
  for (const std::string* t : texts) {
    if (!storable(*t)) return invalid("a knowledge-base version text is not valid UTF-8 text");
  }
  return Status::Ok();
}

}  // namespace

Result<KbVersion> create_kb_version(Database& db, const NewKbVersion& in) {
  const KbVersion& v = in.version;
  if (v.status != "candidate" && v.status != "released") {
    return invalid("a new knowledge-base version is a candidate or released, not \"" + v.status + "\"");
  }
  if (v.author.empty() || in.action.empty()) return invalid("a knowledge-base version needs an author and an action");
  if (Status s = check_texts({&v.author, &v.note, &v.files, &v.changes, &v.evaluation, &in.detail}); !s.ok()) {
    return s;
  }
  const std::string insert_sql =
      std::string(
          "INSERT INTO kb_versions (parent_id, author, note, created_at, status, files, content_hash, "
          "changes, evaluation, released_by, released_at, override_reason) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)") +
      db.dialect().returning_id;
  return produce<KbVersion>(db, true, [&](Connection& c) -> Result<KbVersion> {
    const int64_t now = now_ms();
    if (Status s = lock_live(c, now); !s.ok()) return s;
    if (in.only_if_first) {
      auto any = query_maybe<int64_t>(c, "SELECT id FROM kb_versions LIMIT 1", int_from);
      if (!any.ok()) return any.status();
      if (any->has_value()) return Status(StatusCode::kFailedPrecondition, "knowledge-base versions exist already");
    }
    const bool released = v.status == "released";
    auto q = c.prepare(insert_sql);
    if (!q.ok()) return q.status();
    q->bind_all(v.parent_id, v.author, v.note, or_now(v.created_at_ms), v.status, v.files, v.content_hash,
                v.changes, v.evaluation, released ? v.author : std::string(), released ? now : int64_t{0},
                v.override_reason);
    if (Status s = q->run(); !s.ok()) return s;
    const int64_t id = q->inserted_id();
    if (released) {
      if (Status s = make_live(c, id, now); !s.ok()) return s;
    }
    if (Status s = audit(c, now, v.author, in.action, id, in.detail); !s.ok()) return s;
    return select_version(c, id);
  });
}

Result<KbVersion> change_kb_version(Database& db, const KbVersionChange& ch) {
  if (!ch.to.empty() && !known_status(ch.to)) return invalid("unknown knowledge-base status \"" + ch.to + "\"");
  if (ch.actor.empty() || ch.action.empty()) return invalid("a knowledge-base change needs an actor and an action");
  if (Status s = check_texts({&ch.actor, &ch.detail, &ch.evaluation, &ch.override_reason, &ch.refusal_reason});
      !s.ok()) {
    return s;
  }
  return produce<KbVersion>(db, true, [&](Connection& c) -> Result<KbVersion> {
    const int64_t now = now_ms();
    if (Status s = lock_live(c, now); !s.ok()) return s;
    auto current = select_version(c, ch.version_id);
    if (!current.ok()) return current.status();
    if (std::find(ch.from.begin(), ch.from.end(), current->status) == ch.from.end()) {
      return Status(StatusCode::kFailedPrecondition,
                    "knowledge-base version " + std::to_string(ch.version_id) + " is " + current->status);
    }
    if (ch.to == "released") {
      if (Status s = make_live(c, ch.version_id, now); !s.ok()) return s;
    }
    auto n = execute(
        c,
        "UPDATE kb_versions SET "
        "status = CASE WHEN ?2 = '' THEN status ELSE ?2 END, "
        "approved_by = CASE WHEN ?2 = 'approved' THEN ?3 ELSE approved_by END, "
        "released_by = CASE WHEN ?2 = 'released' THEN ?3 ELSE released_by END, "
        "released_at = CASE WHEN ?2 = 'released' THEN CAST(?4 AS BIGINT) ELSE released_at END, "
        "override_reason = CASE WHEN ?2 = 'released' THEN ?5 ELSE override_reason END, "
        "evaluation = CASE WHEN ?6 = '' THEN evaluation ELSE ?6 END, "
        "refused_by = CASE WHEN ?2 = 'refused' THEN ?3 ELSE refused_by END, "
        "refusal_reason = CASE WHEN ?2 = 'refused' THEN ?7 ELSE refusal_reason END "
        "WHERE id = ?1",
        ch.version_id, ch.to, ch.actor, now, ch.override_reason, ch.evaluation, ch.refusal_reason);
    if (!n.ok()) return n.status();
    if (Status s = audit(c, now, ch.actor, ch.action, ch.version_id, ch.detail); !s.ok()) return s;
    return select_version(c, ch.version_id);
  });
}

Result<KbVersion> kb_version(Database& db, int64_t id) {
  return produce<KbVersion>(db, false, [&](Connection& c) { return select_version(c, id); });
}

Result<std::vector<KbVersion>> kb_versions(Database& db, int limit) {
  if (limit < 1) return invalid("limit must be >= 1");
  return produce<std::vector<KbVersion>>(db, false, [&](Connection& c) {
    return query_all<KbVersion>(
        c, "SELECT " + version_columns(false) + " FROM kb_versions ORDER BY id DESC LIMIT ?1", version_from,
        limit);
  });
}

Result<int64_t> live_kb_version(Database& db) {
  return produce<int64_t>(db, false, [&](Connection& c) -> Result<int64_t> {
    auto id = query_maybe<int64_t>(c, "SELECT version_id FROM kb_live WHERE id = 1", int_from);
    if (!id.ok()) return id.status();
    return id->value_or(0);
  });
}

Result<std::vector<KbAudit>> kb_audit(Database& db, int limit) {
  if (limit < 1) return invalid("limit must be >= 1");
  return produce<std::vector<KbAudit>>(db, false, [&](Connection& c) {
    return query_all<KbAudit>(
        c, "SELECT id, at, actor, action, version_id, detail FROM kb_audit ORDER BY id DESC LIMIT ?1",
        audit_from, limit);
  });
}

}  // namespace faqbot::store::sql
