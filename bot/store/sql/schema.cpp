// The schema as ordered migrations (see migration.h). Never edit a released
// step: append a new one.
#include "bot/store/sql/schema.h"

#include "bot/store/store.h"

namespace faqbot::store {

const std::vector<Migration>& builtin_migrations() {
  static const std::vector<Migration> steps = {
      {1,
       "create sessions, messages, tickets, feedback, unanswered, processed_events, outbox",
       {
           R"(CREATE TABLE sessions (
                id            TEXT PRIMARY KEY,
                user_id       TEXT NOT NULL DEFAULT '',
                channel       TEXT NOT NULL DEFAULT 'web',
                channel_ref   TEXT NOT NULL DEFAULT '',
                customer_name TEXT NOT NULL DEFAULT '',
                state         TEXT NOT NULL DEFAULT '',
                created_at    {int64} NOT NULL,
                updated_at    {int64} NOT NULL))",
           // {serial_key}: ids are never reused, so a poller's "after" stays valid.
           R"(CREATE TABLE messages (
                id         {serial_key},
                session_id TEXT NOT NULL REFERENCES sessions(id),
                role       TEXT NOT NULL CHECK (role IN ('investor','bot','agent','system')),
                text       TEXT NOT NULL,
                action     TEXT NOT NULL DEFAULT '',
                faq_id     TEXT NOT NULL DEFAULT '',
                confidence {real} NOT NULL DEFAULT 0,
                agent_id   TEXT NOT NULL DEFAULT '',
                created_at {int64} NOT NULL))",
           "CREATE INDEX messages_by_session ON messages(session_id, id)",
           R"(CREATE TABLE tickets (
                id                {serial_key},
                session_id        TEXT NOT NULL REFERENCES sessions(id),
                status            TEXT NOT NULL CHECK (status IN ('waiting','active','closed')),
                priority          INTEGER NOT NULL CHECK (priority IN (0, 1)),
                reason            TEXT NOT NULL DEFAULT '',
                created_at        {int64} NOT NULL,
                claimed_by        TEXT NOT NULL DEFAULT '',
                claimed_at        {int64} NOT NULL DEFAULT 0,
                closed_at         {int64} NOT NULL DEFAULT 0,
                resolution        TEXT NOT NULL DEFAULT '',
                expected_reply_at {int64} NOT NULL DEFAULT 0))",
           "CREATE INDEX tickets_queue ON tickets(status, priority DESC, created_at, id)",
           // At most one open ticket a session.
           "CREATE UNIQUE INDEX tickets_one_open ON tickets(session_id) "
           "WHERE status IN ('waiting','active')",
           R"(CREATE TABLE feedback (
                id         {serial_key},
                message_id {int64} NOT NULL REFERENCES messages(id),
                helpful    {bool} NOT NULL,
                comment    TEXT NOT NULL DEFAULT '',
                created_at {int64} NOT NULL))",
           "CREATE INDEX feedback_by_message ON feedback(message_id)",
           R"(CREATE TABLE unanswered (
                id         {serial_key},
                session_id TEXT NOT NULL,
                text       TEXT NOT NULL,
                created_at {int64} NOT NULL))",
           R"(CREATE TABLE processed_events (
                channel      TEXT NOT NULL,
                event_id     TEXT NOT NULL,
                processed_at {int64} NOT NULL,
                PRIMARY KEY (channel, event_id)){without_rowid})",
           R"(CREATE TABLE outbox (
                id              {serial_key},
                channel         TEXT NOT NULL,
                target          TEXT NOT NULL,
                payload         TEXT NOT NULL,
                attempts        INTEGER NOT NULL DEFAULT 0,
                status          TEXT NOT NULL CHECK (status IN ('pending','sent','failed')),
                next_attempt_at {int64} NOT NULL,
                last_error      TEXT NOT NULL DEFAULT '',
                created_at      {int64} NOT NULL,
                sent_at         {int64} NOT NULL DEFAULT 0))",
           "CREATE INDEX outbox_due ON outbox(status, next_attempt_at, id)",
       }},
      {2,
       "session credentials, one feedback a message, server secrets, write probe",
       {
           "ALTER TABLE sessions ADD COLUMN token_hash TEXT NOT NULL DEFAULT ''",
           // Keeps the first feedback of each message, then allows only one.
           "DELETE FROM feedback WHERE id NOT IN (SELECT MIN(id) FROM feedback GROUP BY message_id)",
           "DROP INDEX feedback_by_message",
           "CREATE UNIQUE INDEX feedback_once ON feedback(message_id)",
           R"(CREATE TABLE server_secrets (
                name       TEXT PRIMARY KEY,
                value      TEXT NOT NULL,
                created_at {int64} NOT NULL))",
           R"(CREATE TABLE write_probe (
                id         INTEGER PRIMARY KEY CHECK (id = 1),
                written_at {int64} NOT NULL))",
       }},
      {3,
       "tickets: callback number, transfer",
       {
           "ALTER TABLE tickets ADD COLUMN callback_phone TEXT NOT NULL DEFAULT ''",
           "ALTER TABLE tickets ADD COLUMN transferred_from TEXT NOT NULL DEFAULT ''",
       }},
      {4,
       "sessions: numbered choices of IM conversations",
       {
           "ALTER TABLE sessions ADD COLUMN choices TEXT NOT NULL DEFAULT ''",
       }},
      {5,
       "agent records: ticket notes, satisfaction ratings; tickets by session",
       {
           R"(CREATE TABLE ticket_notes (
                id         {serial_key},
                ticket_id  {int64} NOT NULL REFERENCES tickets(id),
                agent_id   TEXT NOT NULL,
                text       TEXT NOT NULL,
                created_at {int64} NOT NULL))",
           "CREATE INDEX ticket_notes_by_ticket ON ticket_notes(ticket_id, id)",
           // One rating a ticket; agent_id is who had claimed it.
           R"(CREATE TABLE ratings (
                ticket_id  {int64} PRIMARY KEY REFERENCES tickets(id),
                score      INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
                comment    TEXT NOT NULL DEFAULT '',
                agent_id   TEXT NOT NULL,
                created_at {int64} NOT NULL))",
           "CREATE INDEX ratings_by_agent ON ratings(agent_id)",
           "CREATE INDEX tickets_by_session ON tickets(session_id, id)",
       }},
      {6,
       "knowledge-base versions, the live one, their audit log; messages name their version",
       {
           R"(CREATE TABLE kb_versions (
                id              {serial_key},
                parent_id       {int64} NOT NULL DEFAULT 0,
                author          TEXT NOT NULL,
                note            TEXT NOT NULL DEFAULT '',
                created_at      {int64} NOT NULL,
                status          TEXT NOT NULL CHECK (status IN
                                  ('candidate','approved','released','refused','retired')),
                files           TEXT NOT NULL,
                content_hash    TEXT NOT NULL DEFAULT '',
                changes         TEXT NOT NULL DEFAULT '',
                evaluation      TEXT NOT NULL DEFAULT '',
                approved_by     TEXT NOT NULL DEFAULT '',
                released_by     TEXT NOT NULL DEFAULT '',
                released_at     {int64} NOT NULL DEFAULT 0,
                override_reason TEXT NOT NULL DEFAULT ''))",
           // One row: the live version (0 = none yet). Every knowledge-base
           // write locks it first, so releases are serialised across replicas.
           R"(CREATE TABLE kb_live (
                id         INTEGER PRIMARY KEY CHECK (id = 1),
                version_id {int64} NOT NULL,
                changed_at {int64} NOT NULL))",
           R"(CREATE TABLE kb_audit (
                id         {serial_key},
                at         {int64} NOT NULL,
                actor      TEXT NOT NULL,
                action     TEXT NOT NULL,
                version_id {int64} NOT NULL DEFAULT 0,
                detail     TEXT NOT NULL DEFAULT ''))",
           "ALTER TABLE messages ADD COLUMN kb_version {int64} NOT NULL DEFAULT 0",
       }},
      {7,
       "channel cursors: where a channel read a platform's message stream up to",
       {
           R"(CREATE TABLE channel_cursors (
                name       TEXT PRIMARY KEY,
                value      TEXT NOT NULL,
                updated_at {int64} NOT NULL))",
       }},
      {8,
       "live marks: typing and agent presence, shared by replicas",
       {
           R"(CREATE TABLE live_marks (
                name  TEXT PRIMARY KEY,
                at_ms {int64} NOT NULL))",
       }},
      {9,
       "knowledge-base versions: who refused a candidate and why",
       {
           "ALTER TABLE kb_versions ADD COLUMN refused_by TEXT NOT NULL DEFAULT ''",
           "ALTER TABLE kb_versions ADD COLUMN refusal_reason TEXT NOT NULL DEFAULT ''",
       }},
  };
  return steps;
}

