// Runs independent training jobs (folds, ensemble members) on a few threads.
#pragma once

#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace kg::train {

// Runs f(0) .. f(n - 1) on up to `threads` threads (this one included), in no particular order.
template <typename F>
void parallel_for(size_t n, int threads, F f) {
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i = next++; i < n; i = next++) f(i);
  };
  std::vector<std::thread> pool;
  for (int t = 1; t < threads && static_cast<size_t>(t) < n; ++t) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();
}

}  // namespace kg::train
