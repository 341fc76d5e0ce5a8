// K-fold jackknifing, the one both trainers use: the tagger for its first pass's labels of the
// training sentences (which its second pass learns from), the parser for the tags of its
// training words. Every item gets its labels from a model that was trained on the other folds
// and so never saw it: labels as imperfect as those of run time.
#pragma once

#include <cstddef>
#include <functional>
#include <vector>

#include "common/status.h"

namespace kg::train {

// How items are dealt to folds.
enum class FoldSplit {
  kRoundRobin,  // item i is in fold i % folds
  kBlocks,      // contiguous blocks: item i is in fold i * folds / items
};

// run(k, train, held_out): trains fold k's model on the items `train` (those of the other
// folds) and labels the items `held_out` (those of fold k); both in increasing order.
using FoldRun = std::function<Status(int fold, const std::vector<size_t>& train,
                                     const std::vector<size_t>& held_out)>;

// Runs every fold of `items` items dealt to `folds` folds, on up to `threads` threads in no
// particular order: each run should write only the labels of its own held-out items. Returns
// the error of the first failed fold (in fold order), if any.
Status jackknife(size_t items, int folds, FoldSplit split, int threads, const FoldRun& run);

}  // namespace kg::train
