// Feature extraction for the entity tagger: each feature is a 64-bit hash of a template id and
// the token, context or history values it looks at. The hashes are stored in model files, so any
// change here must bump kFeatureSetVersion.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "doc/document.h"

namespace kg::ner {

inline constexpr uint32_t kFeatureSetVersion = 1;
inline constexpr int kHistoryFeatures = 6;
inline constexpr int kNoLabel = -1;  // history before the sentence start

// Word-level values the templates combine; computed once per token.
struct TokenInfo {
  uint64_t form = 0, lower = 0, shape = 0, short_shape = 0, pos = 0;
  std::array<uint64_t, 4> prefix{}, suffix{};
  uint8_t cue = 0;  // Cue class of the lowercased word (title, org suffix, place word, ...)
  bool capitalized = false;
};

// The features of one sentence. Not thread-safe; cheap to build per call.
class SentenceFeatures {
 public:
  SentenceFeatures(const Sentence& s, bool use_pos);

  size_t size() const { return offsets_.size() - 1; }
  // Features that do not depend on predicted labels.
  std::span<const uint64_t> static_features(size_t i) const {
    return {static_.data() + offsets_[i], static_.data() + offsets_[i + 1]};
  }
  // Features over the labels chosen for tokens i-1 (prev1) and i-2 (prev2), kNoLabel if none.
  std::array<uint64_t, kHistoryFeatures> history_features(size_t i, int prev1, int prev2) const;

 private:
  const TokenInfo& at(long i) const;  // padding outside [0, n)

  std::vector<TokenInfo> info_;
  TokenInfo begin_pad_, end_pad_;
  std::vector<uint64_t> static_;
  std::vector<size_t> offsets_;
};

// Lowercases (ASCII, Latin-1, Latin Extended-A, Greek, Cyrillic) — exposed for tests.
std::string lowercase(const std::string& s);
// "Xxxx", "dd-dd", with runs of one class cut at four characters — exposed for tests.
std::string word_shape(const std::string& s);

}  // namespace kg::ner
