#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine, builds faqbot with its tests and runs the
# whole suite (unit, integration over loopback, PostgreSQL, browser).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
if [ -f tests/browser/package-lock.json ]; then
  (cd tests/browser && npm ci --no-audit --no-fund --loglevel=error)
fi
scripts/build.sh -DFAQBOT_BUILD_TESTS=ON
cd build
ctest --output-on-failure --timeout 900 "$@"
