// kg_ner: the named-entity tagger. Sets Token::entity to IOB2 tags over the UniversalNER types
// PER, ORG and LOC ("B-PER", "I-ORG", "O"); the extraction stage maps them to its own types.
// Also here: the IOB2 corpus reader and the conlleval-style entity scorer used to train and
// evaluate it.
#pragma once

#include <cstdint>
#include <istream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "common/status.h"
#include "doc/document.h"

namespace kg {

namespace ner {
class Model;
}

// ---- Corpus -------------------------------------------------------------------------------

// Reads a UniversalNER IOB2 file (`index <TAB> token <TAB> tag [<TAB> - <TAB> annotator]`, blank
// line between sentences, `# sent_id` / `# text` comments). Fills Token::form and Token::entity.
// Both the final 5-column files and the 2022 draft train file (3-column `O` rows) are accepted.
// Tags outside PER/ORG/LOC (`B-OTH`, `I-OTH`, the draft's stray `B-O`) become "O", and an I- tag
// that does not continue an entity of its type becomes B- (conlleval's reading of it).
// Errors name the file and line.
Result<std::vector<Sentence>> read_iob2(std::istream& in, const std::string& name);
Result<std::vector<Sentence>> read_iob2_file(const std::string& path);

// ---- Scoring ------------------------------------------------------------------------------

// An entity: tokens [first, last] (0-based, inclusive) of type `type` ("PER").
struct EntitySpan {
  int first = 0;
  int last = 0;
  std::string type;
  bool operator==(const EntitySpan&) const = default;
};

// The entity spans of a sentence's IOB2 column, read as conlleval does (an I-X after O or
// after another type starts a new entity).
std::vector<EntitySpan> entity_spans(const Sentence& s);

struct PrfCounts {
  size_t gold = 0;
  size_t predicted = 0;
  size_t correct = 0;
  double precision() const { return predicted ? static_cast<double>(correct) / predicted : 0.0; }
  double recall() const { return gold ? static_cast<double>(correct) / gold : 0.0; }
  double f1() const {
    double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
  }
};

// Exact-span entity scores (conlleval style), per type and micro-averaged overall.
struct EntityScores {
  std::map<std::string, PrfCounts> by_type;
  PrfCounts overall;
  size_t tokens = 0;
};

// Compares the entity column of `predicted` with `gold`; the two must hold the same sentences
// with the same number of tokens (an error otherwise).
Result<EntityScores> score_entities(const std::vector<Sentence>& gold,
                                    const std::vector<Sentence>& predicted);

// ---- Tagger -------------------------------------------------------------------------------

// An averaged-perceptron sequence tagger over IOB2 (first-order Viterbi, or greedy left to right)
// with the constraint that I-X only follows B-X or I-X. Immutable once built: tag() may be called
// from many threads at once.
class EntityTagger {
 public:
  // Reads a model written by save(). Fails with kNotFound for a missing file and
  // kVersionMismatch for a model of another implementation ("kg-ner-ap") or format version.
  static Result<std::unique_ptr<EntityTagger>> load(const std::string& path);

  // A tagger of a model made by the trainer (train/train.h).
  explicit EntityTagger(std::unique_ptr<ner::Model> model);
  ~EntityTagger();

  // Sets Token::entity of every token of `s` to a valid IOB2 sequence. Reads form (and upos
  // when the model uses POS features); writes nothing else.
  void tag(Sentence& s) const;

  // Writes the model (atomically) with the binio header "kg-ner-ap".
  Status save(const std::string& path) const;

  // The tag set, "O" first.
  const std::vector<std::string>& labels() const;
  // Number of weighted features in the model.
  size_t feature_count() const;

 private:
  std::unique_ptr<ner::Model> model_;
};

}  // namespace kg
