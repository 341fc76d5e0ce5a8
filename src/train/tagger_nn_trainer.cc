// Training of the tagger's BiLSTM scorer: softmax cross-entropy on the gold labels, word dropout
// for rare words, dropout on the BiLSTM outputs, Adagrad (the BiLSTM updated once per sentence).
#include "train/tagger_nn_trainer.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <map>
#include <random>
#include <string>

#include "nn/nn_math.h"
#include "train/nn_lstm_train.h"
#include "train/nn_math_train.h"
#include "train/nn_random.h"

namespace kg::train {
namespace {

using tag::kNnTagShapes;
using tag::NnTagDims;
using tag::NnTagKeys;
using tag::NnTagModel;

// Keys seen at least `min_count` times, in first-seen order.
std::vector<uint64_t> vocabulary(const std::vector<uint64_t>& seen, int min_count,
                                 std::vector<int>* freq) {
  std::map<uint64_t, int> counts;
  for (uint64_t k : seen) ++counts[k];
  std::vector<uint64_t> keys;
  std::map<uint64_t, bool> taken;
  for (uint64_t k : seen) {
    if (counts[k] >= min_count && !taken[k]) {
      taken[k] = true;
      keys.push_back(k);
      if (freq) freq->push_back(counts[k]);
    }
  }
  return keys;
}

class Trainer {
 public:
  Trainer(NnTagModel& m, const NnTagTrainOptions& o)
      : m_(m), o_(o), rng_(o.seed), params_(m.matrices()) {
    for (auto* v : params_) g2_.emplace_back(v->size(), 0.f);
  }
  std::vector<int> word_freq;  // by word id (0: unknown)
  void train_sentence(const std::vector<std::string_view>& forms,
                      const std::vector<uint32_t>& gold);

