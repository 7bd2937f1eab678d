#pragma once
// The knowledge-base versions of store.h (KbVersion, its audit log, the live
// version) written once in SQL over the Database interface; SqlStore
// forwards its Store methods here. Contracts as in store.h.
#include <vector>

#include "bot/store/sql/database.h"
#include "bot/store/store.h"

namespace faqbot::store::sql {

Result<KbVersion> create_kb_version(Database& db, const NewKbVersion& version);
Result<KbVersion> change_kb_version(Database& db, const KbVersionChange& change);
Result<KbVersion> kb_version(Database& db, int64_t id);
Result<std::vector<KbVersion>> kb_versions(Database& db, int limit);
Result<int64_t> live_kb_version(Database& db);
Result<std::vector<KbAudit>> kb_audit(Database& db, int limit);

}  // namespace faqbot::store::sql
