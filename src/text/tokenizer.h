// Tokenization and sentence splitting of raw text: the stage that turns Document::text into
// Document::sentences (tokens with byte offsets, SpaceAfter, UD multiword tokens).
//
// Conventions follow UD English-EWT, so the tagger and parser see what they were trained on:
// punctuation is split from words ("U.S." and "Inc." keep their period), "don't" is one surface
// token over the words "do" + "n't", "Russia's" over "Russia" + "'s", "cannot" over "can" + "not";
// most hyphenated compounds are split ("long - term") except after prefixes ("non-stop",
// "e-mail") and in codes and phone numbers; URLs, emails, @mentions and #hashtags stay whole;
// numbers keep their inner punctuation ("3,000", "4.5", "8:30", "9/11"), "$" and "%" are split.
//
// Sentences end at a blank line, at a single line break unless the text looks hard-wrapped, and
// where the boundary model (or, without one, the punctuation rules) says so. A sentence longer
// than `max_sentence_tokens` surface tokens is cut (after ; : , or a dash when possible).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "doc/document.h"

namespace kg {
namespace text {
struct BoundaryModel;
}

struct TokenizerOptions {
  enum class LineBreaks {
    kAuto,      // a line break ends a sentence unless most lines end mid-sentence (wrapped text)
    kSentence,  // every line break ends a sentence (one sentence or headline per line)
    kSpace,     // line breaks are spaces; only blank lines and punctuation end sentences
  };
  LineBreaks line_breaks = LineBreaks::kAuto;
  size_t max_sentence_tokens = 300;
  size_t max_token_bytes = 1000;  // longer runs without spaces are cut into several tokens
};

// Splits documents into sentences and tokens. Cheap to copy (the model is shared, immutable).
// All methods are const and thread-safe.
class Tokenizer {
 public:
  // The file name of the trained model inside a models folder.
  static constexpr const char* kModelFileName = "tokenizer.kgm";

  // Punctuation rules only, no trained model.
  static Tokenizer create(TokenizerOptions options = {});

  // Rules plus the boundary model saved by save(). Errors: kNotFound (no file),
  // kVersionMismatch (a model of another kind or version), kCorruption.
  static Result<Tokenizer> load(const std::string& path, TokenizerOptions options = {});

  // Writes the model atomically. Errors: kInvalidInput for a rules-only tokenizer, kIo.
  Status save(const std::string& path) const;

  // Replaces doc.sentences with the sentences of doc.text. Token and sentence offsets are byte
  // offsets into doc.text; Sentence::text is that span with each whitespace run (line breaks
  // included) replaced by one space, so it is a valid "# text" line. Words of a multiword token
  // share its offsets and have space_after = true; the MultiwordToken carries the real value.
  // Sentence::id is left empty. Never fails: invalid UTF-8 bytes become single-byte tokens.
  void tokenize(Document& doc) const;

  // Tokenizes `text` as exactly one sentence (no splitting; for one-sentence-per-line input).
  // Offsets are into `text`.
  Sentence tokenize_sentence(std::string_view text) const;

  // Rules plus `model` (text/sentence_splitter.h); how the trainer (train/train.h) builds one.
  Tokenizer(std::shared_ptr<const text::BoundaryModel> model, TokenizerOptions options)
      : model_(std::move(model)), options_(options) {}

  bool has_model() const { return model_ != nullptr; }
  const TokenizerOptions& options() const { return options_; }
  // One line about the tokenizer ("kg-tokenizer v1: rules + boundary model, 41234 weights").
  std::string describe() const;

 private:
  std::shared_ptr<const text::BoundaryModel> model_;
  TokenizerOptions options_;
};

}  // namespace kg
