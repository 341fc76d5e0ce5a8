// Training of the parser's neural scorer: softmax over the zero-cost classes of the dynamic
// oracle, exploration, hidden and word dropout, Adagrad; the BiLSTM is updated once per sentence.
#include "train/parser_nn_trainer.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstring>
#include <limits>
#include <random>

#include "nn/nn_math.h"
#include "parse/features.h"
#include "train/nn_lstm_train.h"
#include "train/nn_math_train.h"
#include "train/nn_random.h"
#include "train/parser_oracle.h"

namespace kg::train {

using namespace ::kg::nn;     // the shared float kernels and LSTM
using namespace ::kg::parse;  // the model, its features and the transition system
namespace {

class NnTrainer {
 public:
  NnTrainer(NnModel& m, const LabelSet& labels, const ParserNnOptions& o)
      : m_(m), labels_(labels), o_(o), rng_(o.seed), params_(m.matrices()) {
    for (auto* v : params_) g2_.emplace_back(v->size(), 0.f);
    if (o.tag_loss > 0) {
      // The auxiliary tagging layer: XPOS ids as in the model (0 = unknown), from the first
      // layer's outputs.
      ntags_ = static_cast<int>(m.xpos.size()) + 1;
      std::mt19937_64 g(o.seed + 29);
      const int C = m.dims.context();
      init_uniform(tag_w_, static_cast<size_t>(C) * ntags_, std::sqrt(6.f / (C + ntags_)), g);
      tag_b_.assign(ntags_, 0.f);
      tag_w_g2_.assign(tag_w_.size(), 0.f);
      tag_b_g2_.assign(ntags_, 0.f);
    }
  }
  std::pair<size_t, size_t> train_sentence(const ParserNnExample& ex, bool explore);
  const std::vector<std::vector<float>*>& parameters() const { return params_; }
  std::vector<int> word_freq;

 private:
  // Indices into matrices().
  enum P {
    kWord,
    kXpos,
    kUpos,
    kSuffix,
    kShape,
    kLx0,
    kLh0,
    kLb0,
    kLx1,
    kLh1,
    kLb1,
    kRoot,
    kPad,
    kChildTag,
    kLabel,
    kW1,
    kB1,
    kW2,
    kB2,
    kL2x0,  // the second BiLSTM layer's, when there is one
    kL2h0,
    kL2b0,
    kL2x1,
    kL2h1,
    kL2b1
  };
  void step(P p, size_t offset, const float* d, float a, int n) {
    std::vector<float>* v = params_[p];
    nn_adagrad(v->data() + offset, g2_[p].data() + offset, d, a, o_.learning_rate, n);
  }
  // One decision: the predicted class, the best zero-cost one and whether they agree.
  struct Decision {
    int pred = -1, gold = -1;
    bool correct = false;
  };
  // The BiLSTM inputs x_ of the sentence's n words, with word and input dropout.
  void embed(const Sentence& sentence, int n);
  // The BiLSTM forward over the n words: the context vectors ctx_ (root, words, pad).
  void run_bilstm(int n);
  // The hidden layer (with dropout) and the class scores out_ of configuration `st`.
  void score(const State& st, int n);
  // The loss gradient dout_ of the scores: softmax over the legal classes against the
  // zero-cost ones (pred < 0 when no class is legal).
  Decision output_gradient(const Oracle& oracle, const State& st);
  // Backward through the output and hidden layers into dctx_ and the child embeddings.
  void backward_mlp();
  // Backward through the BiLSTM layers (and the tagging loss) into dx_.
  void backward_bilstm(const ParserNnExample& ex, int n);
  // Adagrad steps of the token embeddings from dx_.
  void update_embeddings(int n);
  // Backward through one direction of one layer (see lstm_backward()) and its Adagrad step.
  void lstm_update(int layer, int dir, const float* x, int n, const float* h, int h_stride,
                   const float* dh, float* dx);
  // The auxiliary loss (ParserNnOptions::tag_loss) of the words' gold XPOS given the first
  // layer's outputs h (n rows, stride C): updates the tagging layer, adds to dh.
  void tag_update(const Sentence& gold, const float* h, int n, float* dh);

