#!/usr/bin/env bash
# Installs faqbot's build and test dependencies from Debian 12's packages.
# Idempotent: packages already present are skipped by apt-get.
# Usage: scripts/setup.sh [--test] [--fuzz]
#   --test adds what the test suite needs; --fuzz adds clang with libFuzzer
#   and its OpenMP runtime for scripts/fuzz.sh (the suite itself uses g++).
set -euo pipefail

want_test=0 want_fuzz=0
for arg in "$@"; do
  case "$arg" in
    --test) want_test=1 ;;
    --fuzz) want_fuzz=1 ;;
    *) echo "usage: $0 [--test] [--fuzz]" >&2; exit 2 ;;
  esac
done

runtime_pkgs=(
  build-essential cmake pkg-config git ca-certificates
  libfaiss-dev libopenblas0-openmp libsentencepiece-dev sentencepiece
  nlohmann-json3-dev libopencc-dev opencc libsqlite3-dev libpq-dev
  libcpp-httplib-dev libssl-dev zlib1g-dev libbrotli-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  unicode-data libbz2-dev libxlsxwriter-dev xlsx2csv
)
test_pkgs=(postgresql nginx-light gnuplot-nox chromium chromium-driver fonts-wqy-microhei wrk python3-sklearn python3-numpy)
fuzz_pkgs=(clang libclang-rt-14-dev libomp-dev)

pkgs=("${runtime_pkgs[@]}")
if [ "$want_test" = 1 ]; then
  pkgs+=("${test_pkgs[@]}")
  # Node.js may already come from elsewhere (this image ships its own npm);
  # only a machine without it takes Debian's.
  command -v npm >/dev/null 2>&1 || pkgs+=(nodejs npm)
fi
[ "$want_fuzz" = 1 ] && pkgs+=("${fuzz_pkgs[@]}")

missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
