#pragma once
// Knowledge-base versions of every Store (candidates, releases, rollback,
// the live version, the audit log, the version of each bot message), on the
// store open_store() returns, for SQLite and PostgreSQL alike: instantiated
// by sqlite_store_test.cpp and postgres_store_test.cpp.
#include "store_suite.h"

namespace faqbot::store {

template <typename Backend>
class KbVersionsTest : public StoreTest<Backend> {
 protected:
  KbVersion create(const std::string& status, const std::string& author, const std::string& files,
                   int64_t parent = 0) {
    NewKbVersion n;
    n.version.status = status;
    n.version.author = author;
    n.version.note = "note of " + author;
    n.version.files = files;
    n.version.content_hash = "hash-" + files;
    n.version.parent_id = parent;
    n.version.changes = R"([{"op":"add_variants"}])";
    n.action = status == "released" ? "reloaded" : "created";
    auto v = this->store().create_kb_version(n);
    EXPECT_TRUE(v.ok()) << v.status().message();
    return v.ok() ? v.value() : KbVersion{};
  }

  Result<KbVersion> change(int64_t id, std::vector<std::string> from, const std::string& to,
                           const std::string& actor, const std::string& action) {
    KbVersionChange c;
    c.version_id = id;
    c.from = std::move(from);
    c.to = to;
    c.actor = actor;
    c.action = action;
    return this->store().change_kb_version(c);
  }