  NnModel& m_;
  const LabelSet& labels_;
  ParserNnOptions o_;
  Rng rng_;
  const std::vector<std::vector<float>*> params_;  // m_.matrices(), listed once
  std::vector<std::vector<float>> g2_;
  // Per-sentence buffers.
  std::vector<int> ids_, xpos_;
  std::vector<float> x_, x_mask_, ctx_, dctx_, dx_, xin_, h_, mask_, out_, dout_, dh_, dxin_;
  std::vector<float> h1_, dh1_;  // first layer's outputs and their gradients, with two layers
  LstmCache cache_[2][2];        // [layer][direction]
  LstmGrads grads_;
  std::vector<int> costs_;
  NnInputs inputs_;
  int rows_[kNnVecPositions];  // ctx_ rows of the vector positions
  int ntags_ = 0;
  std::vector<float> tag_w_, tag_b_, tag_w_g2_, tag_b_g2_, tag_out_;
};

void NnTrainer::tag_update(const Sentence& gold, const float* h, int n, float* dh) {
  const int C = m_.dims.context(), T = ntags_;
  tag_out_.resize(T);
  for (int t = 0; t < n && t < static_cast<int>(gold.tokens.size()); ++t) {
    auto it = m_.xpos.find(gold.tokens[t].xpos);
    const int tag = it == m_.xpos.end() ? 0 : it->second;
    const float* ht = h + static_cast<size_t>(t) * C;
    std::memcpy(tag_out_.data(), tag_b_.data(), T * sizeof(float));
    nn_add_rows(tag_out_.data(), tag_w_.data(), ht, C, T);
    float mx = tag_out_[0];
    for (int k = 1; k < T; ++k) mx = std::max(mx, tag_out_[k]);
    double z = 0;
    for (int k = 0; k < T; ++k) z += std::exp(tag_out_[k] - mx);
    for (int k = 0; k < T; ++k) {
      tag_out_[k] =
          o_.tag_loss * static_cast<float>(std::exp(tag_out_[k] - mx) / z - (k == tag ? 1.0 : 0.0));
    }
    float* dht = dh + static_cast<size_t>(t) * C;
    for (int i = 0; i < C; ++i) {
      dht[i] += nn_dot(tag_out_.data(), &tag_w_[static_cast<size_t>(i) * T], T);
      nn_adagrad(&tag_w_[static_cast<size_t>(i) * T], &tag_w_g2_[static_cast<size_t>(i) * T],
                 tag_out_.data(), ht[i], o_.learning_rate, T);
    }
    nn_adagrad(tag_b_.data(), tag_b_g2_.data(), tag_out_.data(), 1.f, o_.learning_rate, T);
  }
}

void NnTrainer::lstm_update(int layer, int dir, const float* x, int n, const float* h, int h_stride,
                            const float* dh, float* dx) {
  const LstmWeights w = m_.lstm_weights(layer, dir);
  lstm_backward(w, dir, cache_[layer][dir], x, n, h + dir * w.lstm, h_stride, dh + dir * w.lstm,
                h_stride, dx, grads_);
  const int first = layer == 0 ? kLx0 : kL2x0;  // x, h, b of direction 0, then of 1
  const P px = static_cast<P>(first + 3 * dir), ph = static_cast<P>(px + 1),
          pb = static_cast<P>(px + 2);
  step(px, 0, grads_.wx.data(), 1.f, static_cast<int>(grads_.wx.size()));
  step(ph, 0, grads_.wh.data(), 1.f, static_cast<int>(grads_.wh.size()));
  step(pb, 0, grads_.b.data(), 1.f, static_cast<int>(grads_.b.size()));
}

void NnTrainer::embed(const Sentence& sentence, int n) {
  const NnDims& d = m_.dims;
  const int in = d.input();
  m_.token_ids(sentence, ids_);
  xpos_.assign(n + 1, 0);
  x_.resize(static_cast<size_t>(n) * in);
  for (int i = 0; i < n; ++i) {
    int* id = &ids_[5 * i];
    if (id[0] > 0 && rng_.uniform() < 0.25 / (0.25 + word_freq[id[0]])) id[0] = 0;
    xpos_[i + 1] = id[3];
    float* x = &x_[static_cast<size_t>(i) * in];
    auto put = [&x](const std::vector<float>& e, int row, int dim) {
      std::memcpy(x, &e[static_cast<size_t>(row) * dim], dim * sizeof(float));
      x += dim;
    };
    put(m_.e_word, id[0], d.word);
    put(m_.e_suffix, id[1], d.suffix);
    put(m_.e_shape, id[2], d.shape);
    put(m_.e_xpos, id[3], d.xpos);
    put(m_.e_upos, id[4], d.upos);
  }
  if (o_.input_dropout > 0) {
    const float keep_in = 1.f - o_.input_dropout;
    x_mask_.resize(x_.size());
    for (size_t k = 0; k < x_.size(); ++k) {
      x_mask_[k] = rng_.uniform() >= o_.input_dropout ? 1.f / keep_in : 0.f;
      x_[k] *= x_mask_[k];
    }
  }
}

void NnTrainer::run_bilstm(int n) {
  const NnDims& d = m_.dims;
  const int C = d.context();
  ctx_.resize(static_cast<size_t>(n + 2) * C);
  std::memcpy(&ctx_[0], m_.root.data(), C * sizeof(float));
  std::memcpy(&ctx_[static_cast<size_t>(n + 1) * C], m_.pad.data(), C * sizeof(float));
  // The last layer writes the context vectors of words 1..n; a first of two writes h1_.
  float* out1 = &ctx_[C];
  if (d.layers == 2) {
    h1_.resize(static_cast<size_t>(n) * C);
    out1 = h1_.data();
  }
  for (int dir = 0; dir < 2; ++dir) {
    lstm_run(m_.lstm_weights(0, dir), dir, x_.data(), n, out1 + dir * d.lstm, C, &cache_[0][dir]);
  }
  if (d.layers == 2) {
    for (int dir = 0; dir < 2; ++dir) {
      lstm_run(m_.lstm_weights(1, dir), dir, h1_.data(), n, &ctx_[C + dir * d.lstm], C,
               &cache_[1][dir]);
    }
  }
  dctx_.assign(ctx_.size(), 0.f);
  dx_.assign(x_.size(), 0.f);
}

void NnTrainer::score(const State& st, int n) {
  const NnDims& d = m_.dims;
  const int C = d.context(), H = d.hidden, nc = m_.num_classes, nin = d.mlp_input();
  const int base = d.vec_positions * C, child = d.child_tag + d.label;
  nn_inputs(st, xpos_, inputs_);
  for (int p = 0; p < d.vec_positions; ++p) {
    rows_[p] = inputs_.vec[p] < 0 ? n + 1 : inputs_.vec[p];
    std::memcpy(&xin_[p * C], &ctx_[static_cast<size_t>(rows_[p]) * C], C * sizeof(float));
  }
  for (int p = 0; p < kNnChildPositions; ++p) {
    std::memcpy(&xin_[base + p * child],
                &m_.e_child_tag[static_cast<size_t>(inputs_.tag[p]) * d.child_tag],
                d.child_tag * sizeof(float));
    std::memcpy(&xin_[base + p * child + d.child_tag],
                &m_.e_label[static_cast<size_t>(inputs_.label[p]) * d.label],
                d.label * sizeof(float));
  }
  h_.assign(m_.b1.begin(), m_.b1.end());
  nn_add_rows(h_.data(), m_.w1.data(), xin_.data(), nin, H);
  const float keep = 1.f - o_.dropout;
  for (int j = 0; j < H; ++j) {
    mask_[j] = h_[j] > 0 && rng_.uniform() >= o_.dropout ? 1.f / keep : 0.f;
    h_[j] *= mask_[j];
  }
  std::memcpy(out_.data(), m_.b2.data(), nc * sizeof(float));
  nn_add_rows(out_.data(), m_.w2.data(), h_.data(), H, nc);
}

NnTrainer::Decision NnTrainer::output_gradient(const Oracle& oracle, const State& st) {
  const int nc = m_.num_classes;
  const int min_cost = class_costs(oracle, labels_, st, costs_);
  float mx = -std::numeric_limits<float>::infinity();
  for (int c = 0; c < nc; ++c) {
    if (costs_[c] != kIllegalCost) mx = std::max(mx, out_[c]);
  }
  double z = 0, zg = 0;
  Decision dec;
  for (int c = 0; c < nc; ++c) {
    if (costs_[c] == kIllegalCost) continue;
    double e = std::exp(out_[c] - mx);
    z += e;
    if (costs_[c] == min_cost) zg += e;
    if (dec.pred < 0 || out_[c] > out_[dec.pred]) dec.pred = c;
    if (costs_[c] == min_cost && (dec.gold < 0 || out_[c] > out_[dec.gold])) dec.gold = c;
  }
  if (dec.pred < 0) return dec;
  dec.correct = costs_[dec.pred] == min_cost;
  for (int c = 0; c < nc; ++c) {
    if (costs_[c] == kIllegalCost) {
      dout_[c] = 0.f;
      continue;
    }
    double e = std::exp(out_[c] - mx);
    dout_[c] = static_cast<float>(e / z - (costs_[c] == min_cost ? e / zg : 0.0));
  }
  return dec;
}

void NnTrainer::backward_mlp() {
  const NnDims& d = m_.dims;
  const int C = d.context(), H = d.hidden, nc = m_.num_classes, nin = d.mlp_input();
  const int base = d.vec_positions * C, child = d.child_tag + d.label;
  for (int j = 0; j < H; ++j) {
    if (h_[j] == 0.f) {
      dh_[j] = 0.f;
      continue;
    }
    const size_t off = static_cast<size_t>(j) * nc;
    dh_[j] = nn_dot(dout_.data(), &m_.w2[off], nc) * mask_[j];
    step(kW2, off, dout_.data(), h_[j], nc);
  }
  step(kB2, 0, dout_.data(), 1.f, nc);
  for (int i = 0; i < nin; ++i) {
    const size_t off = static_cast<size_t>(i) * H;
    dxin_[i] = nn_dot(dh_.data(), &m_.w1[off], H);
    if (xin_[i] != 0.f) step(kW1, off, dh_.data(), xin_[i], H);
  }
  step(kB1, 0, dh_.data(), 1.f, H);
  for (int p = 0; p < d.vec_positions; ++p) {
    nn_add(&dctx_[static_cast<size_t>(rows_[p]) * C], &dxin_[p * C], C);
  }
  for (int p = 0; p < kNnChildPositions; ++p) {
    step(kChildTag, static_cast<size_t>(inputs_.tag[p]) * d.child_tag, &dxin_[base + p * child],
         1.f, d.child_tag);
    step(kLabel, static_cast<size_t>(inputs_.label[p]) * d.label,
         &dxin_[base + p * child + d.child_tag], 1.f, d.label);
  }
}

void NnTrainer::backward_bilstm(const ParserNnExample& ex, int n) {
  const NnDims& d = m_.dims;
  const int C = d.context();
  step(kRoot, 0, &dctx_[0], 1.f, C);
  step(kPad, 0, &dctx_[static_cast<size_t>(n + 1) * C], 1.f, C);
  if (d.layers == 2) {
    // The first layer's outputs get gradients from both directions of the second.
    dh1_.assign(h1_.size(), 0.f);
    for (int dir = 0; dir < 2; ++dir) {
      lstm_update(1, dir, h1_.data(), n, &ctx_[C], C, &dctx_[C], dh1_.data());
    }
    if (ntags_ > 0 && ex.gold_tags) tag_update(*ex.gold_tags, h1_.data(), n, dh1_.data());
    for (int dir = 0; dir < 2; ++dir) {
      lstm_update(0, dir, x_.data(), n, h1_.data(), C, dh1_.data(), dx_.data());
    }
  } else {
    if (ntags_ > 0 && ex.gold_tags) tag_update(*ex.gold_tags, &ctx_[C], n, &dctx_[C]);
    for (int dir = 0; dir < 2; ++dir) {
      lstm_update(0, dir, x_.data(), n, &ctx_[C], C, &dctx_[C], dx_.data());
    }
  }
}

void NnTrainer::update_embeddings(int n) {
  const NnDims& d = m_.dims;
  const int in = d.input();
  if (o_.input_dropout > 0) {
    for (size_t k = 0; k < dx_.size(); ++k) dx_[k] *= x_mask_[k];
  }
  for (int i = 0; i < n; ++i) {
    const int* id = &ids_[5 * i];
    const float* dx = &dx_[static_cast<size_t>(i) * in];
    step(kWord, static_cast<size_t>(id[0]) * d.word, dx, 1.f, d.word);
    dx += d.word;
    step(kSuffix, static_cast<size_t>(id[1]) * d.suffix, dx, 1.f, d.suffix);
    dx += d.suffix;
    step(kShape, static_cast<size_t>(id[2]) * d.shape, dx, 1.f, d.shape);
    dx += d.shape;
    step(kXpos, static_cast<size_t>(id[3]) * d.xpos, dx, 1.f, d.xpos);
    dx += d.xpos;
    step(kUpos, static_cast<size_t>(id[4]) * d.upos, dx, 1.f, d.upos);
  }
}

std::pair<size_t, size_t> NnTrainer::train_sentence(const ParserNnExample& ex, bool explore) {
  const int n = static_cast<int>(ex.heads.size()) - 1;
  const NnDims& d = m_.dims;
  const int nc = m_.num_classes, nl = m_.num_labels;
  embed(*ex.sentence, n);
  run_bilstm(n);
  xin_.resize(d.mlp_input());
  dxin_.resize(d.mlp_input());
  out_.resize(nc);
  dout_.resize(nc);
  costs_.resize(nc);
  mask_.resize(d.hidden);
  dh_.resize(d.hidden);

  Oracle oracle(ex.heads, ex.labels);
  State st(n);
  size_t decisions = 0, correct = 0;
  while (!st.terminal()) {
    score(st, n);
    const Decision dec = output_gradient(oracle, st);
    if (dec.pred < 0) break;
    ++decisions;
    correct += dec.correct;
    backward_mlp();
    int next = dec.gold;
    if (explore && rng_.uniform() < o_.explore_prob) next = dec.pred;
    st.apply(move_of(next, nl), label_of(next, nl));
  }
  backward_bilstm(ex, n);
  update_embeddings(n);
  return {decisions, correct};
}

// The model's vocabularies (words and suffixes seen twice, every tag) from the examples; returns
// the count of every word key.
std::unordered_map<std::string, int> build_vocabularies(
    const std::vector<ParserNnExample>& examples, NnModel& m) {
  std::unordered_map<std::string, int> word_count, suffix_count;
  std::vector<std::string> xpos_seen, upos_seen;
  std::string key;
  for (const auto& ex : examples) {
    for (const Token& t : ex.sentence->tokens) {
      word_key(t.form, key);
      ++word_count[key];
      ++suffix_count[std::string(suffix_key(key))];
      xpos_seen.push_back(t.xpos);
      upos_seen.push_back(t.upos);
    }
  }
  // Ids in sorted key order, so the model does not depend on hash-table iteration order.
  auto assign = [](std::vector<std::string> keys, std::unordered_map<std::string, int>& ids) {
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    for (const auto& k : keys) ids.emplace(k, static_cast<int>(ids.size()) + 1);
  };
  std::vector<std::string> frequent_words, frequent_suffixes;
  for (const auto& [k, c] : word_count) {
    if (c >= 2) frequent_words.push_back(k);
  }
  for (const auto& [k, c] : suffix_count) {
    if (c >= 2) frequent_suffixes.push_back(k);
  }
  assign(frequent_words, m.words);
  assign(frequent_suffixes, m.suffixes);
  assign(xpos_seen, m.xpos);
  assign(upos_seen, m.upos);
  return word_count;
}

// Random initial parameters (biases 0, forget gates 1, hidden layer 0.01).
void init_parameters(NnModel& m, uint64_t seed) {
  const NnDims& d = m.dims;
  std::mt19937_64 g(seed);
  const size_t in = d.input(), L = d.lstm, C = d.context(), H = d.hidden;
  init_uniform(m.e_word, (m.words.size() + 1) * d.word, 0.1f, g);
  init_uniform(m.e_xpos, (m.xpos.size() + 1) * d.xpos, 0.1f, g);
  init_uniform(m.e_upos, (m.upos.size() + 1) * d.upos, 0.1f, g);
  init_uniform(m.e_suffix, (m.suffixes.size() + 1) * d.suffix, 0.1f, g);
  init_uniform(m.e_shape, kNnShapes * d.shape, 0.1f, g);
  for (int dir = 0; dir < 2; ++dir) {
    init_uniform(m.lstm_x[dir], in * 4 * L, std::sqrt(6.f / (in + 4 * L)), g);
    init_uniform(m.lstm_h[dir], L * 4 * L, std::sqrt(6.f / (5 * L)), g);
    m.lstm_b[dir].assign(4 * L, 0.f);
    std::fill(m.lstm_b[dir].begin() + L, m.lstm_b[dir].begin() + 2 * L, 1.f);  // forget gate
  }
  init_uniform(m.root, C, 0.1f, g);
  init_uniform(m.pad, C, 0.1f, g);
  init_uniform(m.e_child_tag, (m.xpos.size() + 2) * d.child_tag, 0.1f, g);
  init_uniform(m.e_label, static_cast<size_t>(m.num_labels + 1) * d.label, 0.1f, g);
  const size_t nin = d.mlp_input();
  init_uniform(m.w1, nin * H, std::sqrt(6.f / (nin + H)), g);
  m.b1.assign(H, 0.01f);
  init_uniform(m.w2, H * m.num_classes, std::sqrt(6.f / (H + m.num_classes)), g);
  m.b2.assign(m.num_classes, 0.f);
  if (d.layers == 2) {  // drawn last, so the other parameters start as with one layer
    for (int dir = 0; dir < 2; ++dir) {
      init_uniform(m.lstm2_x[dir], C * 4 * L, std::sqrt(6.f / (C + 4 * L)), g);
      init_uniform(m.lstm2_h[dir], L * 4 * L, std::sqrt(6.f / (5 * L)), g);
      m.lstm2_b[dir].assign(4 * L, 0.f);
      std::fill(m.lstm2_b[dir].begin() + L, m.lstm2_b[dir].begin() + 2 * L, 1.f);
    }
  }
}

}  // namespace

NnModel train_parser_nn(const std::vector<ParserNnExample>& examples, const LabelSet& labels,
                        const ParserNnOptions& o) {
  NnModel m;
  m.dims = o.dims;
  m.num_labels = static_cast<int>(labels.names.size());
  m.num_classes = labels.num_classes();
  std::unordered_map<std::string, int> word_count = build_vocabularies(examples, m);
  init_parameters(m, o.seed);

  NnTrainer trainer(m, labels, o);
  trainer.word_freq.assign(m.words.size() + 1, 0);
  for (const auto& [k, id] : m.words) trainer.word_freq[id] = word_count[k];
  std::vector<size_t> order(examples.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::mt19937_64 shuffle(o.seed + 17);
  std::vector<std::vector<float>> sums;  // parameter sums over the last epochs
  int summed = 0;
  for (int epoch = 1; epoch <= o.epochs; ++epoch) {
    auto start = std::chrono::steady_clock::now();
    for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[shuffle() % i]);
    size_t decisions = 0, correct = 0;
    for (size_t i : order) {
      auto [dn, c] = trainer.train_sentence(examples[i], epoch > 1);
      decisions += dn;
      correct += c;
    }
    if (o.log) {
      double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      char line[128];
      std::snprintf(line, sizeof line, "nn epoch %d: %.2f%% zero-cost decisions, %.1fs", epoch,
                    decisions ? 100.0 * correct / decisions : 0.0, secs);
      o.log(line);
    }
    if (o.after_epoch) o.after_epoch(epoch, m);
    if (epoch > o.epochs - o.average_last) {
      auto params = trainer.parameters();
      if (sums.empty()) {
        for (auto* v : params) sums.emplace_back(v->begin(), v->end());
      } else {
        for (size_t k = 0; k < params.size(); ++k)
          nn_add(sums[k].data(), params[k]->data(), static_cast<int>(sums[k].size()));
      }
      ++summed;
    }
  }
  if (summed > 1) {
    auto params = trainer.parameters();
    for (size_t k = 0; k < params.size(); ++k) {
      for (size_t i = 0; i < sums[k].size(); ++i)
        (*params[k])[i] = sums[k][i] / static_cast<float>(summed);
    }
  }
  return m;
}

}  // namespace kg::train
