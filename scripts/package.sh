#!/usr/bin/env bash
# Builds the Debian package build/faqbot_<version>_amd64.deb (cpack's DEB
# generator over the install rules of packaging/CMakeLists.txt) and prints its
# path. Uses an existing build/ (configured by scripts/build.sh or faqbot_build)
# or configures a Release one; only the faqbot executable is (re)built.
#
#   scripts/package.sh [BUILD_DIR]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-$root/build}"
command -v dpkg-shlibdeps >/dev/null || { echo "dpkg-shlibdeps missing (apt-get install dpkg-dev)" >&2; exit 1; }

if [ ! -f "$build/CMakeCache.txt" ]; then
  cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DFAQBOT_BUILD_TESTS=OFF >/dev/null
fi
cmake --build "$build" --target faqbot -j"${JOBS:-2}" >/dev/null

# cpack stages the install tree under build/_CPack_Packages (its "preinstall"
# step builds any out-of-date target first) and writes the .deb beside it.
version="$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' "$build/CMakeCache.txt")"
(cd "$build" && cpack -G DEB >"$build/cpack.log" 2>&1) || { cat "$build/cpack.log" >&2; exit 1; }
deb="$build/faqbot_${version}_$(dpkg --print-architecture).deb"
[ -f "$deb" ] || { echo "cpack did not write $deb" >&2; cat "$build/cpack.log" >&2; exit 1; }
echo "$deb"
