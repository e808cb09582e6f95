#!/usr/bin/env bash
# The whole test suite: set up (packages, configure, build), fetch test footage, run ctest.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${CINEGRADE_BUILD_DIR:-$root/build}
"$root/tools/setup.sh"
"$root/tools/fetch-test-media.sh" || true
cd "$build"
QT_QPA_PLATFORM=offscreen ctest --output-on-failure -j "$(nproc)" "$@"
