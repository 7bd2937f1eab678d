#!/usr/bin/env bash
# The soak: `faqbot serve` on SQLite, then on PostgreSQL (a temp cluster), each
# MINUTES (10) at half its measured chat capacity; resident memory and p99
# sampled every 10 s, drawn to build/soak.png (gnuplot), the samples in
# build/soak_<backend>.tsv. Exit 0 when no request failed and memory did not
# grow beyond warm-up (tests/deploy/soak.py).
#
#   scripts/soak.sh [MINUTES] [BUILD_DIR]      BACKENDS="sqlite postgresql"
#
# Ends with one line: RSS and p99 at start and end for each backend.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
minutes="${1:-10}"
build="${2:-$root/build}"
[ -x "$build/faqbot" ] || { echo "no $build/faqbot: build first (scripts/build.sh)" >&2; exit 1; }
for tool in wrk gnuplot psql; do
  command -v "$tool" >/dev/null || { echo "$tool is not installed (scripts/setup.sh --test)" >&2; exit 1; }
done
# shellcheck disable=SC2086
exec /usr/bin/python3 "$root/tests/deploy/soak.py" "$build/faqbot" "${FAQBOT_CONFIG_DIR:-$root/config}" \
  "$build" "$minutes" ${BACKENDS:-sqlite postgresql}
