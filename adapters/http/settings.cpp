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
  const char* help;   // meaning and default, for --help
};

const Key kKeys[] = {
    {"port", "FAQBOT_PORT", "--port", false, "TCP port; 0 = any free port [8080]"},
    {"host", "FAQBOT_HOST", "--host", false,
     "address to listen on [0.0.0.0; 127.0.0.1 while a token is a default one]"},
    {"data_dir", "FAQBOT_DATA_DIR", "--data-dir", false, "SQLite store and index cache [data]"},
    {"config_dir", "FAQBOT_CONFIG_DIR", "--config", false, "knowledge base and settings.json [config]"},
    {"store", "FAQBOT_STORE", "--store", false, "postgresql://… for a shared store [SQLite in data_dir]"},
    {"cache_dir", "FAQBOT_CACHE_DIR", "--cache", false, "index cache directory [<data_dir>/index-cache]"},
    {"threads", "FAQBOT_THREADS", "--threads", false, "worker threads = requests handled at once [64]"},
    {"keep_alive_max", "FAQBOT_KEEP_ALIVE_MAX", "--keep-alive-max", false, "requests per connection [100000]"},
    {"keep_alive_timeout_s", "FAQBOT_KEEP_ALIVE_TIMEOUT_S", "--keep-alive-timeout-s", false,
     "idle kept-alive connection closed after SECONDS [5]"},
    {"header_timeout_s", "FAQBOT_HEADER_TIMEOUT_S", "--header-timeout-s", false,
     "whole request header within SECONDS, else 408 and close [10]"},
    {"body_timeout_s", "FAQBOT_BODY_TIMEOUT_S", "--body-timeout-s", false,
     "whole request body within SECONDS, else 408 and close [30]"},
    {"write_timeout_s", "FAQBOT_WRITE_TIMEOUT_S", "--write-timeout-s", false,
     "a client must read a response within SECONDS [10]"},
    {"max_connections", "FAQBOT_MAX_CONNECTIONS", "--max-connections", false,
     "open connections overall; more get 503 [10000]"},
    {"max_connections_per_client", "FAQBOT_MAX_CONNECTIONS_PER_CLIENT", "--max-connections-per-client", false,
     "open connections per client IP address; 0 = no cap (raise behind a proxy) [64]"},
    {"max_body_bytes", "FAQBOT_MAX_BODY_BYTES", "--max-body-bytes", false,
     "request body limit for any framing, else 413 [1048576]"},
    {"max_header_bytes", "FAQBOT_MAX_HEADER_BYTES", "--max-header-bytes", false,
     "request line + headers limit, else 431 [16384]"},
    {"max_text_chars", "FAQBOT_MAX_TEXT_CHARS", "--max-text-chars", false, "characters of one message [2000]"},
    {"agent_tokens", "FAQBOT_AGENT_TOKENS", "--agent-tokens", false,
     "agent_id:token,… for /agent and /v1/handoffs; tokens >= 8 characters [none]"},
    {"admin_token", "FAQBOT_ADMIN_TOKEN", "--admin-token", false,
     "token for /v1/admin/* and /metrics, acting as admin \"admin\"; >= 8 characters [none]"},
    {"admins", "FAQBOT_ADMINS", "--admins", false,
     "named admins name:token,… (e.g. alice:T1,bob:T2) for /admin and /v1/admin/*; a knowledge-base "
     "version is approved by another admin than its author; tokens >= 8 characters [none]"},
    {"cors_origins", "FAQBOT_CORS_ORIGINS", "--cors-origins", false,
     "origins allowed to call the API from a browser: * or https://a,https://b [none]"},
    {"rate_session", "FAQBOT_RATE_SESSION", "--rate-session", false, "messages per session RATE/BURST or 0 [1/5]"},
    {"rate_client", "FAQBOT_RATE_CLIENT", "--rate-client", false,
     "investor API requests per client address RATE/BURST or 0 [20/40]"},
    {"rate_auth_failures", "FAQBOT_RATE_AUTH_FAILURES", "--rate-auth-failures", false,
     "failed token checks per client address RATE/BURST; over it every check is 429 [0.2/10]"},
    {"trust_forwarded_for", "FAQBOT_TRUST_FORWARDED_FOR", "--trust-forwarded-for", true,
     "take the client address from X-Forwarded-For (only behind your own proxy) [false]"},
    {"service_hours", "FAQBOT_SERVICE_HOURS", "--service-hours", false, "agents' hours HH:MM-HH:MM [09:00-21:00]"},
    {"utc_offset", "FAQBOT_UTC_OFFSET", "--utc-offset", false, "time zone of service_hours [+08:00]"},
    {"no_claim_timeout_s", "FAQBOT_NO_CLAIM_TIMEOUT_S", "--no-claim-timeout-s", false,
     "unclaimed handoff escalates after SECONDS [120]"},
    {"callback_minutes", "FAQBOT_CALLBACK_MINUTES", "--callback-minutes", false, "promised callback time [30]"},
    {"quick_replies", "FAQBOT_QUICK_REPLIES", "--quick-replies", false, "agent quick replies, '|'-separated"},
    {"sync_every_commit", "FAQBOT_SYNC_EVERY_COMMIT", "--sync-every-commit", true,
     "fsync every SQLite commit [false]"},
    {"sse_heartbeat_s", "FAQBOT_SSE_HEARTBEAT_S", "--sse-heartbeat-s", false, "event stream ping interval [15]"},
    {"retention_days", "FAQBOT_RETENTION_DAYS", "--retention-days", false,
     "erase conversations idle for DAYS (no open ticket) and webhook event ids older than that, hourly; "
     "0 = keep [0]"},
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

// Decimal seconds ("10", "0.5") in [lo_ms, hi_ms] milliseconds.
bool parse_seconds(const std::string& s, int64_t lo_ms, int64_t hi_ms, int* out_ms) {
  if (s.empty()) return false;
  char* end = nullptr;
  const double v = std::strtod(s.c_str(), &end);
  if (*end || !(v * 1000 >= lo_ms) || !(v * 1000 <= hi_ms)) return false;
  *out_ms = static_cast<int>(v * 1000);
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

bool is_loopback(const std::string& host) {
  return host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0;
}

class Builder {
 public:
  Settings s;
  std::vector<std::string> errors;
  bool host_set = false;  // by the file, the environment or the command line

  void apply(const std::string& key, const std::string& v, const std::string& source) {
    auto fail = [&](const std::string& what) {
      errors.push_back(source + ": " + what + ", got \"" + v + "\"");
    };
    int64_t n = 0;
    bool b = false;
    if (key == "port") {
      if (parse_int(v, 0, 65535, &n)) s.port = static_cast<int>(n); else fail("expected a port 0-65535");
    } else if (key == "host") {
      if (!v.empty()) s.host = v, host_set = true; else fail("expected an address to listen on");
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
    } else if (key == "keep_alive_timeout_s") {
      if (!parse_seconds(v, 100, 3600 * 1000, &s.keep_alive_timeout_ms)) fail("expected 0.1-3600 seconds");
    } else if (key == "header_timeout_s") {
      if (!parse_seconds(v, 100, 3600 * 1000, &s.header_timeout_ms)) fail("expected 0.1-3600 seconds");
    } else if (key == "body_timeout_s") {
      if (!parse_seconds(v, 100, 3600 * 1000, &s.body_timeout_ms)) fail("expected 0.1-3600 seconds");
    } else if (key == "write_timeout_s") {
      if (!parse_seconds(v, 100, 3600 * 1000, &s.write_timeout_ms)) fail("expected 0.1-3600 seconds");
    } else if (key == "max_connections") {
      if (parse_int(v, 1, 1000000, &n)) s.max_connections = static_cast<int>(n); else fail("expected 1-1000000 connections");
    } else if (key == "max_connections_per_client") {
      if (parse_int(v, 0, 1000000, &n)) s.max_connections_per_client = static_cast<int>(n); else fail("expected 0 (no cap) to 1000000 connections");
    } else if (key == "max_header_bytes") {
      if (parse_int(v, 1024, 1 << 20, &n)) s.max_header_bytes = static_cast<size_t>(n); else fail("expected 1024 bytes to 1 MiB");
    } else if (key == "rate_auth_failures") {
      if (!parse_rate(v, &s.rate_auth_failures)) fail("expected RATE/BURST (e.g. 0.2/10) or 0");
    } else if (key == "max_body_bytes") {
      if (parse_int(v, 64, int64_t(1) << 30, &n)) s.max_body_bytes = static_cast<size_t>(n); else fail("expected 64 bytes to 1 GiB");
    } else if (key == "max_text_chars") {
      if (parse_int(v, 1, 1000000, &n)) s.max_text_chars = static_cast<size_t>(n); else fail("expected 1-1000000 characters");
    } else if (key == "agent_tokens") {
      token_pairs(v, "agent", source, &s.agent_tokens);
    } else if (key == "admins") {
      token_pairs(v, "admin", source, &s.admin_tokens);
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
    } else if (key == "retention_days") {
      if (parse_int(v, 0, 36500, &n)) s.retention_days = static_cast<int>(n); else fail("expected 0-36500 days");
    } else if (key == "sse_heartbeat_s") {
      if (parse_int(v, 1, 3600, &n)) s.sse_heartbeat_s = static_cast<int>(n); else fail("expected 1-3600 seconds");
    }
  }

  // "name:token,name:token" into token -> name: tokens of >= 8 characters,
  // no name or token twice.
  void token_pairs(const std::string& v, const char* role, const std::string& source,
                   std::map<std::string, std::string>* out) {
    out->clear();
    std::set<std::string> names;
    for (const std::string& pair : split(v, ',')) {
      auto colon = pair.find(':');
      if (colon == std::string::npos || colon == 0 || colon + 1 == pair.size()) {
        errors.push_back(source + ": expected " + role + "_id:token pairs separated by commas");
        return;
      }
      std::string name = pair.substr(0, colon), token = pair.substr(colon + 1);
      if (token.size() < 8) {
        errors.push_back(source + ": the token of " + role + " \"" + name + "\" is shorter than 8 characters");
        return;
      }
      if (!names.insert(name).second || !out->emplace(token, name).second) {
        errors.push_back(source + ": " + role + " \"" + name + "\" or its token appears twice");
        return;
      }
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
      if ((k == "agent_tokens" || k == "admins") && value.is_object()) {  // {"name": "token"}
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
    for (const auto& [token, name] : s.admin_tokens) {
      if (s.agent_tokens.count(token) || token == s.admin_token) {
        errors.push_back("admins: the token of admin \"" + name + "\" must differ from every other token");
      }
    }
    // Default tokens are known to everyone: serve them on this machine only.
    std::vector<std::string> weak;
    for (const auto& [token, agent] : s.agent_tokens) {
      if (is_default_token(token)) weak.push_back("the token of agent \"" + agent + "\"");
    }
    if (is_default_token(s.admin_token)) weak.push_back("admin_token");
    for (const auto& [token, name] : s.admin_tokens) {
      if (is_default_token(token)) weak.push_back("the token of admin \"" + name + "\"");
    }
    if (!weak.empty()) {
      std::string which;
      for (const std::string& w : weak) which += (which.empty() ? "" : ", ") + w;
      if (!host_set) {
        s.host = "127.0.0.1";
        s.notices.push_back("default tokens (" + which + "): listening on 127.0.0.1 only; set your own "
                            "FAQBOT_AGENT_TOKENS and FAQBOT_ADMIN_TOKEN to serve other machines");
      } else if (!is_loopback(s.host)) {
        errors.push_back("host: refusing to listen on " + s.host + " with default tokens (" + which +
                         "); set your own FAQBOT_AGENT_TOKENS and FAQBOT_ADMIN_TOKEN, or listen on 127.0.0.1");
      }
    }
    for (const std::string& o : s.cors_origins) {
      if (o != "*" && o.rfind("http://", 0) != 0 && o.rfind("https://", 0) != 0) {
        errors.push_back("cors_origins: \"" + o + "\" is not * or an http(s):// origin");
      }
    }
  }
};

}  // namespace

bool is_default_token(const std::string& token) {
  if (token.empty()) return false;
  std::string t;
  for (char c : token) t += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const char* marker : {"change-me", "changeme", "change_me", "replace-me", "example", "default"}) {
    if (t.find(marker) != std::string::npos) return true;
  }
  for (const char* weak : {"password", "12345678", "123456789", "secret12", "admin123", "qwertyui"}) {
    if (t == weak) return true;
  }
  return false;
}

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
    out += "  " + std::string(k.flag) + (k.is_flag ? "" : " VALUE") + "  (" + k.env + ")\n      " + k.help + "\n";
  }
  out += "  --no-cache\n      build the index without a cache\n";
  return out;
}

}  // namespace faqbot::http
