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

# Tagger (UPOS, XPOS, lemmas): EWT train only; one left-to-right perceptron pass (mean of 3
# shuffles) plus the BiLSTM scorer (48 units, 10 epochs); dev picks the perceptron's epochs, the
# scorer's epoch (or mean of late epochs) and the perceptron's weight; EWT test and GUM test are
# held out and only reported. About 2 minutes on 2 cores.
train_tagger() {
  "$kg" train tagger --train "$ewt/en_ewt-ud-train.conllu" --dev "$ewt/en_ewt-ud-dev.conllu" \
    --epochs 8 --ensemble 3 --threads 2 --passes 1 --nn-epochs 10 --nn-lstm 48 \
    --nn-learning-rate 0.05 --nn-dropout 0.2 -o models/tagger.bin \
    --test "$ewt/en_ewt-ud-test.conllu" --test "$gum/en_gum-ud-test.conllu"
}

# Dependency parser: EWT train only, with jackknifed predicted tags (5 one-pass perceptron
# taggers, each trained on the other folds) so that it learns from tags as imperfect as at run
# time; the perceptron (12 epochs) and the two-layer BiLSTM scorer (12 epochs) train side by side
# on two threads; dev (tagged by models/tagger.bin) picks the scorer among the late epochs and
# their parameter means, the perceptron's weight in the sum and the margin above which the
# perceptron is left out; test is tagged by models/tagger.bin and only reported (held out).
# Writes models/parser.bin (perceptron + BiLSTM scorer, the default model) and
# models/parser-ap.bin (the same perceptron alone; see models/README.md). About 11 minutes on
# 2 cores.
train_parser() {
  "$kg" train parser --train "$ewt/en_ewt-ud-train.conllu" --dev "$ewt/en_ewt-ud-dev.conllu" \
    --jackknife 5 --threads 2 --epochs 12 --nn-epochs 12 --nn-layers 2 \
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
