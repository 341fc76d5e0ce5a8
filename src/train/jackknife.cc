// K-fold jackknifing over a thread pool.
#include "train/jackknife.h"

#include "train/parallel.h"

namespace kg::train {

Status jackknife(size_t items, int folds, FoldSplit split, int threads, const FoldRun& run) {
  auto fold_of = [&](size_t i) {
    return static_cast<int>(split == FoldSplit::kRoundRobin ? i % folds : i * folds / items);
  };
  std::vector<Status> status(folds);
  parallel_for(static_cast<size_t>(folds), threads, [&](size_t f) {
    const int k = static_cast<int>(f);
    std::vector<size_t> train, held_out;
    for (size_t i = 0; i < items; ++i) (fold_of(i) == k ? held_out : train).push_back(i);
    status[k] = run(k, train, held_out);
  });
  for (const Status& s : status) KG_RETURN_IF_ERROR(s);
  return {};
}

}  // namespace kg::train
