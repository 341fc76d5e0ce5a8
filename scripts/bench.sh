#!/usr/bin/env bash
# Graph benchmark: builds (scripts/build.sh), generates a synthetic triples JSONL (tools/gen_graph:
# preferential-attachment entities, Zipf relations, documents of 50-200 triples), then reports
#   - `kg ingest` speed (triples/s) and the database size,
#   - shortest-path latency in-process (tools/bench_path: database opened and CSR snapshot built
#     once, then 1000 queries between random connected pairs),
#   - shortest-path latency of a cold `kg path` process (50 runs),
#   - peak memory (max RSS from /usr/bin/time -v) of each step.
# Targets: ingest >= 300k triples/s, in-process p50 < 5 ms, cold `kg path` < 150 ms, < 1 GB RSS.
# Cold single queries on a real corpus (Reuters): scripts/bench-queries.sh.
#
# Environment: KG_BENCH_TRIPLES (default 1000000), KG_BENCH_SEED (42), KG_BENCH_DIR (bench-out),
# KG_BUILD_DIR (build), KG_BENCH_COLD_RUNS (50).
set -euo pipefail
cd "$(dirname "$0")/.."

triples=${KG_BENCH_TRIPLES:-1000000}
seed=${KG_BENCH_SEED:-42}
out=${KG_BENCH_DIR:-bench-out}
cold_runs=${KG_BENCH_COLD_RUNS:-50}
build=${KG_BUILD_DIR:-build}

if [ ! -x /usr/bin/time ]; then
  sudo_cmd=()
  [ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
  echo "installing: time" >&2
  "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends time >/dev/null
fi

KG_BUILD_DIR="$build" bash scripts/build.sh
bin="$build/bin"
mkdir -p "$out"

# Max RSS in MB and wall seconds from a `/usr/bin/time -v` report.
rss_mb() { awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$1"; }
wall_s() {
  awk -F': ' '/Elapsed \(wall clock\)/ {
    n = split($2, p, ":"); s = 0; for (i = 1; i <= n; ++i) s = s * 60 + p[i]; printf "%.2f", s }' "$1"
}
# p50 / p99 / max of the numbers (one per line) on stdin, in ms with one decimal.
percentiles() {
  sort -n | awk '{ v[NR] = $1 } END {
    if (NR == 0) { print "no samples"; exit }
    i50 = int(0.50 * NR) + 1; if (i50 > NR) i50 = NR
    i99 = int(0.99 * NR) + 1; if (i99 > NR) i99 = NR
    printf "n=%d p50=%.1f ms p99=%.1f ms max=%.1f ms\n", NR, v[i50], v[i99], v[NR] }'
}

echo "== generating $triples triples (seed $seed)"
"$bin/gen_graph" --triples "$triples" --seed "$seed" -o "$out/triples.jsonl"

echo "== kg ingest"
rm -rf "$out/db"
/usr/bin/time -v -o "$out/ingest.time" "$bin/kg" ingest --db "$out/db" "$out/triples.jsonl"
ingest_s=$(wall_s "$out/ingest.time")
ingest_rate=$(awk -v n="$triples" -v s="$ingest_s" 'BEGIN { printf "%.0f", (s > 0) ? n / s : 0 }')
db_size=$(du -sh "$out/db" | cut -f1)
"$bin/kg" stats --db "$out/db"

echo "== in-process shortest paths (tools/bench_path)"
/usr/bin/time -v -o "$out/bench_path.time" "$bin/bench_path" --db "$out/db" --queries 1000 \
  --pairs-out "$out/pairs.tsv" --pairs "$cold_runs" | tee "$out/bench_path.txt"

echo "== cold kg path processes ($cold_runs runs)"
: > "$out/cold_ms.txt"
while IFS=$'\t' read -r from to; do
  start=$(date +%s%N)
  "$bin/kg" path --db "$out/db" "$from" "$to" > /dev/null
  end=$(date +%s%N)
  awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f\n", (b - a) / 1e6 }' >> "$out/cold_ms.txt"
done < "$out/pairs.tsv"
cold=$(percentiles < "$out/cold_ms.txt")
IFS=$'\t' read -r first_from first_to < "$out/pairs.tsv"
/usr/bin/time -v -o "$out/path.time" "$bin/kg" path --db "$out/db" "$first_from" "$first_to"
/usr/bin/time -v -o "$out/path_k3.time" "$bin/kg" path --db "$out/db" --k 3 "$first_from" "$first_to" > /dev/null

echo
echo "== summary ($triples triples, seed $seed)"
printf '%-34s %s s, %s triples/s (target >= 300000), peak RSS %s MB\n' "kg ingest" "$ingest_s" \
  "$ingest_rate" "$(rss_mb "$out/ingest.time")"
printf '%-34s %s\n' "database size (du)" "$db_size"
grep -E "build CSR snapshot|shortest path, CSR|shortest path, store|3 shortest" "$out/bench_path.txt" |
  sed 's/^/in-process: /'
printf '%-34s %s MB\n' "bench_path peak RSS" "$(rss_mb "$out/bench_path.time")"
printf '%-34s %s (target < 150 ms)\n' "cold kg path" "$cold"
printf '%-34s %s MB (k=3: %s MB, %s s)\n' "cold kg path peak RSS" "$(rss_mb "$out/path.time")" \
  "$(rss_mb "$out/path_k3.time")" "$(wall_s "$out/path_k3.time")"
