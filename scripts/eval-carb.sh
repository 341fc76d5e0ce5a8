#!/usr/bin/env bash
# CaRB Open IE scores of kg's extractor: kg extract --format carb --sentence-per-line (tokenizer,
# tagger, parser and entity tagger from models/), then kg carb.
# Usage: scripts/eval-carb.sh [OUT.tsv]   (uses $KG_BUILD_DIR/bin/kg, default build/bin/kg)
#   Default: the CaRB dev split in $KG_SHARED_DATA/oie/carb (../shared/data).
#   Another split: CARB_GOLD=path/to/gold.tsv [CARB_SENTENCES=path/to/sentences.txt]; without
#   CARB_SENTENCES the sentences are the gold file's first column (unique, in order of first
#   appearance; the scorer only scores sentences that have gold tuples).
#   The held-out CaRB test split (data/gold/test.tsv of github.com/dair-iitd/CaRB, commit
#   19eb646a) is not in the repository; see docs/extraction.md. Never tune on it.
set -euo pipefail
cd "$(dirname "$0")/.."
data=${KG_SHARED_DATA:-../shared/data}
kg=${KG_BUILD_DIR:-build}/bin/kg
out=${1:-$(mktemp)}
gold=${CARB_GOLD:-$data/oie/carb/gold/dev.tsv}
sentences=${CARB_SENTENCES:-}
if [[ -z "$sentences" ]]; then
  if [[ -z "${CARB_GOLD:-}" ]]; then
    sentences=$data/oie/carb/dev.txt
  else
    sentences=$(mktemp)
    awk -F'\t' 'NF && !seen[$1]++ {print $1}' "$gold" > "$sentences"
  fi
fi
echo "gold: $gold ($(cut -f1 "$gold" | sort -u | wc -l) sentences, $(grep -c . "$gold") tuples)"
"$kg" extract --format carb --sentence-per-line --stats "$sentences" -o "$out"
"$kg" carb "$gold" "$out"
