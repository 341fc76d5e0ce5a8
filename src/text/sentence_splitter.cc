// Sentence boundary rules, features and decoding.
#include "text/sentence_splitter.h"

#include <algorithm>
#include <unordered_set>

#include "common/hash.h"
#include "text/chars.h"
#include "text/lexicon.h"

namespace kg::text {
namespace {

constexpr uint32_t kMask = (1u << kBoundaryFeatureBits) - 1;

uint64_t mix(uint64_t a, uint64_t b) {
  uint64_t h = a ^ (b + 0x9e3779b97f4a7c15ULL + (a << 6) + (a >> 2));
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  return h;
}

char char_class(char32_t c) {
  if (c == 0) return 'n';
  if (is_upper(c)) return 'U';
  if (is_lower(c)) return 'l';
  if (is_letter(c)) return 'L';
  if (is_digit(c)) return 'd';
  if (is_quote(c)) return 'q';
  if (is_open_bracket(c)) return '(';
  if (is_close_bracket(c)) return ')';
  if (c == '.' || c == '!' || c == '?' || c == 0x2026) return '.';
  if (c == ',' || c == ';' || c == ':') return ',';
  if (c == '-' || c == 0x2013 || c == 0x2014) return '-';
  return 'o';
}

// Word shape: X upper, x lower, d digit, other characters kept; runs longer than 2 collapsed.
std::string shape(std::string_view form) {
  std::string out;
  char last = 0;
  int run = 0;
  for (size_t i = 0; i < form.size() && out.size() < 8;) {
    size_t len;
    char32_t c = peek(form, i, len);
    i += len;
    char k;
    if (is_upper(c)) {
      k = 'X';
    } else if (is_letter(c)) {
      k = 'x';
    } else if (is_digit(c)) {
      k = 'd';
    } else if (c < 0x80) {
      k = static_cast<char>(c);
    } else {
      k = char_class(c);
    }
    run = k == last ? run + 1 : 1;
    last = k;
    if (run <= 2) out += k;
  }
  return out;
}

std::string lower_form(std::string_view form) {
  std::string out;
  size_t n = std::min<size_t>(form.size(), 24);
  out.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    char c = form[i];
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  }
  return out;
}

bool is_final_punct_token(std::string_view form) {
  if (form.empty()) return false;
  for (size_t i = 0; i < form.size();) {
    size_t len;
    char32_t c = peek(form, i, len);
    if (!(c == '.' || c == '!' || c == '?' || c == 0x2026)) return false;
    i += len;
  }
  return true;
}

// Capitalized function words that usually start a sentence.
bool is_starter(std::string_view form) {
  static const std::unordered_set<std::string_view> kStarters = {
      "A",     "After", "Also",  "An",    "And",   "As",    "At",    "But",   "By",    "During",
      "Each",  "For",   "From",  "He",    "Her",   "Here",  "His",   "How",   "However", "I",
      "If",    "In",    "It",    "Its",   "Many",  "Meanwhile", "More", "Most", "My",   "No",
      "Now",   "On",    "One",   "Other", "Our",   "She",   "Since", "So",    "Some",  "That",
      "The",   "Their", "There", "These", "They",  "This",  "Those", "Though", "Thus", "To",
      "Today", "Under", "We",    "What",  "When",  "Where", "While", "Who",   "Why",   "With",
      "Yet",   "You",   "Your",  "According", "Although", "Because", "Both", "Despite"};
  return kStarters.count(form) > 0;
}

uint32_t bucket(uint32_t n) {
  if (n <= 3) return n;
  if (n <= 5) return 4;
  if (n <= 10) return 5;
  if (n <= 20) return 6;
  if (n <= 40) return 7;
  return 8;
}

}  // namespace

void BoundaryModel::write(BinaryWriter& w) const {
  w.f32(threshold);
  uint32_t nonzero = 0;
  for (float x : weights) nonzero += x != 0;
  w.u32(nonzero);
  uint32_t last = 0;
  for (uint32_t i = 0; i < weights.size(); ++i) {
    if (weights[i] == 0) continue;
    w.varint(i - last);
    w.f32(weights[i]);
    last = i;
  }
}

Result<BoundaryModel> BoundaryModel::read(BinaryReader& r) {
  BoundaryModel m;
  m.weights.assign(size_t{1} << kBoundaryFeatureBits, 0.0f);
  m.threshold = r.f32();
  uint32_t nonzero = r.u32();
  if (!r.status().ok()) return r.status();
  uint64_t index = 0;
  for (uint32_t k = 0; k < nonzero; ++k) {
    index += r.varint();
    float v = r.f32();
    if (!r.status().ok()) return r.status();
    if (index >= m.weights.size()) return Status::corruption("boundary model: feature index out of range");
    m.weights[index] = v;
  }
  return m;
}

