// The tagger's optional BiLSTM scorer: per-word label scores from embeddings of the lowercased
// word, its prefix, suffix and shape through a one-layer BiLSTM and a linear layer; they are added
// to the perceptron's scores in the last pass.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "common/binio.h"
#include "common/huge_pages.h"
#include "common/status.h"
#include "tag/flat_map.h"

namespace kg::tag {

struct NnTagDims {
  int word = 32, affix = 16, shape = 8;  // input embeddings (prefix and suffix are `affix` each)
  int lstm = 32;                         // units per direction
  int input() const { return word + 2 * affix + shape; }
};

// Shape classes: eight bits of casing, digits, hyphens, punctuation, non-ASCII, sentence start.
inline constexpr int kNnTagShapes = 256;
int nn_tag_shape(std::string_view form, bool first);
// The vocabulary keys of a form: its lowercase, and the prefix and suffix of that (the same
// keys for building the vocabularies in training and for looking them up).
struct NnTagKeys {
  uint64_t word, prefix, suffix;  // the prefix and suffix are of three code points
};
NnTagKeys nn_tag_keys(std::string_view form);

// Parameters, vocabularies and (after prepare()) the per-entry input products. Scoring is const
// and thread-safe once prepared.
struct NnTagModel {
  NnTagDims dims;
  int labels = 0;
  // Vocabulary keys (hashes) in id order; id 0 is the unknown entry.
  std::vector<uint64_t> word_keys, prefix_keys, suffix_keys;
  FlatMap words, prefixes, suffixes;                       // key -> id (1..)
  std::vector<float> e_word, e_prefix, e_suffix, e_shape;  // (entries + 1) rows, shapes 256
  std::vector<float> lstm_x[2], lstm_h[2], lstm_b[2];      // input-major, gates i f g o
  std::vector<float> w_out, b_out;                         // 2 * lstm rows of `labels`

  std::vector<std::vector<float>*> matrices();
  // Rebuilds the key -> id maps from the key lists.
  void index();
  // Ids of each word: word, prefix, suffix, shape (4 per word).
  void token_ids(const std::vector<std::string_view>& forms, std::vector<int>& ids) const;
  // Computes the input products (embedding x LSTM input weights, both directions) per entry.
  void prepare();
  void release();  // frees them
  // Label scores of every word (n rows of `labels`), after prepare(). With `skip`, the rows of
  // the words i with skip[i] != FlatMap::kMissing (tag dictionary words) are left unset.
  void scores(const std::vector<std::string_view>& forms, std::vector<float>& out,
              const uint32_t* skip = nullptr) const;

  void write(BinaryWriter& w) const;
  static Result<NnTagModel> read(BinaryReader& r, uint32_t labels);

 private:
  // Rows of 8 * lstm (forward gates then backward gates); the shape rows include the biases.
  // Megabytes read at random: on huge pages.
  using Table = std::vector<float, HugePageAllocator<float>>;
  Table p_word_, p_prefix_, p_suffix_, p_shape_;
};

}  // namespace kg::tag
