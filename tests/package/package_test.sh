#!/usr/bin/env bash
# The Debian package end to end without a container: builds the .deb
# (scripts/package.sh), checks its control data, unpacks it into a scratch root
# (dpkg-deb -x), verifies the systemd unit against that root, and starts the
# unit's own ExecStart command (with the unit's Environment= and the packaged
# settings file) on a free loopback port and a temp data dir, as an
# unprivileged user when run as root; /healthz and /readyz must answer.
#
#   tests/package/package_test.sh BUILD_DIR
set -euo pipefail
root_src="$(cd "$(dirname "$0")/../.." && pwd)"
build="$(cd "${1:?usage: $0 BUILD_DIR}" && pwd)"
fail() { echo "FAIL: $*" >&2; exit 1; }

deb="$("$root_src/scripts/package.sh" "$build")"
[[ "$(basename "$deb")" =~ ^faqbot_[0-9][0-9.]*_amd64\.deb$ ]] || fail "unexpected package name $deb"

scratch="$(mktemp -d /tmp/faqbot-pkg-XXXXXX)"
pid=""
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$scratch"
}
trap cleanup EXIT
chmod 0755 "$scratch"
root="$scratch/root"
dpkg-deb -x "$deb" "$root"
dpkg-deb -e "$deb" "$scratch/control"

# Control data: dependencies found by dpkg-shlibdeps plus the data packages,
# every file under /etc a conffile, maintainer scripts that parse.
depends="$(dpkg-deb -f "$deb" Depends)"
for need in adduser libopencc-data unicode-data libsqlite3-0 libpq5 libc6; do
  grep -q "\b$need\b" <<<"$depends" || fail "Depends lacks $need: $depends"
done
(cd "$root" && find etc -type f | sed 's|^|/|' | sort) >"$scratch/etc_files"
sort "$scratch/control/conffiles" | diff -u "$scratch/etc_files" - || fail "conffiles differ from the files under /etc"
for script in postinst prerm postrm; do
  sh -n "$scratch/control/$script" || fail "$script does not parse"
done
grep -q "adduser --system" "$scratch/control/postinst" || fail "postinst creates no system user"
[ "$(stat -c %a "$root/etc/faqbot/faqbot.env")" = 640 ] || fail "faqbot.env is not 0640"
[ -d "$root/var/lib/faqbot" ] || fail "no /var/lib/faqbot"
[ -x "$root/usr/bin/faqbot" ] || fail "no /usr/bin/faqbot"

# The unit: hardening directives present, and systemd itself accepts the file
# (any warning, e.g. an unknown key, fails).
unit="$root/lib/systemd/system/faqbot.service"
for directive in "User=faqbot" "ProtectSystem=strict" "ReadWritePaths=/var/lib/faqbot" \
                 "NoNewPrivileges=true" "Restart=on-failure" "PrivateTmp=true" "CapabilityBoundingSet=" \
                 "EnvironmentFile=-/etc/faqbot/faqbot.env"; do
  grep -qx "$directive" "$unit" || fail "unit lacks $directive"
done
if command -v systemd-analyze >/dev/null; then
  mkdir -p "$root/usr/lib/systemd"
  ln -s /lib/systemd/system "$root/usr/lib/systemd/system"  # sysinit.target & co. for the check
  verify="$(systemd-analyze verify --man=no --root="$root" "$unit" 2>&1)" || fail "systemd-analyze: $verify"
  [ -z "$verify" ] || fail "systemd-analyze warns: $verify"
  rm "$root/usr/lib/systemd/system"
fi

# `faqbot serve --help` of the packaged binary documents every setting the
# packaged settings file mentions, each with a default in brackets.
help="$("$root/usr/bin/faqbot" serve --help)"
for var in $(grep -o 'FAQBOT_[A-Z_]*' "$root/etc/faqbot/faqbot.env" "$unit" | cut -d: -f2 | sort -u); do
  grep -q "($var)" <<<"$help" || fail "serve --help does not list $var"
done
options="$(grep -c '^  --' <<<"$help")"
defaults="$(grep -c '\[.*\]$' <<<"$help")"
[ "$options" -ge 30 ] && [ "$defaults" -ge "$((options - 2))" ] || fail "help lists $options options, $defaults with defaults"

# Start the unit's ExecStart the way systemd would: the unit's Environment=,
# then its EnvironmentFile; paths moved into the scratch root, the port and
# the data dir replaced by test ones.
exec_start="$(sed -n 's/^ExecStart=//p' "$unit")"
[ "${exec_start%% *}" = /usr/bin/faqbot ] || fail "ExecStart runs ${exec_start%% *}"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')"
data="$scratch/data"
mkdir -p "$data"
env_args=()
for assignment in $(sed -n 's/^Environment=//p' "$unit"); do env_args+=("$assignment"); done
while IFS= read -r line; do
  case "$line" in ''|'#'*) continue ;; *=*) env_args+=("$line") ;; esac
done <"$root/etc/faqbot/faqbot.env"
env_args+=("FAQBOT_CONFIG_DIR=$root/etc/faqbot" "FAQBOT_DATA_DIR=$data" "FAQBOT_PORT=$port")
run_as=()
if [ "$(id -u)" -eq 0 ]; then
  # Like User=faqbot with ProtectSystem=strict: only the data dir is writable.
  chown -R nobody:nogroup "$data"
  run_as=(setpriv --reuid=nobody --regid=nogroup --clear-groups --no-new-privs)
fi
# shellcheck disable=SC2086  # ExecStart's arguments split like systemd does
env -i PATH=/usr/bin:/bin "${env_args[@]}" "${run_as[@]}" "$root"${exec_start} >"$scratch/serve.log" 2>&1 &
pid=$!
ready=0
for _ in $(seq 1 600); do
  if curl -sf "http://127.0.0.1:$port/readyz" >/dev/null 2>&1; then ready=1; break; fi
  kill -0 "$pid" 2>/dev/null || { cat "$scratch/serve.log" >&2; fail "the unit's command exited"; }
  sleep 0.1
done
[ "$ready" = 1 ] || { cat "$scratch/serve.log" >&2; fail "not ready within 60 s"; }
health="$(curl -sf "http://127.0.0.1:$port/healthz")" || fail "/healthz failed"
answer="$(curl -sf -H 'Content-Type: application/json' -d '{"text":"提现多久到账"}' "http://127.0.0.1:$port/v1/chat")" \
  || fail "/v1/chat failed"
grep -q '"session_id"' <<<"$answer" || fail "no session in $answer"
[ -n "$(find "$data" -maxdepth 1 -name '*.db*' -o -maxdepth 1 -name 'index-cache')" ] || fail "nothing written to the data dir"
kill -TERM "$pid"
wait "$pid" || fail "faqbot serve did not stop cleanly on SIGTERM"
pid=""
echo "package ok: $(basename "$deb"), $(du -h "$deb" | cut -f1), healthz $health"
