// The NLP stages that run before extraction, loaded from one models folder: tokenizer
// (tokenizer.kgm; the punctuation rules alone when absent), tagger (tagger.bin), parser
// (parser.bin) and, when present, the entity tagger (ner.bin; without it entity types come from
// cues alone).
//
// Contract: load() fails with a message naming the missing or unreadable model file. An
// Annotator is immutable after load(); annotate() and annotate_line() are thread-safe.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "common/status.h"
#include "doc/document.h"

namespace kg {

class Tokenizer;
class Tagger;
class Parser;
class EntityTagger;

class Annotator {
 public:
  static constexpr const char* kTaggerFile = "tagger.bin";
  static constexpr const char* kParserFile = "parser.bin";
  static constexpr const char* kNerFile = "ner.bin";

  static Result<std::unique_ptr<Annotator>> load(const std::string& models_dir);
  ~Annotator();

  // Splits doc.text into sentences and tokens, then tags, parses and entity-tags them.
  void annotate(Document& doc) const;
  // One line as exactly one sentence (CaRB input), with offsets into `line`.
  Sentence annotate_line(std::string_view line) const;
  // Tags, parses and entity-tags an already tokenized sentence.
  void annotate_sentence(Sentence& s) const;

  bool has_ner() const { return ner_ != nullptr; }
  // The models folder used when none is given: $KG_MODELS, else models/ two levels above the
  // running binary (build/bin/kg -> models/), else ./models.
  static std::string default_models_dir();

 private:
  Annotator();
  std::unique_ptr<Tokenizer> tokenizer_;
  std::unique_ptr<Tagger> tagger_;
  std::unique_ptr<Parser> parser_;
  std::unique_ptr<EntityTagger> ner_;
};

}  // namespace kg
