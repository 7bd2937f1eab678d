#pragma once
// The settings of `faqbot serve`, layered once at start-up:
//   built-in defaults < <config dir>/settings.json "server" section
//   < environment (FAQBOT_*) < command line,
// then validated as a whole; every problem is reported with its source
// ("FAQBOT_PORT: …", "--threads: …", "settings.json server.port: …").
//
// Keys (file key / environment / command line):
//   port               FAQBOT_PORT               --port          (8080; 0 = any free port)
//   host               FAQBOT_HOST               --host          ("0.0.0.0")
//   data_dir           FAQBOT_DATA_DIR           --data-dir      ("data")
//   config_dir         FAQBOT_CONFIG_DIR         --config        ("config"; not in the file)
//   store              FAQBOT_STORE              --store         ("" = SQLite in data_dir; or postgresql://…)
//   cache_dir          FAQBOT_CACHE_DIR          --cache / --no-cache ("" = <data_dir>/index-cache)
//   threads            FAQBOT_THREADS            --threads       (64: worker threads = requests handled at once)
//   keep_alive_max     FAQBOT_KEEP_ALIVE_MAX     --keep-alive-max (100000 requests per connection)
//   keep_alive_timeout_s, header_timeout_s, body_timeout_s, write_timeout_s
//                      FAQBOT_…_S                --…-s           (5, 10, 30, 10 seconds; decimals allowed)
//   max_connections    FAQBOT_MAX_CONNECTIONS    --max-connections (10000)
//   max_connections_per_client FAQBOT_MAX_CONNECTIONS_PER_CLIENT --max-connections-per-client (64; 0 = no cap)
//   max_body_bytes     FAQBOT_MAX_BODY_BYTES     --max-body-bytes (1048576)
//   max_header_bytes   FAQBOT_MAX_HEADER_BYTES   --max-header-bytes (16384)
//   rate_auth_failures FAQBOT_RATE_AUTH_FAILURES --rate-auth-failures ("0.2/10" failed token checks per address)
//   max_text_chars     FAQBOT_MAX_TEXT_CHARS     --max-text-chars (2000)
//   agent_tokens       FAQBOT_AGENT_TOKENS       --agent-tokens  ("agent_id:token,agent_id:token")
//   admin_token        FAQBOT_ADMIN_TOKEN        --admin-token   (the admin named "admin")
//   admins             FAQBOT_ADMINS             --admins        ("name:token,name:token": named admins)
//   cors_origins       FAQBOT_CORS_ORIGINS       --cors-origins  ("" = no CORS; "*" or "https://a,https://b")
//   rate_session       FAQBOT_RATE_SESSION       --rate-session  ("1/5": 1 message/s, burst 5; "0" = off)
//   rate_client        FAQBOT_RATE_CLIENT        --rate-client   ("20/40" per client address; "0" = off)
//   trust_forwarded_for FAQBOT_TRUST_FORWARDED_FOR --trust-forwarded-for (false)
//   service_hours      FAQBOT_SERVICE_HOURS      --service-hours ("09:00-21:00")
//   utc_offset         FAQBOT_UTC_OFFSET         --utc-offset    ("+08:00")
//   no_claim_timeout_s FAQBOT_NO_CLAIM_TIMEOUT_S --no-claim-timeout-s (120)
//   callback_minutes   FAQBOT_CALLBACK_MINUTES   --callback-minutes (30)
//   quick_replies      FAQBOT_QUICK_REPLIES ('|'-separated) — file: array of strings
//   sync_every_commit  FAQBOT_SYNC_EVERY_COMMIT  --sync-every-commit (false)
//   sse_heartbeat_s    FAQBOT_SSE_HEARTBEAT_S    --sse-heartbeat-s (15)
//   retention_days     FAQBOT_RETENTION_DAYS     --retention-days (0 = keep; else erase idle sessions
//                      and processed webhook ids older than that, hourly)
// With a default token (is_default_token) the host becomes 127.0.0.1 unless
// one was given; a given host other than loopback is then an error.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "knowledge/status.h"

namespace faqbot::http {

struct RateLimit {
  double per_second = 0;  // refill rate; 0 = no limit
  double burst = 0;       // bucket size
  bool enabled() const { return per_second > 0; }
};

struct Settings {
  std::string host = "0.0.0.0";
  int port = 8080;
  std::string data_dir = "data";
  std::string config_dir = "config";
  std::string store;
  std::string cache_dir;
  bool no_cache = false;
  int threads = 64;
  int keep_alive_max = 100000;
  int keep_alive_timeout_ms = 5000;
  int header_timeout_ms = 10000;
  int body_timeout_ms = 30000;
  int write_timeout_ms = 10000;
  int max_connections = 10000;
  int max_connections_per_client = 64;  // 0 = no cap
  size_t max_body_bytes = 1024 * 1024;
  size_t max_header_bytes = 16 * 1024;
  size_t max_text_chars = 2000;
  std::map<std::string, std::string> agent_tokens;  // token -> agent id
  std::string admin_token;                          // acts as the admin "admin"
  std::map<std::string, std::string> admin_tokens;  // token -> admin name (FAQBOT_ADMINS)
  std::vector<std::string> cors_origins;
  RateLimit rate_session{1, 5};
  RateLimit rate_client{20, 40};
  RateLimit rate_auth_failures{0.2, 10};  // failed token checks per client address
  bool trust_forwarded_for = false;
  std::string service_hours = "09:00-21:00";
  int utc_offset_minutes = 8 * 60;
  int64_t no_claim_timeout_s = 120;
  int64_t callback_minutes = 30;
  std::vector<std::string> quick_replies;
  bool sync_every_commit = false;
  int sse_heartbeat_s = 15;
  int retention_days = 0;  // 0 = keep personal data; N = erase what is idle for N days
  // Said once at start (e.g. the host was narrowed to 127.0.0.1).
  std::vector<std::string> notices;

  std::string store_location() const { return store.empty() ? data_dir : store; }
  std::string index_cache_dir() const {
    return no_cache ? std::string() : (cache_dir.empty() ? data_dir + "/index-cache" : cache_dir);
  }
};

using Getenv = std::function<const char*(const char*)>;

// Layers and validates. kInvalidArgument with one line per problem.
// `--help` is not handled here (see serve.cpp).
Result<Settings> load_settings(const std::vector<std::string>& args, const Getenv& getenv);

// A token everyone knows: "change-me" (scripts/run.sh), "…example…",
// "default", or a classic weak password.
bool is_default_token(const std::string& token);

// The same but from the process environment.
Result<Settings> load_settings(const std::vector<std::string>& args);

// The usage text of `faqbot serve`.
std::string settings_usage();

}  // namespace faqbot::http
