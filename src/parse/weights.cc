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

Weights Weights::from_averaged(const std::vector<AveragedRow>& rows,
                               int num_classes, size_t max_weights) {
  Weights m;
  m.num_classes_ = num_classes;
  float max_abs = 0;
  std::vector<double> importance;
  for (const auto& row : rows) {
    for (const auto& [cls, w] : row.weights) {
      max_abs = std::max(max_abs, std::fabs(w));
      importance.push_back(std::fabs(w) * (1.0 + row.hits));
    }
  }
  double min_importance = 0;
  if (importance.size() > max_weights) {
    size_t drop = importance.size() - max_weights;
    std::nth_element(importance.begin(), importance.begin() + drop, importance.end());
    min_importance = importance[drop];
  }
  m.scale_ = max_abs > 0 ? max_abs / 32767.0f : 1.0f;
  std::vector<std::pair<uint8_t, int16_t>> entries;
  for (const auto& row : rows) {
    entries.clear();
    for (const auto& [cls, w] : row.weights) {
      if (std::fabs(w) * (1.0 + row.hits) < min_importance) continue;
      long q = std::lround(w / m.scale_);
      if (q != 0) entries.emplace_back(cls, static_cast<int16_t>(std::clamp(q, -32767L, 32767L)));
    }
    if (!entries.empty()) m.add_row(row.key, entries);
  }
  m.build_index();
  return m;
}

void Weights::add_row(uint64_t key, const std::vector<std::pair<uint8_t, int16_t>>& entries) {
  keys_.push_back(key);
  offsets_.push_back(static_cast<uint32_t>(data_.size()));
  data_.push_back(static_cast<uint8_t>(entries.size()));
  for (const auto& [cls, w] : entries) {
    auto u = static_cast<uint16_t>(w);
    data_.push_back(cls);
    data_.push_back(static_cast<uint8_t>(u & 0xff));
    data_.push_back(static_cast<uint8_t>(u >> 8));
  }
}

void Weights::build_index() {
  size_t cap = 1024;
  while (cap < keys_.size() * 2) cap *= 2;
  slots_.assign(cap, Slot{0, 0});
  mask_ = cap - 1;
  for (size_t r = 0; r < keys_.size(); ++r) {
    size_t i = keys_[r] & mask_;
    while (slots_[i].fingerprint) i = (i + 1) & mask_;
    slots_[i] = {fingerprint(keys_[r]), offsets_[r]};
  }
}

void Weights::score(std::span<const uint64_t> features, int32_t* scores) const {
  if (slots_.empty()) return;
  // Three passes so that the cache misses of all features overlap: touch the slots, find the
  // rows and touch them, then add.
  constexpr size_t kBatch = 256;
  uint32_t found[kBatch];
  for (size_t base = 0; base < features.size(); base += kBatch) {
    const size_t n = std::min(kBatch, features.size() - base);
    const uint64_t* f = features.data() + base;
    for (size_t i = 0; i < n; ++i) __builtin_prefetch(&slots_[f[i] & mask_]);
    size_t hits = 0;
    for (size_t i = 0; i < n; ++i) {
      const uint32_t fp = fingerprint(f[i]);
      for (size_t k = f[i] & mask_;; k = (k + 1) & mask_) {
        const Slot& s = slots_[k];
        if (s.fingerprint == fp) {
          found[hits++] = s.offset;
          __builtin_prefetch(&data_[s.offset]);
          break;
        }
        if (s.fingerprint == 0) break;
      }
    }
    for (size_t h = 0; h < hits; ++h) {
      const uint8_t* p = data_.data() + found[h];
      for (int j = 0, count = *p++; j < count; ++j, p += 3) {
        scores[p[0]] += static_cast<int16_t>(static_cast<uint16_t>(p[1] | (p[2] << 8)));
      }
    }
  }
}

void Weights::write(BinaryWriter& w) const {
  w.u32(static_cast<uint32_t>(num_classes_));
  w.f32(scale_);
  w.u64(keys_.size());
  for (size_t r = 0; r < keys_.size(); ++r) {
    w.u64(keys_[r]);
    const uint8_t* p = data_.data() + offsets_[r];
    w.raw(p, 1 + 3 * static_cast<size_t>(*p));
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
  m.offsets_.reserve(rows);
  m.data_.reserve(r.remaining() - rows * 8);
  for (uint64_t i = 0; i < rows; ++i) {
    m.keys_.push_back(r.u64());
    uint8_t count = r.u8();
    if (count == 0 || count > m.num_classes_) {
      return Status::corruption("parser model: bad weight row " + std::to_string(i));
    }
    std::string_view bytes = r.view(3 * static_cast<size_t>(count));
    KG_RETURN_IF_ERROR(r.status());
    m.offsets_.push_back(static_cast<uint32_t>(m.data_.size()));
    m.data_.push_back(count);
    for (size_t j = 0; j < bytes.size(); j += 3) {
      if (static_cast<uint8_t>(bytes[j]) >= m.num_classes_) {
        return Status::corruption("parser model: bad class in weight row " + std::to_string(i));
      }
    }
    m.data_.insert(m.data_.end(), bytes.begin(), bytes.end());
  }
  m.build_index();
  return m;
}

}  // namespace kg::parse
