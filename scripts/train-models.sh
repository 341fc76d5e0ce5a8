#!/usr/bin/env bash
# Reproduces the committed models end to end: builds kg (Release), then trains each model from
# the corpora in ../shared/data (or $KG_SHARED_DATA) in pipeline order, writing models/*.
#   scripts/train-models.sh              all steps
#   scripts/train-models.sh tagger       only the named steps
# Budget: the whole script must finish within 20 minutes on 2 cores.
# One function per model; each helper owns its own function and its entry in `all_steps`.
set -euo pipefail
cd "$(dirname "$0")/.."
data=${KG_SHARED_DATA:-../shared/data}
ewt=$data/ud/en_ewt
gum=$data/ud/en_gum
build=${KG_BUILD_DIR:-build}
kg=$build/bin/kg

# Tokenizer sentence boundary model: EWT train only; dev picks the epoch and the threshold. The
# raw text is rebuilt from the gold documents and paragraphs. A few seconds.
train_tokenizer() {
  "$kg" train tokenizer --train "$ewt/en_ewt-ud-train.conllu" --dev "$ewt/en_ewt-ud-dev.conllu" \
    -o models/tokenizer.kgm
}

# Tagger (UPOS, XPOS, lemmas): EWT train only; dev picks the epoch; EWT test and GUM test are
# held out and only reported. About 3-5 minutes on one core.
train_tagger() {
  "$kg" train tagger --train "$ewt/en_ewt-ud-train.conllu" --dev "$ewt/en_ewt-ud-dev.conllu" \
    --epochs 8 --ensemble 3 --threads 2 -o models/tagger.bin \
    --test "$ewt/en_ewt-ud-test.conllu" --test "$gum/en_gum-ud-test.conllu"
}

# Dependency parser: EWT train only, with jackknifed predicted tags (5 one-pass taggers, each
# trained on the other folds) so that it learns from tags as imperfect as at run time; the
# perceptron (12 epochs) and the one-layer BiLSTM scorer (8 epochs, the last one kept) train side
# by side on two threads; dev picks the perceptron's weight in the sum; the perceptron is left
# out where the scorer leads by more than 3; test is tagged by models/tagger.bin and only
# reported (held out). Writes models/parser.bin (perceptron + BiLSTM scorer, the default model)
# and models/parser-ap.bin (the same perceptron alone; see models/README.md). About 7 minutes on
# 2 cores. (--nn-layers 2 --nn-epochs 10 without --nn-last-epoch and --nn-skip-margin gives
# better parses but loses facts on the sample article; see models/README.md.)
train_parser() {
  "$kg" train parser --train "$ewt/en_ewt-ud-train.conllu" --dev "$ewt/en_ewt-ud-dev.conllu" \
    --jackknife 5 --threads 2 --epochs 12 --nn-epochs 8 --nn-last-epoch --nn-skip-margin 3 \
    --tagger models/tagger.bin \
    -o models/parser.bin --perceptron-output models/parser-ap.bin \
    --test "$ewt/en_ewt-ud-test.conllu" --test "$gum/en_gum-ud-test.conllu"
}

# Entity tagger (PER/ORG/LOC): UniversalNER EWT (2022 draft train; OTH and B-O read as O); dev
# picks the epoch; test is held out and only reported. Under a minute on one core.
train_ner() {
  "$kg" train ner --train "$data/ner/en_ewt-ud-train.DRAFT-2022-12.iob2" \
    --dev "$data/ner/en_ewt-ud-dev.iob2" --test "$data/ner/en_ewt-ud-test.iob2" -o models/ner.bin
}

all_steps=(tokenizer tagger parser ner)

steps=("$@")
[ ${#steps[@]} -eq 0 ] && steps=("${all_steps[@]}")
bash scripts/install-deps.sh
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" -j"$(nproc)" --target kg
for step in "${steps[@]}"; do
  echo "== train $step" >&2
  start=$SECONDS
  "train_$step"
  echo "== $step done in $((SECONDS - start)) s" >&2
done
