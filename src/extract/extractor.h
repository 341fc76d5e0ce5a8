// kg_extract: clause-based proposition extraction over dependency trees, entity mentions and
// within-document entity resolution.
//
// Contract:
// - Input documents must be tokenized, tagged (UPOS, lemma) and parsed (HEAD, DEPREL); the NER
//   stage's IOB tags in Token::entity are used when present (PER, ORG, LOC, MISC).
// - extract() returns the document's facts with canonical entity names (one name per entity within
//   the document: "Joe Biden" for "Biden", "President Biden" and "he"), normalized relation labels
//   ("agree to hold"), surface texts, types, qualifiers (negated, modality, attribution) and a
//   confidence in [0, 1]. A sentence whose words lack a parse is an error naming the document and
//   sentence. It can also give every mention of a named entity with the document's name for it.
// - extract_nary() gives CaRB-style n-ary extractions of one sentence: surface phrases (full
//   argument subtrees, not canonical names), the relation as written, arguments in order.
// - An Extractor is immutable after create(); all methods are thread-safe.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "doc/document.h"
#include "doc/triple.h"

namespace kg {

struct ExtractorOptions {
  // Facts below this confidence are dropped.
  double min_confidence = 0.0;
  // "Antony Blinken - be - US Secretary of State" from titles and appositions.
  bool title_facts = true;
  // Keep facts whose subject or object is a pronoun that resolution could not link (named by the
  // pronoun itself); off by default because "he" is not a useful graph node.
  bool keep_unresolved_pronouns = false;
};

// One n-ary extraction: relation and arguments as phrases of the sentence.
struct NaryExtraction {
  std::string relation;           // "has agreed to hold"
  std::vector<std::string> args;  // arg1 (subject), arg2, ...
  double confidence = 0.0;
  bool negated = false;
  std::optional<std::string> modality;
  std::optional<std::string> attribution;  // surface text of the source
};

class Extractor {
 public:
  // Changes whenever extraction output changes, so that stored documents are re-extracted.
  static constexpr const char* kVersion = "kg-extract 3";

  static Result<std::unique_ptr<Extractor>> create(const ExtractorOptions& options = {});

  // The document's facts; with `mentions`, also its mentions of named entities (EntityMention).
  Result<std::vector<Triple>> extract(const Document& doc,
                                      std::vector<EntityMention>* mentions = nullptr) const;
  Result<std::vector<NaryExtraction>> extract_nary(const Sentence& sentence) const;

  const ExtractorOptions& options() const { return options_; }

 private:
  explicit Extractor(const ExtractorOptions& options) : options_(options) {}
  ExtractorOptions options_;
};

}  // namespace kg
