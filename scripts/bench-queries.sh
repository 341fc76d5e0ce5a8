#!/usr/bin/env bash
# Cold query latency: each query as a fresh `kg` process (database opened read-only, nothing
# cached in the process), the median of 5 runs in ms, with the machine's load and CPU flags beside
# the numbers (other work on the machine skews them; compare runs at a similar load).
#   - kg neighbors "James Baker"
#   - kg path "James Baker" "Kiichi Miyazawa" --k 1 and --k 3
#   - kg match $MATCH_QUERY, when this build has `kg match`
# Usage: scripts/bench-queries.sh [DB]
# Without DB it builds one from the Reuters-21578 JSONL ($KG_REUTERS, default
# ../shared/data/corpora/reuters21578.jsonl) into a temporary folder (several minutes), removed
# on exit. Uses $KG_BUILD_DIR/bin/kg (default build/bin/kg; scripts/build.sh builds it).
# Environment: KG_BENCH_RUNS (5).
set -euo pipefail
cd "$(dirname "$0")/.."

# The `kg match` query timed (one place to change it).
MATCH_QUERY="MATCH (a {name: 'James Baker'})-[r]-(b)-[s]-(c:PERSON) RETURN DISTINCT c.name LIMIT 20"
FROM="James Baker"
TO="Kiichi Miyazawa"

kg=${KG_BUILD_DIR:-build}/bin/kg
runs=${KG_BENCH_RUNS:-5}
if [ ! -x "$kg" ]; then
  echo "bench-queries: no $kg; build it with scripts/build.sh" >&2
  exit 1
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
err=$tmp/stderr
db=${1:-}
if [ -z "$db" ]; then
  corpus=${KG_REUTERS:-../shared/data/corpora/reuters21578.jsonl}
  if [ ! -f "$corpus" ]; then
    echo "bench-queries: no corpus at $corpus (set KG_REUTERS or pass a DB)" >&2
    exit 1
  fi
  db=$tmp/db
  echo "== building $db from $corpus"
  start=$(date +%s)
  "$kg" build --db "$db" "$corpus" > /dev/null
  echo "built in $(( $(date +%s) - start )) s"
fi

# Median wall time in ms of `runs` fresh processes of "$@" (output discarded), or "failed".
cold_ms() {
  local i start end times=()
  for (( i = 0; i < runs; ++i )); do
    start=$(date +%s%N)
    if ! "$@" > /dev/null 2> "$err"; then
      echo "failed: $(head -1 "$err")"
      return
    fi
    end=$(date +%s%N)
    times+=("$(( (end - start) / 1000 ))")
  done
  printf '%s\n' "${times[@]}" | sort -n |
    awk '{ v[NR] = $1 } END { printf "%.1f ms", v[int((NR + 1) / 2)] / 1000 }'
}

load() { awk '{ print $1, $2, $3 }' /proc/loadavg; }
flags=$(grep -o -w -E 'avx2|avx512f' /proc/cpuinfo | sort -u | tr '\n' ' ')

echo "== cold queries on $db (median of $runs processes)"
echo "cpu: $(nproc) cores, flags: ${flags:-no avx2/avx512f}; uptime:$(uptime)"
row() {
  local what=$1; shift
  local before ms
  before=$(load)
  ms=$(cold_ms "$@")
  printf '%-40s %12s   load %s -> %s\n' "$what" "$ms" "$before" "$(load)"
}
row "neighbors \"$FROM\"" "$kg" neighbors --db "$db" "$FROM"
row "path --k 1" "$kg" path --db "$db" "$FROM" "$TO" --k 1
row "path --k 3" "$kg" path --db "$db" "$FROM" "$TO" --k 3
# (`kg match --help` must show match's own usage: an unknown subcommand's --help shows kg's.)
if "$kg" match --help 2> /dev/null | grep -q '^Usage: kg match'; then
  row "match (2 hops from $FROM)" "$kg" match --db "$db" "$MATCH_QUERY"
else
  echo "match: this build has no 'kg match'"
fi
