// kg_parse: labelled dependency parsing. Fills Token::head and Token::deprel of a tagged sentence
// (it reads form, upos and xpos; lemma is not used). The implementation is a greedy arc-hybrid
// transition parser scored by an averaged perceptron over hashed features plus (optionally) a
// small BiLSTM feed-forward scorer, both trained with a dynamic oracle; every output is a
// single-rooted tree and parsing is linear in the sentence length.
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

class Parser;

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
  double nn_tag_loss = 0;       // weight of the scorer's auxiliary XPOS loss (NnTrainOptions)
  // The training sentences with their gold tags, parallel to the ones trained on (which may
  // carry predicted tags), for that loss; may be null.
  const std::vector<Sentence>* gold_tags = nullptr;
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
  // Called with one line per epoch (and with dev scores when a dev set is given). May be empty.
  std::function<void(const std::string&)> log;
};

// Attachment scores over syntactic words, punctuation included. LAS compares the universal part
// of DEPREL (before ':'), as the CoNLL 2018 evaluator does.
struct AttachmentScore {
  size_t words = 0;
  size_t head_correct = 0;
  size_t labelled_correct = 0;
  double uas() const { return words ? 100.0 * head_correct / words : 0.0; }
  double las() const { return words ? 100.0 * labelled_correct / words : 0.0; }
};

// Scores `system` against `gold` sentence by sentence; sentences must have the same word counts
// (extra sentences or words on either side count as wrong).
AttachmentScore score_attachment(const std::vector<Sentence>& gold,
                                 const std::vector<Sentence>& system);

// Parses a copy of `gold` (its tags as they are) with `parser` and scores it against `gold`.
AttachmentScore score_parser(const Parser& parser, const std::vector<Sentence>& gold);

// A trained parser. Immutable after construction: parse() is thread-safe for concurrent callers.
class Parser {
 public:
  virtual ~Parser() = default;

  // Loads a model written by save(). Errors: kNotFound (no file), kInvalidInput (not a kg model),
  // kVersionMismatch (another implementation or format version), kCorruption (truncated data).
  static Result<std::unique_ptr<Parser>> load(const std::string& path);

  // Trains on sentences with gold heads, labels and tags (or predicted tags, to match test time).
  // `dev` (may be null) is parsed after every epoch and its scores passed to options.log.
  // Errors: kInvalidInput when there is nothing to train on or too many distinct labels.
  static Result<std::unique_ptr<Parser>> train(const std::vector<Sentence>& sentences,
                                               const ParserTrainOptions& options,
                                               const std::vector<Sentence>* dev = nullptr);

  // Sets head (0 = root) and deprel of every word. Reads form, upos and xpos. An empty sentence
  // is left alone; any other input yields a tree with exactly one root.
  virtual void parse(Sentence& sentence) const = 0;

  // Writes the model atomically (temporary file + rename).
  virtual Status save(const std::string& path) const = 0;

  // The same parser without its neural scorer (perceptron only; a copy when it has none).
  virtual std::unique_ptr<Parser> without_neural_scorer() const = 0;

  // Number of stored feature rows and weights (for reports).
  virtual size_t feature_count() const = 0;
  virtual size_t weight_count() const = 0;
};

}  // namespace kg
