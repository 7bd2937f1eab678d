#include "adapters/http/settings.h"

#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "bot/service/service_hours.h"

namespace faqbot::http {
namespace {

struct Key {
  const char* name;   // file key
  const char* env;    // environment variable
  const char* flag;   // command-line option
  bool is_flag;       // boolean switch without a value on the command line
};

const Key kKeys[] = {
    {"port", "FAQBOT_PORT", "--port", false},
    {"host", "FAQBOT_HOST", "--host", false},
    {"data_dir", "FAQBOT_DATA_DIR", "--data-dir", false},
    {"config_dir", "FAQBOT_CONFIG_DIR", "--config", false},
    {"store", "FAQBOT_STORE", "--store", false},
    {"cache_dir", "FAQBOT_CACHE_DIR", "--cache", false},
    {"threads", "FAQBOT_THREADS", "--threads", false},
    {"keep_alive_max", "FAQBOT_KEEP_ALIVE_MAX", "--keep-alive-max", false},
    {"max_body_bytes", "FAQBOT_MAX_BODY_BYTES", "--max-body-bytes", false},
    {"max_text_chars", "FAQBOT_MAX_TEXT_CHARS", "--max-text-chars", false},
    {"agent_tokens", "FAQBOT_AGENT_TOKENS", "--agent-tokens", false},
    {"admin_token", "FAQBOT_ADMIN_TOKEN", "--admin-token", false},
    {"cors_origins", "FAQBOT_CORS_ORIGINS", "--cors-origins", false},
    {"rate_session", "FAQBOT_RATE_SESSION", "--rate-session", false},
    {"rate_client", "FAQBOT_RATE_CLIENT", "--rate-client", false},
    {"trust_forwarded_for", "FAQBOT_TRUST_FORWARDED_FOR", "--trust-forwarded-for", true},
    {"service_hours", "FAQBOT_SERVICE_HOURS", "--service-hours", false},
    {"utc_offset", "FAQBOT_UTC_OFFSET", "--utc-offset", false},
    {"no_claim_timeout_s", "FAQBOT_NO_CLAIM_TIMEOUT_S", "--no-claim-timeout-s", false},
    {"callback_minutes", "FAQBOT_CALLBACK_MINUTES", "--callback-minutes", false},
    {"quick_replies", "FAQBOT_QUICK_REPLIES", "--quick-replies", false},
    {"sync_every_commit", "FAQBOT_SYNC_EVERY_COMMIT", "--sync-every-commit", true},
    {"sse_heartbeat_s", "FAQBOT_SSE_HEARTBEAT_S", "--sse-heartbeat-s", false},
};

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::string cur;
  std::istringstream in(s);
  while (std::getline(in, cur, sep)) {
    size_t b = cur.find_first_not_of(" \t"), e = cur.find_last_not_of(" \t");
    if (b != std::string::npos) out.push_back(cur.substr(b, e - b + 1));
  }
  return out;
}

bool parse_int(const std::string& s, int64_t lo, int64_t hi, int64_t* out) {
  if (s.empty()) return false;
  char* end = nullptr;
  errno = 0;
  long long v = std::strtoll(s.c_str(), &end, 10);
  if (errno || *end || v < lo || v > hi) return false;
  *out = v;
  return true;
}

bool parse_bool(const std::string& s, bool* out) {
  if (s == "1" || s == "true" || s == "yes" || s == "on") return *out = true, true;
  if (s == "0" || s == "false" || s == "no" || s == "off") return *out = false, true;
  return false;
}

bool parse_rate(const std::string& s, RateLimit* out) {
  if (s == "0" || s == "off") {
    *out = RateLimit{};
    return true;
  }
  auto slash = s.find('/');
  if (slash == std::string::npos) return false;
  char* end = nullptr;
  double rate = std::strtod(s.substr(0, slash).c_str(), &end);
  if (*end) return false;
  double burst = std::strtod(s.substr(slash + 1).c_str(), &end);
  if (*end || !(rate > 0) || !(burst >= 1) || rate > 1e9 || burst > 1e9) return false;
  *out = RateLimit{rate, burst};
  return true;
}

class Builder {
 public:
  Settings s;
  std::vector<std::string> errors;

