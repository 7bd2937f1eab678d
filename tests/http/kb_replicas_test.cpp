// Two replicas (two Apps, each with its own data and index cache) on one
// PostgreSQL schema: a knowledge-base release or rollback through one
// changes the other's answers within seconds (issue 11), and the admins'
// maker-checker spans replicas. Skipped without a PostgreSQL server.
#include <chrono>
#include <iostream>
#include <thread>

#include "replicas_fixture.h"

namespace faqbot::testing {
namespace {

using nlohmann::json;
using Clock = std::chrono::steady_clock;

using KbReplicasTest = ReplicasTest;

TEST_F(KbReplicasTest, ReleaseAndRollbackThroughOneReplicaReachTheOtherWithinSeconds) {
  const std::string q = "提现扣手续费吗";
  ASSERT_EQ(answer_of(0, q), "withdraw.fee");
  ASSERT_EQ(answer_of(1, q), "withdraw.fee");
  // Both replicas started on an empty store: one first version between them.
  EXPECT_EQ(call(1, "GET", "/v1/admin/kb/versions", {}, 200, kBobAdmin)["versions"].size(), 1u);

  json candidate = call(0, "POST", "/v1/admin/kb/candidates", {{"note", "减免"}, {"changes", breaking_change()}}, 201,
                        kAliceAdmin);
  const std::string id = std::to_string(candidate["id"].get<int64_t>());
  call(1, "POST", "/v1/admin/kb/versions/" + id + "/approve", json::object(), 403, kAliceAdmin);
  call(1, "POST", "/v1/admin/kb/versions/" + id + "/approve", json::object(), 200, kBobAdmin);
  call(0, "POST", "/v1/admin/kb/versions/" + id + "/release", {{"override_reason", "活动"}}, 200, kAliceAdmin);
  EXPECT_EQ(answer_of(0, q), "withdraw.fee_waiver");  // at once on the replica that released
  const double release_s = seconds_until(1, q, "withdraw.fee_waiver");
  EXPECT_GE(release_s, 0) << "replica B never served the release";
  EXPECT_LT(release_s, 10);

  call(1, "POST", "/v1/admin/kb/rollback", {{"to", 1}}, 200, kBobAdmin);
  EXPECT_EQ(answer_of(1, q), "withdraw.fee");
  const double rollback_s = seconds_until(0, q, "withdraw.fee");
  EXPECT_GE(rollback_s, 0) << "replica A never served the rollback";
  EXPECT_LT(rollback_s, 10);
  std::cout << "release reached the other replica in " << release_s << " s, rollback in " << rollback_s
            << " s (poll interval 2 s)\n";
  RecordProperty("release_to_other_replica_ms", static_cast<int>(release_s * 1000));
  RecordProperty("rollback_to_other_replica_ms", static_cast<int>(rollback_s * 1000));

  json audit = call(0, "GET", "/v1/admin/audit?limit=10", {}, 200, kBobAdmin);
  ASSERT_GE(audit.size(), 4u);
  EXPECT_EQ(audit[0]["action"], "rolled_back");
  EXPECT_EQ(audit[0]["actor"], "bob");
  EXPECT_EQ(audit[1]["action"], "released");
  EXPECT_EQ(audit[1]["actor"], "alice");
}

}  // namespace
}  // namespace faqbot::testing
