#pragma once
// The schema of the SQL store: built-in migrations written once for every
// backend (migration.h), their {tokens} filled in from the dialect, applied
// by migrate().
#include <string>
#include <vector>

#include "bot/store/migration.h"
#include "bot/store/sql/database.h"

namespace faqbot::store::sql {

// `sql` with {int64}, {real}, {bool}, {serial_key} and {without_rowid}
// replaced by the dialect's words; other text unchanged.
std::string fill_types(const std::string& sql, const Dialect& dialect);

// Built-in steps (types filled in) followed by `extra` (as written);
// kInvalidArgument unless the versions are 1, 2, 3, … in order.
Result<std::vector<Migration>> all_migrations(const Dialect& dialect,
                                              const std::vector<Migration>& extra);

// Applies every step newer than the database's recorded version, each in its
// own write transaction that first takes the dialect's migration lock and
// re-reads the version, so replicas opening together apply a step once.
// kFailedPrecondition when the database is newer than `steps`; a failing
// step is rolled back and named in the error.
Status migrate(Database& db, const std::vector<Migration>& steps);

}  // namespace faqbot::store::sql
