// Part-of-speech tagging (UPOS and XPOS) and lemmatization of tokenized sentences.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "common/status.h"
#include "doc/document.h"

namespace kg {

// Accuracy of predicted against gold columns, over syntactic words.
struct TagAccuracy {
  size_t words = 0;
  size_t upos = 0;
  size_t xpos = 0;
  size_t upos_xpos = 0;  // both right
  size_t lemma = 0;

  double pct(size_t n) const { return words ? 100.0 * static_cast<double>(n) / words : 0.0; }
};

// A trained tagger. tag() is const and thread-safe: any number of threads may tag different
// sentences with one Tagger at once.
class Tagger {
 public:
  virtual ~Tagger() = default;

  // Loads a model written by save(). Errors: kNotFound (no file), kVersionMismatch (a model of
  // another implementation or format version, named in the message), kCorruption.
  static Result<std::unique_ptr<Tagger>> load(const std::string& path);

  // Sets upos, xpos and lemma of every token from its form (other fields are left alone).
  virtual void tag(Sentence& sentence) const = 0;

  // Writes the model atomically.
  virtual Status save(const std::string& path) const = 0;

  // One line about the model ("kg-tagger-ap v1: 93 labels, 280133 features, ...").
  virtual std::string describe() const = 0;
};

// Tags copies of `gold` with `tagger` and compares with the gold columns.
TagAccuracy evaluate_tagger(const Tagger& tagger, const std::vector<Sentence>& gold);

}  // namespace kg