BoundaryContext::BoundaryContext(std::string_view text, const std::vector<RawToken>& tokens)
    : text_(text), raw_(tokens) {
  size_t n = tokens.size();
  tokens_.resize(n);
  for (size_t i = 0; i < n; ++i) {
    Info& t = tokens_[i];
    t.form = text.substr(tokens[i].start, tokens[i].end - tokens[i].start);
    t.word = hash64(lower_form(t.form));
    t.shape = hash64(shape(t.form));
    size_t len;
    t.first = char_class(peek(t.form, 0, len));
    t.last = char_class(before(t.form, t.form.size(), len));
    t.final_punct = is_final_punct_token(t.form);
    char32_t c0 = peek(t.form, 0, len);
    if (len == t.form.size() && is_close_bracket(c0)) {
      t.closing = true;
    } else if (len == t.form.size() && is_quote(c0)) {
      // A quote attached to the previous token and followed by a space closes, whatever its
      // glyph ("decision.“ However"); otherwise the glyph decides.
      bool attached_left = i > 0 && !tokens[i].space_before;
      bool free_right = i + 1 == n || tokens[i + 1].space_before;
      if (attached_left && free_right) {
        t.closing = true;
      } else if (!attached_left && !free_right) {
        t.closing = false;
      } else {
        t.closing = c0 != 0x2018 && c0 != 0x201C && c0 != 0xAB && c0 != 0x201E;
      }
    }
    if (t.form.size() > 1 && t.form.back() == '.' && !t.final_punct) {
      t.abbreviation = static_cast<int>(abbreviation_kind(t.form.substr(0, t.form.size() - 1)));
      if (t.abbreviation == 0) t.abbreviation = 9;  // a word with its period attached
    }
    t.starter = is_starter(t.form);
    t.space_before = tokens[i].space_before;
    t.newlines_before = tokens[i].newlines_before;
  }
  set_line_breaks(LineBreakMode::kAuto);

  since_paragraph_.assign(n, 0);
  since_punct_.assign(n, 0);
  until_punct_.assign(n, 0);
  for (size_t i = 0; i < n; ++i) {
    bool par = i == 0 || forced_[i - 1];
    since_paragraph_[i] = par ? 0 : since_paragraph_[i - 1] + 1;
    since_punct_[i] = par || tokens_[i - 1].final_punct ? 0 : since_punct_[i - 1] + 1;
  }
  size_t paragraphs = 0, punctuated = 0;
  for (size_t i = 0; i < n; ++i) {
    if (!forced_[i]) continue;
    ++paragraphs;
    punctuated += tokens_[i].final_punct || (tokens_[i].closing && i > 0 && tokens_[i - 1].final_punct);
  }
  double ratio = paragraphs ? double(punctuated) / paragraphs : 0;
  punctuated_ = ratio < 0.5 ? 0 : ratio < 0.75 ? 1 : ratio < 0.9 ? 2 : 3;
  for (size_t i = n; i-- > 0;) {
    bool end = forced_[i] || tokens_[i].final_punct;
    until_punct_[i] = end || i + 1 == n ? 0 : until_punct_[i + 1] + 1;
  }
}

void BoundaryContext::set_line_breaks(LineBreakMode mode) {
  size_t n = tokens_.size();
  forced_.assign(n, 0);
  if (n == 0) return;
  bool breaks_are_sentences = mode != LineBreakMode::kSpace;
  if (mode == LineBreakMode::kAuto) {
    // Hard-wrapped text: most single line breaks follow a long line that ends mid-sentence.
    size_t singles = 0, wrapped = 0, line_start = 0;
    for (size_t i = 0; i + 1 < n; ++i) {
      if (tokens_[i + 1].newlines_before == 0) continue;
      size_t line_len = raw_[i].end - raw_[line_start].start;
      line_start = i + 1;
      if (tokens_[i + 1].newlines_before != 1) continue;
      ++singles;
      bool ends = tokens_[i].final_punct || tokens_[i].closing || tokens_[i].last == ',' ||
                  tokens_[i].last == ':';
      if (!ends && line_len >= 40) ++wrapped;
    }
    breaks_are_sentences = !(singles >= 2 && wrapped * 2 >= singles);
  }
  for (size_t i = 0; i + 1 < n; ++i) {
    uint32_t nl = tokens_[i + 1].newlines_before;
    forced_[i] = nl >= 2 || (nl == 1 && breaks_are_sentences);
  }
  forced_[n - 1] = 1;
}

bool BoundaryContext::rule(size_t i) const {
  const Info& t = tokens_[i];
  if (i + 1 < tokens_.size() && tokens_[i + 1].starter &&
      t.abbreviation == static_cast<int>(AbbreviationKind::kOther)) {
    return true;  // "in Washington, D.C. The city"
  }
  if (t.closing && i > 0 && !t.space_before && tokens_[i - 1].final_punct) {
    // '." ' : decided at the quote
  } else if (!t.final_punct) {
    return false;
  }
  if (i + 1 >= tokens_.size()) return true;
  const Info& next = tokens_[i + 1];
  if (next.closing && !next.space_before) return false;  // the boundary comes after the quote
  if (next.first == 'l') return false;
  if (next.first == ',' || next.first == '.') return false;
  return true;
}

