// kg_train: training of the pipeline's models, kept apart from the runtime libraries that
// `kg build` links (only the `kg train ...` commands and the tests link it). One free function
// per model returns the trained runtime object, ready to save().
//
// Training is deterministic: the same data, options and seed give a byte-identical model,
// whatever the number of threads. The functions keep no state between calls, and different
// models may be trained on different threads at once. Callbacks in the options (log, on_epoch)
// are called from one thread at a time, but not always from the caller's.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "common/status.h"
#include "doc/document.h"
#include "ner/entity_tagger.h"
#include "tag/tagger.h"
#include "text/tokenizer.h"

namespace kg {

// ---- Tokenizer ----------------------------------------------------------------------------

struct TokenizerTrainOptions {
  int epochs = 12;
  uint64_t seed = 1;
  // Called after each epoch with the dev boundary F1 (in percent) at the best threshold.
  std::function<void(int epoch, double dev_f1)> on_epoch;
};

// Trains the tokenizer's sentence boundary model on gold CoNLL-U sentences read with
// read_conllu_file (their "# newdoc" / "# newpar" comments and "# text" rebuild the raw text);
// `dev` picks the epoch and the decision threshold (`train` is used when it is empty).
// Errors: kInvalidInput when `train` has no sentences.
Result<Tokenizer> train_tokenizer(const std::vector<Sentence>& train,
                                  const std::vector<Sentence>& dev,
                                  const TokenizerTrainOptions& options = {});

// ---- Tagger -------------------------------------------------------------------------------

// What training reports after each epoch (measured on the dev set with the averaged weights).
struct TaggerEpoch {
  int pass = 0;
  int member = 0;  // which model of the pass's ensemble
  int epoch = 0;
  double train_upos_xpos = 0;  // on-line label accuracy during the epoch, in percent
  TagAccuracy dev;
  double seconds = 0;           // since training started
  // 0: a perceptron epoch; 1: the BiLSTM scorer alone after `epoch` (dev of its own argmax,
  // train_upos_xpos unset); 2: the chosen combination (scorer epoch `epoch`, or the mean of
  // epochs nn_mean_from .. epoch when nn_mean_from > 0; the perceptron weight below).
  int nn = 0;
  int nn_mean_from = 0;
  double perceptron_weight = 0;
};

struct TaggerTrainOptions {
  int epochs = 8;
  uint64_t seed = 1;
  // 1: left-to-right only; 2: a second pass also sees the first pass's labels to the right
  // (trained on jackknifed first-pass output: `jackknife_folds` models of `jackknife_epochs`).
  int passes = 2;
  int jackknife_folds = 5;
  int jackknife_epochs = 6;
  // Each pass's weights are the mean of this many models trained with different shuffles.
  int ensemble = 3;
  // Weights below this many 32767ths of the largest weight of their pass are dropped (smaller,
  // faster model; 512 costs no dev accuracy).
  int prune = 512;
  // Threads for training the jackknife and ensemble models (the result does not depend on it).
  int threads = 1;
  // Keeps the weights of the epoch with the best dev UPOS accuracy (else those of the last).
  bool keep_best = true;
  // The optional BiLSTM scorer added to the last pass: epochs (0: none, a version 1 model), units
  // per direction, word embedding size, Adagrad learning rate, dropout on its outputs. It trains
  // on a thread of its own beside the perceptron; its epoch and the weight of the perceptron's
  // scores are chosen by dev UPOS+XPOS accuracy (dev must not be empty).
  int nn_epochs = 0;
  int nn_lstm = 32;
  int nn_word_dim = 32;
  float nn_learning_rate = 0.1f;
  float nn_dropout = 0.35f;
  // Called after each epoch (from one thread at a time); may be empty.
  std::function<void(const TaggerEpoch&)> on_epoch;
};

// Trains the tagger and lemmatizer on the gold UPOS, XPOS and LEMMA columns of `train`; `dev`
// (may be empty) is only used for the per-epoch report and for choosing the epoch (and the
// BiLSTM scorer's). Errors: kInvalidInput when the training set has no tagged words.
Result<std::unique_ptr<Tagger>> train_tagger(const std::vector<Sentence>& train,
                                             const std::vector<Sentence>& dev,
                                             const TaggerTrainOptions& options);

// ---- Entity tagger ------------------------------------------------------------------------

struct EntityTrainOptions {
  int max_epochs = 20;
  int patience = 4;           // stop after this many epochs without a better dev F1
  int min_feature_count = 1;  // features seen fewer times in training are dropped
  uint64_t seed = 1;          // sentence shuffling
  bool use_pos = false;       // add features over Token::upos (needs POS at run time too)
  bool viterbi = true;        // exact first-order decoding (else greedy with 2 labels of history)
  // Called with one line per epoch ("epoch 3: dev F1 0.812 ..."); may be empty.
  std::function<void(const std::string&)> log;
};

struct EntityTrainResult {
  std::unique_ptr<EntityTagger> tagger;  // the weights of the epoch with the best dev F1
  int best_epoch = 0;
  int epochs_run = 0;
  EntityScores dev;  // dev scores of the returned tagger
};

// Trains the entity tagger on `train` (gold Token::entity, IOB2) and picks the epoch by entity
// F1 on `dev`. Errors: kInvalidInput when either set is empty, a tag is not IOB2, there are no
// entities or more than 31 entity types.
Result<EntityTrainResult> train_entity_tagger(const std::vector<Sentence>& train,
                                              const std::vector<Sentence>& dev,
                                              const EntityTrainOptions& options);

}  // namespace kg
