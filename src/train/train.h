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
