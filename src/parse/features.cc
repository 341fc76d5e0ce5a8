// Parser feature templates.
#include "parse/features.h"

#include <algorithm>
#include <string_view>

#include "common/hash.h"

namespace kg::parse {
namespace {

inline uint64_t mix(uint64_t h, uint64_t v) {
  h ^= v * 0x9E3779B97F4A7C15ULL;
  h = (h << 31) | (h >> 33);
  return h * 0xC2B2AE3D27D4EB4FULL;
}

uint64_t distance_bucket(int d) {
  if (d < 0) return 15;
  if (d <= 4) return static_cast<uint64_t>(d);
  if (d <= 6) return 5;
  if (d <= 9) return 6;
  if (d <= 14) return 7;
  return 8;
}

class Sink {
 public:
  explicit Sink(std::vector<uint64_t>& out) : out_(out) {}
  void add(uint64_t a) { out_.push_back(fmix64(mix(seed(), a))); }
  void add(uint64_t a, uint64_t b) { out_.push_back(fmix64(mix(mix(seed(), a), b))); }
  void add(uint64_t a, uint64_t b, uint64_t c) {
    out_.push_back(fmix64(mix(mix(mix(seed(), a), b), c)));
  }
  void add(uint64_t a, uint64_t b, uint64_t c, uint64_t d) {
    out_.push_back(fmix64(mix(mix(mix(mix(seed(), a), b), c), d)));
  }

 private:
  uint64_t seed() { return ++template_ * 0xD6E8FEB86659FD93ULL; }

  std::vector<uint64_t>& out_;
  uint64_t template_ = 0;
};

}  // namespace

void word_key(std::string_view form, std::string& out) {
  out.assign(form);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c >= '0' && c <= '9') c = '0';
  }
}

uint64_t shape_of(std::string_view form) {
  bool upper_first = !form.empty() && form[0] >= 'A' && form[0] <= 'Z';
  bool all_upper = true, digit = false, hyphen = false, alpha = false, other = false;
  for (char c : form) {
    if (c >= 'a' && c <= 'z') {
      all_upper = false;
      alpha = true;
    } else if (c >= 'A' && c <= 'Z') {
      alpha = true;
    } else if (c >= '0' && c <= '9') {
      digit = true;
    } else if (c == '-') {
      hyphen = true;
    } else {
      other = true;
    }
  }
  return 1 + upper_first + 2 * (alpha && all_upper) + 4 * digit + 8 * hyphen + 16 * alpha +
         32 * other;
}

void SentenceAtoms::build(const Sentence& s) {
  size_t n = s.tokens.size();
  std::string key;
  word_.assign(n + 2, 0);
  tag_.assign(n + 2, 0);
  upos_.assign(n + 2, 0);
  suffix_.assign(n + 2, 0);
  shape_.assign(n + 2, 0);
  word_[0] = hash64("<none>");
  tag_[0] = upos_[0] = hash64("<none>", 1);
  suffix_[0] = shape_[0] = 99;
  word_[1] = hash64("<root>");
  tag_[1] = upos_[1] = hash64("<root>", 1);
  suffix_[1] = shape_[1] = 98;
  punct_.assign(n + 2, 0);
  verbs_.assign(n + 2, 0);
  for (size_t i = 0; i < n; ++i) {
    const Token& t = s.tokens[i];
    punct_[i + 1] = punct_[i] + (t.upos == "PUNCT");
    verbs_[i + 1] = verbs_[i] + (t.upos == "VERB" || t.upos == "AUX");
    word_key(t.form, key);
    word_[i + 2] = hash64(key);
    upos_[i + 2] = hash64(t.upos, 1);
    tag_[i + 2] = t.xpos.empty() ? upos_[i + 2] : hash64(t.xpos, 1);
    suffix_[i + 2] = hash64(suffix_key(key), 2);
    shape_[i + 2] = shape_of(t.form);
  }
  punct_[n + 1] = punct_[n];
  verbs_[n + 1] = verbs_[n];
}

