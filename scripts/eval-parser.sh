#!/usr/bin/env bash
# Scores the tagger + parser (default models/tagger.bin and models/parser.bin) with gold
# tokenization and predicted tags: UPOS, UAS and LAS (CoNLL 2018 evaluator, `kg evaluate`) on EWT
# test (in-domain) and GUM test (other genres, never trained on), then the tagging+parsing speed
# on one thread and the model load time. Usage: scripts/eval-parser.sh [PARSER [TAGGER]]
set -euo pipefail
cd "$(dirname "$0")/.."
parser=${1:-models/parser.bin}
tagger=${2:-models/tagger.bin}
data=${KG_SHARED_DATA:-../shared/data}
kg=${KG_BUILD_DIR:-build}/bin/kg
[ -x "$kg" ] || bash scripts/build.sh >/dev/null
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ls -l "$parser" | awk '{printf "parser model %s: %.2f MB\n", $NF, $5 / 1e6}'
for f in en_ewt/en_ewt-ud-test en_gum/en_gum-ud-test; do
  gold=$data/ud/$f.conllu
  "$kg" parse --input-format conllu --tagger "$tagger" --parser "$parser" "$gold" >"$tmp/system.conllu"
  "$kg" evaluate --json "$gold" "$tmp/system.conllu" >"$tmp/scores.json"
  python3 - "$tmp/scores.json" "$f" <<'EOF'
import json, sys
s = json.load(open(sys.argv[1]))
print("%-22s UPOS %.2f  UAS %.2f  LAS %.2f  (%d words)" % (
    sys.argv[2], s["UPOS"]["f1"], s["UAS"]["f1"], s["LAS"]["f1"], s["Words"]["gold"]))
EOF
done

# Speed: EWT test four times over (about 100k words) in one process, one thread.
for _ in 1 2 3 4; do cat "$data/ud/en_ewt/en_ewt-ud-test.conllu"; done >"$tmp/speed.conllu"
"$kg" parse --input-format conllu --stats --tagger "$tagger" --parser "$parser" \
  "$tmp/speed.conllu" 2>&1 >/dev/null | sed 's/^/speed: /'
