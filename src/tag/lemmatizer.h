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
#include "tag/flat_map.h"

namespace kg::tag {

// Read-only after training or loading; lemmatize() is thread-safe.
class Lemmatizer {
 public:
  // The edit script from a form to its lemma.
  enum Casing : uint8_t { kLower = 0, kKeep = 1, kTitle = 2 };  // title: lowercase, first upper
  struct Rule {
    uint8_t casing = kLower;  // how the form is cased before the suffix edit
    uint8_t strip = 0;        // bytes removed from the end
    std::string append;
  };
  // Exceptions: exact_key(form, tag_key(upos, xpos)) -> lemma.
  using Exceptions = std::unordered_map<uint64_t, std::string>;
  // The longest word ending (in bytes) the rules are keyed by.
  static constexpr size_t kMaxSuffix = 6;

  Lemmatizer() = default;
  // The tables the trainer (train/lemmatizer_trainer.h) learned: the exceptions, the edit
  // scripts and, by suffix_key() or stem_key(), the index of the rule to apply.
  Lemmatizer(Exceptions exact, std::vector<Rule> rules, FlatMap by_suffix)
      : exact_(std::move(exact)), rules_(std::move(rules)), by_suffix_(std::move(by_suffix)) {}

  std::string lemmatize(std::string_view form, std::string_view upos, std::string_view xpos) const {
    return lemmatize(form, upos, xpos, /*own_exception=*/true);
  }
  // The lemma of the rules and the other exceptions, as if (form, upos, xpos) had none of its
  // own (the trainer drops the exceptions the rules already get right).
  std::string lemmatize_by_rules(std::string_view form, std::string_view upos,
                                 std::string_view xpos) const {
    return lemmatize(form, upos, xpos, /*own_exception=*/false);
  }

  void write(BinaryWriter& w) const;
  static Result<Lemmatizer> read(BinaryReader& r);

  size_t exceptions() const { return exact_.size(); }
  size_t rules() const { return rules_.size(); }

  // The keys of the tables and the pieces of the rules, shared by lookup and training.
  static uint64_t tag_key(std::string_view upos, std::string_view xpos);
  static uint64_t upos_key(std::string_view upos);
  static uint64_t exact_key(std::string_view form, uint64_t tag);
  static uint64_t suffix_key(uint64_t tag, std::string_view lower, size_t len);
  // Key of the last `len` bytes of the stem of a regular -ed / -ing verb form.
  static uint64_t stem_key(std::string_view stem, size_t len);
  // The inflection of a regular -ed / -ing verb form (lowercase), or 0 when it is not one.
  static size_t inflection_length(std::string_view lower, std::string_view upos,
                                  std::string_view xpos);
  // Whether the last `len` bytes of `s` start at a UTF-8 character boundary.
  static bool is_boundary(std::string_view s, size_t len);
  // `form` cased as `casing` says.
  static std::string cased(std::string_view form, uint8_t casing);

 private:
  std::string lemmatize(std::string_view form, std::string_view upos, std::string_view xpos,
                        bool own_exception) const;
  // Applies `rule` to `form`, or returns false if the form is too short.
  static bool apply(const Rule& rule, std::string_view form, std::string& out);

  Exceptions exact_;  // (form, tag) -> lemma
  std::vector<Rule> rules_;
  FlatMap by_suffix_;  // (tag, ending) -> rule; keys come from mix(), which is never 0
};

}  // namespace kg::tag
