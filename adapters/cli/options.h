#pragma once
// Options shared by the command-line commands, layered: defaults <
// environment (FAQBOT_CONFIG_DIR, FAQBOT_DATA_DIR) < command line.
#include <string>
#include <vector>

namespace faqbot::cli {

struct CommonOptions {
  std::string config_dir = "config";
  std::string cache_dir;  // index cache; default <data dir>/index-cache
  bool json = false;
  std::vector<std::string> positional;  // arguments that are not options
  std::vector<std::string> named;       // values of command-specific options, see take()
};

// Parses argv[first..]; `value_options` are command-specific options taking a
// value (e.g. "--cases"), stored in `named` as "--cases=VALUE". Returns false
// and fills `error` on an unknown option or a missing value.
bool parse_options(int argc, char** argv, int first, const std::vector<std::string>& value_options,
                   CommonOptions* out, std::string* error);

// The value given for a command-specific option, or "" when absent.
std::string option_value(const CommonOptions& options, const std::string& name);

}  // namespace faqbot::cli
