// The entity tagger's weights: an open-addressing table from feature hash to a row of one weight
// per label, greedy IOB2 decoding, and the model file format ("kg-ner-ap").
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/binio.h"
#include "common/status.h"
#include "ner/features.h"

namespace kg::ner {

inline constexpr std::string_view kImplementation = "kg-ner-ap";
// Bump when the file layout or the feature templates (kFeatureSetVersion) change.
inline constexpr uint32_t kModelVersion = 1;

// Maps feature hashes (never 0) to dense row numbers 0..size()-1 in insertion order.
class FeatureIndex {
 public:
  // Row of `key`, or -1.
  int32_t find(uint64_t key) const {
    if (slots_.empty()) return -1;
    const size_t mask = slots_.size() - 1;
    for (size_t i = key & mask;; i = (i + 1) & mask) {
      if (slots_[i].key == key) return slots_[i].row;
      if (slots_[i].key == 0) return -1;
    }
  }
  // Row of `key`, added at the end if new.
  int32_t insert(uint64_t key);
  void reserve(size_t n);
  size_t size() const { return keys_.size(); }
  // keys()[row] is the key of that row.
  const std::vector<uint64_t>& keys() const { return keys_; }

 private:
  struct Slot {
    uint64_t key = 0;
    int32_t row = -1;
  };
  void rehash(size_t capacity);

  std::vector<Slot> slots_;
  std::vector<uint64_t> keys_;
};

enum class Decoder : uint8_t {
  kGreedy = 0,   // left to right, history = the labels already chosen
  kViterbi = 1,  // exact first-order search; history features see only the previous label
};

class Model {
 public:
  // Sets the tag set ("O" first) and derives the IOB2 transition constraints.
  void set_labels(std::vector<std::string> labels);
  const std::vector<std::string>& labels() const { return labels_; }
  size_t num_labels() const { return labels_.size(); }
  int label_id(std::string_view label) const;  // -1 if unknown

  // Best label ids for the sentence with this model's decoder. With `constrained` (always at
  // run time), I-X only follows B-X or I-X.
  void decode(const SentenceFeatures& f, std::vector<int>& out, bool constrained = true) const;

  // Rounds the weights to the 16-bit grid the file stores and drops all-zero rows, so that a
  // model behaves the same before and after save/load.
  void compact();

  void write(BinaryWriter& w) const;
  // `name` (the file) prefixes error messages.
  static Result<Model> read(BinaryReader& r, const std::string& name);

  bool use_pos = false;
  Decoder decoder = Decoder::kGreedy;
  FeatureIndex index;
  std::vector<float> weights;  // index.size() rows of num_labels() weights

 private:
  std::vector<std::string> labels_;
  void decode_greedy(const SentenceFeatures& f, std::vector<int>& out, bool constrained) const;
  void decode_viterbi(const SentenceFeatures& f, std::vector<int>& out, bool constrained) const;
  // scores[l] += weights of `key` (if known).
  void add_row(uint64_t key, float* scores) const;

  std::vector<std::vector<char>> allowed_;  // allowed_[prev + 1][label]
};

}  // namespace kg::ner
