#!/usr/bin/env bash
# Sanity numbers for `kg carb` on the CaRB dev gold: (1) the gold tuples themselves as the system
# output (confidence 1; expect P and R near 1), (2) a trivial baseline that, for every sentence,
# takes word 1 as arg1, word 2 as the relation and the rest as arg2 (expect low scores).
# Usage: scripts/carb-sanity.sh   (uses $KG_BUILD_DIR/bin/kg, default build/bin/kg)
set -euo pipefail
cd "$(dirname "$0")/.."
data=${KG_SHARED_DATA:-../shared/data}
kg=${KG_BUILD_DIR:-build}/bin/kg
gold=$data/oie/carb/gold/dev.tsv
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

awk -F'\t' 'BEGIN { OFS = "\t" } { s = $1; $1 = ""; sub(/^\t/, ""); print s, "1", $0 }' \
  "$gold" >"$tmp/gold-as-system.tsv"
awk '{ n = split($0, w, " "); if (n < 3) next; rest = w[3];
       for (i = 4; i <= n; i++) rest = rest " " w[i];
       print $0 "\t1\t" w[2] "\t" w[1] "\t" rest }' "$data/oie/carb/dev.txt" >"$tmp/baseline.tsv"

echo "== gold as system"
"$kg" carb "$gold" "$tmp/gold-as-system.tsv"
echo "== baseline: word 1 = arg1, word 2 = relation, rest = arg2"
"$kg" carb "$gold" "$tmp/baseline.tsv"
