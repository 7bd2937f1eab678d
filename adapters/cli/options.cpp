#include "adapters/cli/options.h"

#include <algorithm>
#include <cstdlib>

namespace faqbot::cli {

bool parse_options(int argc, char** argv, int first, const std::vector<std::string>& value_options,
                   CommonOptions* out, std::string* error) {
  if (const char* env = std::getenv("FAQBOT_CONFIG_DIR"); env && *env) out->config_dir = env;
  std::string data_dir = "data";
  if (const char* env = std::getenv("FAQBOT_DATA_DIR"); env && *env) data_dir = env;
  out->cache_dir = data_dir + "/index-cache";

  for (int i = first; i < argc; ++i) {
    std::string arg = argv[i];
    auto takes_value = [&](const std::string& name) { return arg == name; };
    auto next = [&](std::string* dst) {
      if (i + 1 >= argc) {
        *error = "option " + arg + " needs a value";
        return false;
      }
      *dst = argv[++i];
      return true;
    };
    if (takes_value("--config")) {
      if (!next(&out->config_dir)) return false;
    } else if (takes_value("--cache")) {
      if (!next(&out->cache_dir)) return false;
    } else if (arg == "--no-cache") {
      out->cache_dir.clear();
    } else if (arg == "--json") {
      out->json = true;
    } else if (std::find(value_options.begin(), value_options.end(), arg) != value_options.end()) {
      std::string value;
      if (!next(&value)) return false;
      out->named.push_back(arg + "=" + value);
    } else if (arg.size() > 1 && arg[0] == '-' && arg != "-") {
      *error = "unknown option " + arg;
      return false;
    } else {
      out->positional.push_back(arg);
    }
  }
  return true;
}

std::string option_value(const CommonOptions& options, const std::string& name) {
  for (const std::string& kv : options.named) {
    if (kv.compare(0, name.size() + 1, name + "=") == 0) return kv.substr(name.size() + 1);
  }
  return {};
}

}  // namespace faqbot::cli
