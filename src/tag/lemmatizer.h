// Lemmatizer learned from a treebank: exact exceptions for forms seen in training, then the most
// frequent edit script (casing, bytes to strip, suffix to append) for the longest known
// (tag, word-ending) pair.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/binio.h"
#include "common/status.h"
#include "doc/document.h"
#include "tag/flat_map.h"

namespace kg::tag {

// Read-only after training or loading; lemmatize() is thread-safe.
class Lemmatizer {
 public:
  // Learns from the gold FORM, UPOS, XPOS and LEMMA columns of `sentences`.
  static Lemmatizer train(const std::vector<Sentence>& sentences);

  std::string lemmatize(std::string_view form, std::string_view upos, std::string_view xpos) const;

  void write(BinaryWriter& w) const;
  static Result<Lemmatizer> read(BinaryReader& r);

  size_t exceptions() const { return exact_.size(); }
  size_t rules() const { return rules_.size(); }

 private:
  enum Casing : uint8_t { kLower = 0, kKeep = 1, kTitle = 2 };  // title: lowercase, first upper
  struct Rule {
    uint8_t casing = kLower;  // how the form is cased before the suffix edit
    uint8_t strip = 0;        // bytes removed from the end
    std::string append;
  };
  static constexpr size_t kMaxSuffix = 6;

  // Applies `rule` to `form`, or returns false if the form is too short.
  static bool apply(const Rule& rule, std::string_view form, std::string& out);
  static Rule rule_for(std::string_view form, std::string_view lemma);
  static uint64_t suffix_key(uint64_t tag, std::string_view lower, size_t len);
  // Key of the last `len` bytes of the stem of a regular -ed / -ing verb form.
  static uint64_t stem_key(std::string_view stem, size_t len);

  static uint64_t exact_key(std::string_view form, uint64_t tag);

  std::unordered_map<uint64_t, std::string> exact_;  // (form, tag) -> lemma
  std::vector<Rule> rules_;
  FlatMap by_suffix_;  // (tag, ending) -> rule; keys come from mix(), which is never 0
};

}  // namespace kg::tag
