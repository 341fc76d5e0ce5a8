// kg_parse: labelled dependency parsing. Fills Token::head and Token::deprel of a tagged sentence
// (it reads form, upos and xpos; lemma is not used). The implementation is a greedy arc-hybrid
// transition parser scored by an averaged perceptron over hashed features plus (optionally) a
// small BiLSTM feed-forward scorer, both trained with a dynamic oracle; every output is a
// single-rooted tree and parsing is linear in the sentence length.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "common/status.h"
#include "doc/document.h"

namespace kg {

class Parser;

// Attachment scores over syntactic words, punctuation included. LAS compares the universal part
// of DEPREL (before ':'), as the CoNLL 2018 evaluator does.
struct AttachmentScore {
  size_t words = 0;
  size_t head_correct = 0;
  size_t labelled_correct = 0;
  double uas() const { return words ? 100.0 * head_correct / words : 0.0; }
  double las() const { return words ? 100.0 * labelled_correct / words : 0.0; }
};

// Scores `system` against `gold` sentence by sentence; sentences must have the same word counts
// (extra sentences or words on either side count as wrong).
AttachmentScore score_attachment(const std::vector<Sentence>& gold,
                                 const std::vector<Sentence>& system);

// Parses a copy of `gold` (its tags as they are) with `parser` and scores it against `gold`.
AttachmentScore score_parser(const Parser& parser, const std::vector<Sentence>& gold);

// A trained parser. Immutable after construction: parse() is thread-safe for concurrent callers.
class Parser {
 public:
  virtual ~Parser() = default;

  // Loads a model written by save(). Errors: kNotFound (no file), kInvalidInput (not a kg model),
  // kVersionMismatch (another implementation or format version), kCorruption (truncated data).
  static Result<std::unique_ptr<Parser>> load(const std::string& path);

  // Sets head (0 = root) and deprel of every word. Reads form, upos and xpos. An empty sentence
  // is left alone; any other input yields a tree with exactly one root.
  virtual void parse(Sentence& sentence) const = 0;

  // Writes the model atomically (temporary file + rename).
  virtual Status save(const std::string& path) const = 0;

  // The same parser without its neural scorer (perceptron only; a copy when it has none).
  virtual std::unique_ptr<Parser> without_neural_scorer() const = 0;

  // Number of stored feature rows and weights (for reports).
  virtual size_t feature_count() const = 0;
  virtual size_t weight_count() const = 0;
};

}  // namespace kg