  void apply(const std::string& key, const std::string& v, const std::string& source) {
    auto fail = [&](const std::string& what) {
      errors.push_back(source + ": " + what + ", got \"" + v + "\"");
    };
    int64_t n = 0;
    bool b = false;
    if (key == "port") {
      if (parse_int(v, 0, 65535, &n)) s.port = static_cast<int>(n); else fail("expected a port 0-65535");
    } else if (key == "host") {
      if (!v.empty()) s.host = v; else fail("expected an address to listen on");
    } else if (key == "data_dir") {
      if (!v.empty()) s.data_dir = v; else fail("expected a directory");
    } else if (key == "config_dir") {
      if (!v.empty()) s.config_dir = v; else fail("expected a directory");
    } else if (key == "store") {
      s.store = v;
    } else if (key == "cache_dir") {
      s.cache_dir = v;
      s.no_cache = false;
    } else if (key == "threads") {
      if (parse_int(v, 2, 4096, &n)) s.threads = static_cast<int>(n); else fail("expected 2-4096 threads");
    } else if (key == "keep_alive_max") {
      if (parse_int(v, 1, 100000000, &n)) s.keep_alive_max = static_cast<int>(n); else fail("expected a count >= 1");
    } else if (key == "max_body_bytes") {
      if (parse_int(v, 64, int64_t(1) << 30, &n)) s.max_body_bytes = static_cast<size_t>(n); else fail("expected 64 bytes to 1 GiB");
    } else if (key == "max_text_chars") {
      if (parse_int(v, 1, 1000000, &n)) s.max_text_chars = static_cast<size_t>(n); else fail("expected 1-1000000 characters");
    } else if (key == "agent_tokens") {
      s.agent_tokens.clear();
      std::set<std::string> agents;
      for (const std::string& pair : split(v, ',')) {
        auto colon = pair.find(':');
        if (colon == std::string::npos || colon == 0 || colon + 1 == pair.size()) {
          fail("expected agent_id:token pairs separated by commas");
          return;
        }
        std::string agent = pair.substr(0, colon), token = pair.substr(colon + 1);
        if (token.size() < 8) {
          errors.push_back(source + ": the token of agent \"" + agent + "\" is shorter than 8 characters");
          return;
        }
        if (!agents.insert(agent).second || !s.agent_tokens.emplace(token, agent).second) {
          errors.push_back(source + ": agent \"" + agent + "\" or its token appears twice");
          return;
        }
      }
    } else if (key == "admin_token") {
      if (v.empty() || v.size() >= 8) s.admin_token = v; else fail("expected a token of at least 8 characters");
    } else if (key == "cors_origins") {
      s.cors_origins = split(v, ',');
    } else if (key == "rate_session") {
      if (!parse_rate(v, &s.rate_session)) fail("expected RATE/BURST (e.g. 1/5) or 0");
    } else if (key == "rate_client") {
      if (!parse_rate(v, &s.rate_client)) fail("expected RATE/BURST (e.g. 20/40) or 0");
    } else if (key == "trust_forwarded_for") {
      if (parse_bool(v, &b)) s.trust_forwarded_for = b; else fail("expected true or false");
    } else if (key == "service_hours") {
      s.service_hours = v;  // checked in validate(), with the offset
    } else if (key == "utc_offset") {
      auto off = service::ServiceHours::parse_utc_offset(v);
      if (off.ok()) s.utc_offset_minutes = off.value(); else errors.push_back(source + ": " + off.status().message());
    } else if (key == "no_claim_timeout_s") {
      if (parse_int(v, 1, 7 * 86400, &n)) s.no_claim_timeout_s = n; else fail("expected 1-604800 seconds");
    } else if (key == "callback_minutes") {
      if (parse_int(v, 1, 7 * 1440, &n)) s.callback_minutes = n; else fail("expected 1-10080 minutes");
    } else if (key == "quick_replies") {
      s.quick_replies = split(v, '|');
    } else if (key == "sync_every_commit") {
      if (parse_bool(v, &b)) s.sync_every_commit = b; else fail("expected true or false");
    } else if (key == "sse_heartbeat_s") {
      if (parse_int(v, 1, 3600, &n)) s.sse_heartbeat_s = static_cast<int>(n); else fail("expected 1-3600 seconds");
    }
  }

  void apply_file(const std::string& config_dir) {
    const std::string path = config_dir + "/settings.json";
    std::ifstream in(path, std::ios::binary);
    if (!in) return;  // optional
    std::stringstream buf;
    buf << in.rdbuf();
    nlohmann::json j = nlohmann::json::parse(buf.str(), nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
      errors.push_back(path + ": not a JSON object");
      return;
    }
    auto it = j.find("server");
    if (it == j.end()) return;
    if (!it->is_object()) {
      errors.push_back(path + ": \"server\" must be an object");
      return;
    }
    for (auto& [k, value] : it->items()) {
      const std::string source = path + " server." + k;
      bool known = false;
      for (const Key& key : kKeys) known = known || k == key.name;
      if (!known || k == "config_dir") {
        errors.push_back(source + ": unknown setting");
        continue;
      }
      if (k == "quick_replies" || k == "cors_origins") {
        if (!value.is_array()) {
          errors.push_back(source + ": expected an array of strings");
          continue;
        }
        std::vector<std::string> list;
        for (auto& e : value) {
          if (e.is_string()) list.push_back(e.get<std::string>());
        }
        if (k == "quick_replies") s.quick_replies = list; else s.cors_origins = list;
        continue;
      }
      if (k == "agent_tokens" && value.is_object()) {  // {"agent": "token"}
        std::string joined;
        for (auto& [agent, token] : value.items()) {
          joined += (joined.empty() ? "" : ",") + agent + ":" + (token.is_string() ? token.get<std::string>() : "");
        }
        apply(k, joined, source);
        continue;
      }
      if (value.is_string()) apply(k, value.get<std::string>(), source);
      else if (value.is_boolean()) apply(k, value.get<bool>() ? "true" : "false", source);
      else if (value.is_number_integer()) apply(k, std::to_string(value.get<int64_t>()), source);
      else errors.push_back(source + ": expected a string, integer or boolean");
    }
  }

