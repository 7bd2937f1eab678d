#!/usr/bin/env bash
# Starts / stops a throwaway PostgreSQL server for the store tests.
#
#   pg_test_server.sh start STATE_DIR   # prints the URL, writes STATE_DIR/url
#   pg_test_server.sh stop  STATE_DIR
#
# The cluster lives in a fresh temp dir (mktemp), listens on 127.0.0.1 on a
# free port (a random port is tried, another one if it is taken) and on a
# unix socket inside the temp dir; trust authentication for the local user
# "faqbot". As root, initdb and the server run as the "postgres" user (initdb
# refuses root). Needs Debian's postgresql package (PG_BIN overrides where
# initdb/pg_ctl are, default /usr/lib/postgresql/<newest>/bin).
set -euo pipefail

cmd="${1:-}"
state="${2:-}"
[ -n "$cmd" ] && [ -n "$state" ] || { echo "usage: $0 start|stop STATE_DIR" >&2; exit 2; }

find_bin() {
  if [ -n "${PG_BIN:-}" ]; then echo "$PG_BIN"; return; fi
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  [ -n "$d" ] && [ -x "$d/initdb" ] || { echo "PostgreSQL server binaries not found (apt-get install postgresql)" >&2; exit 1; }
  echo "$d"
}

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

stop() {
  [ -f "$state/dir" ] || return 0
  local dir bin
  dir=$(cat "$state/dir")
  bin=$(find_bin)
  if [ -f "$dir/data/postmaster.pid" ]; then
    as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
  rm -f "$state/dir" "$state/url"
}

start() {
  local bin dir port url
  bin=$(find_bin)
  stop  # a leftover from an interrupted run
  mkdir -p "$state"
  # /tmp, not $TMPDIR: the postgres user must be able to reach the directory.
  dir=$(mktemp -d "${FAQBOT_PG_TMPDIR:-/tmp}/faqbot-pg-XXXXXX")
  echo "$dir" > "$state/dir"
  if [ "$(id -u)" -eq 0 ]; then chown postgres: "$dir"; fi
  as_owner "$bin/initdb" -D "$dir/data" -U faqbot --auth=trust -E UTF8 --no-locale \
    >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
  for _ in 1 2 3 4 5 6 7 8 9 10; do
    port=$(( 20000 + RANDOM % 40000 ))
    # fsync stays on: the tests check durability semantics, not speed.
    if as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
         -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=200" \
         start >/dev/null 2>&1; then
      url="postgresql://faqbot@127.0.0.1:$port/postgres"
      echo "$url" > "$state/url"
      echo "$url"
      return 0
    fi
    # Port taken (or another failure): look at the log, try another port.
    grep -q "could not bind\|Address already in use" "$dir/server.log" 2>/dev/null || break
  done
  echo "PostgreSQL did not start; log:" >&2
  cat "$dir/server.log" >&2 || true
  exit 1
}

case "$cmd" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop STATE_DIR" >&2; exit 2 ;;
esac