  int64_t live() { return this->store().live_kb_version().value(); }
};

TYPED_TEST_SUITE_P(KbVersionsTest);

TYPED_TEST_P(KbVersionsTest, FirstVersionOnceThenCandidateApprovedReleasedAndRolledBack) {
  EXPECT_EQ(this->live(), 0);
  NewKbVersion first;
  first.version.status = "released";
  first.version.author = "system";
  first.version.files = R"({"kb/a.json":"[]"})";
  first.action = "reloaded";
  first.only_if_first = true;
  auto v1 = this->store().create_kb_version(first);
  ASSERT_TRUE(v1.ok()) << v1.status().message();
  EXPECT_EQ(v1->status, "released");
  EXPECT_EQ(v1->released_by, "system");
  EXPECT_GT(v1->released_at_ms, 0);
  EXPECT_EQ(this->live(), v1->id);
  // A second replica starting at the same time writes nothing.
  EXPECT_EQ(this->store().create_kb_version(first).status().code(), StatusCode::kFailedPrecondition);

  KbVersion v2 = this->create("candidate", "alice", R"({"kb/a.json":"[1]"})", v1->id);
  EXPECT_EQ(v2.status, "candidate");
  EXPECT_EQ(v2.parent_id, v1->id);
  EXPECT_EQ(v2.files, R"({"kb/a.json":"[1]"})");
  EXPECT_EQ(this->live(), v1->id);

  // Release needs approval first; approval records the approver.
  EXPECT_EQ(this->change(v2.id, {"approved"}, "released", "bob", "released").status().code(),
            StatusCode::kFailedPrecondition);
  auto approved = this->change(v2.id, {"candidate"}, "approved", "bob", "approved");
  ASSERT_TRUE(approved.ok()) << approved.status().message();
  EXPECT_EQ(approved->approved_by, "bob");
  EXPECT_EQ(this->change(v2.id, {"candidate"}, "approved", "bob", "approved").status().code(),
            StatusCode::kFailedPrecondition);

  KbVersionChange release;
  release.version_id = v2.id;
  release.from = {"approved"};
  release.to = "released";
  release.actor = "bob";
  release.action = "released";
  release.detail = "golden figures fell";
  release.override_reason = "urgent rate change";
  release.evaluation = R"({"passes":false})";
  auto released = this->store().change_kb_version(release);
  ASSERT_TRUE(released.ok()) << released.status().message();
  EXPECT_EQ(released->status, "released");
  EXPECT_EQ(released->released_by, "bob");
  EXPECT_EQ(released->override_reason, "urgent rate change");
  EXPECT_EQ(released->evaluation, R"({"passes":false})");
  EXPECT_EQ(this->live(), v2.id);
  EXPECT_EQ(this->store().kb_version(v1->id)->status, "retired");

  // Rollback: a retired version is live again in one change.
  auto back = this->change(v1->id, {"retired"}, "released", "carol", "rolled_back");
  ASSERT_TRUE(back.ok()) << back.status().message();
  EXPECT_EQ(this->live(), v1->id);
  EXPECT_EQ(this->store().kb_version(v2.id)->status, "retired");
  EXPECT_EQ(this->store().kb_version(v2.id)->override_reason, "urgent rate change");

  // Lists are newest first and leave the files out.
  auto list = this->store().kb_versions(10);
  ASSERT_TRUE(list.ok()) << list.status().message();
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ(list.value()[0].id, v2.id);
  EXPECT_EQ(list.value()[0].files, "");
  EXPECT_EQ(list.value()[0].changes, R"([{"op":"add_variants"}])");
  EXPECT_EQ(list.value()[1].status, "released");

  // The audit log names every step, newest first.
  auto audit = this->store().kb_audit(10);
  ASSERT_TRUE(audit.ok()) << audit.status().message();
  std::vector<std::string> actions;
  for (const KbAudit& a : audit.value()) actions.push_back(a.actor + " " + a.action + " " + std::to_string(a.version_id));
  const std::string one = std::to_string(v1->id), two = std::to_string(v2.id);
  EXPECT_EQ(actions, (std::vector<std::string>{"carol rolled_back " + one, "bob released " + two,
                                               "bob approved " + two, "alice created " + two,
                                               "system reloaded " + one}));
  EXPECT_EQ(audit.value()[1].detail, "golden figures fell");
  EXPECT_GT(audit.value()[0].at_ms, 0);
  EXPECT_EQ(this->store().kb_audit(1)->size(), 1u);
}

TYPED_TEST_P(KbVersionsTest, AuditOnlyLinesUnknownVersionsAndBadInput) {
  KbVersion v = this->create("candidate", "alice", "{}");
  auto refused = this->change(v.id, {"approved"}, "", "bob", "release_refused");
  EXPECT_EQ(refused.status().code(), StatusCode::kFailedPrecondition);
  auto noted = this->change(v.id, {"candidate", "approved"}, "", "bob", "release_refused");
  ASSERT_TRUE(noted.ok()) << noted.status().message();
  EXPECT_EQ(noted->status, "candidate");
  EXPECT_EQ(this->store().kb_audit(1)->at(0).action, "release_refused");
  EXPECT_EQ(this->live(), 0);

  EXPECT_EQ(this->store().kb_version(v.id + 100).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(this->change(v.id + 100, {"candidate"}, "approved", "bob", "approved").status().code(),
            StatusCode::kNotFound);
  EXPECT_EQ(this->change(v.id, {"candidate"}, "shipped", "bob", "approved").status().code(),
            StatusCode::kInvalidArgument);
  NewKbVersion bad;
  bad.version.status = "approved";
  bad.version.author = "alice";
  bad.action = "created";
  EXPECT_EQ(this->store().create_kb_version(bad).status().code(), StatusCode::kInvalidArgument);
  bad.version.status = "candidate";
  bad.version.note = std::string("bad \xff utf-8");
  EXPECT_EQ(this->store().create_kb_version(bad).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(this->store().kb_versions(0).status().code(), StatusCode::kInvalidArgument);
}

TYPED_TEST_P(KbVersionsTest, BotMessagesKeepTheVersionThatProducedThem) {
  Turn turn;
  turn.session = this->session("kbv");
  turn.messages.push_back(this->msg(Role::kInvestor, "提现多久到账"));
  NewMessage bot = this->msg(Role::kBot, "一般1-2个工作日到账");
  bot.kb_version = 7;
  turn.messages.push_back(bot);
  ASSERT_TRUE(this->store().record_turn(turn).ok());
  auto msgs = this->store().messages_after("kbv", 0);
  ASSERT_TRUE(msgs.ok()) << msgs.status().message();
  ASSERT_EQ(msgs->size(), 2u);
  EXPECT_EQ(msgs.value()[0].kb_version, 0);
  EXPECT_EQ(msgs.value()[1].kb_version, 7);
  // Search results decode the same columns.
  ConversationQuery q;
  q.text = "工作日";
  auto hits = this->store().search_conversations(q);
  ASSERT_TRUE(hits.ok()) << hits.status().message();
  ASSERT_EQ(hits->size(), 1u);
  EXPECT_EQ(hits.value()[0].message.kb_version, 7);
  EXPECT_EQ(hits.value()[0].channel, "web");
}

REGISTER_TYPED_TEST_SUITE_P(KbVersionsTest, FirstVersionOnceThenCandidateApprovedReleasedAndRolledBack,
                            AuditOnlyLinesUnknownVersionsAndBadInput,
                            BotMessagesKeepTheVersionThatProducedThem);

}  // namespace faqbot::store
