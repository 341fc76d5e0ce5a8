// The neural transition scorer added to the perceptron's scores: a BiLSTM (one or two layers)
// over word, suffix, shape and tag embeddings gives every word a context vector; the vectors of the
// stack and buffer words and of their outer children, with the children's tags and labels, feed one
// ReLU layer and a linear output over the parser's classes (Kiperwasser & Goldberg 2016 style).
#pragma once

#include <cstdint>
#include <functional>
#include <limits>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "common/binio.h"
#include "common/huge_pages.h"
#include "common/status.h"
#include "doc/document.h"
#include "nn/nn_lstm.h"
#include "parse/transition.h"
#include "parse/weights.h"

namespace kg::parse {

using nn::LstmCache;
using nn::LstmWeights;

struct LabelSet;

// Positions whose context vectors feed the hidden layer (s0, s1, s2, b0 and the outer children
// of s0, s1, b0), and children whose tag and label embeddings do.
inline constexpr int kNnVecPositions = 9;
inline constexpr int kNnChildPositions = 10;

struct NnDims {
  int word = 32, xpos = 16, upos = 8, suffix = 16, shape = 8;  // BiLSTM input embeddings
  int lstm = 32;                                               // per direction
  int layers = 1;  // BiLSTM layers (1 or 2); the second reads both directions of the first
  int child_tag = 16, label = 16, hidden = 128;
  int vec_positions = kNnVecPositions;  // the first this many of the vector positions are used
  int input() const { return word + xpos + upos + suffix + shape; }
  int context() const { return 2 * lstm; }
  int mlp_input() const {
    return vec_positions * context() + kNnChildPositions * (child_tag + label);
  }
};

// Parameters of the scorer. Matrices are stored input-major (row i holds the weights from input
// i to every output), so products are sums of scaled rows.
struct NnModel {
  NnDims dims;
  int num_classes = 0, num_labels = 0;
  float ap_scale = 2e-4f;  // weight of the perceptron's integer scores in the sum
  // The perceptron's scores are not computed when the scorer's best legal class leads the
  // second best by more than this (infinity: always computed).
  float skip_margin = std::numeric_limits<float>::infinity();
  std::unordered_map<std::string, int> words, suffixes, xpos, upos;  // id 0 = unknown
  std::vector<float> e_word, e_xpos, e_upos, e_suffix, e_shape;
  std::vector<float> lstm_x[2], lstm_h[2], lstm_b[2];     // forward, backward direction
  std::vector<float> lstm2_x[2], lstm2_h[2], lstm2_b[2];  // second layer (empty with one)
  std::vector<float> root, pad;                           // context vectors of the root and "none"
  std::vector<float> e_child_tag, e_label;                // tag id + 1 / label + 1 (0 = none)
  std::vector<float> w1, b1, w2, b2;

  // Every parameter matrix, in model file order (training indexes them in this order too); the
  // second layer's come last, when there is one.
  std::vector<std::vector<float>*> matrices() { return matrices_of(*this); }
  std::vector<const std::vector<float>*> matrices() const { return matrices_of(*this); }
  // The LSTM parameters of layer 0 or 1, direction 0 (forward) or 1.
  LstmWeights lstm_weights(int layer, int dir) const {
    return layer == 0 ? LstmWeights{lstm_x[dir].data(), lstm_h[dir].data(), lstm_b[dir].data(),
                                    dims.input(), dims.lstm}
                      : LstmWeights{lstm2_x[dir].data(), lstm2_h[dir].data(), lstm2_b[dir].data(),
                                    dims.context(), dims.lstm};
  }
  // Token ids of one sentence: word, suffix, shape, xpos, upos for words 1..n at [5 * (i - 1)].
  void token_ids(const Sentence& s, std::vector<int>& ids) const;
  // The parser model format version that can hold this model (ap_parser.h): 2 for one BiLSTM
  // layer, 3 for two. write() writes the section of that version; read() reads `version`'s.
  uint32_t format_version() const { return dims.layers == 1 ? 2 : 3; }
  void write(BinaryWriter& w) const;
  static Result<NnModel> read(BinaryReader& r, uint32_t version);

 private:
  template <class Model>
  static std::vector<decltype(&std::declval<Model&>().w1)> matrices_of(Model& m) {
    std::vector<decltype(&std::declval<Model&>().w1)> v = {
        &m.e_word,    &m.e_xpos,    &m.e_upos,    &m.e_suffix,    &m.e_shape,
        &m.lstm_x[0], &m.lstm_h[0], &m.lstm_b[0], &m.lstm_x[1],   &m.lstm_h[1],
        &m.lstm_b[1], &m.root,      &m.pad,       &m.e_child_tag, &m.e_label,
        &m.w1,        &m.b1,        &m.w2,        &m.b2};
    if (m.dims.layers == 2) {
      for (int dir = 0; dir < 2; ++dir) {
        v.insert(v.end(), {&m.lstm2_x[dir], &m.lstm2_h[dir], &m.lstm2_b[dir]});
      }
    }
    return v;
  }
};

inline constexpr int kNnShapes = 65;
int nn_shape(std::string_view form);

// Vectorizable tanh (float-accurate rational approximation) and logistic sigmoid.
void nn_tanh(float* x, int n);
void nn_sigmoid(float* x, int n);

// Inputs of the hidden layer for a configuration: token indices (1..n, 0 = root, -1 = none)
// of the vector positions, child tags (id + 1, 0 = none) and child labels (+1, 0 = none).
struct NnInputs {
  int vec[kNnVecPositions];
  int tag[kNnChildPositions];
  int label[kNnChildPositions];
};
void nn_inputs(const State& s, const std::vector<int>& xpos_ids, NnInputs& in);

// Per-sentence scratch for parsing (thread_local in the parser).
struct NnSentence {
  std::vector<int> ids, xpos;
  std::vector<float> x, ctx;  // LSTM input products (n rows); context vectors
  std::vector<float> h1;      // first layer's outputs when there are two layers (n rows)
  std::vector<float> proj;    // cached context x first-layer products
  std::vector<uint8_t> have;  // which (row, position) products are cached
  std::vector<float> h, out;
};

// Fast scoring with first-layer products of child tags/labels precomputed at load.
class NnScorer {
 public:
  explicit NnScorer(NnModel model);
  const NnModel& model() const { return m_; }
  void begin(const Sentence& s, NnSentence& ns) const;
  // Writes the class scores (pre-softmax) of configuration `st` to out[0..num_classes).
  void score(const State& st, NnSentence& ns, float* out) const;

 private:
  // token_ids() through 64-bit hashes of the keys (word, suffix, xpos, upos).
  void fast_token_ids(const Sentence& s, std::vector<int>& ids) const;

  NnModel m_;
  KeyIndex vocab_[4];
  int ntag_ = 0, nlab_ = 0;                   // child tag and label ids (with "none")
  std::vector<float> tag_proj_, label_proj_;  // [position][id][hidden]
  // Embedding x LSTM input weights of both directions for every id: [id][2 * 4 * lstm], for
  // word, suffix, shape, xpos and upos ids.
  std::vector<float, HugePageAllocator<float>> input_proj_[5];
  std::vector<float> w2_, b2_;  // output layer padded to a multiple of 8 classes
};

}  // namespace kg::parse