  void validate() {
    auto hours = service::ServiceHours::parse(s.service_hours, s.utc_offset_minutes);
    if (!hours.ok()) errors.push_back("service_hours: " + hours.status().message());
    if (!s.admin_token.empty() && s.agent_tokens.count(s.admin_token)) {
      errors.push_back("admin_token: must differ from every agent token");
    }
    for (const std::string& o : s.cors_origins) {
      if (o != "*" && o.rfind("http://", 0) != 0 && o.rfind("https://", 0) != 0) {
        errors.push_back("cors_origins: \"" + o + "\" is not * or an http(s):// origin");
      }
    }
  }
};

}  // namespace

Result<Settings> load_settings(const std::vector<std::string>& args, const Getenv& getenv) {
  Builder b;
  // Pass 1: the command line, only to learn the config dir and catch errors.
  std::vector<std::pair<std::string, std::string>> cli;  // key, value
  std::vector<std::string> errors;
  for (size_t i = 0; i < args.size(); ++i) {
    std::string arg = args[i], value;
    bool has_inline = false;
    if (auto eq = arg.find('='); arg.rfind("--", 0) == 0 && eq != std::string::npos) {
      value = arg.substr(eq + 1);
      arg = arg.substr(0, eq);
      has_inline = true;
    }
    if (arg == "--no-cache") {
      cli.emplace_back("no_cache", "");
      continue;
    }
    const Key* key = nullptr;
    for (const Key& k : kKeys) {
      if (arg == k.flag) key = &k;
    }
    if (!key) {
      errors.push_back("unknown option " + arg + " (see faqbot serve --help)");
      continue;
    }
    if (key->is_flag && !has_inline) {
      value = "true";
    } else if (!has_inline) {
      if (i + 1 >= args.size()) {
        errors.push_back("option " + arg + " needs a value");
        continue;
      }
      value = args[++i];
    }
    cli.emplace_back(key->name, value);
  }
  if (!errors.empty()) {
    std::string joined;
    for (auto& e : errors) joined += (joined.empty() ? "" : "\n") + e;
    return Status(StatusCode::kInvalidArgument, joined);
  }

  std::string config_dir = "config";
  if (const char* env = getenv("FAQBOT_CONFIG_DIR"); env && *env) config_dir = env;
  for (auto& [k, v] : cli) {
    if (k == "config_dir") config_dir = v;
  }
  b.s.config_dir = config_dir;
  b.apply_file(config_dir);
  for (const Key& key : kKeys) {
    if (std::string(key.name) == "config_dir") continue;
    if (const char* env = getenv(key.env); env && *env) b.apply(key.name, env, key.env);
  }
  for (auto& [k, v] : cli) {
    if (k == "no_cache") {
      b.s.no_cache = true;
      continue;
    }
    const Key* key = nullptr;
    for (const Key& kk : kKeys) {
      if (k == kk.name) key = &kk;
    }
    b.apply(k, v, key->flag);
  }
  b.s.config_dir = config_dir;
  b.validate();
  if (!b.errors.empty()) {
    std::string joined;
    for (auto& e : b.errors) joined += (joined.empty() ? "" : "\n") + e;
    return Status(StatusCode::kInvalidArgument, joined);
  }
  return b.s;
}

Result<Settings> load_settings(const std::vector<std::string>& args) {
  return load_settings(args, [](const char* name) { return std::getenv(name); });
}

std::string settings_usage() {
  std::string out =
      "usage: faqbot serve [options]\n"
      "Settings are layered: defaults < <config>/settings.json \"server\" < environment < options.\n";
  for (const Key& k : kKeys) {
    out += "  " + std::string(k.flag) + (k.is_flag ? "" : " VALUE") + "  (" + k.env + ")\n";
  }
  out += "  --no-cache  build the index without a cache\n";
  return out;
}

}  // namespace faqbot::http
