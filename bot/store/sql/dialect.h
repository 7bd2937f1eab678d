#pragma once
// What the SQL store's statements need to know about a database's flavour of
// SQL. Everything else (upserts with ON CONFLICT, RETURNING, partial unique
// indexes, CTEs) is written once in the common subset SQLite (>= 3.35) and
// PostgreSQL (>= 9.5) share. Each backend defines its Dialect beside its
// connection code.
namespace faqbot::store::sql {

struct Dialect {
  const char* name;           // Store::backend(): "sqlite" | "postgresql"
  // Column types of the schema (see schema.cpp's {tokens}).
  const char* int64_type;     // 64-bit integer: "INTEGER" | "BIGINT"
  const char* real_type;      // double: "REAL" | "DOUBLE PRECISION"
  const char* bool_type;      // "INTEGER" (0/1) | "BOOLEAN"
  const char* serial_key;     // never-reused increasing integer primary key
  const char* without_rowid;  // table option for a table keyed by its primary key only
  // Appended to an INSERT of one row so that Statement::inserted_id() can
  // read the new id: "" where the connection knows it anyway (SQLite's
  // last_insert_rowid, cheaper than RETURNING), " RETURNING id" elsewhere.
  const char* returning_id;
  // Appended to a SELECT inside Database::write to lock the rows it returns
  // until the transaction ends ("" where one writer excludes all others).
  const char* lock_rows;      // "" | " FOR UPDATE"
  // Same, skipping rows another transaction holds (work queues).
  const char* lock_rows_skip_locked;  // "" | " FOR UPDATE SKIP LOCKED"
  // Run inside a write transaction after a message is added (?1 = its
  // session id, ?2 = its id), so that other replicas learn of it at commit
  // ("" = no cross-process notices: one host, the in-process bus suffices).
  const char* notify_message;
  // Run first in each migration transaction so that concurrent openers apply
  // a step once ("" when the write transaction already excludes them).
  const char* migration_lock;
};

}  // namespace faqbot::store::sql
