#!/usr/bin/env bash
# Load benchmark of the HTTP service: wrk on POST /v1/chat (engine + SQLite
# store on) and, in the same run, on GET /healthz (the transport ceiling).
#
#   tests/bench/http_bench.sh [BUILD_DIR]
#
# Environment: CONNECTIONS (32), THREADS (2 wrk threads), DURATION (10s),
# FAQBOT_CONFIG_DIR (config/), SERVER_THREADS (64 worker threads).
# Starts `faqbot serve` on a free loopback port with a temporary data dir,
# rate limits off; prints both results and their ratio.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
build="${1:-$root/build}"
bin="$build/faqbot"
[ -x "$bin" ] || { echo "no $bin: build first (scripts/build.sh)" >&2; exit 1; }
command -v wrk >/dev/null || { echo "wrk is not installed" >&2; exit 1; }

connections="${CONNECTIONS:-32}"
wrk_threads="${THREADS:-2}"
duration="${DURATION:-10s}"
config="${FAQBOT_CONFIG_DIR:-$root/config}"
data="$(mktemp -d /tmp/faqbot-bench-XXXXXX)"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')"
log="$data/serve.log"

cleanup() {
  [ -n "${pid:-}" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
  rm -rf "$data"
}
trap cleanup EXIT

FAQBOT_ADMIN_TOKEN=bench-admin-token FAQBOT_RATE_CLIENT=0 FAQBOT_RATE_SESSION=0 FAQBOT_THREADS="${SERVER_THREADS:-64}" \
  "$bin" serve --host 127.0.0.1 --port "$port" --data-dir "$data" --config "$config" >"$log" 2>&1 &
pid=$!
for _ in $(seq 1 600); do
  if curl -sf "http://127.0.0.1:$port/readyz" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$pid" 2>/dev/null; then cat "$log" >&2; exit 1; fi
  sleep 0.1
done
curl -sf "http://127.0.0.1:$port/readyz" >/dev/null || { echo "server not ready" >&2; cat "$log" >&2; exit 1; }

# Warm-up, then the two measured runs.
wrk -t"$wrk_threads" -c"$connections" -d2s -s "$here/http_chat.lua" "http://127.0.0.1:$port/v1/chat" >/dev/null
# Server CPU (user+system, clock ticks) from /proc: CPU per request is
# steadier than requests/s on a machine shared with other work.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
ticks_per_s="$(getconf CLK_TCK)"
echo "== POST /v1/chat ($connections connections, $duration)"
chat_cpu0="$(cpu_ticks)"
chat_out="$(wrk -t"$wrk_threads" -c"$connections" -d"$duration" --latency -s "$here/http_chat.lua" "http://127.0.0.1:$port/v1/chat")"
chat_cpu1="$(cpu_ticks)"
echo "$chat_out"
echo "== GET /healthz ($connections connections, $duration)"
health_cpu0="$(cpu_ticks)"
health_out="$(wrk -t"$wrk_threads" -c"$connections" -d"$duration" --latency "http://127.0.0.1:$port/healthz")"
health_cpu1="$(cpu_ticks)"
echo "$health_out"

rps() { echo "$1" | awk '/Requests\/sec/ {print $2}'; }
p50() { echo "$1" | awk '$1=="50%" {print $2}'; }
total() { echo "$1" | awk '/requests in/ {print $1}'; }
cpu_us() { awk -v a="$1" -v b="$2" -v n="$3" -v t="$ticks_per_s" 'BEGIN { if (n > 0) printf "%.0f", (b - a) * 1e6 / t / n; else print "?" }'; }
p99() { echo "$1" | awk '$1=="99%" {print $2}'; }
errors() { echo "$1" | awk '/Non-2xx/ {print $5} /Socket errors/ {print}' ; }
chat_rps="$(rps "$chat_out")"; health_rps="$(rps "$health_out")"
echo "== summary"
echo "chat:    $chat_rps req/s, p50 $(p50 "$chat_out"), p99 $(p99 "$chat_out"), server CPU $(cpu_us "$chat_cpu0" "$chat_cpu1" "$(total "$chat_out")") us/request $(errors "$chat_out")"
echo "healthz: $health_rps req/s, p50 $(p50 "$health_out"), p99 $(p99 "$health_out"), server CPU $(cpu_us "$health_cpu0" "$health_cpu1" "$(total "$health_out")") us/request $(errors "$health_out")"
awk -v c="$chat_rps" -v h="$health_rps" 'BEGIN { printf "ratio chat/healthz: %.2f\n", c / h }'
msgs="$(curl -s -H "Authorization: Bearer bench-admin-token" "http://127.0.0.1:$port/metrics" | awk '/^faqbot_answers_total/ {s += $2} END {print s}')"
echo "bot replies stored during the run (faqbot_answers_total): $msgs"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
