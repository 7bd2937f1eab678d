#pragma once
// Schema migrations: an ordered list of numbered steps. A store records the
// versions it applied in its schema_version table and, on open, applies in one
// transaction each every step newer than the recorded maximum. Adding a
// schema change = appending Migration{N+1, …} to builtin_migrations(); a step
// is never edited once released. A database whose recorded version is newer
// than the last step known to the build is refused (kFailedPrecondition).
#include <string>
#include <vector>

namespace faqbot::store {

struct Migration {
  int version = 0;                      // 1, 2, 3, … strictly increasing
  std::string name;                     // short description, recorded
  std::vector<std::string> statements;  // SQL run in order, in one transaction
};

// The built-in steps, the same for every backend (migration 1 creates
// everything). Their SQL names column types as {int64}, {real}, {bool},
// {serial_key} and {without_rowid}, filled in from the backend's dialect
// (sql/dialect.h). Extra steps (StoreOptions) are run as written.
const std::vector<Migration>& builtin_migrations();

}  // namespace faqbot::store
