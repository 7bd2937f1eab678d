#!/usr/bin/env bash
# Builds the unit and loopback tests with AddressSanitizer and
# UndefinedBehaviorSanitizer (g++, -O1) into build-asan/ and runs them.
# Any sanitizer report fails the test that triggered it (halt_on_error).
# Left out: the browser test (Chromium drives an unsanitized page) and the
# kill -9 durability test (it kills the server on purpose).
# Usage: scripts/sanitize.sh [extra ctest arguments]
set -euo pipefail
cd "$(dirname "$0")/.."

jobs=$(nproc)
[ "$jobs" -gt 2 ] || jobs=2
flags="-O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=undefined"
launcher=()
command -v ccache >/dev/null 2>&1 && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)

start=$(date +%s)
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DFAQBOT_BUILD_TESTS=ON \
  -DCMAKE_CXX_FLAGS="$flags" -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" \
  "${launcher[@]}" >/dev/null
cmake --build build-asan -j"$jobs"
built=$(date +%s)

export ASAN_OPTIONS="halt_on_error=1:detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=1"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
cd build-asan
status=0
ctest --output-on-failure -j"$jobs" --timeout 600 -E '^browser|kill9' "$@" || status=$?
end=$(date +%s)
echo "sanitize.sh: build $((built - start)) s, tests $((end - built)) s, status $status"
exit $status
