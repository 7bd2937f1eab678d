#include "adapters/http/settings.h"

#include <gtest/gtest.h>

#include <fstream>
#include <map>

#include "../service/temp_dir.h"

namespace faqbot::http {
namespace {

struct Env {
  std::map<std::string, std::string> vars;
  Getenv fn() {
    return [this](const char* name) -> const char* {
      auto it = vars.find(name);
      return it == vars.end() ? nullptr : it->second.c_str();
    };
  }
};

TEST(Settings, Defaults) {
  Env env;
  auto s = load_settings({"--config", "/nonexistent"}, env.fn());
  ASSERT_TRUE(s.ok()) << s.status().message();
  EXPECT_EQ(s->port, 8080);
  EXPECT_EQ(s->data_dir, "data");
  EXPECT_EQ(s->max_body_bytes, 1024u * 1024u);
  EXPECT_EQ(s->max_text_chars, 2000u);
  EXPECT_EQ(s->index_cache_dir(), "data/index-cache");
  EXPECT_TRUE(s->rate_session.enabled());
}

TEST(Settings, FileThenEnvironmentThenCommandLine) {
  testing::TempDir dir;
  std::ofstream(dir.path() + "/settings.json")
      << R"({"policy": {"answer": 0.5}, "server": {"port": 9000, "threads": 8, "max_text_chars": 500,
            "quick_replies": ["您好", "请稍等"], "agent_tokens": {"alice": "alice-secret-1"}}})";
  Env env;
  env.vars = {{"FAQBOT_CONFIG_DIR", dir.path()}, {"FAQBOT_PORT", "9100"}, {"FAQBOT_THREADS", "12"},
              {"FAQBOT_AGENT_TOKENS", "a1:token-aaaa-1,a2:token-bbbb-2"}, {"FAQBOT_ADMIN_TOKEN", "admin-secret"},
              {"FAQBOT_DATA_DIR", "/tmp/d"}};
  auto s = load_settings({"--port", "9200"}, env.fn());
  ASSERT_TRUE(s.ok()) << s.status().message();
  EXPECT_EQ(s->port, 9200);           // command line beats environment
  EXPECT_EQ(s->threads, 12);          // environment beats file
  EXPECT_EQ(s->max_text_chars, 500u); // file beats default
  EXPECT_EQ(s->quick_replies.size(), 2u);
  EXPECT_EQ(s->agent_tokens.at("token-aaaa-1"), "a1");
  EXPECT_EQ(s->agent_tokens.count("alice-secret-1"), 0u);  // replaced by the environment
  EXPECT_EQ(s->admin_token, "admin-secret");
  EXPECT_EQ(s->config_dir, dir.path());
  EXPECT_EQ(s->index_cache_dir(), "/tmp/d/index-cache");
}

TEST(Settings, ClearErrorsNamingTheirSource) {
  Env env;
  env.vars = {{"FAQBOT_PORT", "eighty"}, {"FAQBOT_AGENT_TOKENS", "alice"}, {"FAQBOT_RATE_SESSION", "fast"}};
  auto s = load_settings({"--config", "/nonexistent", "--threads", "1", "--service-hours", "21:00-09:00"}, env.fn());
  ASSERT_FALSE(s.ok());
  const std::string& m = s.status().message();
  EXPECT_NE(m.find("FAQBOT_PORT"), std::string::npos) << m;
  EXPECT_NE(m.find("FAQBOT_AGENT_TOKENS"), std::string::npos) << m;
  EXPECT_NE(m.find("FAQBOT_RATE_SESSION"), std::string::npos) << m;
  EXPECT_NE(m.find("--threads"), std::string::npos) << m;
  EXPECT_NE(m.find("service_hours"), std::string::npos) << m;
}

TEST(Settings, NamedAdminsBesideTheAdminToken) {
  Env env;
  env.vars = {{"FAQBOT_ADMINS", "alice:alice-token-1, bob:bob-token-22"}, {"FAQBOT_ADMIN_TOKEN", "admin-secret"}};
  auto s = load_settings({"--config", "/nonexistent"}, env.fn());
  ASSERT_TRUE(s.ok()) << s.status().message();
  EXPECT_EQ(s->admin_tokens.at("alice-token-1"), "alice");
  EXPECT_EQ(s->admin_tokens.at("bob-token-22"), "bob");
  EXPECT_EQ(s->admin_token, "admin-secret");
  EXPECT_NE(settings_usage().find("FAQBOT_ADMINS"), std::string::npos);

  for (const char* bad : {"alice:short", "alice", "alice:alice-token-1,alice:other-token-2",
                          "alice:agent-token-1"}) {
    env.vars = {{"FAQBOT_ADMINS", bad}, {"FAQBOT_AGENT_TOKENS", "ag:agent-token-1"}};
    auto refused = load_settings({"--config", "/nonexistent"}, env.fn());
    ASSERT_FALSE(refused.ok()) << bad;
    EXPECT_NE(refused.status().message().find("admin"), std::string::npos) << refused.status().message();
  }
}

TEST(Settings, UnknownOptionAndMissingValue) {
  Env env;
  EXPECT_FALSE(load_settings({"--prot", "1"}, env.fn()).ok());
  EXPECT_FALSE(load_settings({"--port"}, env.fn()).ok());
  auto s = load_settings({"--config", "/nonexistent", "--port=0", "--rate-client", "0", "--no-cache"}, env.fn());
  ASSERT_TRUE(s.ok()) << s.status().message();
  EXPECT_EQ(s->port, 0);
  EXPECT_FALSE(s->rate_client.enabled());
  EXPECT_EQ(s->index_cache_dir(), "");
}

TEST(Settings, UnknownFileKeyIsAnError) {
  testing::TempDir dir;
  std::ofstream(dir.path() + "/settings.json") << R"({"server": {"prot": 1}})";
  Env env;
  auto s = load_settings({"--config", dir.path()}, env.fn());
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.status().message().find("server.prot"), std::string::npos);
}

}  // namespace
}  // namespace faqbot::http
