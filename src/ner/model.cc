// Entity tagger weights, decoding and model file I/O.
#include "ner/model.h"

#include <algorithm>
#include <cmath>

namespace kg::ner {

void FeatureIndex::reserve(size_t n) {
  size_t cap = 16;
  while (cap < 2 * n) cap *= 2;
  if (cap > slots_.size()) rehash(cap);
  keys_.reserve(n);
}

void FeatureIndex::rehash(size_t capacity) {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(capacity, Slot{});
  const size_t mask = capacity - 1;
  for (const Slot& s : old) {
    if (s.key == 0) continue;
    size_t i = s.key & mask;
    while (slots_[i].key != 0) i = (i + 1) & mask;
    slots_[i] = s;
  }
}

int32_t FeatureIndex::insert(uint64_t key) {
  if (2 * (keys_.size() + 1) > slots_.size()) rehash(slots_.empty() ? 16 : 2 * slots_.size());
  const size_t mask = slots_.size() - 1;
  size_t i = key & mask;
  for (; slots_[i].key != 0; i = (i + 1) & mask) {
    if (slots_[i].key == key) return slots_[i].row;
  }
  slots_[i] = {key, static_cast<int32_t>(keys_.size())};
  keys_.push_back(key);
  return slots_[i].row;
}

void Model::set_labels(std::vector<std::string> labels) {
  labels_ = std::move(labels);
  const size_t n = labels_.size();
  allowed_.assign(n + 1, std::vector<char>(n, 1));
  for (size_t cur = 0; cur < n; ++cur) {
    const std::string& c = labels_[cur];
    if (c.size() < 3 || c[0] != 'I') continue;
    allowed_[0][cur] = 0;  // sentence start
    for (size_t prev = 0; prev < n; ++prev) {
      const std::string& p = labels_[prev];
      bool continues = p.size() >= 3 && p.compare(2, std::string::npos, c, 2) == 0;
      allowed_[prev + 1][cur] = continues ? 1 : 0;
    }
  }
}

int Model::label_id(std::string_view label) const {
  for (size_t i = 0; i < labels_.size(); ++i) {
    if (labels_[i] == label) return static_cast<int>(i);
  }
  return -1;
}

void Model::add_row(uint64_t key, float* scores) const {
  int32_t row = index.find(key);
  if (row < 0) return;
  const size_t num = labels_.size();
  const float* w = weights.data() + static_cast<size_t>(row) * num;
  for (size_t l = 0; l < num; ++l) scores[l] += w[l];
}

void Model::decode(const SentenceFeatures& f, std::vector<int>& out, bool constrained) const {
  if (decoder == Decoder::kViterbi) {
    decode_viterbi(f, out, constrained);
  } else {
    decode_greedy(f, out, constrained);
  }
}

void Model::decode_greedy(const SentenceFeatures& f, std::vector<int>& out,
                          bool constrained) const {
  const size_t n = f.size(), num = labels_.size();
  out.assign(n, 0);
  std::vector<float> scores(num);
  int prev1 = kNoLabel, prev2 = kNoLabel;
  for (size_t i = 0; i < n; ++i) {
    std::fill(scores.begin(), scores.end(), 0.0f);
    for (uint64_t key : f.static_features(i)) add_row(key, scores.data());
    for (uint64_t key : f.history_features(i, prev1, prev2)) add_row(key, scores.data());
    int best = -1;
    const std::vector<char>& ok = allowed_[prev1 + 1];
    for (size_t l = 0; l < num; ++l) {
      if (constrained && !ok[l]) continue;
      if (best < 0 || scores[l] > scores[best]) best = static_cast<int>(l);
    }
    out[i] = best;
    prev2 = prev1;
    prev1 = best;
  }
}

void Model::decode_viterbi(const SentenceFeatures& f, std::vector<int>& out,
                           bool constrained) const {
  const size_t n = f.size(), num = labels_.size();
  out.assign(n, 0);
  if (n == 0) return;
  std::vector<float> emit(num), trans(num), best(num), next(num);
  std::vector<int> back(n * num, 0);
  for (size_t i = 0; i < n; ++i) {
    std::fill(emit.begin(), emit.end(), 0.0f);
    for (uint64_t key : f.static_features(i)) add_row(key, emit.data());
    std::fill(next.begin(), next.end(), -1e30f);
    const int first_prev = i == 0 ? kNoLabel : 0;
    const int last_prev = i == 0 ? kNoLabel : static_cast<int>(num) - 1;
    for (int p = first_prev; p <= last_prev; ++p) {
      if (i > 0 && best[p] <= -1e29f) continue;
      std::fill(trans.begin(), trans.end(), 0.0f);
      for (uint64_t key : f.history_features(i, p, kNoLabel)) add_row(key, trans.data());
      const float base = i == 0 ? 0.0f : best[p];
      const std::vector<char>& ok = allowed_[p + 1];
      for (size_t l = 0; l < num; ++l) {
        if (constrained && !ok[l]) continue;
        float s = base + trans[l];
        if (s > next[l]) {
          next[l] = s;
          back[i * num + l] = p;
        }
      }
    }
    for (size_t l = 0; l < num; ++l) best[l] = next[l] <= -1e29f ? -1e30f : next[l] + emit[l];
  }
  int cur = static_cast<int>(std::max_element(best.begin(), best.end()) - best.begin());
  for (size_t i = n; i-- > 0;) {
    out[i] = cur;
    cur = back[i * num + cur];
  }
}

namespace {

float quant_scale(const std::vector<float>& weights) {
  float max_abs = 0;
  for (float w : weights) max_abs = std::max(max_abs, std::fabs(w));
  return max_abs > 0 ? max_abs / 32767.0f : 1.0f;
}

int16_t quantize(float w, float scale) {
  return static_cast<int16_t>(std::lround(std::clamp(w / scale, -32767.0f, 32767.0f)));
}

}  // namespace

void Model::compact() {
  const size_t num = labels_.size();
  const float scale = quant_scale(weights);
  FeatureIndex kept;
  std::vector<float> kept_weights;
  for (size_t row = 0; row < index.size(); ++row) {
    bool nonzero = false;
    float q[64];
    for (size_t l = 0; l < num; ++l) {
      q[l] = quantize(weights[row * num + l], scale) * scale;
      nonzero |= q[l] != 0;
    }
    if (!nonzero) continue;
    kept.insert(index.keys()[row]);
    kept_weights.insert(kept_weights.end(), q, q + num);
  }
  index = std::move(kept);
  weights = std::move(kept_weights);
}

void Model::write(BinaryWriter& w) const {
  const size_t num = labels_.size();
  w.u32(kFeatureSetVersion);
  w.u8(use_pos ? 1 : 0);
  w.u8(static_cast<uint8_t>(decoder));
  w.varint(num);
  for (const std::string& l : labels_) w.str(l);
  const float scale = quant_scale(weights);
  w.f32(scale);
  w.varint(index.size());
  for (uint64_t key : index.keys()) w.u64(key);
  for (float x : weights) w.i16(quantize(x, scale));
}

Result<Model> Model::read(BinaryReader& r, const std::string& name) {
  Model m;
  uint32_t feature_version = r.u32();
  if (r.status().ok() && feature_version != kFeatureSetVersion) {
    return Status::version_mismatch(name + ": entity model uses feature set " +
                                    std::to_string(feature_version) + ", this build has " +
                                    std::to_string(kFeatureSetVersion));
  }
  m.use_pos = r.u8() != 0;
  uint8_t decoder = r.u8();
  if (decoder > 1) return Status::corruption(name + ": entity model: unknown decoder");
  m.decoder = static_cast<Decoder>(decoder);
  uint64_t num = r.varint();
  if (num == 0 || num > 64) return Status::corruption(name + ": entity model: bad label count");
  std::vector<std::string> labels;
  for (uint64_t i = 0; i < num && r.status().ok(); ++i) labels.push_back(r.str());
  float scale = r.f32();
  uint64_t rows = r.varint();
  KG_RETURN_IF_ERROR(r.status());
  if (rows > r.remaining() / 8)
    return Status::corruption(name + ": entity model: bad feature count");
  if (labels.empty() || labels[0] != "O") {
    return Status::corruption(name + ": entity model: first label is not O");
  }
  m.set_labels(std::move(labels));
  m.index.reserve(rows);
  for (uint64_t i = 0; i < rows && r.status().ok(); ++i) {
    uint64_t key = r.u64();
    if (key == 0 || m.index.insert(key) != static_cast<int32_t>(i)) {
      return Status::corruption(name + ": entity model: bad or repeated feature key");
    }
  }
  m.weights.resize(rows * num);
  for (float& x : m.weights) x = r.i16() * scale;
  KG_RETURN_IF_ERROR(r.status());
  if (!r.at_end()) return Status::corruption(name + ": entity model: trailing bytes");
  return m;
}

}  // namespace kg::ner
