#!/usr/bin/env bash
# Installs missing Debian packages, then configures and builds Release into build/ (or $KG_BUILD_DIR).
# The tool lands at build/bin/kg. Extra arguments go to CMake's configure step.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
dir=${KG_BUILD_DIR:-build}
cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=${KG_BUILD_TYPE:-Release} "$@" >/dev/null
cmake --build "$dir" -j"$(nproc)"
