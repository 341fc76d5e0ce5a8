// Lexical hashes and feature-template keys for the tagger.
#include "tag/features.h"

#include <string>

#include "common/hash.h"

namespace kg::tag {
namespace {

// Template ids are hashed into the feature keys a saved model holds: append new ones at the end,
// never reorder or remove (or bump kFormatVersion).
enum Template : uint64_t {
  kBias = 1,
  kForm,
  kLower,
  kSuffix1,
  kSuffix2,
  kSuffix3,
  kSuffix4,
  kPrefix1,
  kPrefix2,
  kPrefix3,
  kShape,
  kFlags,
  kLowerM1,
  kLowerM2,
  kLowerP1,
  kLowerP2,
  kSuffix3M1,
  kSuffix3P1,
  kSuffix3P2,
  kShapeM1,
  kShapeP1,
  kBigramM1,
  kBigramP1,
  kSkip,
  kAmb,
  kAmbP1,
  kAmbP2,
  kAmbP1P2,
  kAmbM1,
  kCaseFlags,
  kCaseAmb,
  kCaseShape,
  kSuffix2M1,
  kSuffix2P1,
  kAmbM2,
  kBigramP1P2,
  kBigramM2M1,
  kR1LowerAhead,
  kR2LowerAhead2,
  kR0R1,
  kT1R0,
  kT1R1Lower,
  kR1R2Lower,
  kT1,
  kT2,
  kT1T2,
  kT1Lower,
  kT1LowerP1,
  kT1AmbP1,
  kT2Lower,
  kT1Suffix3,
  kR0,
  kR1,
  kR2,
  kR1R2,
  kR1Lower,
  kT1R1,
  kR0Lower,
};

bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

enum Flag : uint64_t {
  kHasDigit = 1,
  kHasHyphen = 2,
  kHasUpper = 4,
  kAllUpper = 8,
  kInitUpper = 16,
  kHasLetter = 32,
  kNonAscii = 64,
  kHasPeriod = 128,
};

}  // namespace

std::string lowercase(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

uint64_t lower_key(std::string_view form) { return mix(hash64(lowercase(form)), 0x4C4558); }

void lexical_info(const std::vector<std::string_view>& forms, const FlatMap* amb_classes,
                  std::vector<WordInfo>& out) {
  out.assign(forms.size() + 4, WordInfo{});
  for (size_t p = 0; p < 2; ++p) {
    for (WordInfo* pad : {&out[p], &out[forms.size() + 2 + p]}) {
      uint64_t v = mix(0xB0517E5ULL, (pad == &out[p] ? 10 : 20) + p);
      pad->form = pad->lower = pad->shape = pad->flags = pad->amb = v;
      for (auto& x : pad->prefix) x = v;
      for (auto& x : pad->suffix) x = v;
    }
  }
  std::string lower, shape;
  size_t cuts[5];
  size_t words = 0, capitalized = 0, all_caps = 0;
  for (size_t i = 0; i < forms.size(); ++i) {
    std::string_view f = forms[i];
    WordInfo& w = out[i + 2];
    lower = lowercase(f);
    w.form = hash64(f, 1);
    w.lower = hash64(lower, 2);
    uint64_t flags = 0;
    int upper = 0, letters = 0;
    shape.clear();
    for (size_t k = 0; k < f.size(); ++k) {
      unsigned char c = static_cast<unsigned char>(f[k]);
      char cls;
      if (c >= 'A' && c <= 'Z') {
        cls = 'X';
        ++upper;
        ++letters;
        if (k == 0) flags |= kInitUpper;
      } else if (c >= 'a' && c <= 'z') {
        cls = 'x';
        ++letters;
      } else if (c >= '0' && c <= '9') {
        cls = 'd';
        flags |= kHasDigit;
      } else if (c >= 0x80) {
        flags |= kNonAscii;
        if (is_continuation(c)) continue;
        cls = 'u';
      } else {
        cls = static_cast<char>(c);
        if (c == '-') flags |= kHasHyphen;
        if (c == '.') flags |= kHasPeriod;
      }
      if (shape.empty() || shape.back() != cls) shape += cls;
    }
    if (upper > 0) flags |= kHasUpper;
    if (letters > 0) flags |= kHasLetter;
    if (letters > 0 && upper == letters) flags |= kAllUpper;
    if (letters > 0) {
      ++words;
      capitalized += (flags & kInitUpper) ? 1 : 0;
      all_caps += (letters > 1 && upper == letters) ? 1 : 0;
    }
    w.shape = hash64(shape, 3);
    w.flags = mix(flags, 4);
    // Code point boundaries from the end, for suffixes of 1..4 characters.
    size_t n = lower.size();
    size_t found = 0;
    for (size_t k = n; k > 0 && found < 4;) {
      --k;
      if (!is_continuation(static_cast<unsigned char>(lower[k]))) cuts[found++] = k;
    }
    for (size_t s = 0; s < 4; ++s) {
      size_t cut = s < found ? cuts[s] : (found ? cuts[found - 1] : 0);
      w.suffix[s] = hash64(std::string_view(lower).substr(cut), 10 + s);
    }
    size_t len = 0, taken = 0;
    for (size_t s = 0; s < 3; ++s) {
      while (len < n && taken <= s) {
        ++len;
        while (len < n && is_continuation(static_cast<unsigned char>(lower[len]))) ++len;
        ++taken;
      }
      w.prefix[s] = hash64(std::string_view(lower).substr(0, len), 20 + s);
    }
    if (amb_classes != nullptr) {
      uint32_t c = amb_classes->find(lower_key(f));
      w.amb = c == FlatMap::kMissing ? 7 : mix(c, 5);
    }
  }
  uint64_t casing = words >= 2 && all_caps * 2 > words  ? 3
                    : words >= 3 && capitalized * 2 > words ? 2
                                                            : 1;
  for (auto& w : out) w.casing = casing;
}

void static_features(const std::vector<WordInfo>& w, size_t i, uint64_t* out) {
  const WordInfo& c = w[i + 2];
  const WordInfo& m1 = w[i + 1];
  const WordInfo& m2 = w[i];
  const WordInfo& p1 = w[i + 3];
  const WordInfo& p2 = w[i + 4];
  size_t k = 0;
  out[k++] = mix(kBias, 0);
  out[k++] = mix(kForm, c.form);
  out[k++] = mix(kLower, c.lower);
  out[k++] = mix(kSuffix1, c.suffix[0]);
  out[k++] = mix(kSuffix2, c.suffix[1]);
  out[k++] = mix(kSuffix3, c.suffix[2]);
  out[k++] = mix(kSuffix4, c.suffix[3]);
  out[k++] = mix(kPrefix1, c.prefix[0]);
  out[k++] = mix(kPrefix2, c.prefix[1]);
  out[k++] = mix(kPrefix3, c.prefix[2]);
  out[k++] = mix(kShape, c.shape);
  out[k++] = mix(kFlags, c.flags);
  out[k++] = mix(kLowerM1, m1.lower);
  out[k++] = mix(kLowerM2, m2.lower);
  out[k++] = mix(kLowerP1, p1.lower);
  out[k++] = mix(kLowerP2, p2.lower);
  out[k++] = mix(kSuffix3M1, m1.suffix[2]);
  out[k++] = mix(kSuffix3P1, p1.suffix[2]);
  out[k++] = mix(kSuffix3P2, p2.suffix[2]);
  out[k++] = mix(kShapeM1, m1.shape);
  out[k++] = mix(kShapeP1, p1.shape);
  out[k++] = mix(mix(kBigramM1, m1.lower), c.lower);
  out[k++] = mix(mix(kBigramP1, c.lower), p1.lower);
  out[k++] = mix(mix(kSkip, m1.lower), p1.lower);
  out[k++] = mix(kAmb, c.amb);
  out[k++] = mix(kAmbP1, p1.amb);
  out[k++] = mix(kAmbP2, p2.amb);
  out[k++] = mix(mix(kAmbP1P2, p1.amb), p2.amb);
  out[k++] = mix(mix(kCaseFlags, c.casing), c.flags);
  out[k++] = mix(mix(kCaseAmb, c.casing), c.amb);
  out[k++] = mix(mix(kCaseShape, c.casing), c.shape);
  out[k++] = mix(kSuffix2M1, m1.suffix[1]);
  out[k++] = mix(kSuffix2P1, p1.suffix[1]);
  out[k++] = mix(kAmbM1, m1.amb);
  out[k++] = mix(kAmbM2, m2.amb);
  out[k++] = mix(mix(kBigramP1P2, p1.lower), p2.lower);
  out[k++] = mix(mix(kBigramM2M1, m2.lower), m1.lower);
  static_assert(kStaticFeatures == 37);
}

namespace {

// Labels of a previous pass at word i and the two words after it in direction d.
struct Previous {
  uint32_t r0, r1, r2;
};

Previous previous_at(const std::vector<uint32_t>& prev, size_t i, ptrdiff_t d) {
  auto label_at = [&](ptrdiff_t j) {
    return j >= 0 && j < static_cast<ptrdiff_t>(prev.size()) ? prev[j] : kEndLabel;
  };
  const ptrdiff_t pos = static_cast<ptrdiff_t>(i);
  return {prev[i], label_at(pos + d), label_at(pos + 2 * d)};
}

}  // namespace

void previous_features(const std::vector<WordInfo>& w, size_t i, bool reversed,
                       const std::vector<uint32_t>& previous, uint64_t* out) {
  const ptrdiff_t d = reversed ? -1 : 1;
  const size_t at = i + 2;
  const WordInfo& c = w[at];
  const auto [r0, r1, r2] = previous_at(previous, i, d);
  size_t k = 0;
  out[k++] = mix(kR0, r0);
  out[k++] = mix(kR1, r1);
  out[k++] = mix(kR2, r2);
  out[k++] = mix(mix(kR1R2, r1), r2);
  out[k++] = mix(mix(kR1Lower, r1), c.lower);
  out[k++] = mix(mix(kR0Lower, r0), c.lower);
  out[k++] = mix(mix(kR1LowerAhead, r1), w[at + d].lower);
  out[k++] = mix(mix(kR2LowerAhead2, r2), w[at + 2 * d].lower);
  out[k++] = mix(mix(kR0R1, r0), r1);
  out[k++] = mix(mix(mix(kR1R2Lower, r1), r2), c.lower);
  static_assert(kPreviousFeatures == 10);
}

size_t history_features(const std::vector<WordInfo>& w, size_t i, bool reversed, uint32_t t1,
                        uint32_t t2, const std::vector<uint32_t>* previous, uint64_t* out) {
  const ptrdiff_t d = reversed ? -1 : 1;
  const size_t at = i + 2;
  const WordInfo& c = w[at];
  const WordInfo& ahead = w[at + d];
  const WordInfo& behind = w[at - d];
  size_t k = 0;
  out[k++] = mix(kT1, t1);
  out[k++] = mix(kT2, t2);
  out[k++] = mix(mix(kT1T2, t1), t2);
  out[k++] = mix(mix(kT1Lower, t1), c.lower);
  out[k++] = mix(mix(kT1LowerP1, t1), ahead.lower);
  out[k++] = mix(mix(kT1AmbP1, t1), ahead.amb);
  out[k++] = mix(mix(kT2Lower, t2), behind.lower);
  out[k++] = mix(mix(kT1Suffix3, t1), c.suffix[2]);
  if (previous == nullptr) return k;
  const auto [r0, r1, r2] = previous_at(*previous, i, d);
  out[k++] = mix(mix(kT1R1, t1), r1);
  out[k++] = mix(mix(kT1R0, t1), r0);
  out[k++] = mix(mix(mix(kT1R1Lower, t1), r1), c.lower);
  return k;
}

}  // namespace kg::tag
