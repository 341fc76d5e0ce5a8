// Part-of-speech tagging (UPOS and XPOS) and lemmatization of tokenized sentences.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "common/status.h"
#include "doc/document.h"

namespace kg {

// Accuracy of predicted against gold columns, over syntactic words.
struct TagAccuracy {
  size_t words = 0;
  size_t upos = 0;
  size_t xpos = 0;
  size_t upos_xpos = 0;  // both right
  size_t lemma = 0;

  double pct(size_t n) const { return words ? 100.0 * static_cast<double>(n) / words : 0.0; }
};

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

// A trained tagger. tag() is const and thread-safe: any number of threads may tag different
// sentences with one Tagger at once.
class Tagger {
 public:
  virtual ~Tagger() = default;

  // Loads a model written by save(). Errors: kNotFound (no file), kVersionMismatch (a model of
  // another implementation or format version, named in the message), kCorruption.
  static Result<std::unique_ptr<Tagger>> load(const std::string& path);

  // Trains on the gold UPOS, XPOS and LEMMA columns of `train`; `dev` (may be empty) is only
  // used for the per-epoch report and for choosing the epoch. Errors: kInvalidInput when the
  // training set has no tagged words.
  static Result<std::unique_ptr<Tagger>> train(const std::vector<Sentence>& train,
                                               const std::vector<Sentence>& dev,
                                               const TaggerTrainOptions& options);

  // Sets upos, xpos and lemma of every token from its form (other fields are left alone).
  virtual void tag(Sentence& sentence) const = 0;

  // Writes the model atomically.
  virtual Status save(const std::string& path) const = 0;

  // One line about the model ("kg-tagger-ap v1: 93 labels, 280133 features, ...").
  virtual std::string describe() const = 0;
};

// Tags copies of `gold` with `tagger` and compares with the gold columns.
TagAccuracy evaluate_tagger(const Tagger& tagger, const std::vector<Sentence>& gold);

}  // namespace kg
