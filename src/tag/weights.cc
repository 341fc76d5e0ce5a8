// The packed, quantized perceptron weights of a saved tagger.
#include "tag/weights.h"

#include <algorithm>
#include <cmath>
#include <tuple>

namespace kg::tag {

void PackedWeights::reset_table(size_t rows) {
  // Load factor at most 2/3: short probe sequences, and a table small enough to stay in cache
  // more often than a sparser one.
  size_t capacity = 16;
  while (capacity * 2 < rows * 3) capacity *= 2;
  slots_.assign(capacity, Slot{});
  mask_ = capacity - 1;
}

PackedWeights PackedWeights::pack(const std::vector<SparseWeights>& passes, int min_abs) {
  PackedWeights w;
  w.passes_ = static_cast<int>(passes.size());
  // (fingerprint, pass, label, quantized weight), merged where fingerprints collide.
  std::vector<std::tuple<uint32_t, uint8_t, uint16_t, int32_t>> items;
  for (size_t p = 0; p < passes.size(); ++p) {
    const SparseWeights& sw = passes[p];
    float max_abs = 1e-9f;
    for (float v : sw.values) max_abs = std::max(max_abs, std::fabs(v));
    float scale = max_abs / 32767.0f;
    for (size_t r = 0; r + 1 < sw.starts.size(); ++r) {
      for (uint32_t e = sw.starts[r]; e < sw.starts[r + 1]; ++e) {
        long q = std::lround(sw.values[e] / scale);
        if (q != 0) items.emplace_back(fingerprint(sw.keys[r]), p, sw.labels[e], q);
      }
    }
  }
  std::sort(items.begin(), items.end());
  std::vector<uint32_t> keys;
  std::vector<Slot> rows;
  for (size_t i = 0; i < items.size();) {
    auto [key, pass, label, q] = items[i];
    int32_t sum = 0;
    size_t j = i;
    for (; j < items.size() && std::get<0>(items[j]) == key && std::get<1>(items[j]) == pass &&
           std::get<2>(items[j]) == label;
         ++j)
      sum += std::get<3>(items[j]);
    i = j;
    sum = std::clamp(sum, -32767, 32767);
    if (sum == 0 || std::abs(sum) < min_abs) continue;
    if (keys.empty() || keys.back() != key) {
      keys.push_back(key);
      rows.push_back(Slot{key, static_cast<uint32_t>(w.entries_.size()), {}});
    }
    ++rows.back().count[pass];
    w.entries_.push_back({label, static_cast<int16_t>(sum)});
  }
  w.features_ = rows.size();
  w.reset_table(rows.size());
  for (const Slot& row : rows) {
    size_t i = row.key & w.mask_;
    while (w.slots_[i].key != 0) i = (i + 1) & w.mask_;
    w.slots_[i] = row;
  }
  return w;
}

PackedWeights PackedWeights::pruned(int min_abs) const {
  PackedWeights w;
  w.passes_ = passes_;
  std::vector<Slot> rows;
  for (const Slot& s : slots_)
    if (s.key != 0) rows.push_back(s);
  std::sort(rows.begin(), rows.end(), [](const Slot& a, const Slot& b) { return a.start < b.start; });
  std::vector<Slot> kept;
  for (const Slot& s : rows) {
    Slot out{s.key, static_cast<uint32_t>(w.entries_.size()), {}};
    const Entry* e = entries_.data() + s.start;
    for (int p = 0; p < passes_; ++p) {
      for (int k = 0; k < s.count[p]; ++k, ++e) {
        if (std::abs(e->weight) < min_abs) continue;
        w.entries_.push_back(*e);
        ++out.count[p];
      }
    }
    if (w.entries_.size() > out.start) kept.push_back(out);
  }
  w.features_ = kept.size();
  w.reset_table(kept.size());
  for (const Slot& row : kept) {
    size_t i = row.key & w.mask_;
    while (w.slots_[i].key != 0) i = (i + 1) & w.mask_;
    w.slots_[i] = row;
  }
  return w;
}

void PackedWeights::write(BinaryWriter& out) const {
  out.u8(static_cast<uint8_t>(passes_));
  std::vector<Slot> rows;
  for (const Slot& s : slots_)
    if (s.key != 0) rows.push_back(s);
  std::sort(rows.begin(), rows.end(), [](const Slot& a, const Slot& b) { return a.start < b.start; });
  out.u64(rows.size());
  out.u64(entries_.size());
  for (const Slot& s : rows) {
    out.u32(s.key);
    for (int p = 0; p < passes_; ++p) out.varint(s.count[p]);
  }
  for (const Entry& e : entries_) {
    out.varint(e.label);
    out.i16(e.weight);
  }
}

Result<PackedWeights> PackedWeights::read(BinaryReader& r, uint32_t n_labels) {
  PackedWeights w;
  w.passes_ = r.u8();
  uint64_t n_rows = r.u64();
  uint64_t n_entries = r.u64();
  if (!r.status().ok()) return r.status();
  if (w.passes_ < 1 || w.passes_ > kMaxPasses) return Status::corruption("tagger: bad pass count");
  if (n_rows * 5 > r.remaining() || n_entries * 3 > r.remaining()) {
    return Status::corruption("tagger weights: sizes out of range");
  }
  w.reset_table(n_rows);
  w.features_ = n_rows;
  uint64_t start = 0;
  for (uint64_t i = 0; i < n_rows; ++i) {
    Slot s;
    s.key = r.u32();
    s.start = static_cast<uint32_t>(start);
    for (int p = 0; p < w.passes_; ++p) {
      s.count[p] = static_cast<uint16_t>(std::min<uint64_t>(r.varint(), n_labels));
      start += s.count[p];
    }
    if (!r.status().ok()) return r.status();
    if (s.key == 0) return Status::corruption("tagger weights: bad feature key");
    size_t at = s.key & w.mask_;
    while (w.slots_[at].key != 0) {
      if (w.slots_[at].key == s.key) return Status::corruption("tagger weights: duplicate feature");
      at = (at + 1) & w.mask_;
    }
    w.slots_[at] = s;
  }
  if (start != n_entries) return Status::corruption("tagger weights: bad row sizes");
  w.entries_.resize(n_entries);
  for (Entry& e : w.entries_) {
    uint64_t label = r.varint();
    e.weight = r.i16();
    if (label >= n_labels) return Status::corruption("tagger weights: label out of range");
    e.label = static_cast<uint16_t>(label);
  }
  if (!r.status().ok()) return r.status();
  return w;
}

}  // namespace kg::tag
