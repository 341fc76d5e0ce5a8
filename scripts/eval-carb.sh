#!/usr/bin/env bash
# CaRB Open IE scores of kg's extractor on the CaRB dev split: kg extract --format carb
# --sentence-per-line (tokenizer, tagger, parser and entity tagger from models/), then kg carb.
# Usage: scripts/eval-carb.sh [OUT.tsv]   (uses $KG_BUILD_DIR/bin/kg, default build/bin/kg)
set -euo pipefail
cd "$(dirname "$0")/.."
data=${KG_SHARED_DATA:-../shared/data}
kg=${KG_BUILD_DIR:-build}/bin/kg
out=${1:-$(mktemp)}
"$kg" extract --format carb --sentence-per-line --stats "$data/oie/carb/dev.txt" -o "$out"
"$kg" carb "$data/oie/carb/gold/dev.tsv" "$out"
