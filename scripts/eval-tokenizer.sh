#!/usr/bin/env bash
# Scores kg's tokenizer and sentence splitter on raw text rebuilt from gold UD files (documents by
# "# newdoc", paragraphs by "# newpar", sentences from "# text"), with the CoNLL 2018 metrics.
# Targets: EWT test Tokens F1 >= 98.5 and Sentences F1 >= 80; GUM test news documents Sentences
# F1 >= 93. Tuning uses EWT train/dev only; the test sets are only reported.
# Usage: scripts/eval-tokenizer.sh [MODEL]   (default models/tokenizer.kgm; "rules" for no model)
set -euo pipefail
cd "$(dirname "$0")/.."
model=${1:-models/tokenizer.kgm}
data=${KG_SHARED_DATA:-../shared/data}
kg=${KG_BUILD_DIR:-build}/bin/kg
[ -x "$kg" ] || bash scripts/build.sh >/dev/null
if [ "$model" = rules ]; then which=(--rules); else which=(--tokenizer "$model"); fi

score() {  # label, gold file, [--docs filter]
  local label=$1 gold=$2
  shift 2
  "$kg" evaluate --tokenize "${which[@]}" "$gold" "$@" --json |
    python3 -c 'import json,sys; m=json.load(sys.stdin); print("%-28s Tokens F1 %6.2f   Sentences F1 %6.2f   Words F1 %6.2f" % (sys.argv[1], m["Tokens"]["f1"], m["Sentences"]["f1"], m["Words"]["f1"]))' "$label"
}

"$kg" evaluate --tokenize "${which[@]}" "$data/ud/en_ewt/en_ewt-ud-dev.conllu" | head -1
score "EWT dev (tuning)" "$data/ud/en_ewt/en_ewt-ud-dev.conllu"
score "EWT test" "$data/ud/en_ewt/en_ewt-ud-test.conllu"
score "GUM test, news documents" "$data/ud/en_gum/en_gum-ud-test.conllu" --docs news
score "GUM test, all documents" "$data/ud/en_gum/en_gum-ud-test.conllu"
