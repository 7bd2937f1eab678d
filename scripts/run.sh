#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine, builds faqbot and runs it on the default
# knowledge base in config/: the HTTP service (demo page with the chat widget
# at http://localhost:${FAQBOT_PORT:-8080}/, agent console at /agent).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh -DFAQBOT_BUILD_TESTS=OFF
export FAQBOT_AGENT_TOKENS="${FAQBOT_AGENT_TOKENS:-agent1:change-me}"
export FAQBOT_ADMIN_TOKEN="${FAQBOT_ADMIN_TOKEN:-admin-change-me}"
if build/faqbot --help 2>&1 | grep -q '^  serve'; then
  exec build/faqbot serve "$@"
fi
exec build/faqbot chat "$@"
