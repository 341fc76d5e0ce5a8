#!/usr/bin/env bash
# Scores a tagger model (default models/tagger.bin) with gold tokenization: UPOS, XPOS, lemma
# accuracy and one-thread speed on EWT dev and test (in-domain) and GUM dev and test (other
# genres, never trained on). Usage: scripts/eval-tagger.sh [MODEL]
set -euo pipefail
cd "$(dirname "$0")/.."
model=${1:-models/tagger.bin}
data=${KG_SHARED_DATA:-../shared/data}
kg=${KG_BUILD_DIR:-build}/bin/kg
[ -x "$kg" ] || bash scripts/build.sh >/dev/null
ls -l "$model" | awk '{printf "model %s: %.2f MB\n", $NF, $5 / 1e6}'
for f in en_ewt/en_ewt-ud-dev en_ewt/en_ewt-ud-test en_gum/en_gum-ud-dev en_gum/en_gum-ud-test; do
  "$kg" tag --model "$model" --eval "$data/ud/$f.conllu"
done
