// Storage health (issue 8): a damaged SQLite file stops the start with a clear
// message; a database that cannot be written makes /readyz not ready, and no
// investor ever sees the database's own error text.
#include <fcntl.h>
#include <linux/fs.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>

#include "bot/store/sql/sqlite_database.h"
#include "server_fixture.h"

namespace faqbot::testing {
namespace {

using nlohmann::json;

// Makes `path` unwritable for this process: the immutable attribute as root
// (root ignores permission bits), mode 0444 otherwise. Undone on destruction.
class ReadOnlyFile {
 public:
  explicit ReadOnlyFile(std::string path) : path_(std::move(path)) {
    if (geteuid() == 0) {
      immutable_ = set_immutable(true);
    } else {
      chmod(path_.c_str(), 0444);
    }
  }
  ~ReadOnlyFile() {
    if (immutable_) set_immutable(false);
    chmod(path_.c_str(), 0644);
  }
  // True when opening the file for writing really fails now.
  bool effective() const {
    const int fd = open(path_.c_str(), O_WRONLY);
    if (fd >= 0) close(fd);
    return fd < 0;
  }

 private:
  bool set_immutable(bool on) {
    const int fd = open(path_.c_str(), O_RDONLY);
    if (fd < 0) return false;
    int flags = 0;
    bool ok = ioctl(fd, FS_IOC_GETFLAGS, &flags) == 0;
    flags = on ? (flags | FS_IMMUTABLE_FL) : (flags & ~FS_IMMUTABLE_FL);
    ok = ok && ioctl(fd, FS_IOC_SETFLAGS, &flags) == 0;
    close(fd);
    return ok;
  }
  std::string path_;
  bool immutable_ = false;
};

// No trace of the database's own wording.
void expect_no_database_text(const std::string& body) {
  for (const char* leak : {"sqlite", "SQLite", "SQLITE", "readonly", "read-only database", "attempt to write",
                           "faqbot.db", "step:", "disk I/O", "malformed"}) {
    EXPECT_EQ(body.find(leak), std::string::npos) << leak << " in " << body;
  }
}

TEST_F(ServerTest, ADamagedDatabaseFileStopsTheStart) {
  start();
  for (int i = 0; i < 60; ++i) chat("", "提现多久到账，我想知道具体时间" + std::to_string(i));
  stop();  // the WAL is folded into the file
  const std::string path = dir_.path() + "/data/" + store::sql::SqliteDatabase::kFileName;
  struct stat st {};
  ASSERT_EQ(stat(path.c_str(), &st), 0);
  ASSERT_GE(st.st_size, 6 * 4096);
  FILE* f = std::fopen(path.c_str(), "r+b");
  ASSERT_NE(f, nullptr);
  std::fseek(f, static_cast<long>(st.st_size - 2 * 4096), SEEK_SET);
  const std::string garbage(2 * 4096, '\x5a');
  std::fwrite(garbage.data(), 1, garbage.size(), f);
  std::fclose(f);

  http::AppOptions o;
  o.settings = settings();
  o.loader = [] { return fake_load("v1"); };
  auto app = http::App::create(std::move(o));
  ASSERT_FALSE(app.ok()) << "a damaged database must not serve";
  const std::string& message = app.status().message();
  EXPECT_NE(message.find("is damaged"), std::string::npos) << message;
  EXPECT_NE(message.find(path), std::string::npos) << message;
  EXPECT_NE(message.find("backup"), std::string::npos) << message;
}

TEST_F(ServerTest, AReadOnlyDatabaseIsNotReadyAndChatsGetACleanError) {
  start();
  chat("a", "提现多久到账");
  stop();
  const std::string path = dir_.path() + "/data/" + store::sql::SqliteDatabase::kFileName;
  ReadOnlyFile read_only(path);
  if (!read_only.effective()) GTEST_SKIP() << "cannot make " << path << " read-only on this machine";
  start();

  json ready = get("/readyz", 503);
  expect_envelope(ready, "unavailable");
  expect_no_database_text(ready.dump());
  EXPECT_EQ(get("/healthz", 200)["status"], "ok");  // alive, only not ready

  for (const std::string& label : {std::string(), std::string("a")}) {
    json body = {{"text", "提现多久到账"}};
    httplib::Headers headers;
    if (!label.empty()) {
      body["session_id"] = sid(label);
      headers = auth(label);
    }
    auto res = client_->Post("/v1/chat", headers, body.dump(), "application/json");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 503) << res->body;
    expect_envelope(json::parse(res->body, nullptr, false), "unavailable");
    expect_no_database_text(res->body);
  }
  // Reading still works: the transcript is there.
  EXPECT_EQ(get(messages_path("a"), 200, auth("a"))["messages"].size(), 2u);
}

}  // namespace
}  // namespace faqbot::testing
