#pragma once
// Schema migrations: an ordered list of numbered steps. A store records the
// versions it applied in its schema_version table and, on open, applies in one
// transaction each every step newer than the recorded maximum. Adding a
// schema change = appending Migration{N+1, …} to the backend's list; a step
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

// The built-in steps of each backend (migration 1 creates everything).
const std::vector<Migration>& sqlite_migrations();
const std::vector<Migration>& postgres_migrations();

}  // namespace faqbot::store
