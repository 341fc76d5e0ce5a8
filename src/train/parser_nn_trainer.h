// Training of the parser's neural scorer (parse/nn.h).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "doc/document.h"
#include "parse/ap_parser.h"
#include "parse/nn.h"

namespace kg::train {

struct ParserNnOptions {
  int epochs = 8;
  float learning_rate = 0.05f;
  float dropout = 0.3f;        // hidden units
  float input_dropout = 0.0f;  // BiLSTM inputs
  // Weight of an auxiliary loss in training only: a softmax layer predicts every word's gold
  // XPOS from the first BiLSTM layer's outputs (stack propagation, Zhang & Weiss 2016). The
  // layer is not kept in the model. 0: no such loss.
  float tag_loss = 0.0f;
  // The model returned is the mean of the parameters after each of the last this many epochs.
  int average_last = 1;
  double explore_prob = 0.9;
  uint64_t seed = 1;
  parse::NnDims dims;
  std::function<void(const std::string&)> log;
  // Called after every epoch with the model so far (e.g. to score dev). May be empty.
  std::function<void(int epoch, const parse::NnModel&)> after_epoch;
};

struct ParserNnExample {
  const Sentence* sentence;
  std::vector<int> heads, labels;  // projective gold tree, 1..n
  // The same words with their gold tags (the sentence's may be predicted), for the tagging
  // loss; may be null.
  const Sentence* gold_tags = nullptr;
};

// Trains the scorer alone (its own argmax decides the exploration path). Single-threaded and
// deterministic for a given seed.
parse::NnModel train_parser_nn(const std::vector<ParserNnExample>& examples,
                               const parse::LabelSet& labels, const ParserNnOptions& options);

}  // namespace kg::train
