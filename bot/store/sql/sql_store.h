#pragma once
// The Store written once in SQL over the Database interface (database.h):
// every operation, every row decoding, the schema. A backend contributes a
// Database (connection handling, transactions) and a Dialect; adding one is
// a dialect and a connection file, plus a line in open_store().
//
// Races between threads and replicas are settled in the database by the
// statements themselves: a claim is UPDATE … WHERE status = 'waiting'
// RETURNING (one winner), an open ticket is INSERT … ON CONFLICT on a
// partial unique index, event dedup is INSERT … ON CONFLICT DO NOTHING,
// outbox leases lock their rows (FOR UPDATE SKIP LOCKED where the dialect
// has it), an append to a session locks the session's row so that its message
// ids follow commit order.
#include <memory>

#include "bot/store/sql/database.h"
#include "bot/store/store.h"

namespace faqbot::store::sql {

// Applies pending migrations (built-in, then options.extra_migrations) and
// returns the store over `db`. Errors as in open_store().
Result<std::unique_ptr<Store>> open_sql_store(std::unique_ptr<Database> db,
                                              const StoreOptions& options);

}  // namespace faqbot::store::sql
