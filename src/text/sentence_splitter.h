// Sentence boundaries over surface tokens: paragraph and line-break rules, punctuation rules, and
// an optional averaged-perceptron model that scores "a sentence ends after this token".
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/binio.h"
#include "common/status.h"
#include "text/lexer.h"

namespace kg::text {

// How a single line break (not a blank line) inside a paragraph is treated.
enum class LineBreakMode {
  kAuto,      // ends a sentence unless the text looks hard-wrapped (most lines end mid-sentence)
  kSentence,  // always ends a sentence
  kSpace,     // never: a line break is a space
};

struct SplitOptions {
  LineBreakMode line_breaks = LineBreakMode::kAuto;
  size_t max_sentence_tokens = 300;  // longer sentences are cut, preferably after ; : , or a dash
};

// Feature hashing space of the boundary model.
inline constexpr uint32_t kBoundaryFeatureBits = 20;

// Linear boundary model: sum of the weights of the hashed features, compared with `threshold`.
struct BoundaryModel {
  std::vector<float> weights;  // 2^kBoundaryFeatureBits entries
  float threshold = 0;

  float score(const std::vector<uint32_t>& features) const {
    float s = 0;
    for (uint32_t f : features) s += weights[f];
    return s;
  }
  void write(BinaryWriter& w) const;
  static Result<BoundaryModel> read(BinaryReader& r);
};

// Per-document view of the tokens that boundary features are computed from.
class BoundaryContext {
 public:
  BoundaryContext(std::string_view text, const std::vector<RawToken>& tokens);

  size_t size() const { return tokens_.size(); }
  // Whether a sentence must end after token i (paragraph end, a line break that ends a sentence,
  // the last token).
  bool forced(size_t i) const { return forced_[i]; }
  // The rule-based decision for the boundary after token i (used without a model and as a
  // feature of the model).
  bool rule(size_t i) const;
  // Whether the model is asked about the boundary after token i: after final punctuation (and
  // closing quotes or brackets right after it), a word with a period, a colon or semicolon.
  bool candidate(size_t i) const;
  // Hashed features of the boundary after token i.
  void features(size_t i, std::vector<uint32_t>& out) const;

  void set_line_breaks(LineBreakMode mode);

 private:
  struct Info {
    std::string_view form;
    uint64_t word = 0;   // hash of the lowercased form
    uint64_t shape = 0;  // hash of the shape ("Xx", "x.", "d")
    char first = 'o';    // class of the first character: U(pper) l(ower) d(igit) q(uote) o(ther)
    char last = 'o';
    bool final_punct = false;   // . ! ? ... runs
    bool closing = false;       // closing quote or bracket
    int abbreviation = 0;       // AbbreviationKind of a word ending in '.'
    bool starter = false;       // a capitalized function word ("The", "In", "He")
    bool space_before = false;
    uint32_t newlines_before = 0;
  };
  std::string_view text_;
  const std::vector<RawToken>& raw_;
  std::vector<Info> tokens_;
  std::vector<char> forced_;
  std::vector<uint32_t> since_paragraph_;  // tokens since the paragraph start
  std::vector<uint32_t> since_punct_;      // tokens since the last final punctuation
  std::vector<uint32_t> until_punct_;      // tokens until the next final punctuation or paragraph end
  // Document style: how many paragraphs end with final punctuation (0 few .. 3 nearly all);
  // news has punctuated paragraphs, forum and email text often not.
  uint32_t punctuated_ = 0;
};

// Boundary decisions for a document: result[i] is true when a sentence ends after token i.
// `model` may be null (rules only).
std::vector<bool> split_sentences(std::string_view text, const std::vector<RawToken>& tokens,
                                  const BoundaryModel* model, const SplitOptions& options);

}  // namespace kg::text
