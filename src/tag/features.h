// Feature extraction for the averaged-perceptron tagger: lexical hashes per word, then the keys
// of the feature templates (static ones per word, history ones per decoding step).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "common/hash.h"
#include "tag/flat_map.h"

namespace kg::tag {

// Mixes two 64-bit values into a well-spread nonzero key.
inline uint64_t mix(uint64_t a, uint64_t b) {
  const uint64_t h = fmix64(a ^ (b * 0x9E3779B97F4A7C15ULL + 0x632BE59BD9B4E019ULL));
  return h == 0 ? 1 : h;
}

// Lexical hashes of one word, computed once per sentence.
struct WordInfo {
  uint64_t form = 0;    // exact form
  uint64_t lower = 0;   // ASCII-lowercased form
  uint64_t shape = 0;   // short shape ("Xx", "d.d", "x-x")
  uint64_t flags = 0;   // digit / hyphen / case bits
  uint64_t prefix[3] = {};
  uint64_t suffix[4] = {};
  uint64_t amb = 0;     // ambiguity class (set of labels seen in training), 0 if unknown
  uint64_t casing = 0;  // of the whole sentence: mostly lowercase, title case or all capitals
};

// ASCII-lowercases `s`.
std::string lowercase(std::string_view s);

// Hash of the lowercased form, the key of the lexicon maps (ambiguity classes, tag dictionary).
uint64_t lower_key(std::string_view form);

// Fills `out` (resized to forms.size() + 4: two padding words on each side, word i at i + 2).
// `amb_classes` maps lower_key(form) to an ambiguity class id; it may be null.
void lexical_info(const std::vector<std::string_view>& forms, const FlatMap* amb_classes,
                  std::vector<WordInfo>& out);

inline constexpr size_t kStaticFeatures = 37;
inline constexpr size_t kPreviousFeatures = 10;
inline constexpr size_t kMaxHistoryFeatures = 11;
inline constexpr size_t kMaxFeatures = kStaticFeatures + kPreviousFeatures + kMaxHistoryFeatures;
// Label used for positions after the end of the sentence in the previous-pass features.
inline constexpr uint32_t kEndLabel = 0xFFFFFFFEu;

// A pass runs left to right, or right to left when `reversed`. Passes after the first also see
// the labels the pass before chose for the whole sentence (`previous`).

// Keys of the features of word i that depend on the words only (the same for every pass).
// `w` is from lexical_info.
void static_features(const std::vector<WordInfo>& w, size_t i, uint64_t* out);

// Keys (kPreviousFeatures) of the features of word i from the previous pass's labels for word i
// and the two words after it in this pass's direction.
void previous_features(const std::vector<WordInfo>& w, size_t i, bool reversed,
                       const std::vector<uint32_t>& previous, uint64_t* out);

// Keys of the features of word i that depend on the labels this pass chose for the one and two
// words before it (`t1`, `t2`; a begin-of-sentence label for padding), alone and combined with
// `previous` when it is not null. Returns the number of keys written (<= kMaxHistoryFeatures).
size_t history_features(const std::vector<WordInfo>& w, size_t i, bool reversed, uint32_t t1,
                        uint32_t t2, const std::vector<uint32_t>* previous, uint64_t* out);

}  // namespace kg::tag
