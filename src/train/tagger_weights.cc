// Lazy averaging of the tagger's perceptron weights.
#include "train/tagger_weights.h"

#include <algorithm>
#include <cmath>

namespace kg::train {

using tag::FlatMap;
using tag::SparseWeights;

void TaggerWeights::add(uint64_t key, float* scores) const {
  uint32_t row = index_.find(key);
  if (row == FlatMap::kMissing) return;
  for (const Entry& e : rows_[row]) scores[e.label] += e.w;
}

void TaggerWeights::update(uint64_t key, uint32_t label, float delta) {
  uint32_t row = index_.insert(key, static_cast<uint32_t>(rows_.size()));
  if (row == rows_.size()) {
    rows_.emplace_back();
    keys_.push_back(key);
  }
  for (Entry& e : rows_[row]) {
    if (e.label == label) {
      e.total += static_cast<double>(now_ - e.stamp) * e.w;
      e.stamp = static_cast<uint32_t>(now_);
      e.w += delta;
      return;
    }
  }
  rows_[row].push_back({label, static_cast<uint32_t>(now_), delta, 0.0});
}

SparseWeights TaggerWeights::average(float min_abs) const {
  SparseWeights out;
  double now = static_cast<double>(std::max<uint64_t>(now_, 1));
  std::vector<std::pair<uint16_t, float>> kept;
  for (size_t r = 0; r < rows_.size(); ++r) {
    kept.clear();
    for (const Entry& e : rows_[r]) {
      double v = (e.total + static_cast<double>(now_ - e.stamp) * e.w) / now;
      if (std::fabs(v) >= min_abs && v != 0.0) kept.emplace_back(e.label, static_cast<float>(v));
    }
    if (kept.empty()) continue;
    std::sort(kept.begin(), kept.end());
    out.keys.push_back(keys_[r]);
    for (auto [label, v] : kept) {
      out.labels.push_back(label);
      out.values.push_back(v);
    }
    out.starts.push_back(static_cast<uint32_t>(out.labels.size()));
  }
  return out;
}

}  // namespace kg::train
