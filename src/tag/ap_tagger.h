// The averaged-perceptron tagger: greedy prediction of a combined UPOS+XPOS label in one or two
// passes (the second also sees the first pass's labels), a tag dictionary for frequent
// unambiguous words, then the lemmatizer.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "tag/features.h"
#include "tag/flat_map.h"
#include "tag/lemmatizer.h"
#include "tag/nn_tagger.h"
#include "tag/tagger.h"
#include "tag/weights.h"

namespace kg::tag {

inline constexpr std::string_view kImplementation = "kg-tagger-ap";
// Version 1: no BiLSTM scorer; version 2 (written only when there is one) adds it at the end.
inline constexpr uint32_t kFormatVersion = 1;
inline constexpr uint32_t kFormatVersionNn = 2;

// Everything a saved tagger holds.
struct ApModel {
  std::vector<std::string> upos;  // per label
  std::vector<std::string> xpos;  // per label
  FlatMap amb_classes;            // lower_key(form) -> ambiguity class id
  FlatMap dictionary;             // dictionary_key(form) -> label, frequent unambiguous forms
  PackedWeights weights;          // all passes
  std::vector<uint8_t> reversed;  // per pass: 1 if it runs right to left
  Lemmatizer lemmatizer;
  // Optional BiLSTM scorer (prepared): the last pass's label score is then
  // perceptron_weight * perceptron score + the scorer's score.
  std::shared_ptr<const NnTagModel> nn;
  float perceptron_weight = 1.f;

  uint32_t labels() const { return static_cast<uint32_t>(upos.size()); }
  uint32_t format_version() const { return nn ? kFormatVersionNn : kFormatVersion; }
  // History label of the words before the sentence.
  uint32_t begin_label() const { return labels(); }
  int passes() const { return static_cast<int>(reversed.size()); }
};

// Key of the tag dictionary.
uint64_t dictionary_key(std::string_view form);

class ApTagger final : public Tagger {
 public:
  explicit ApTagger(ApModel model) : m_(std::move(model)) {}

  static Result<std::unique_ptr<Tagger>> read(BinaryReader& r, uint32_t version);

  void tag(Sentence& sentence) const override;
  Status save(const std::string& path) const override;
  std::string describe() const override;

  // Labels of `forms` (all passes), without writing them anywhere.
  void predict(const std::vector<std::string_view>& forms, std::vector<uint32_t>& labels) const;
  // The same with the lexical information already computed (`info` from lexical_info).
  void predict(const std::vector<std::string_view>& forms, const std::vector<WordInfo>& info,
               std::vector<uint32_t>& labels) const;

  const ApModel& model() const { return m_; }
  // Sets (or with null removes) the BiLSTM scorer and the weight of the perceptron's scores.
  void set_nn(std::shared_ptr<const NnTagModel> nn, float perceptron_weight) {
    m_.nn = std::move(nn);
    m_.perceptron_weight = perceptron_weight;
  }

 private:
  // Adds the weights of `keys` (`per_word` keys for each word in `owner`, in order) to the
  // scores of passes [first, last) of those words (scores[(word * passes + pass) * labels]).
  void add_batch(const std::vector<uint64_t>& keys, size_t per_word,
                 const std::vector<uint32_t>& owner, int first, int last,
                 std::vector<int32_t>& scores) const;

  ApModel m_;
};

}  // namespace kg::tag
