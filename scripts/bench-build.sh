#!/usr/bin/env bash
# End-to-end speed of `kg build` (tokenize, tag, parse, NER, extract, store) on a corpus of a few
# thousand news-like documents, and of extraction alone.
# The corpus: the raw sentences of UD English-EWT and GUM (train/dev/test, "# text =" lines) in
# order, joined into documents of $SENTS_PER_DOC sentences (default 8), written as JSONL.
# Prints words/s of wall time and of CPU time (user+sys), peak RSS, then runs
# scripts/bench-extract.sh (extraction alone, one thread, gold parses).
# Usage: scripts/bench-build.sh [THREADS]   (uses $KG_BUILD_DIR/bin/kg, default build/bin/kg)
set -euo pipefail
cd "$(dirname "$0")/.."
data=${KG_SHARED_DATA:-../shared/data}
kg=${KG_BUILD_DIR:-build}/bin/kg
threads=${1:-2}
per_doc=${SENTS_PER_DOC:-8}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

cat "$data"/ud/en_ewt/*.conllu "$data"/ud/en_gum/*.conllu |
  python3 -c '
import json, sys
per_doc = int(sys.argv[1])
sents = [l[9:].strip() for l in sys.stdin if l.startswith("# text = ")]
words = 0
for d in range(0, len(sents), per_doc):
    text = " ".join(sents[d:d + per_doc])
    words += len(text.split())
    print(json.dumps({"id": "bench-%05d" % (d // per_doc), "text": text}))
print(f"{len(sents)} sentences, {(len(sents) + per_doc - 1) // per_doc} documents, {words} words",
      file=sys.stderr)
' "$per_doc" > "$out/corpus.jsonl" 2> "$out/corpus.txt"
words=$(awk '{print $5}' "$out/corpus.txt")
echo "== corpus: $(cat "$out/corpus.txt")"

echo "== kg build --threads $threads (cold database)"
/usr/bin/time -v -o "$out/build.time" "$kg" build --threads "$threads" --db "$out/db" \
  "$out/corpus.jsonl" | tee "$out/build.txt"
wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, p, ":"); s = 0;
  for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s}' "$out/build.time")
cpu=$(awk -F': ' '/User time/ {u = $2} /System time/ {s = $2} END {print u + s}' "$out/build.time")
rss=$(awk -F': ' '/Maximum resident/ {printf "%.0f", $2 / 1024}' "$out/build.time")
awk -v w="$words" -v t="$wall" -v c="$cpu" -v r="$rss" -v n="$threads" 'BEGIN {
  printf "kg build: %d words in %.2f s wall = %.0f words/s (target >= 20000 on 2 cores); ", w, t, w / t
  printf "CPU %.2f s = %.0f words per CPU second; %d threads; peak RSS %s MB\n", c, w / c, n, r }'

echo "== extraction alone"
KG_BUILD_DIR=${KG_BUILD_DIR:-build} bash scripts/bench-extract.sh
