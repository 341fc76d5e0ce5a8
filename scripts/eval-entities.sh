#!/usr/bin/env bash
# Entity resolution of kg on GUM dev (docs/extraction.md, "Entity resolution on GUM dev"): builds a
# fresh graph from the raw text of the GUM dev documents and scores its nodes against GUM's gold
# named mentions (coreference chains within a document, Wikipedia identities across documents),
# next to a baseline of one node per distinct name string.
#
#   scripts/eval-entities.sh [GUM.conllu]
#
# Default input: $KG_SHARED_DATA/ud/en_gum/en_gum-ud-dev.conllu (KG_SHARED_DATA defaults to
# /work/shared/data). BUILD (default: build) holds bin/kg and bin/eval_entities; KG_MODELS
# (default: models) the models; KG_THREADS (default 1) the threads of kg build. GUM is
# CC BY-NC-SA: its text and the graph built from it live in a temporary folder that is removed.
# KG_EVAL_DETAILS=1 also lists every named mention with its node, and every mention kg stored.
#
# For the hand-annotated sample article: scripts/eval-entities.py GOLD ENTITIES.json.
set -euo pipefail
cd "$(dirname "$0")/.."
KG_SHARED_DATA=${KG_SHARED_DATA:-/work/shared/data}
GOLD=${1:-$KG_SHARED_DATA/ud/en_gum/en_gum-ud-dev.conllu}
BUILD=${BUILD:-build}
KG_MODELS=${KG_MODELS:-models}
for f in "$GOLD" "$BUILD/bin/kg" "$BUILD/bin/eval_entities"; do
  [[ -e $f ]] || { echo "eval-entities.sh: $f not found (build: cmake --build $BUILD --target kg eval_entities)" >&2; exit 1; }
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/kg-eval-entities.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
"$BUILD/bin/eval_entities" text "$GOLD" > "$tmp/docs.jsonl"
nice -n 10 "$BUILD/bin/kg" build --db "$tmp/db" --models "$KG_MODELS" \
  --threads "${KG_THREADS:-1}" "$tmp/docs.jsonl" > "$tmp/build.log" 2>&1 ||
  { cat "$tmp/build.log" >&2; exit 1; }
"$BUILD/bin/eval_entities" score "$GOLD" --db "$tmp/db" ${KG_EVAL_DETAILS:+--details}
