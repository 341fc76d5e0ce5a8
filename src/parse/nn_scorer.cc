// The neural scorer at parse time (BiLSTM context vectors, cached first-layer products) and its
// model file section.
#include <algorithm>
#include <cstring>

#include "common/hash.h"
#include "nn/nn_math.h"
#include "parse/features.h"
#include "parse/nn.h"

namespace kg::parse {

using namespace ::kg::nn;  // the shared float kernels and LSTM

int nn_shape(std::string_view form) { return static_cast<int>(shape_of(form)); }

namespace {

// Token ids of one sentence, for words 1..n at [5 * (i - 1)]: word, suffix, shape, xpos, upos;
// `find(vocabulary, key)` gives a key's id in vocabulary 0 (words), 1 (suffixes), 2 (xpos) or
// 3 (upos), 0 when unknown. Training and parsing look keys up differently, never build them so.
template <class Find>
void fill_token_ids(const Sentence& s, std::vector<int>& ids, Find find) {
  ids.resize(5 * s.tokens.size());
  thread_local std::string key;  // reused buffer (no allocation per word)
  for (size_t i = 0; i < s.tokens.size(); ++i) {
    const Token& t = s.tokens[i];
    int* o = &ids[5 * i];
    word_key(t.form, key);
    o[0] = find(0, key);
    o[1] = find(1, suffix_key(key));
    o[2] = nn_shape(t.form);
    o[3] = find(2, t.xpos);
    o[4] = find(3, t.upos);
  }
}

}  // namespace

void NnModel::token_ids(const Sentence& s, std::vector<int>& ids) const {
  const std::unordered_map<std::string, int>* vocabs[4] = {&words, &suffixes, &xpos, &upos};
  fill_token_ids(s, ids, [&](int v, std::string_view k) {
    auto it = vocabs[v]->find(std::string(k));
    return it == vocabs[v]->end() ? 0 : it->second;
  });
}

void nn_tanh(float* x, int n) { nn_tanh_impl(x, n); }
void nn_sigmoid(float* x, int n) { nn_sigmoid_impl(x, n); }

void nn_inputs(const State& s, const std::vector<int>& xpos_ids, NnInputs& in) {
  const int s0 = s.stack(0), s1 = s.stack(1), b0 = s.buffer(0);
  auto kid = [&](int (State::*get)(int) const, int w) { return w >= 0 ? (s.*get)(w) : -1; };
  const int kids[kNnChildPositions] = {kid(&State::leftmost, s0),  kid(&State::left2, s0),
                                       kid(&State::rightmost, s0), kid(&State::right2, s0),
                                       kid(&State::leftmost, s1),  kid(&State::left2, s1),
                                       kid(&State::rightmost, s1), kid(&State::right2, s1),
                                       kid(&State::leftmost, b0),  kid(&State::left2, b0)};
  const int vec[kNnVecPositions] = {s0,      s1,      s.stack(2), b0,     kids[0],
                                    kids[2], kids[4], kids[6],    kids[8]};
  std::copy(vec, vec + kNnVecPositions, in.vec);
  for (int p = 0; p < kNnChildPositions; ++p) {
    int k = kids[p];
    in.tag[p] = k > 0 ? xpos_ids[k] + 1 : 0;
    in.label[p] = k > 0 ? s.label(k) + 1 : 0;
  }
}

void NnScorer::fast_token_ids(const Sentence& s, std::vector<int>& ids) const {
  fill_token_ids(s, ids, [&](int v, std::string_view k) {
    const int32_t id = vocab_[v].find(hash64(k));
    return id < 0 ? 0 : id;
  });
}

NnScorer::NnScorer(NnModel model) : m_(std::move(model)) {
  const NnDims& d = m_.dims;
  const std::unordered_map<std::string, int>* vocabs[4] = {&m_.words, &m_.suffixes, &m_.xpos,
                                                           &m_.upos};
  for (int k = 0; k < 4; ++k) {
    vocab_[k].reserve(vocabs[k]->size());
    for (const auto& [key, id] : *vocabs[k]) vocab_[k].find_or_insert(hash64(key), id);
  }
  // The output layer with its rows padded to a multiple of 8 classes (whole vectors).
  const int nc = m_.num_classes, padded = (nc + 7) / 8 * 8;
  b2_.assign(padded, 0.f);
  std::copy(m_.b2.begin(), m_.b2.end(), b2_.begin());
  w2_.assign(static_cast<size_t>(d.hidden) * padded, 0.f);
  for (int j = 0; j < d.hidden; ++j) {
    std::copy(&m_.w2[static_cast<size_t>(j) * nc], &m_.w2[static_cast<size_t>(j + 1) * nc],
              &w2_[static_cast<size_t>(j) * padded]);
  }
  const int H = d.hidden, base = d.vec_positions * d.context(), G = 4 * d.lstm;
  {
    // Embedding x LSTM input weight products of every id (the bias goes with the words).
    const std::vector<float>* tables[5] = {&m_.e_word, &m_.e_suffix, &m_.e_shape, &m_.e_xpos,
                                           &m_.e_upos};
    const int dims[5] = {d.word, d.suffix, d.shape, d.xpos, d.upos};
    int row = 0;  // first LSTM input row of the group
    for (int k = 0; k < 5; ++k) {
      const int ids = static_cast<int>(tables[k]->size()) / dims[k];
      input_proj_[k].assign(static_cast<size_t>(ids) * 2 * G, 0.f);
      for (int id = 0; id < ids; ++id) {
        for (int dir = 0; dir < 2; ++dir) {
          float* out = &input_proj_[k][(static_cast<size_t>(id) * 2 + dir) * G];
          if (k == 0) std::memcpy(out, m_.lstm_b[dir].data(), G * sizeof(float));
          nn_add_rows(out, &m_.lstm_x[dir][static_cast<size_t>(row) * G],
                      &(*tables[k])[static_cast<size_t>(id) * dims[k]], dims[k], G);
        }
      }
      row += dims[k];
    }
  }
  ntag_ = static_cast<int>(m_.e_child_tag.size()) / d.child_tag;
  nlab_ = static_cast<int>(m_.e_label.size()) / d.label;
  tag_proj_.assign(static_cast<size_t>(kNnChildPositions) * ntag_ * H, 0.f);
  label_proj_.assign(static_cast<size_t>(kNnChildPositions) * nlab_ * H, 0.f);
  for (int p = 0; p < kNnChildPositions; ++p) {
    const size_t row = base + static_cast<size_t>(p) * (d.child_tag + d.label);
    for (int t = 0; t < ntag_; ++t) {
      nn_add_rows(&tag_proj_[(static_cast<size_t>(p) * ntag_ + t) * H], &m_.w1[row * H],
                  &m_.e_child_tag[static_cast<size_t>(t) * d.child_tag], d.child_tag, H);
    }
    for (int l = 0; l < nlab_; ++l) {
      nn_add_rows(&label_proj_[(static_cast<size_t>(p) * nlab_ + l) * H],
                  &m_.w1[(row + d.child_tag) * H], &m_.e_label[static_cast<size_t>(l) * d.label],
                  d.label, H);
    }
  }
}

void NnScorer::begin(const Sentence& s, NnSentence& ns) const {
  const NnDims& d = m_.dims;
  const int n = static_cast<int>(s.tokens.size()), C = d.context(), G2 = 8 * d.lstm;
  fast_token_ids(s, ns.ids);
  ns.xpos.assign(n + 1, 0);
  ns.x.resize(static_cast<size_t>(n) * G2);
  for (int i = 0; i < n; ++i) {
    const int* id = &ns.ids[5 * i];
    ns.xpos[i + 1] = id[3];
    float* x = &ns.x[static_cast<size_t>(i) * G2];
    nn_sum5(x, &input_proj_[0][static_cast<size_t>(id[0]) * G2],
            &input_proj_[1][static_cast<size_t>(id[1]) * G2],
            &input_proj_[2][static_cast<size_t>(id[2]) * G2],
            &input_proj_[3][static_cast<size_t>(id[3]) * G2],
            &input_proj_[4][static_cast<size_t>(id[4]) * G2], G2);
  }
  ns.ctx.resize(static_cast<size_t>(n + 2) * C);
  std::memcpy(&ns.ctx[0], m_.root.data(), C * sizeof(float));
  std::memcpy(&ns.ctx[static_cast<size_t>(n + 1) * C], m_.pad.data(), C * sizeof(float));
  // The last layer writes the context vectors of words 1..n; a first of two writes h1.
  float* out1 = &ns.ctx[C];
  if (d.layers == 2) {
    ns.h1.resize(static_cast<size_t>(n) * C);
    out1 = ns.h1.data();
  }
  for (int dir = 0; dir < 2; ++dir) {
    lstm_steps(m_.lstm_h[dir].data(), d.lstm, dir, ns.x.data() + dir * G2 / 2, G2, n,
               out1 + dir * d.lstm, C, nullptr);
  }
  if (d.layers == 2) {
    // The second layer's input products, per word (its inputs are not from a vocabulary).
    for (int i = 0; i < n; ++i) {
      for (int dir = 0; dir < 2; ++dir) {
        float* x = &ns.x[static_cast<size_t>(i) * G2 + dir * G2 / 2];
        std::memcpy(x, m_.lstm2_b[dir].data(), G2 / 2 * sizeof(float));
        nn_add_rows_dense(x, m_.lstm2_x[dir].data(), &ns.h1[static_cast<size_t>(i) * C], C, G2 / 2);
      }
    }
    for (int dir = 0; dir < 2; ++dir) {
      lstm_steps(m_.lstm2_h[dir].data(), d.lstm, dir, ns.x.data() + dir * G2 / 2, G2, n,
                 &ns.ctx[C + dir * d.lstm], C, nullptr);
    }
  }
  ns.proj.resize(static_cast<size_t>(n + 2) * kNnVecPositions * d.hidden);
  ns.have.assign(static_cast<size_t>(n + 2) * kNnVecPositions, 0);
  ns.out.resize(b2_.size());
}

void NnScorer::score(const State& st, NnSentence& ns, float* out) const {
  const NnDims& d = m_.dims;
  const int H = d.hidden, C = d.context(), n = st.n();
  NnInputs in;
  nn_inputs(st, ns.xpos, in);
  ns.h.assign(m_.b1.begin(), m_.b1.end());
  float* h = ns.h.data();
  const float* parts[kNnVecPositions + 2 * kNnChildPositions];  // vectors to add to h, in order
  int num_parts = 0;
  for (int p = 0; p < d.vec_positions; ++p) {
    const int row = in.vec[p] < 0 ? n + 1 : in.vec[p];
    const size_t key = static_cast<size_t>(row) * kNnVecPositions + p;
    float* proj = &ns.proj[key * H];
    if (!ns.have[key]) {
      std::fill(proj, proj + H, 0.f);
      nn_add_rows_dense(proj, &m_.w1[static_cast<size_t>(p) * C * H],
                        &ns.ctx[static_cast<size_t>(row) * C], C, H);
      ns.have[key] = 1;
    }
    parts[num_parts++] = proj;
  }
  for (int p = 0; p < kNnChildPositions; ++p) {
    parts[num_parts++] = &tag_proj_[(static_cast<size_t>(p) * ntag_ + in.tag[p]) * H];
    parts[num_parts++] = &label_proj_[(static_cast<size_t>(p) * nlab_ + in.label[p]) * H];
  }
  nn_add_many(h, parts, num_parts, H);
  for (int j = 0; j < H; ++j) h[j] = h[j] > 0 ? h[j] : 0.f;
  float* o = ns.out.data();
  std::memcpy(o, b2_.data(), b2_.size() * sizeof(float));
  nn_add_rows(o, w2_.data(), h, H, static_cast<int>(b2_.size()));
  std::memcpy(out, o, m_.num_classes * sizeof(float));
}

namespace {

void write_vocab(BinaryWriter& w, const std::unordered_map<std::string, int>& v) {
  std::vector<const std::string*> by_id(v.size() + 1, nullptr);
  for (const auto& [k, id] : v) by_id[id] = &k;
  w.u32(static_cast<uint32_t>(v.size()));
  for (size_t i = 1; i < by_id.size(); ++i) w.str(*by_id[i]);
}

bool read_vocab(BinaryReader& r, std::unordered_map<std::string, int>& v) {
  uint32_t count = r.u32();
  if (!r.status().ok() || count > 10'000'000) return false;
  for (uint32_t i = 1; i <= count && r.status().ok(); ++i) v[r.str()] = static_cast<int>(i);
  return r.status().ok() && v.size() == count;
}

void write_floats(BinaryWriter& w, const std::vector<float>& v) {
  w.u32(static_cast<uint32_t>(v.size()));
  w.raw(v.data(), v.size() * sizeof(float));
}

bool read_floats(BinaryReader& r, std::vector<float>& v, size_t expected) {
  uint32_t count = r.u32();
  if (!r.status().ok() || count != expected) return false;
  // The bytes must be there before anything is allocated (a damaged count stays cheap).
  std::string_view bytes = r.view(size_t{count} * sizeof(float));
  if (!r.status().ok() || bytes.size() != size_t{count} * sizeof(float)) return false;
  v.resize(count);
  if (count) std::memcpy(v.data(), bytes.data(), bytes.size());
  return true;
}

}  // namespace

void NnModel::write(BinaryWriter& w) const {
  const int dims_v[] = {dims.word, dims.xpos,      dims.upos,  dims.suffix, dims.shape,
                        dims.lstm, dims.child_tag, dims.label, dims.hidden, dims.vec_positions};
  for (int v : dims_v) w.u32(static_cast<uint32_t>(v));
  if (format_version() >= 3) w.u32(static_cast<uint32_t>(dims.layers));
  w.u32(static_cast<uint32_t>(num_classes));
  w.u32(static_cast<uint32_t>(num_labels));
  w.f32(ap_scale);
  w.f32(skip_margin);
  for (const auto* v : {&words, &suffixes, &xpos, &upos}) write_vocab(w, *v);
  for (const auto* v : matrices()) write_floats(w, *v);
}

Result<NnModel> NnModel::read(BinaryReader& r, uint32_t version) {
  NnModel m;
  NnDims& d = m.dims;
  int* dims_v[] = {&d.word, &d.xpos,      &d.upos,  &d.suffix, &d.shape,
                   &d.lstm, &d.child_tag, &d.label, &d.hidden, &d.vec_positions};
  for (int* v : dims_v) {
    uint32_t x = r.u32();
    if (x == 0 || x > 512) return Status::corruption("bad neural scorer dimensions");
    *v = static_cast<int>(x);
  }
  if (version >= 3) {
    const uint32_t layers = r.u32();
    if (r.status().ok() && layers != 1 && layers != 2) {
      return Status::corruption("bad neural scorer layer count " + std::to_string(layers));
    }
    d.layers = static_cast<int>(layers);
  }
  m.num_classes = static_cast<int>(r.u32());
  m.num_labels = static_cast<int>(r.u32());
  m.ap_scale = r.f32();
  m.skip_margin = r.f32();
  KG_RETURN_IF_ERROR(r.status());
  if (d.vec_positions > kNnVecPositions) return Status::corruption("bad neural scorer positions");
  if (m.num_classes != 1 + 2 * m.num_labels || m.num_labels <= 0 || m.num_labels > 127) {
    return Status::corruption("bad neural scorer class count");
  }
  for (auto* v : {&m.words, &m.suffixes, &m.xpos, &m.upos}) {
    if (!read_vocab(r, *v)) return Status::corruption("bad neural scorer vocabulary");
  }
  const size_t in = d.input(), L = d.lstm, C = d.context(), H = d.hidden;
  const size_t sizes[] = {(m.words.size() + 1) * d.word,
                          (m.xpos.size() + 1) * d.xpos,
                          (m.upos.size() + 1) * d.upos,
                          (m.suffixes.size() + 1) * d.suffix,
                          static_cast<size_t>(kNnShapes) * d.shape,
                          in * 4 * L,
                          L * 4 * L,
                          4 * L,
                          in * 4 * L,
                          L * 4 * L,
                          4 * L,
                          C,
                          C,
                          (m.xpos.size() + 2) * d.child_tag,
                          static_cast<size_t>(m.num_labels + 1) * d.label,
                          static_cast<size_t>(d.mlp_input()) * H,
                          H,
                          H * static_cast<size_t>(m.num_classes),
                          static_cast<size_t>(m.num_classes)};
  const size_t sizes2[] = {C * 4 * L, L * 4 * L, 4 * L};  // a second layer's, per direction
  const std::vector<std::vector<float>*> vs = m.matrices();
  static_assert(std::size(sizes) == 19);
  for (size_t i = 0; i < vs.size(); ++i) {
    const size_t size = i < std::size(sizes) ? sizes[i] : sizes2[(i - std::size(sizes)) % 3];
    if (!read_floats(r, *vs[i], size)) {
      KG_RETURN_IF_ERROR(r.status());
      return Status::corruption("bad neural scorer matrix " + std::to_string(i));
    }
  }
  return m;
}

}  // namespace kg::parse
