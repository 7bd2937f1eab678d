#include "adapters/cli/options.h"

#include <gtest/gtest.h>

#include <cstdlib>

namespace faqbot::cli {
namespace {

bool parse(std::vector<std::string> args, const std::vector<std::string>& value_options,
           CommonOptions* out, std::string* error) {
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  return parse_options(static_cast<int>(argv.size()), argv.data(), 0, value_options, out, error);
}

TEST(Options, CommandLineOverridesEnvironmentOverDefaults) {
  ::setenv("FAQBOT_CONFIG_DIR", "/env/config", 1);
  ::setenv("FAQBOT_DATA_DIR", "/env/data", 1);
  CommonOptions env_only;
  std::string error;
  ASSERT_TRUE(parse({}, {}, &env_only, &error));
  EXPECT_EQ(env_only.config_dir, "/env/config");
  EXPECT_EQ(env_only.cache_dir, "/env/data/index-cache");

  CommonOptions cli;
  ASSERT_TRUE(parse({"--config", "/cli/config", "--json", "怎么提现"}, {}, &cli, &error));
  EXPECT_EQ(cli.config_dir, "/cli/config");
  EXPECT_TRUE(cli.json);
  EXPECT_EQ(cli.positional, std::vector<std::string>{"怎么提现"});
  ::unsetenv("FAQBOT_CONFIG_DIR");
  ::unsetenv("FAQBOT_DATA_DIR");

  CommonOptions defaults;
  ASSERT_TRUE(parse({}, {}, &defaults, &error));
  EXPECT_EQ(defaults.config_dir, "config");
  EXPECT_EQ(defaults.cache_dir, "data/index-cache");
}

TEST(Options, CommandSpecificValuesAndErrors) {
  CommonOptions out;
  std::string error;
  ASSERT_TRUE(parse({"--cases", "dev.jsonl", "--no-cache"}, {"--cases"}, &out, &error));
  EXPECT_EQ(option_value(out, "--cases"), "dev.jsonl");
  EXPECT_EQ(option_value(out, "--other"), "");
  EXPECT_EQ(out.cache_dir, "");

  CommonOptions bad;
  EXPECT_FALSE(parse({"--bogus"}, {}, &bad, &error));
  EXPECT_EQ(error, "unknown option --bogus");
  EXPECT_FALSE(parse({"--cases"}, {"--cases"}, &bad, &error));
  EXPECT_EQ(error, "option --cases needs a value");
}

}  // namespace
}  // namespace faqbot::cli