void extract_features(const State& s, const SentenceAtoms& a, std::vector<uint64_t>& out) {
  out.clear();
  Sink f(out);
  const int s0 = s.stack(0), s1 = s.stack(1), s2 = s.stack(2);
  const int b0 = s.buffer(0), b1 = s.buffer(1), b2 = s.buffer(2);
  auto kid = [&](int (State::*get)(int) const, int t) { return t >= 0 ? (s.*get)(t) : -1; };
  const int s0l = kid(&State::leftmost, s0), s0l2 = kid(&State::left2, s0);
  const int s0r = kid(&State::rightmost, s0), s0r2 = kid(&State::right2, s0);
  const int s1l = kid(&State::leftmost, s1), s1r = kid(&State::rightmost, s1);
  const int s1r2 = kid(&State::right2, s1);
  const int b0l = kid(&State::leftmost, b0), b0l2 = kid(&State::left2, b0);
  auto lab = [&](int t) -> uint64_t { return t > 0 ? static_cast<uint64_t>(s.label(t)) + 1 : 0; };
  auto vl = [&](int t) -> uint64_t { return t >= 0 ? s.num_left(t) : 99; };
  auto vr = [&](int t) -> uint64_t { return t >= 0 ? s.num_right(t) : 99; };
  auto sl = [&](int t) -> uint64_t { return t >= 0 ? s.left_labels(t) : 1; };
  auto sr = [&](int t) -> uint64_t { return t >= 0 ? s.right_labels(t) : 1; };

  const uint64_t s0w = a.word(s0), s0p = a.tag(s0), s1w = a.word(s1), s1p = a.tag(s1);
  const uint64_t b0w = a.word(b0), b0p = a.tag(b0), b1w = a.word(b1), b1p = a.tag(b1);
  const uint64_t b2w = a.word(b2), b2p = a.tag(b2), s2w = a.word(s2), s2p = a.tag(s2);
  // Distances: stack top to buffer front (the LEFT arc) and second to top (the RIGHT arc).
  const uint64_t d0 = distance_bucket(s0 > 0 && b0 > 0 ? b0 - s0 : -1);
  const uint64_t d1 = distance_bucket(s1 > 0 && s0 > 0 ? s0 - s1 : -1);

  // Single words.
  f.add(s0w, s0p);
  f.add(s0w);
  f.add(s0p);
  f.add(b0w, b0p);
  f.add(b0w);
  f.add(b0p);
  f.add(b1w, b1p);
  f.add(b1w);
  f.add(b1p);
  f.add(b2w, b2p);
  f.add(b2p);
  f.add(s1w, s1p);
  f.add(s1w);
  f.add(s1p);
  f.add(s2w, s2p);
  f.add(s2p);
  f.add(a.upos(s0), a.upos(b0));
  f.add(a.upos(s1), a.upos(s0), a.upos(b0));
  f.add(a.suffix(s0), s0p);
  f.add(a.suffix(b0), b0p);
  f.add(a.shape(s0), a.shape(b0));

  // Pairs: stack top with buffer front (the LEFT arc).
  f.add(s0w, s0p, b0w, b0p);
  f.add(s0w, s0p, b0w);
  f.add(s0w, b0w, b0p);
  f.add(s0w, s0p, b0p);
  f.add(s0p, b0w, b0p);
  f.add(s0w, b0w);
  f.add(s0p, b0p);
  f.add(b0p, b1p);
  f.add(b0w, b1w);
  // Pairs: second with top (the RIGHT arc).
  f.add(s1w, s1p, s0w, s0p);
  f.add(s1w, s1p, s0p);
  f.add(s1p, s0w, s0p);
  f.add(s1w, s0w);
  f.add(s1p, s0p);
  f.add(s1w, s0p);
  f.add(s1p, s0w);
  f.add(s1p, b0p);
  f.add(s1w, b0w);

  // Three words.
  f.add(b0p, b1p, b2p);
  f.add(s0p, b0p, b1p);
  f.add(s1p, s0p, b0p);
  f.add(s0p, a.tag(s0l), b0p);
  f.add(s0p, a.tag(s0r), b0p);
  f.add(s0p, b0p, a.tag(b0l));
  f.add(s2p, s1p, s0p);
  f.add(s1p, a.tag(s1r), s0p);
  f.add(s1p, a.tag(s1l), s0p);
  f.add(s1p, s0p, a.tag(s0l));
  f.add(s1p, s0p, a.tag(s0r));
  f.add(s1p, s0p, b1p);

  // Distance.
  f.add(s0w, d0);
  f.add(s0p, d0);
  f.add(b0w, d0);
  f.add(b0p, d0);
  f.add(s0w, b0w, d0);
  f.add(s0p, b0p, d0);
  f.add(s1w, d1);
  f.add(s1p, d1);
  f.add(s0w, d1);
  f.add(s0p, d1);
  f.add(s1w, s0w, d1);
  f.add(s1p, s0p, d1);

  // Valency.
  f.add(s0w, vr(s0));
  f.add(s0p, vr(s0));
  f.add(s0w, vl(s0));
  f.add(s0p, vl(s0));
  f.add(b0w, vl(b0));
  f.add(b0p, vl(b0));
  f.add(s1w, vr(s1));
  f.add(s1p, vr(s1));
  f.add(s1w, vl(s1));
  f.add(s1p, vl(s1));

  // Children.
  f.add(a.word(s0l));
  f.add(a.tag(s0l));
  f.add(lab(s0l));
  f.add(a.word(s0r));
  f.add(a.tag(s0r));
  f.add(lab(s0r));
  f.add(a.word(b0l));
  f.add(a.tag(b0l));
  f.add(lab(b0l));
  f.add(a.word(s1l));
  f.add(a.tag(s1l));
  f.add(lab(s1l));
  f.add(a.word(s1r));
  f.add(a.tag(s1r));
  f.add(lab(s1r));
  f.add(a.word(s0l2));
  f.add(a.tag(s0l2));
  f.add(lab(s0l2));
  f.add(a.word(s0r2));
  f.add(a.tag(s0r2));
  f.add(lab(s0r2));
  f.add(a.word(b0l2));
  f.add(a.tag(b0l2));
  f.add(lab(b0l2));
  f.add(a.tag(s1r2), lab(s1r2));
  f.add(s0p, a.tag(s0l), a.tag(s0l2));
  f.add(s0p, a.tag(s0r), a.tag(s0r2));
  f.add(b0p, a.tag(b0l), a.tag(b0l2));
  f.add(s1p, a.tag(s1r), a.tag(s1r2));
  f.add(s0p, lab(s0l), lab(s0r));
  f.add(s1p, s0p, lab(s1r));

  // Punctuation and verbs between the words of each candidate arc (every template is always
  // added, so that template numbers stay fixed).
  const int right = b0 > 0 ? b0 : s.n() + 1;
  const uint64_t none = 99;
  f.add(s0p, b0p, s0 > 0 ? std::min(a.punct_between(s0, right), 3) : none);
  f.add(s0p, b0p, s0 > 0 ? std::min(a.verbs_between(s0, right), 2) : none);
  f.add(s1p, s0p, s1 > 0 ? std::min(a.punct_between(s1, s0), 3) : none);
  f.add(s1p, s0p, s1 > 0 ? std::min(a.verbs_between(s1, s0), 2) : none);

  // Universal tags (often right where the fine tag is wrong) and words with them.
  const uint64_t s0u = a.upos(s0), s1u = a.upos(s1), b0u = a.upos(b0), b1u = a.upos(b1);
  f.add(s0w, s0u);
  f.add(b0w, b0u);
  f.add(s1w, s1u);
  f.add(s0u, b0u, b1u);
  f.add(s1u, s0u);
  f.add(s1u, s0u, d1);
  f.add(s0u, b0u, d0);
  f.add(s0w, b0u);
  f.add(s0u, b0w);
  f.add(s1w, s0u);
  f.add(s1u, s0w);
  f.add(s0u, a.upos(s0l), b0u);
  f.add(s0u, b0u, a.upos(b0l));
  f.add(s1u, a.upos(s1r), s0u);
  f.add(a.upos(s2), s1u, s0u);
  f.add(b0u, b1u, a.upos(b2));

  // Label sets.
  f.add(s0w, sr(s0));
  f.add(s0p, sr(s0));
  f.add(s0w, sl(s0));
  f.add(s0p, sl(s0));
  f.add(b0w, sl(b0));
  f.add(b0p, sl(b0));
  f.add(s1w, sr(s1));
  f.add(s1p, sr(s1));
  f.add(s1p, sl(s1));
}

}  // namespace kg::parse
