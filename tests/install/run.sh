#!/usr/bin/env bash
# The install test: `cmake --install` of the build tree into a fresh prefix, then an outside CMake
# project with find_package(kg CONFIG REQUIRED) builds the README's example program (its ```cpp
# block, taken from README.md as it is) against the installed tree, and runs it on a database
# that the installed `kg build` made from the sample article.
# Usage: run.sh SOURCE_DIR BUILD_DIR WORK_DIR
set -euo pipefail
src=$1 build=$2 work=$3
rm -rf "$work" && mkdir -p "$work"
prefix=$work/prefix
cmake --install "$build" --prefix "$prefix" >"$work/install.log"
test -x "$prefix/bin/kg" && test -f "$prefix/share/kg/models/parser.bin"
test -f "$prefix/include/kg/store/store.h" && test -f "$prefix/lib/cmake/kg/kgConfig.cmake"
# Only the public headers are installed.
test ! -e "$prefix/include/kg/store/rocks_store.h" && test ! -e "$prefix/include/kg/pipeline/name_linker.h"

awk '/^```cpp$/ {on = 1; next} /^```$/ {on = 0} on' "$src/README.md" >"$work/example.cc"
grep -q "int main" "$work/example.cc"
cmake -S "$src/tests/install/example" -B "$work/example-build" -DCMAKE_PREFIX_PATH="$prefix" \
  -DEXAMPLE_SOURCE="$work/example.cc" -DCMAKE_BUILD_TYPE=Release >"$work/configure.log"
cmake --build "$work/example-build" >"$work/build.log"

# The installed tool finds the installed models by itself (no KG_MODELS).
env -u KG_MODELS "$prefix/bin/kg" build --db "$work/db" "$src/graphs/ukraine-summit/article.txt" \
  >"$work/kg-build.log"
"$work/example-build/example" "$work/db" "Joe Biden" "$prefix/share/kg/models" >"$work/out.txt"
cat "$work/out.txt"
# Neighbours of Joe Biden from the database, then the facts of the example sentence.
grep -q "^Joe Biden -\[agree to hold\]- summit$" "$work/out.txt"
grep -q "^Joe Biden -\[discuss with\]- Emmanuel Macron$" "$work/out.txt"
if LC_ALL=C grep -q "[^[:print:]]" "$work/out.txt"; then echo "unprintable output" >&2; exit 1; fi
grep -q "^Joe Biden - meet - Vladimir Putin$" "$work/out.txt"
echo "install test: ok"