 private:
  void step(int p, size_t offset, const float* d, float a, int n) {
    nn_adagrad(params_[p]->data() + offset, g2_[p].data() + offset, d, a, o_.learning_rate,
                   n);
  }
  NnTagModel& m_;
  NnTagTrainOptions o_;
  Rng rng_;
  const std::vector<std::vector<float>*> params_;  // m_.matrices(), listed once
  std::vector<std::vector<float>> g2_;
  std::vector<int> ids_;
  std::vector<float> x_, h_, hd_, mask_, dh_, dx_, out_;
  nn::LstmCache cache_[2];
  LstmGrads grads_;
};

void Trainer::train_sentence(const std::vector<std::string_view>& forms,
                             const std::vector<uint32_t>& gold) {
  const NnTagDims& d = m_.dims;
  const int n = static_cast<int>(forms.size());
  const int L = d.lstm, in = d.input(), T = m_.labels, C = 2 * L;
  if (n == 0) return;
  m_.token_ids(forms, ids_);
  for (int t = 0; t < n; ++t) {
    int& w = ids_[4 * t];
    if (w > 0 && rng_.uniform() < 0.25 / (0.25 + word_freq[w])) w = 0;
  }
  x_.resize(static_cast<size_t>(n) * in);
  for (int t = 0; t < n; ++t) {
    const int* id = &ids_[4 * t];
    float* x = &x_[static_cast<size_t>(t) * in];
    std::memcpy(x, &m_.e_word[static_cast<size_t>(id[0]) * d.word], d.word * sizeof(float));
    std::memcpy(x + d.word, &m_.e_prefix[static_cast<size_t>(id[1]) * d.affix],
                d.affix * sizeof(float));
    std::memcpy(x + d.word + d.affix, &m_.e_suffix[static_cast<size_t>(id[2]) * d.affix],
                d.affix * sizeof(float));
    std::memcpy(x + d.word + 2 * d.affix, &m_.e_shape[static_cast<size_t>(id[3]) * d.shape],
                d.shape * sizeof(float));
  }
  h_.resize(static_cast<size_t>(n) * C);
  for (int dir = 0; dir < 2; ++dir) {
    nn::LstmWeights w{m_.lstm_x[dir].data(), m_.lstm_h[dir].data(), m_.lstm_b[dir].data(), in, L};
    lstm_run(w, dir, x_.data(), n, h_.data() + dir * L, C, &cache_[dir]);
  }
  hd_.resize(h_.size());
  mask_.resize(h_.size());
  const float keep = 1.f - o_.dropout;
  for (size_t j = 0; j < h_.size(); ++j) {
    mask_[j] = rng_.uniform() >= o_.dropout ? 1.f / keep : 0.f;
    hd_[j] = h_[j] * mask_[j];
  }
  dh_.assign(h_.size(), 0.f);
  out_.resize(T);
  for (int t = 0; t < n; ++t) {
    const float* ht = &hd_[static_cast<size_t>(t) * C];
    std::memcpy(out_.data(), m_.b_out.data(), T * sizeof(float));
    nn::nn_add_rows(out_.data(), m_.w_out.data(), ht, C, T);
    float mx = out_[0];
    for (int k = 1; k < T; ++k) mx = std::max(mx, out_[k]);
    double z = 0;
    for (int k = 0; k < T; ++k) z += std::exp(static_cast<double>(out_[k] - mx));
    for (int k = 0; k < T; ++k) {
      out_[k] = static_cast<float>(std::exp(static_cast<double>(out_[k] - mx)) / z);
    }
    out_[gold[t]] -= 1.f;
    float* dht = &dh_[static_cast<size_t>(t) * C];
    const float* mt = &mask_[static_cast<size_t>(t) * C];
    for (int i = 0; i < C; ++i) {
      if (mt[i] == 0.f) continue;
      dht[i] = mt[i] * nn_dot(out_.data(), &m_.w_out[static_cast<size_t>(i) * T], T);
    }
    for (int i = 0; i < C; ++i) {
      if (ht[i] != 0.f) step(10, static_cast<size_t>(i) * T, out_.data(), ht[i], T);
    }
    step(11, 0, out_.data(), 1.f, T);
  }
  dx_.assign(x_.size(), 0.f);
  for (int dir = 0; dir < 2; ++dir) {
    nn::LstmWeights w{m_.lstm_x[dir].data(), m_.lstm_h[dir].data(), m_.lstm_b[dir].data(), in, L};
    lstm_backward(w, dir, cache_[dir], x_.data(), n, h_.data() + dir * L, C,
                      dh_.data() + dir * L, C, dx_.data(), grads_);
    step(4 + 3 * dir, 0, grads_.wx.data(), 1.f, static_cast<int>(grads_.wx.size()));
    step(5 + 3 * dir, 0, grads_.wh.data(), 1.f, static_cast<int>(grads_.wh.size()));
    step(6 + 3 * dir, 0, grads_.b.data(), 1.f, static_cast<int>(grads_.b.size()));
  }
  for (int t = 0; t < n; ++t) {
    const int* id = &ids_[4 * t];
    float* dx = &dx_[static_cast<size_t>(t) * in];
    for (float* p = dx; p < dx + in; ++p) *p = std::clamp(*p, -5.f, 5.f);
    step(0, static_cast<size_t>(id[0]) * d.word, dx, 1.f, d.word);
    step(1, static_cast<size_t>(id[1]) * d.affix, dx + d.word, 1.f, d.affix);
    step(2, static_cast<size_t>(id[2]) * d.affix, dx + d.word + d.affix, 1.f, d.affix);
    step(3, static_cast<size_t>(id[3]) * d.shape, dx + d.word + 2 * d.affix, 1.f, d.shape);
  }
}

}  // namespace

std::vector<NnTagModel> train_tagger_nn(
    const std::vector<std::vector<std::string_view>>& forms,
    const std::vector<std::vector<uint32_t>>& gold, int labels, const NnTagTrainOptions& options,
    const std::function<void(int, const NnTagModel&)>& on_epoch) {
  NnTagModel m;
  m.dims = options.dims;
  m.labels = labels;
  const NnTagDims& d = m.dims;
  // Vocabularies: lowercased words seen twice, prefixes and suffixes seen twice.
  std::vector<uint64_t> words, pre, suf;
  for (const auto& s : forms) {
    for (std::string_view f : s) {
      const NnTagKeys k = tag::nn_tag_keys(f);
      words.push_back(k.word);
      pre.push_back(k.prefix);
      suf.push_back(k.suffix);
    }
  }
  std::vector<int> word_freq{0};
  m.word_keys = vocabulary(words, 2, &word_freq);
  m.prefix_keys = vocabulary(pre, 2, nullptr);
  m.suffix_keys = vocabulary(suf, 2, nullptr);
  m.index();
  std::mt19937_64 g(options.seed + 17);
  init_uniform(m.e_word, (m.word_keys.size() + 1) * d.word, 0.1f, g);
  init_uniform(m.e_prefix, (m.prefix_keys.size() + 1) * d.affix, 0.1f, g);
  init_uniform(m.e_suffix, (m.suffix_keys.size() + 1) * d.affix, 0.1f, g);
  init_uniform(m.e_shape, static_cast<size_t>(kNnTagShapes) * d.shape, 0.1f, g);
  const int L = d.lstm, in = d.input(), C = 2 * L;
  for (int dir = 0; dir < 2; ++dir) {
    init_uniform(m.lstm_x[dir], static_cast<size_t>(in) * 4 * L, std::sqrt(6.f / (in + 4 * L)), g);
    init_uniform(m.lstm_h[dir], static_cast<size_t>(L) * 4 * L, std::sqrt(6.f / (5 * L)), g);
    m.lstm_b[dir].assign(4 * L, 0.f);
    for (int j = L; j < 2 * L; ++j) m.lstm_b[dir][j] = 1.f;  // forget gate bias
  }
  init_uniform(m.w_out, static_cast<size_t>(C) * labels, std::sqrt(6.f / (C + labels)), g);
  m.b_out.assign(labels, 0.f);

  Trainer trainer(m, options);
  trainer.word_freq = word_freq;
  std::vector<size_t> order(forms.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::mt19937_64 shuffle(options.seed + 23);
  std::vector<NnTagModel> out;
  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), shuffle);
    for (size_t i : order) trainer.train_sentence(forms[i], gold[i]);
    out.push_back(m);
    if (on_epoch) {
      out.back().prepare();
      on_epoch(epoch, out.back());
      out.back().release();
    }
  }
  return out;
}

}  // namespace kg::train
