#pragma once
// Test backends for the typed Store suite: each gives a fresh, empty
// database per test and can open it again (to test restarts).
#include <stdlib.h>
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <string>

#include "bot/store/sqlite_store.h"
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

 private:
  std::string dir_;
};

}  // namespace faqbot::store::testing
