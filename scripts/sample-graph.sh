#!/usr/bin/env bash
# Builds the sample graph in graphs/ukraine-summit/ and renders it: installs what is missing, builds
# kg, runs the whole pipeline on the sample article into a fresh database under build/, writes the
# extracted triples, exports DOT and JSON and renders SVG.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
kg=build/bin/kg
out=graphs/ukraine-summit
db=build/graphs/ukraine-summit.db
rm -rf "$db" && mkdir -p "$(dirname "$db")"
"$kg" build --db "$db" "$out/article.txt"
"$kg" extract "$out/article.txt" -o "$out/triples.jsonl"
"$kg" export --db "$db" --format dot -o "$out/graph.dot"
"$kg" export --db "$db" --format json -o "$out/graph.json"
"$kg" render --db "$db" -o "$out/graph.svg"
"$kg" stats --db "$db"
echo "rendered $out/graph.svg"
