// Lazy averaging of the parser's perceptron weights.
#include "train/parser_weights.h"

#include <algorithm>

namespace kg::train {

using parse::AveragedRow;

void ParserWeights::score(std::span<const uint64_t> features, int64_t* scores) {
  for (uint64_t f : features) {
    int32_t row = index_.find(f);
    if (row < 0) continue;
    if (hits_[row] != UINT32_MAX) ++hits_[row];
    for (const Entry& e : rows_[row]) scores[e.cls] += e.w;
  }
}

void ParserWeights::update(std::span<const uint64_t> features, int cls, int delta) {
  for (uint64_t f : features) {
    int32_t row = index_.find_or_insert(f, static_cast<int32_t>(rows_.size()));
    if (row == static_cast<int32_t>(rows_.size())) {
      rows_.emplace_back();
      row_keys_.push_back(f);
      hits_.push_back(0);
    }
    auto& entries = rows_[row];
    auto it = std::find_if(entries.begin(), entries.end(),
                           [cls](const Entry& e) { return e.cls == cls; });
    if (it == entries.end()) {
      entries.push_back({0, 0, static_cast<uint8_t>(cls)});
      it = entries.end() - 1;
    }
    it->w += delta;
    it->u += step_ * delta;
  }
}

std::vector<AveragedRow> ParserWeights::averaged() const {
  std::vector<AveragedRow> out;
  const double t = static_cast<double>(step_);
  for (size_t r = 0; r < rows_.size(); ++r) {
    AveragedRow row{row_keys_[r], hits_[r], {}};
    for (const Entry& e : rows_[r]) {
      double avg = e.w - e.u / t;
      if (avg != 0.0) row.weights.emplace_back(e.cls, static_cast<float>(avg));
    }
    if (row.weights.empty()) continue;
    std::sort(row.weights.begin(), row.weights.end());
    out.push_back(std::move(row));
  }
  std::sort(out.begin(), out.end(),
            [](const AveragedRow& a, const AveragedRow& b) { return a.key < b.key; });
  return out;
}

}  // namespace kg::train
