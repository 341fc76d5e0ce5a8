#!/usr/bin/env bash
# Builds the sample graph in graphs/ukraine-summit/ and renders it: installs what is missing, builds
# kg, runs the whole pipeline on the sample article into a fresh database under the build folder,
# writes the extracted triples, exports DOT and JSON and renders SVG.
# Usage: scripts/sample-graph.sh   (KG_BUILD_DIR=DIR uses an already built DIR/bin/kg instead of
# building build/)
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ -z "${KG_BUILD_DIR:-}" ]]; then
  bash scripts/build.sh
fi
bdir=${KG_BUILD_DIR:-build}
kg=$bdir/bin/kg
out=graphs/ukraine-summit
db=$bdir/graphs/ukraine-summit.db
rm -rf "$db" && mkdir -p "$(dirname "$db")"
"$kg" build --db "$db" "$out/article.txt"
"$kg" extract "$out/article.txt" -o "$out/triples.jsonl"
"$kg" export --db "$db" --format dot -o "$out/graph.dot"
"$kg" export --db "$db" --format json -o "$out/graph.json"
"$kg" render --db "$db" -o "$out/graph.svg"
"$kg" stats --db "$db"
echo "rendered $out/graph.svg"
