// Feature extraction for the arc-hybrid parser: Zhang & Nivre (2011) style templates over the
// stack, buffer, children, distances, valencies and label sets, each hashed to a 64-bit key.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "doc/document.h"
#include "parse/transition.h"

namespace kg::parse {

// Bump when templates or atoms change: models store it and refuse a mismatch.
inline constexpr uint32_t kFeatureSetVersion = 1;

// Per-word atoms of one sentence (hashed form, tags, suffix), computed once per sentence.
class SentenceAtoms {
 public:
  void build(const Sentence& s);
  // t is a word index 1..n, 0 for the root, -1 for "nothing".
  uint64_t word(int t) const { return word_[t + 1]; }
  uint64_t tag(int t) const { return tag_[t + 1]; }
  uint64_t upos(int t) const { return upos_[t + 1]; }
  uint64_t suffix(int t) const { return suffix_[t + 1]; }
  uint64_t shape(int t) const { return shape_[t + 1]; }
  // Punctuation marks and verbs strictly between word positions i < j (0 as i means the root,
  // which for these counts sits after the last word: pass n + 1).
  int punct_between(int i, int j) const { return punct_[j - 1] - punct_[i]; }
  int verbs_between(int i, int j) const { return verbs_[j - 1] - verbs_[i]; }

 private:
  std::vector<uint64_t> word_, tag_, upos_, suffix_, shape_;
  std::vector<int> punct_, verbs_;  // prefix counts over words 1..i
};

// Appends the feature keys of configuration `s` to `out` (cleared first).
void extract_features(const State& s, const SentenceAtoms& a, std::vector<uint64_t>& out);

// A word's shape class (1..63): first letter upper case, all upper case, digits, hyphens,
// letters, other characters.
uint64_t shape_of(std::string_view form);

// A word's vocabulary key, written into `out` (its buffer reused): ASCII letters lower-cased,
// every digit 0. The perceptron's word features and the neural scorer's word ids use it.
void word_key(std::string_view form, std::string& out);
// The suffix feature of a word key: its last three bytes (the whole key when shorter).
inline std::string_view suffix_key(std::string_view key) {
  return key.size() > 3 ? key.substr(key.size() - 3) : key;
}

}  // namespace kg::parse
