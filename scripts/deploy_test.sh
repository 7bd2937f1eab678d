#!/usr/bin/env bash
# The deployment test: Debian's PostgreSQL (initdb/pg_ctl in a temp dir),
# REPLICAS `faqbot serve` replicas (3) and Debian's nginx on loopback as the
# load balancer; chat load through nginx with 1 and with all replicas, kill -9
# of one replica mid-load, state across replicas (follow-ups, numbered choices,
# claims, agent replies by poll and event stream, knowledge-base reload).
# The checks are in tests/deploy/deploy_check.py.
#
#   scripts/deploy_test.sh [BUILD_DIR]     LOAD_SECONDS (5), REPLICAS (3), KEEP=1 keeps the temp dir
#
# Ends with: replicas R, acknowledged A, lost L, throughput 1 replica X req/s, R replicas Y req/s
# Exit 0 only when every check held.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-$root/build}"
[ -x "$build/faqbot" ] || { echo "no $build/faqbot: build first (scripts/build.sh)" >&2; exit 1; }
for tool in nginx wrk psql; do
  command -v "$tool" >/dev/null || { echo "$tool is not installed (scripts/setup.sh --test)" >&2; exit 1; }
done
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || { echo "PostgreSQL is not installed (scripts/setup.sh --test)" >&2; exit 1; }
keep=()
[ "${KEEP:-0}" = 1 ] && keep=(--keep)
exec /usr/bin/python3 "$root/tests/deploy/deploy_check.py" "$build/faqbot" "${FAQBOT_CONFIG_DIR:-$root/config}" \
  --replicas "${REPLICAS:-3}" --load-seconds "${LOAD_SECONDS:-5}" "${keep[@]}"
