// The tagger's BiLSTM scorer: token ids, input products, scoring, saving and loading.
#include "tag/nn_tagger.h"

#include <cstring>

#include "common/hash.h"
#include "nn/nn_lstm.h"
#include "nn/nn_math.h"
#include "tag/features.h"

namespace kg::tag {

namespace {

// The first and the last three code points of a (lowercased) form.
std::string_view nn_prefix3(std::string_view s) {
  size_t i = 0;
  for (int k = 0; k < 3 && i < s.size(); ++k) {
    ++i;
    while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
  }
  return s.substr(0, i);
}

std::string_view nn_suffix3(std::string_view s) {
  size_t i = s.size();
  for (int k = 0; k < 3 && i > 0; ++k) {
    --i;
    while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
  }
  return s.substr(i);
}

int find_id(const FlatMap& map, uint64_t key) {
  const uint32_t id = map.find(key);
  return id == FlatMap::kMissing ? 0 : static_cast<int>(id);
}

void build_index(const std::vector<uint64_t>& keys, FlatMap& map) {
  map = FlatMap(keys.size());
  for (size_t i = 0; i < keys.size(); ++i) map.insert(keys[i], static_cast<uint32_t>(i + 1));
}

// out (rows of 8L) = e (rows of `dim`) x the rows [offset, offset + dim) of both directions'
// input weights.
template <class Table>
void products(const std::vector<float>& e, int dim, int offset, const NnTagModel& m, Table& out) {
  const int G = 4 * m.dims.lstm;
  const size_t rows = e.size() / dim;
  out.assign(rows * 2 * G, 0.f);
  for (size_t r = 0; r < rows; ++r) {
    for (int dir = 0; dir < 2; ++dir) {
      nn::nn_add_rows_dense(&out[r * 2 * G + dir * G],
                            m.lstm_x[dir].data() + static_cast<size_t>(offset) * G, &e[r * dim],
                            dim, G);
    }
  }
}

}  // namespace

NnTagKeys nn_tag_keys(std::string_view form) {
  thread_local std::string lower;
  lower = lowercase(form);
  return {mix(hash64(lower), 71), mix(hash64(nn_prefix3(lower)), 72),
          mix(hash64(nn_suffix3(lower)), 73)};
}

int nn_tag_shape(std::string_view form, bool first) {
  int upper = 0, lower = 0, digit = 0, hyphen = 0, punct = 0, other = 0;
  for (char ch : form) {
    const unsigned char c = static_cast<unsigned char>(ch);
    if (c >= 'A' && c <= 'Z')
      ++upper;
    else if (c >= 'a' && c <= 'z')
      ++lower;
    else if (c >= '0' && c <= '9')
      ++digit;
    else if (c == '-')
      ++hyphen;
    else if (c < 0x80)
      ++punct;
    else
      ++other;
  }
  const bool initial = !form.empty() && form[0] >= 'A' && form[0] <= 'Z';
  return (initial ? 1 : 0) | (upper >= 2 && lower == 0 ? 2 : 0) | (lower ? 4 : 0) |
         (digit ? 8 : 0) | (hyphen ? 16 : 0) | (punct ? 32 : 0) | (other ? 64 : 0) |
         (first ? 128 : 0);
}

std::vector<std::vector<float>*> NnTagModel::matrices() {
  return {&e_word,    &e_prefix,  &e_suffix,  &e_shape,   &lstm_x[0], &lstm_h[0],
          &lstm_b[0], &lstm_x[1], &lstm_h[1], &lstm_b[1], &w_out,     &b_out};
}

void NnTagModel::index() {
  build_index(word_keys, words);
  build_index(prefix_keys, prefixes);
  build_index(suffix_keys, suffixes);
}

void NnTagModel::token_ids(const std::vector<std::string_view>& forms,
                           std::vector<int>& ids) const {
  ids.resize(4 * forms.size());
  for (size_t i = 0; i < forms.size(); ++i) {
    const NnTagKeys k = nn_tag_keys(forms[i]);
    int* o = &ids[4 * i];
    o[0] = find_id(words, k.word);
    o[1] = find_id(prefixes, k.prefix);
    o[2] = find_id(suffixes, k.suffix);
    o[3] = nn_tag_shape(forms[i], i == 0);
  }
}

void NnTagModel::prepare() {
  const NnTagDims& d = dims;
  products(e_word, d.word, 0, *this, p_word_);
  products(e_prefix, d.affix, d.word, *this, p_prefix_);
  products(e_suffix, d.affix, d.word + d.affix, *this, p_suffix_);
  products(e_shape, d.shape, d.word + 2 * d.affix, *this, p_shape_);
  const int G = 4 * d.lstm;
  for (int s = 0; s < kNnTagShapes; ++s) {
    for (int dir = 0; dir < 2; ++dir) {
      nn::nn_add(&p_shape_[static_cast<size_t>(s) * 2 * G + dir * G], lstm_b[dir].data(), G);
    }
  }
}

void NnTagModel::release() {
  for (auto* v : {&p_word_, &p_prefix_, &p_suffix_, &p_shape_}) {
    v->clear();
    v->shrink_to_fit();
  }
}

void NnTagModel::scores(const std::vector<std::string_view>& forms, std::vector<float>& out,
                        const uint32_t* skip) const {
  thread_local std::vector<int> ids;
  thread_local std::vector<float> gx, h;
  const int n = static_cast<int>(forms.size());
  const int L = dims.lstm, G = 4 * L, T = labels;
  token_ids(forms, ids);
  gx.resize(static_cast<size_t>(n) * 2 * G);
  h.resize(static_cast<size_t>(n) * 2 * L);
  for (int t = 0; t < n; ++t) {
    const int* id = &ids[4 * t];
    const float* rows[3] = {&p_word_[static_cast<size_t>(id[0]) * 2 * G],
                            &p_prefix_[static_cast<size_t>(id[1]) * 2 * G],
                            &p_suffix_[static_cast<size_t>(id[2]) * 2 * G]};
    float* g = &gx[static_cast<size_t>(t) * 2 * G];
    std::memcpy(g, &p_shape_[static_cast<size_t>(id[3]) * 2 * G], 2 * G * sizeof(float));
    nn::nn_add_many(g, rows, 3, 2 * G);
  }
  nn::lstm_steps(lstm_h[0].data(), L, 0, gx.data(), 2 * G, n, h.data(), 2 * L, nullptr);
  nn::lstm_steps(lstm_h[1].data(), L, 1, gx.data() + G, 2 * G, n, h.data() + L, 2 * L, nullptr);
  out.resize(static_cast<size_t>(n) * T);
  for (int t = 0; t < n; ++t) {
    if (skip != nullptr && skip[t] != FlatMap::kMissing) continue;
    float* o = &out[static_cast<size_t>(t) * T];
    std::memcpy(o, b_out.data(), T * sizeof(float));
    nn::nn_add_rows_dense(o, w_out.data(), &h[static_cast<size_t>(t) * 2 * L], 2 * L, T);
  }
}

void NnTagModel::write(BinaryWriter& w) const {
  w.varint(dims.word);
  w.varint(dims.affix);
  w.varint(dims.shape);
  w.varint(dims.lstm);
  for (const auto* keys : {&word_keys, &prefix_keys, &suffix_keys}) {
    w.varint(keys->size());
    for (uint64_t k : *keys) w.u64(k);
  }
  for (auto* v : const_cast<NnTagModel*>(this)->matrices()) {
    w.varint(v->size());
    w.raw(v->data(), v->size() * sizeof(float));
  }
}

Result<NnTagModel> NnTagModel::read(BinaryReader& r, uint32_t labels) {
  NnTagModel m;
  m.labels = static_cast<int>(labels);
  uint64_t d[4];
  for (auto& x : d) {
    x = r.varint();
    if (x == 0 || x > 1024) return Status::corruption("tagger BiLSTM: bad dimensions");
  }
  m.dims = {static_cast<int>(d[0]), static_cast<int>(d[1]), static_cast<int>(d[2]),
            static_cast<int>(d[3])};
  for (auto* keys : {&m.word_keys, &m.prefix_keys, &m.suffix_keys}) {
    const uint64_t n = r.varint();
    if (n > r.remaining() / 8) return Status::corruption("tagger BiLSTM: bad vocabulary size");
    keys->resize(n);
    for (auto& k : *keys) k = r.u64();
  }
  const NnTagDims& s = m.dims;
  const size_t G = 4 * s.lstm, in = s.input();
  const size_t expect[12] = {(m.word_keys.size() + 1) * s.word,
                             (m.prefix_keys.size() + 1) * s.affix,
                             (m.suffix_keys.size() + 1) * s.affix,
                             static_cast<size_t>(kNnTagShapes) * s.shape,
                             in * G,
                             s.lstm * G,
                             G,
                             in * G,
                             s.lstm * G,
                             G,
                             2 * s.lstm * static_cast<size_t>(labels),
                             labels};
  auto mats = m.matrices();
  for (size_t i = 0; i < mats.size(); ++i) {
    if (r.varint() != expect[i]) return Status::corruption("tagger BiLSTM: bad matrix size");
    // The bytes must be there before anything is allocated (as the parser's read_floats does:
    // damaged vocabulary sizes stay cheap).
    const std::string_view bytes = r.view(expect[i] * sizeof(float));
    if (!r.status().ok()) return r.status();
    mats[i]->resize(expect[i]);
    std::memcpy(mats[i]->data(), bytes.data(), bytes.size());
  }
  if (!r.status().ok()) return r.status();
  m.index();
  m.prepare();
  return m;
}

}  // namespace kg::tag