namespace sql {

std::string fill_types(const std::string& sql, const Dialect& dialect) {
  const struct {
    const char* token;
    const char* value;
  } words[] = {{"{int64}", dialect.int64_type},
               {"{real}", dialect.real_type},
               {"{bool}", dialect.bool_type},
               {"{serial_key}", dialect.serial_key},
               {"{without_rowid}", dialect.without_rowid}};
  std::string out = sql;
  for (const auto& word : words) {
    const std::string token = word.token;
    for (size_t at = out.find(token); at != std::string::npos; at = out.find(token, at)) {
      out.replace(at, token.size(), word.value);
      at += std::char_traits<char>::length(word.value);
    }
  }
  return out;
}

Result<std::vector<Migration>> all_migrations(const Dialect& dialect,
                                              const std::vector<Migration>& extra) {
  std::vector<Migration> steps = builtin_migrations();
  for (Migration& step : steps) {
    for (std::string& sql : step.statements) sql = fill_types(sql, dialect);
  }
  steps.insert(steps.end(), extra.begin(), extra.end());
  for (size_t i = 0; i < steps.size(); ++i) {
    if (steps[i].version != static_cast<int>(i) + 1) {
      return Status(StatusCode::kInvalidArgument,
                    "migration '" + steps[i].name + "' has version " +
                        std::to_string(steps[i].version) + ", expected " +
                        std::to_string(i + 1));
    }
  }
  return steps;
}

namespace {

Result<int> recorded_version(Connection& c) {
  auto q = c.prepare("SELECT COALESCE(MAX(version), 0) FROM schema_version");
  if (!q.ok()) return q.status();
  Result<bool> row = q->step();
  if (!row.ok()) return row.status();
  return static_cast<int>(q->int_at(0));
}

}  // namespace

Status migrate(Database& db, const std::vector<Migration>& steps) {
  const Dialect& dialect = db.dialect();
  const std::string create_version_table = fill_types(
      "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, "
      "name TEXT NOT NULL, applied_at {int64} NOT NULL)",
      dialect);
  for (bool done = false; !done;) {
    Status st = db.write([&](Connection& c) -> Status {
      if (*dialect.migration_lock) {
        if (Status s = c.exec(dialect.migration_lock); !s.ok()) return s;
      }
      if (Status s = c.exec(create_version_table); !s.ok()) return s;
      Result<int> have = recorded_version(c);
      if (!have.ok()) return have.status();
      if (have.value() > static_cast<int>(steps.size())) {
        return {StatusCode::kFailedPrecondition,
                "database schema version " + std::to_string(have.value()) +
                    " is newer than this build supports (" + std::to_string(steps.size()) + ")"};
      }
      if (have.value() == static_cast<int>(steps.size())) {
        done = true;
        return Status::Ok();
      }
      const Migration& step = steps[static_cast<size_t>(have.value())];
      for (const std::string& sql : step.statements) {
        if (Status s = c.exec(sql); !s.ok()) {
          return {s.code(), "migration " + std::to_string(step.version) + " (" + step.name +
                                "): " + s.message()};
        }
      }
      auto q = c.prepare("INSERT INTO schema_version (version, name, applied_at) VALUES (?1, ?2, ?3)");
      if (!q.ok()) return q.status();
      q->bind_all(step.version, step.name, now_ms());
      return q->run();
    });
    if (!st.ok()) return st;
  }
  return Status::Ok();
}

}  // namespace sql
}  // namespace faqbot::store
