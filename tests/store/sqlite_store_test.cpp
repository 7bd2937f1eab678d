// SQLite-only behaviour: the on-disk settings and surviving kill -9.
#include "bot/store/sql/sqlite_database.h"

#include <gtest/gtest.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <set>
#include <string>

#include "store_backends.h"
#include "store_suite.h"
#include "agent_records_suite.h"
#include "kb_versions_suite.h"

namespace faqbot::store {

INSTANTIATE_TYPED_TEST_SUITE_P(Sqlite, StoreTest, testing::SqliteBackend);
INSTANTIATE_TYPED_TEST_SUITE_P(Sqlite, AgentRecordsTest, testing::SqliteBackend);
INSTANTIATE_TYPED_TEST_SUITE_P(Sqlite, KbVersionsTest, testing::SqliteBackend);

namespace {

std::string pragma(const std::string& db_path, const std::string& name) {
  sqlite3* db = nullptr;
  std::string value;
  if (sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db, ("PRAGMA " + name).c_str(), -1, &stmt, nullptr) == SQLITE_OK &&
        sqlite3_step(stmt) == SQLITE_ROW) {
      value = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
    }
    sqlite3_finalize(stmt);
  }
  sqlite3_close(db);
  return value;
}

TEST(SqliteStoreTest, UsesWalAndRecordsSchemaVersion) {
  testing::SqliteBackend backend;
  auto store = backend.open();
  ASSERT_TRUE(store.ok()) << store.status().message();
  EXPECT_STREQ(store.value()->backend(), "sqlite");
  const std::string path = backend.dir() + "/data/" + sql::SqliteDatabase::kFileName;
  EXPECT_EQ(pragma(path, "journal_mode"), "wal");
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db, "SELECT MAX(version), COUNT(*) FROM schema_version", -1, &stmt,
                               nullptr),
            SQLITE_OK);
  ASSERT_EQ(sqlite3_step(stmt), SQLITE_ROW);
  EXPECT_EQ(sqlite3_column_int(stmt, 0), static_cast<int>(builtin_migrations().size()));
  EXPECT_EQ(sqlite3_column_int(stmt, 1), static_cast<int>(builtin_migrations().size()));
  sqlite3_finalize(stmt);
  sqlite3_close(db);
}

TEST(SqliteStoreTest, UnusableDirectoryIsAnError) {
  auto store = open_store("/proc/faqbot-cannot-create-here");
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), StatusCode::kInternal);
  EXPECT_EQ(open_store("").status().code(), StatusCode::kInvalidArgument);
}

// Past sql::SqliteDatabase::kCheckpointPages of WAL the background checkpointer
// copies the WAL into the database file, so the WAL is reused instead of
// growing for ever.
TEST(SqliteStoreTest, BackgroundCheckpointCopiesTheWalIntoTheDatabase) {
  testing::SqliteBackend backend;
  auto store = backend.open();
  ASSERT_TRUE(store.ok()) << store.status().message();
  const std::string path = backend.dir() + "/data/" + sql::SqliteDatabase::kFileName;
  const std::string filler(3000, 'x');  // about one page of WAL per turn
  for (int i = 0; i < sql::SqliteDatabase::kCheckpointPages + 500; ++i) {
    Turn turn;
    turn.session.id = "ckpt-" + std::to_string(i);
    turn.messages.push_back({Role::kInvestor, filler, "", "", 0, "", 0});
    ASSERT_TRUE(store.value()->record_turn(turn).ok());
  }
  auto file_size = [](const std::string& p) {
    struct stat st {};
    return stat(p.c_str(), &st) == 0 ? static_cast<int64_t>(st.st_size) : -1;
  };
  int64_t db_bytes = file_size(path);
  for (int i = 0; i < 100 && db_bytes < 8 * 1024 * 1024; ++i) {
    usleep(50 * 1000);
    db_bytes = file_size(path);
  }
  EXPECT_GE(db_bytes, 8 * 1024 * 1024) << "the WAL was not checkpointed into " << path;
}

