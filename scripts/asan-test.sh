#!/usr/bin/env bash
# Builds the unit tests with AddressSanitizer + UndefinedBehaviorSanitizer (GCC, -O1, in
# build-asan/ or $KG_ASAN_BUILD_DIR) and runs them; any report fails the run. The Debian RocksDB
# and Protobuf libraries are not instrumented. Test cases tagged [data] (training on the UD/NER
# corpora) are left out: they take minutes under the sanitizers and the same code is covered by
# the small training tests. Extra arguments go to ctest (e.g. -R 'text: ').
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
dir=${KG_ASAN_BUILD_DIR:-build-asan}
jobs=$(nproc)
start=$(date +%s)
cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g" \
  -DKG_SANITIZE=ON -DKG_SKIP_DATA_TESTS=ON >/dev/null
cmake --build "$dir" -j"$jobs"
built=$(date +%s)
export ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1:check_initialization_order=1:strict_init_order=1:detect_stack_use_after_return=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
ctest --test-dir "$dir" --output-on-failure -j"$jobs" "$@"
done_=$(date +%s)
echo "asan-test: build $((built - start)) s, tests $((done_ - built)) s"
