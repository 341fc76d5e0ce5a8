#!/usr/bin/env bash
# Builds (installing what is missing) and runs the whole test suite through CTest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
ctest --test-dir "${KG_BUILD_DIR:-build}" --output-on-failure -j"$(nproc)"