// A damaged file is refused at open (PRAGMA quick_check), naming the file,
// instead of serving until a request reaches the damaged pages.
TEST(SqliteStoreTest, DamagedFileIsRefusedAtOpen) {
  testing::SqliteBackend backend;
  const std::string path = backend.dir() + "/data/" + sql::SqliteDatabase::kFileName;
  {
    auto store = backend.open();
    ASSERT_TRUE(store.ok()) << store.status().message();
    for (int i = 0; i < 200; ++i) {
      Turn turn;
      turn.session.id = "s" + std::to_string(i);
      turn.messages.push_back({Role::kInvestor, std::string(200, 'q'), "", "", 0, "", 0});
      ASSERT_TRUE(store.value()->record_turn(turn).ok());
    }
  }  // closing the last connection checkpoints the WAL into the file
  struct stat st {};
  ASSERT_EQ(stat(path.c_str(), &st), 0);
  ASSERT_GE(st.st_size, 8 * 4096);
  {
    // Garbage over the last two pages (table and index pages, not the schema).
    FILE* f = std::fopen(path.c_str(), "r+b");
    ASSERT_NE(f, nullptr);
    ASSERT_EQ(std::fseek(f, static_cast<long>(st.st_size - 2 * 4096), SEEK_SET), 0);
    const std::string garbage(2 * 4096, '\x5a');
    ASSERT_EQ(std::fwrite(garbage.data(), 1, garbage.size(), f), garbage.size());
    std::fclose(f);
  }
  auto reopened = backend.open();
  ASSERT_FALSE(reopened.ok());
  EXPECT_EQ(reopened.status().code(), StatusCode::kDataLoss);
  EXPECT_NE(reopened.status().message().find("is damaged"), std::string::npos)
      << reopened.status().message();
  EXPECT_NE(reopened.status().message().find(path), std::string::npos);
}

// A child process writes turns as fast as it can and reports each committed
// message id through a pipe; the parent kill -9s it mid-stream. Every id the
// child reported (i.e. every write that returned ok) must be in the database.
TEST(SqliteStoreTest, AcknowledgedWritesSurviveKill9) {
  testing::SqliteBackend backend;
  const std::string dir = backend.dir() + "/data";
  int fds[2];
  ASSERT_EQ(pipe(fds), 0);
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    close(fds[0]);
    auto store = open_store(dir);
    if (!store.ok()) _exit(2);
    for (int i = 0;; ++i) {
      Turn turn;
      turn.session.id = "s" + std::to_string(i % 50);
      turn.messages.push_back({Role::kInvestor, "q" + std::to_string(i), "", "", 0, "", 0});
      turn.messages.push_back({Role::kBot, "a" + std::to_string(i), "answer", "x", 0.9, "", 0});
      auto r = store.value()->record_turn(turn);
      if (!r.ok()) _exit(3);
      int64_t ids[2] = {r->message_ids[0], r->message_ids[1]};
      if (write(fds[1], ids, sizeof ids) != sizeof ids) _exit(4);
    }
  }
  close(fds[1]);
  std::set<int64_t> acknowledged;
  int64_t ids[2];
  while (acknowledged.size() < 4000 && read(fds[0], ids, sizeof ids) == sizeof ids) {
    acknowledged.insert(ids[0]);
    acknowledged.insert(ids[1]);
  }
  kill(child, SIGKILL);
  int status = 0;
  waitpid(child, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status)) << "child exited early with " << WEXITSTATUS(status);
  // Drain what the child acknowledged before it died.
  while (read(fds[0], ids, sizeof ids) == sizeof ids) {
    acknowledged.insert(ids[0]);
    acknowledged.insert(ids[1]);
  }
  close(fds[0]);
  ASSERT_GE(acknowledged.size(), 4000u);

  auto store = open_store(dir);
  ASSERT_TRUE(store.ok()) << store.status().message();
  std::set<int64_t> stored;
  for (int s = 0; s < 50; ++s) {
    auto msgs = store.value()->messages_after("s" + std::to_string(s), 0, 1'000'000);
    ASSERT_TRUE(msgs.ok()) << msgs.status().message();
    for (const Message& m : msgs.value()) stored.insert(m.id);
  }
  for (int64_t id : acknowledged) {
    ASSERT_TRUE(stored.count(id)) << "acknowledged message " << id << " lost";
  }
}

}  // namespace
}  // namespace faqbot::store
