#!/usr/bin/env bash
# Extraction speed alone (no tokenizing, tagging or parsing): kg extract on the gold-parsed
# UD English-EWT train file (12,544 sentences), as triples JSONL and as CaRB n-ary output, on one
# thread. --stats prints the time spent in the extractor only.
# Usage: scripts/bench-extract.sh   (uses $KG_BUILD_DIR/bin/kg, default build/bin/kg)
set -euo pipefail
cd "$(dirname "$0")/.."
data=${KG_SHARED_DATA:-../shared/data}
kg=${KG_BUILD_DIR:-build}/bin/kg
ud=$data/ud/en_ewt/en_ewt-ud-train.conllu
echo "== triples (documents split at # newdoc)"
"$kg" extract --input-format conllu --stats "$ud" -o /dev/null
echo "== CaRB n-ary"
"$kg" extract --input-format conllu --format carb --stats "$ud" -o /dev/null
