#!/usr/bin/env bash
# Configures and builds faqbot into build/ (build/faqbot is the executable).
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release "$@"
cmake --build build -j"$(nproc)"
