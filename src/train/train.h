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
#include <vector>

#include "common/status.h"
#include "doc/document.h"
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

}  // namespace kg
