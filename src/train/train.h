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
#include "parse/parser.h"
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

// ---- Parser -------------------------------------------------------------------------------

// Tags of the parser's training words from jackknifed taggers (train/jackknife.h): the training
// sentences are dealt to `folds` contiguous blocks and each block is tagged by a one-pass
// perceptron tagger trained on the other blocks, so that the parser learns from tags as
// imperfect as those it will see.
struct TagJackknifeOptions {
  int folds = 0;  // 0 or 1: no jackknife, the sentences' own tags are trained on
  int epochs = 8;
  // The taggers' BiLSTM scorer: epochs (0: perceptron only) and units per direction; `dev`
  // (gold tags) picks its epoch and weight and must be set with nn_epochs > 0.
  int nn_epochs = 0;
  int nn_lstm = 32;
  const std::vector<Sentence>* dev = nullptr;
  int threads = 1;  // taggers trained at once (the result does not depend on it)
  // Called with the accuracy of the jackknifed tags against the sentences' own; may be empty.
  std::function<void(const TagAccuracy&)> on_tagged;
};

struct ParserTrainOptions {
  int epochs = 15;
  uint64_t seed = 1;  // shuffling and exploration; the same seed and data give the same model
  // Epochs trained on the oracle's path before following the model's own (possibly wrong)
  // predictions with probability explore_prob.
  int explore_after = 1;
  double explore_prob = 0.9;
  // The model keeps this many weights at most: those with the largest |weight| x frequency of
  // their feature in training (each weight takes about 4-5 bytes of the model file).
  size_t max_weights = 1'500'000;
  // Neural scorer trained beside the perceptron (on its own thread) and added to its scores: a
  // BiLSTM over word, suffix, shape and tag embeddings whose vectors at the stack, buffer and
  // children feed a ReLU layer. 0 epochs: perceptron only.
  int nn_epochs = 0;
  int nn_lstm = 32;     // units per direction
  int nn_layers = 1;    // BiLSTM layers (1 or 2; the second reads the first's outputs)
  int nn_hidden = 128;  // hidden layer
  int nn_average = 1;   // the scorer is the mean of its parameters after the last this many epochs
  // With dev: dev picks the scorer among its parameters after each epoch of the second half and
  // their means over the last ones (else the last epoch's, or the nn_average mean, is kept).
  bool nn_pick_epoch = true;
  double nn_input_dropout = 0;  // dropout of the BiLSTM's inputs
  // Weight of the scorer's auxiliary loss in training: it predicts every word's XPOS as the
  // training sentences give it (before any jackknifing) from its first BiLSTM layer; 0: none.
  double nn_tag_loss = 0;
  // Weight of the perceptron's scores in the sum; 0: the best of a few values on dev (1e-4
  // without dev).
  double nn_ap_scale = 0;
  // Moves on which the neural scorer's best legal class leads the second best by more than this
  // are taken without the perceptron's scores (about 80% of the moves at margin 3; its table
  // lookups cost more than the scorer's layers). 0: always add the perceptron's scores;
  // negative: the smallest of 2, 3, 4 and 6 whose dev UAS + LAS is within 0.1 of the best
  // (3 without dev).
  double nn_skip_margin = -1;
  // Tuning aid: with a dev set, the final dev scores are also reported for these budgets.
  std::vector<size_t> dev_budgets;
  // When set, its perceptron (a model trained earlier on the same trees, e.g. a
  // --perceptron-output) is taken as it is and only the neural scorer is trained: the same
  // result as training both, in the time of the scorer alone. Its labels must be the training
  // trees' (kInvalidInput otherwise).
  std::shared_ptr<const Parser> perceptron;
  // Tags of the training words from jackknifed taggers (else their own tags are trained on).
  TagJackknifeOptions jackknife;
  // Called with one line per epoch (and with dev scores when a dev set is given). May be empty.
  std::function<void(const std::string&)> log;
};

// Trains the parser on sentences with gold heads, labels and tags (or predicted tags, to match
// run time; see TagJackknifeOptions). `dev` (may be null) is parsed after every epoch and its
// scores passed to options.log; it also picks the neural scorer's epoch and weights. Errors:
// kInvalidInput when there is nothing to train on, too many distinct labels, a bad layer count
// or a given perceptron of other labels; a jackknife tagger's error.
Result<std::unique_ptr<Parser>> train_parser(const std::vector<Sentence>& sentences,
                                             const ParserTrainOptions& options,
                                             const std::vector<Sentence>* dev = nullptr);

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
