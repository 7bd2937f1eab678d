#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz (clang, ASan+UBSan) into
# build-fuzz/ and runs each one in turn for a bounded time on one core.
#   seeds (read only)        tests/fuzz/corpus/<target>/
#   corpus it grows (kept)   build-fuzz/corpus/<target>/
#   crash, leak, timeout     tests/fuzz/regressions/<target>/ (replayed by
#                            fuzz_replay_tests once the bug is fixed)
# Prints one line per target: executions, exec/s, corpus size, crashes.
# Usage: scripts/fuzz.sh [SECONDS_PER_TARGET (60)] [TARGET…]
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-60}
[ $# -gt 0 ] && shift
scripts/setup.sh --fuzz
launcher=()
command -v ccache >/dev/null 2>&1 && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake -S . -B build-fuzz -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DFAQBOT_BUILD_TESTS=OFF -DFAQBOT_FUZZ=ON "${launcher[@]}" >/dev/null
cmake --build build-fuzz -j2 --target fuzz_all

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for bin in build-fuzz/tests/fuzz/fuzz_*; do targets+=("$(basename "$bin" | sed 's/^fuzz_//')"); done
fi

export ASAN_OPTIONS="detect_leaks=1:allocator_may_return_null=1"
export UBSAN_OPTIONS="print_stacktrace=1"
results=()
status=0
for t in "${targets[@]}"; do
  corpus=build-fuzz/corpus/$t
  crashes=tests/fuzz/regressions/$t
  log=build-fuzz/logs/$t.log
  mkdir -p "$corpus" "$crashes" build-fuzz/logs
  before=$(find "$crashes" -type f | wc -l)
  echo "fuzz.sh: $t for ${seconds} s" >&2
  "build-fuzz/tests/fuzz/fuzz_$t" "$corpus" "tests/fuzz/corpus/$t" \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$crashes/" >"$log" 2>&1 || true
  found=$(( $(find "$crashes" -type f | wc -l) - before ))
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  size=$(find "$corpus" -type f | wc -l)
  [ "$found" -gt 0 ] && status=1
  results+=("$(printf '%-16s %12s %8s %8s %8s' "$t" "${runs:-?}" "${rate:-?}" "$size" "$found")")
done

printf '%-16s %12s %8s %8s %8s\n' target executions exec/s corpus crashes
printf '%s\n' "${results[@]}"
[ "$status" -eq 0 ] || echo "fuzz.sh: crash inputs saved under tests/fuzz/regressions/ (logs in build-fuzz/logs/)" >&2
exit $status