bool BoundaryContext::candidate(size_t i) const {
  const Info& t = tokens_[i];
  if (t.final_punct || t.abbreviation) return true;
  if (t.closing && i > 0 && !t.space_before && (tokens_[i - 1].final_punct || tokens_[i - 1].closing)) {
    return true;
  }
  return t.form == ":" || t.form == ";";
}

void BoundaryContext::features(size_t i, std::vector<uint32_t>& out) const {
  out.clear();
  const size_t n = tokens_.size();
  static const Info kNone{};
  auto tok = [&](long k) -> const Info& {
    long j = static_cast<long>(i) + k;
    return j < 0 || j >= static_cast<long>(n) ? kNone : tokens_[j];
  };
  const Info& p1 = tok(-1);
  const Info& w0 = tok(0);
  const Info& n1 = tok(1);
  const Info& n2 = tok(2);
  uint64_t none = 0x1234;
  auto word = [&](const Info& t) { return t.form.empty() ? none : t.word; };
  auto shp = [&](const Info& t) { return t.form.empty() ? none : t.shape; };
  auto add = [&](uint64_t templ, uint64_t a, uint64_t b = 0, uint64_t c = 0) {
    out.push_back(static_cast<uint32_t>(mix(mix(mix(templ, a), b), c) & kMask));
  };
  add(1, 0);
  add(2, word(w0));
  add(3, word(n1));
  add(4, word(p1));
  add(5, word(n2));
  add(6, shp(w0));
  add(7, shp(n1));
  add(8, shp(p1));
  add(9, shp(n2));
  add(10, word(w0), shp(n1));
  add(11, shp(w0), word(n1));
  add(12, word(p1), word(w0));
  add(13, word(w0), word(n1));
  add(14, shp(p1), shp(w0), shp(n1));
  add(15, shp(w0), shp(n1), shp(n2));
  add(16, shp(w0), shp(n1));
  add(17, word(w0), n1.first);
  add(18, n1.space_before, n1.newlines_before > 0);
  add(19, w0.abbreviation, n1.first);
  bool r = rule(i);
  add(20, r);
  add(21, r, n1.first, w0.last);
  add(22, bucket(since_paragraph_[i]));
  add(23, bucket(since_punct_[i]), w0.final_punct);
  add(24, bucket(i + 1 < n ? until_punct_[i + 1] : 0), r);
  add(25, w0.last, n1.first, n1.space_before);
  add(26, word(p1), word(w0), shp(n1));
  if (w0.abbreviation) add(27, std::min<size_t>(w0.form.size(), 6), n1.first);
  add(28, word(w0), word(n1), word(n2));
  add(29, n1.starter, w0.final_punct, w0.abbreviation);
  add(30, n1.starter, w0.last, n1.space_before);
  if (w0.abbreviation) add(31, w0.abbreviation, word(n1));
  bool punct_end = w0.final_punct || (w0.closing && p1.final_punct);
  (void)punct_end;
}

std::vector<bool> split_sentences(std::string_view text, const std::vector<RawToken>& tokens,
                                  const BoundaryModel* model, const SplitOptions& options) {
  size_t n = tokens.size();
  std::vector<bool> ends(n, false);
  if (n == 0) return ends;
  BoundaryContext ctx(text, tokens);
  if (options.line_breaks != LineBreakMode::kAuto) ctx.set_line_breaks(options.line_breaks);
  std::vector<uint32_t> feats;
  for (size_t i = 0; i < n; ++i) {
    if (ctx.forced(i)) {
      ends[i] = true;
    } else if (model) {
      if (!ctx.candidate(i)) continue;
      ctx.features(i, feats);
      ends[i] = model->score(feats) > model->threshold;
    } else {
      ends[i] = ctx.rule(i);
    }
  }
  // Cut over-long sentences, preferably after ; : , or a dash in the last third of the window.
  size_t max_len = std::max<size_t>(options.max_sentence_tokens, 2);
  size_t start = 0;
  for (size_t i = 0; i < n; ++i) {
    if (ends[i]) {
      start = i + 1;
      continue;
    }
    if (i + 1 - start < max_len) continue;
    size_t cut = i;
    for (size_t k = i; k > start + (2 * max_len) / 3; --k) {
      std::string_view f = text.substr(tokens[k].start, tokens[k].end - tokens[k].start);
      if (f == ";" || f == ":" || f == "," || f == "-" || f == "--" || f == "\u2014") {
        cut = k;
        break;
      }
    }
    ends[cut] = true;
    start = cut + 1;
    i = cut;
  }
  return ends;
}

}  // namespace kg::text
