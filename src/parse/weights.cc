// Perceptron weight tables.
#include "parse/weights.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace kg::parse {
namespace {

uint64_t nonzero(uint64_t key) { return key ? key : 1; }

uint32_t fingerprint(uint64_t key) {
  uint32_t fp = static_cast<uint32_t>(key >> 32);
  return fp ? fp : 1;
}

}  // namespace

int32_t KeyIndex::find(uint64_t key) const {
  if (keys_.empty()) return -1;
  key = nonzero(key);
  size_t mask = keys_.size() - 1;
  for (size_t i = key & mask;; i = (i + 1) & mask) {
    if (keys_[i] == key) return rows_[i];
    if (keys_[i] == 0) return -1;
  }
}

int32_t KeyIndex::find_or_insert(uint64_t key, int32_t next_row) {
  if ((size_ + 1) * 2 > keys_.size()) grow();
  key = nonzero(key);
  size_t mask = keys_.size() - 1;
  for (size_t i = key & mask;; i = (i + 1) & mask) {
    if (keys_[i] == key) return rows_[i];
    if (keys_[i] == 0) {
      keys_[i] = key;
      rows_[i] = next_row;
      ++size_;
      return next_row;
    }
  }
}

void KeyIndex::reserve(size_t n) {
  while (keys_.size() < 2 * n) grow();
}

void KeyIndex::grow() {
  std::vector<uint64_t> old_keys = std::move(keys_);
  std::vector<int32_t> old_rows = std::move(rows_);
  size_t cap = old_keys.empty() ? 1024 : old_keys.size() * 2;
  keys_.assign(cap, 0);
  rows_.assign(cap, -1);
  size_t mask = cap - 1;
  for (size_t j = 0; j < old_keys.size(); ++j) {
    if (!old_keys[j]) continue;
    size_t i = old_keys[j] & mask;
    while (keys_[i]) i = (i + 1) & mask;
    keys_[i] = old_keys[j];
    rows_[i] = old_rows[j];
  }
}

void TrainWeights::score(std::span<const uint64_t> features, int64_t* scores) const {
  for (uint64_t f : features) {
    int32_t row = index_.find(f);
    if (row < 0) continue;
    for (const Entry& e : rows_[row]) scores[e.cls] += e.w;
  }
}

void TrainWeights::update(std::span<const uint64_t> features, int cls, int delta) {
  for (uint64_t f : features) {
    int32_t row = index_.find_or_insert(f, static_cast<int32_t>(rows_.size()));
    if (row == static_cast<int32_t>(rows_.size())) {
      rows_.emplace_back();
      row_keys_.push_back(f);
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

std::vector<TrainWeights::AveragedRow> TrainWeights::averaged(double min_abs) const {
  std::vector<AveragedRow> out;
  const double t = static_cast<double>(step_);
  for (size_t r = 0; r < rows_.size(); ++r) {
    AveragedRow row{row_keys_[r], {}};
    for (const Entry& e : rows_[r]) {
      double avg = e.w - e.u / t;
      if (std::fabs(avg) >= min_abs && avg != 0.0) {
        row.weights.emplace_back(e.cls, static_cast<float>(avg));
      }
    }
    if (row.weights.empty()) continue;
    std::sort(row.weights.begin(), row.weights.end());
    out.push_back(std::move(row));
  }
  std::sort(out.begin(), out.end(),
            [](const AveragedRow& a, const AveragedRow& b) { return a.key < b.key; });
  return out;
}

Weights Weights::from_averaged(const std::vector<TrainWeights::AveragedRow>& rows,
                               int num_classes) {
  Weights m;
  m.num_classes_ = num_classes;
  float max_abs = 0;
  for (const auto& row : rows) {
    for (const auto& [cls, w] : row.weights) max_abs = std::max(max_abs, std::fabs(w));
  }
  m.scale_ = max_abs > 0 ? max_abs / 32767.0f : 1.0f;
  m.row_start_.push_back(0);
  for (const auto& row : rows) {
    size_t before = m.entries_.size();
    for (const auto& [cls, w] : row.weights) {
      long q = std::lround(w / m.scale_);
      if (q == 0) continue;
      m.entries_.push_back({cls, static_cast<int16_t>(std::clamp(q, -32767L, 32767L))});
    }
    if (m.entries_.size() == before) continue;
    m.keys_.push_back(row.key);
    m.row_start_.push_back(static_cast<uint32_t>(m.entries_.size()));
  }
  m.build_index(m.keys_);
  return m;
}

void Weights::build_index(const std::vector<uint64_t>& keys) {
  size_t cap = 1024;
  while (cap < keys.size() * 2) cap *= 2;
  slots_.assign(cap, Slot{0, 0});
  mask_ = cap - 1;
  for (size_t r = 0; r < keys.size(); ++r) {
    size_t i = keys[r] & mask_;
    while (slots_[i].fingerprint) i = (i + 1) & mask_;
    slots_[i] = {fingerprint(keys[r]), static_cast<uint32_t>(r)};
  }
}

void Weights::score(std::span<const uint64_t> features, int32_t* scores) const {
  if (slots_.empty()) return;
  for (uint64_t f : features) {
    uint32_t fp = fingerprint(f);
    for (size_t i = f & mask_;; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.fingerprint == fp) {
        for (uint32_t e = row_start_[s.row]; e < row_start_[s.row + 1]; ++e) {
          scores[entries_[e].cls] += entries_[e].w;
        }
        break;
      }
      if (s.fingerprint == 0) break;
    }
  }
}

void Weights::write(BinaryWriter& w) const {
  w.u32(static_cast<uint32_t>(num_classes_));
  w.f32(scale_);
  w.u64(keys_.size());
  for (size_t r = 0; r < keys_.size(); ++r) {
    w.u64(keys_[r]);
    w.varint(row_start_[r + 1] - row_start_[r]);
    for (uint32_t e = row_start_[r]; e < row_start_[r + 1]; ++e) {
      w.u8(static_cast<uint8_t>(entries_[e].cls));
      w.i16(entries_[e].w);
    }
  }
}

Result<Weights> Weights::read(BinaryReader& r) {
  Weights m;
  m.num_classes_ = static_cast<int>(r.u32());
  m.scale_ = r.f32();
  uint64_t rows = r.u64();
  KG_RETURN_IF_ERROR(r.status());
  if (m.num_classes_ <= 0 || m.num_classes_ > 255) {
    return Status::corruption("parser model: bad class count " + std::to_string(m.num_classes_));
  }
  // Each row takes at least 12 bytes, which bounds the allocation for a corrupt count.
  if (rows > r.remaining() / 12) return Status::corruption("parser model: bad row count");
  m.keys_.reserve(rows);
  m.row_start_.reserve(rows + 1);
  m.row_start_.push_back(0);
  for (uint64_t i = 0; i < rows; ++i) {
    m.keys_.push_back(r.u64());
    uint64_t count = r.varint();
    if (count > static_cast<uint64_t>(m.num_classes_) || count > r.remaining() / 3) {
      return Status::corruption("parser model: bad weight row " + std::to_string(i));
    }
    for (uint64_t j = 0; j < count; ++j) {
      uint8_t cls = r.u8();
      int16_t w = r.i16();
      if (cls >= m.num_classes_) return Status::corruption("parser model: bad class in row");
      m.entries_.push_back({cls, w});
    }
    m.row_start_.push_back(static_cast<uint32_t>(m.entries_.size()));
    KG_RETURN_IF_ERROR(r.status());
  }
  m.build_index(m.keys_);
  return m;
}

}  // namespace kg::parse
