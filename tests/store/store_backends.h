#pragma once
// Test backends for the typed Store suite: each gives a fresh, empty
// database per test and can open it again (to test restarts).
#include <stdlib.h>
#include <unistd.h>

#include <gtest/gtest.h>
#include <libpq-fe.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <random>
#include <string>

#include "bot/store/sql/sqlite_database.h"
#include "bot/store/store.h"

namespace faqbot::store::testing {

class SqliteBackend {
 public:
  SqliteBackend() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "faqbot-store-XXXXXX").string();
    if (mkdtemp(pattern.data()) != nullptr) dir_ = pattern;
  }
  ~SqliteBackend() {
    std::error_code ec;
    if (!dir_.empty()) std::filesystem::remove_all(dir_, ec);
  }
  SqliteBackend(const SqliteBackend&) = delete;
  SqliteBackend& operator=(const SqliteBackend&) = delete;

  // "" when usable, else why the tests must be skipped.
  std::string skip_reason() const { return dir_.empty() ? "cannot create a temp dir" : ""; }
  // Opens the same database every time.
  Result<std::unique_ptr<Store>> open(const StoreOptions& options = {}) {
    return open_store(dir_ + "/data", options);
  }
  const std::string& dir() const { return dir_; }
  static int builtin_migrations() { return static_cast<int>(store::builtin_migrations().size()); }

 private:
  std::string dir_;
};

// A fresh schema per test in the server named by FAQBOT_TEST_PG_URL (or, as
// set by the CTest fixture, the URL in the file FAQBOT_TEST_PG_URL_FILE),
// dropped afterwards. Skips only when neither variable is set.
class PostgresBackend {
 public:
  PostgresBackend() {
    if (const char* url = std::getenv("FAQBOT_TEST_PG_URL"); url != nullptr && *url) {
      url_ = url;
    } else if (const char* file = std::getenv("FAQBOT_TEST_PG_URL_FILE"); file && *file) {
      std::ifstream in(file);
      std::getline(in, url_);
      if (url_.empty()) {
        // The fixture was meant to start a server: fail, do not skip.
        url_ = "postgresql://invalid-url-file/";
        error_ = std::string("cannot read the server URL from ") + file +
                 " (did the store_pg_server fixture start?)";
      }
    }
    static std::atomic<int> counter{0};
    std::random_device random;
    schema_ = "faqbot_t_" + std::to_string(getpid()) + "_" + std::to_string(counter++) + "_" +
              std::to_string(random() % 1000000);
  }
  ~PostgresBackend() {
    if (url_.empty() || !error_.empty()) return;
    PGconn* conn = PQconnectdb(url_.c_str());
    if (PQstatus(conn) == CONNECTION_OK) {
      PQsetNoticeProcessor(conn, [](void*, const char*) {}, nullptr);
      PQclear(PQexec(conn, ("DROP SCHEMA IF EXISTS \"" + schema_ + "\" CASCADE").c_str()));
    }
    PQfinish(conn);
  }
  PostgresBackend(const PostgresBackend&) = delete;
  PostgresBackend& operator=(const PostgresBackend&) = delete;

  std::string skip_reason() const {
    return url_.empty() ? "FAQBOT_TEST_PG_URL is not set: PostgreSQL store tests skipped "
                          "(ctest starts a server with tests/store/pg_test_server.sh)"
                        : "";
  }
  Result<std::unique_ptr<Store>> open(StoreOptions options = {}) {
    if (!error_.empty()) return Status(StatusCode::kInternal, error_);
    options.postgres_schema = schema_;
    return open_store(url_, options);
  }
  const std::string& url() const { return url_; }
  const std::string& schema() const { return schema_; }
  static int builtin_migrations() { return static_cast<int>(store::builtin_migrations().size()); }

 private:
  std::string url_;
  std::string error_;
  std::string schema_;
};

}  // namespace faqbot::store::testing

namespace faqbot::store {

// Several stores ("replicas") on one fresh PostgreSQL schema; skipped
// without a server.
class PostgresReplicasTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string why = backend_.skip_reason();
    if (!why.empty()) GTEST_SKIP() << why;
  }
  std::unique_ptr<Store> open() {
    auto store = backend_.open();
    EXPECT_TRUE(store.ok()) << store.status().message();
    return store.ok() ? std::move(store).value() : nullptr;
  }
  testing::PostgresBackend backend_;
};

}  // namespace faqbot::store
