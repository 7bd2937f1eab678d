// The SQLite schema, as ordered migrations (see migration.h). Never edit a
// released step: append a new one.
#include "bot/store/migration.h"

namespace faqbot::store {

const std::vector<Migration>& sqlite_migrations() {
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
                created_at    INTEGER NOT NULL,
                updated_at    INTEGER NOT NULL))",
           // AUTOINCREMENT: ids are never reused, so a poller's "after" stays valid.
           R"(CREATE TABLE messages (
                id         INTEGER PRIMARY KEY AUTOINCREMENT,
                session_id TEXT NOT NULL REFERENCES sessions(id),
                role       TEXT NOT NULL CHECK (role IN ('investor','bot','agent','system')),
                text       TEXT NOT NULL,
                action     TEXT NOT NULL DEFAULT '',
                faq_id     TEXT NOT NULL DEFAULT '',
                confidence REAL NOT NULL DEFAULT 0,
                agent_id   TEXT NOT NULL DEFAULT '',
                created_at INTEGER NOT NULL))",
           "CREATE INDEX messages_by_session ON messages(session_id, id)",
           R"(CREATE TABLE tickets (
                id                INTEGER PRIMARY KEY AUTOINCREMENT,
                session_id        TEXT NOT NULL REFERENCES sessions(id),
                status            TEXT NOT NULL CHECK (status IN ('waiting','active','closed')),
                priority          INTEGER NOT NULL CHECK (priority IN (0, 1)),
                reason            TEXT NOT NULL DEFAULT '',
                created_at        INTEGER NOT NULL,
                claimed_by        TEXT NOT NULL DEFAULT '',
                claimed_at        INTEGER NOT NULL DEFAULT 0,
                closed_at         INTEGER NOT NULL DEFAULT 0,
                resolution        TEXT NOT NULL DEFAULT '',
                expected_reply_at INTEGER NOT NULL DEFAULT 0))",
           "CREATE INDEX tickets_queue ON tickets(status, priority DESC, created_at, id)",
           // At most one open ticket a session.
           "CREATE UNIQUE INDEX tickets_one_open ON tickets(session_id) "
           "WHERE status IN ('waiting','active')",
           R"(CREATE TABLE feedback (
                id         INTEGER PRIMARY KEY AUTOINCREMENT,
                message_id INTEGER NOT NULL REFERENCES messages(id),
                helpful    INTEGER NOT NULL,
                comment    TEXT NOT NULL DEFAULT '',
                created_at INTEGER NOT NULL))",
           "CREATE INDEX feedback_by_message ON feedback(message_id)",
           R"(CREATE TABLE unanswered (
                id         INTEGER PRIMARY KEY AUTOINCREMENT,
                session_id TEXT NOT NULL,
                text       TEXT NOT NULL,
                created_at INTEGER NOT NULL))",
           R"(CREATE TABLE processed_events (
                channel      TEXT NOT NULL,
                event_id     TEXT NOT NULL,
                processed_at INTEGER NOT NULL,
                PRIMARY KEY (channel, event_id)) WITHOUT ROWID)",
           R"(CREATE TABLE outbox (
                id              INTEGER PRIMARY KEY AUTOINCREMENT,
                channel         TEXT NOT NULL,
                target          TEXT NOT NULL,
                payload         TEXT NOT NULL,
                attempts        INTEGER NOT NULL DEFAULT 0,
                status          TEXT NOT NULL CHECK (status IN ('pending','sent','failed')),
                next_attempt_at INTEGER NOT NULL,
                last_error      TEXT NOT NULL DEFAULT '',
                created_at      INTEGER NOT NULL,
                sent_at         INTEGER NOT NULL DEFAULT 0))",
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
                created_at INTEGER NOT NULL))",
           R"(CREATE TABLE write_probe (
                id         INTEGER PRIMARY KEY CHECK (id = 1),
                written_at INTEGER NOT NULL))",
       }},
      {3,
       "tickets: callback number, transfer",
       {
           "ALTER TABLE tickets ADD COLUMN callback_phone TEXT NOT NULL DEFAULT ''",
           "ALTER TABLE tickets ADD COLUMN transferred_from TEXT NOT NULL DEFAULT ''",
       }},
  };
  return steps;
}

}  // namespace faqbot::store
