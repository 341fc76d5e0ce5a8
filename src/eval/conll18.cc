// A port of the CoNLL 2018 shared-task scorer (conll18_ud_eval.py, version 1.2) to C++.
#include "eval/conll18.h"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <iomanip>
#include <ostream>
#include <set>
#include <sstream>
#include <unordered_map>

#include "common/file.h"
#include "common/utf8.h"
#include "doc/conllu.h"

namespace kg::eval {
namespace {

const std::set<std::string_view> kContentDeprels = {
    "nsubj",  "obj",        "iobj",       "csubj",  "ccomp",     "xcomp",    "obl",   "vocative",
    "expl",   "dislocated", "advcl",      "advmod", "discourse", "nmod",     "appos", "nummod",
    "acl",    "amod",       "conj",       "fixed",  "flat",      "compound", "list",  "parataxis",
    "orphan", "goeswith",   "reparandum", "root",   "dep"};
const std::set<std::string_view> kFunctionalDeprels = {"aux", "cop",  "mark", "det",
                                                       "clf", "case", "cc"};
const std::set<std::string_view> kUniversalFeatures = {
    "PronType", "NumType", "Poss",  "Reflex",   "Foreign",  "Abbr",     "Gender",
    "Animacy",  "Number",  "Case",  "Definite", "Degree",   "VerbForm", "Mood",
    "Tense",    "Aspect",  "Voice", "Evident",  "Polarity", "Person",   "Polite"};

// Parent values besides a word index.
constexpr int kRoot = -1;
constexpr int kUnknownHead = -2;        // HEAD "_" (unparsed output)
constexpr int kNotAligned = -3;         // a system parent without a gold counterpart
constexpr int kUnknownSystemHead = -4;  // a system HEAD "_": never equal to anything

struct Span {
  size_t start = 0;
  size_t end = 0;  // one past the last byte
};

struct Word {
  Span span;
  bool multiword = false;
  std::string form_lower;
  std::string lemma, upos, xpos, feats, deprel;
  int head = kUnknownHead;    // as read: 0 root, 1..n, or kUnknownHead
  int parent = kUnknownHead;  // global word index, kRoot or kUnknownHead
  bool content = false;
  bool functional = false;
  std::vector<int> functional_children;
};

struct UdFile {
  std::string characters;  // concatenated forms without space separators (UTF-8)
  std::vector<Span> tokens;
  std::vector<Word> words;
  std::vector<Span> sentences;
};

bool is_space_separator(char32_t c) {
  return c == 0x20 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F ||
         c == 0x205F || c == 0x3000;
}

char32_t lower_cp(char32_t c) {
  if (c < 0x80) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 32;
  if (c >= 0x100 && c <= 0x137 && c != 0x130) return c | 1;
  if (c >= 0x139 && c <= 0x148) return (c & 1) ? c + 1 : c;
  if (c >= 0x14A && c <= 0x177) return c | 1;
  if (c == 0x178) return 0xFF;
  if (c >= 0x179 && c <= 0x17E) return (c & 1) ? c + 1 : c;
  if (c >= 0x391 && c <= 0x3A9 && c != 0x3A2) return c + 32;
  if (c >= 0x410 && c <= 0x42F) return c + 32;
  if (c >= 0x400 && c <= 0x40F) return c + 80;
  return c;
}

std::string without_spaces(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    size_t at = i;
    char32_t c = utf8::decode(s, i);
    if (!is_space_separator(c)) out.append(s.substr(at, i - at));
  }
  return out;
}

std::string lowercase(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    size_t at = i;
    char32_t c = utf8::decode(s, i);
    char32_t l = lower_cp(c);
    if (l == c) {
      out.append(s.substr(at, i - at));
    } else {
      utf8::append(out, l);
    }
  }
  return out;
}

std::string universal_feats(std::string_view feats) {
  std::vector<std::string_view> kept;
  size_t start = 0;
  while (start <= feats.size()) {
    size_t bar = feats.find('|', start);
    if (bar == std::string_view::npos) bar = feats.size();
    std::string_view f = feats.substr(start, bar - start);
    if (kUniversalFeatures.count(f.substr(0, f.find('=')))) kept.push_back(f);
    start = bar + 1;
  }
  std::sort(kept.begin(), kept.end());
  std::string out;
  for (auto f : kept) {
    if (!out.empty()) out += '|';
    out += f;
  }
  return out;
}

// Reads lines of a CoNLL-U text one at a time, tracking the line number.
class LineSource {
 public:
  explicit LineSource(std::string_view text) : text_(text) {}
  bool next(std::string_view& line) {
    if (pos_ >= text_.size()) return false;
    size_t nl = text_.find('\n', pos_);
    if (nl == std::string_view::npos) nl = text_.size();
    line = text_.substr(pos_, nl - pos_);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    pos_ = nl + 1;
    ++number_;
    return true;
  }
  size_t number() const { return number_; }

 private:
  std::string_view text_;
  size_t pos_ = 0;
  size_t number_ = 0;
};

class Loader {
 public:
  Loader(std::string_view text, std::string_view name) : lines_(text), name_(name) {}

  Result<UdFile> load() {
    std::string_view line;
    bool in_sentence = false;
    while (lines_.next(line)) {
      if (!in_sentence) {
        if (line.empty() || line[0] == '#') continue;
        ud_.sentences.push_back({ud_.characters.size(), 0});
        sentence_start_ = ud_.words.size();
        in_sentence = true;
      }
      if (line.empty()) {
        KG_RETURN_IF_ERROR(finish_sentence());
        in_sentence = false;
        continue;
      }
      KG_RETURN_IF_ERROR(read_token(line));
    }
    if (in_sentence) KG_RETURN_IF_ERROR(finish_sentence());
    return std::move(ud_);
  }

 private:
  Status fail(const std::string& what) const {
    return Status::invalid(std::string(name_) + ":" + std::to_string(lines_.number()) + ": " +
                           what);
  }

  Status read_token(std::string_view line) {
    auto cols = split_tabs(line);
    if (cols.size() != 10) {
      return fail("expected 10 tab-separated columns, found " + std::to_string(cols.size()));
    }
    if (cols[0].find('.') != std::string_view::npos) return {};  // empty node
    std::string form = without_spaces(cols[1]);
    if (form.empty()) return fail("empty FORM");
    Span span{ud_.characters.size(), ud_.characters.size() + form.size()};
    ud_.characters += form;
    ud_.tokens.push_back(span);
    if (size_t dash = cols[0].find('-'); dash != std::string_view::npos) {
      int first = 0, last = 0;
      if (!parse_int(cols[0].substr(0, dash), first) ||
          !parse_int(cols[0].substr(dash + 1), last)) {
        return fail("cannot parse multi-word token ID '" + std::string(cols[0]) + "'");
      }
      for (int i = first; i <= last; ++i) {
        std::string_view word_line;
        if (!lines_.next(word_line)) return fail("multi-word token range beyond the end of file");
        auto wcols = split_tabs(word_line);
        if (wcols.size() != 10) {
          return fail("expected 10 tab-separated columns, found " + std::to_string(wcols.size()));
        }
        KG_RETURN_IF_ERROR(add_word(wcols, span, true));
      }
      return {};
    }
    int id = 0;
    if (!parse_int(cols[0], id)) return fail("cannot parse word ID '" + std::string(cols[0]) + "'");
    if (id != static_cast<int>(ud_.words.size() - sentence_start_) + 1) {
      return fail("incorrect word ID '" + std::string(cols[0]) + "' for word '" +
                  std::string(cols[1]) + "', expected " +
                  std::to_string(ud_.words.size() - sentence_start_ + 1));
    }
    return add_word(cols, span, false);
  }

  Status add_word(const std::vector<std::string_view>& cols, Span span, bool multiword) {
    Word w;
    w.span = span;
    w.multiword = multiword;
    w.form_lower = lowercase(cols[1]);
    w.lemma = std::string(cols[2]);
    w.upos = std::string(cols[3]);
    w.xpos = std::string(cols[4]);
    w.feats = universal_feats(cols[5]);
    if (cols[6] != "_") {
      if (!parse_int(cols[6], w.head))
        return fail("cannot parse HEAD '" + std::string(cols[6]) + "'");
      if (w.head < 0) return fail("HEAD cannot be negative");
    }
    w.deprel = std::string(cols[7].substr(0, cols[7].find(':')));
    w.content = kContentDeprels.count(w.deprel) > 0;
    w.functional = kFunctionalDeprels.count(w.deprel) > 0;
    ud_.words.push_back(std::move(w));
    return {};
  }

  Status finish_sentence() {
    ud_.sentences.back().end = ud_.characters.size();
    size_t n = ud_.words.size() - sentence_start_;
    bool all_known = true;
    size_t roots = 0;
    for (size_t i = sentence_start_; i < ud_.words.size(); ++i) {
      Word& w = ud_.words[i];
      if (w.head == kUnknownHead) {
        all_known = false;
        continue;
      }
      if (w.head > static_cast<int>(n)) {
        return fail("HEAD '" + std::to_string(w.head) + "' points outside of the sentence");
      }
      w.parent = w.head == 0 ? kRoot : static_cast<int>(sentence_start_) + w.head - 1;
      roots += w.head == 0;
    }
    if (all_known) {
      // Cycle check: colour 0 unvisited, 1 on the current path, 2 known to reach the root.
      std::vector<char> colour(n, 0);
      for (size_t i = 0; i < n; ++i) {
        std::vector<size_t> path;
        size_t at = i;
        while (colour[at] == 0) {
          colour[at] = 1;
          path.push_back(at);
          int p = ud_.words[sentence_start_ + at].parent;
          if (p == kRoot) break;
          at = static_cast<size_t>(p) - sentence_start_;
          if (colour[at] == 1) return fail("there is a cycle in the sentence");
        }
        for (size_t k : path) colour[k] = 2;
      }
      if (roots != 1) return fail("there are multiple roots in the sentence");
    }
    for (size_t i = sentence_start_; i < ud_.words.size(); ++i) {
      const Word& w = ud_.words[i];
      if (w.parent >= 0 && w.functional) {
        ud_.words[w.parent].functional_children.push_back(static_cast<int>(i));
      }
    }
    return {};
  }

  LineSource lines_;
  std::string_view name_;
  UdFile ud_;
  size_t sentence_start_ = 0;
};

Score spans_score(const std::vector<Span>& gold, const std::vector<Span>& system) {
  Score s{gold.size(), system.size(), 0, std::nullopt};
  size_t gi = 0, si = 0;
  while (gi < gold.size() && si < system.size()) {
    if (system[si].start < gold[gi].start) {
      ++si;
    } else if (gold[gi].start < system[si].start) {
      ++gi;
    } else {
      s.correct += gold[gi].end == system[si].end;
      ++gi;
      ++si;
    }
  }
  return s;
}

class Aligner {
 public:
  Aligner(const std::vector<Word>& gold, const std::vector<Word>& system)
      : gold_(gold), system_(system) {}

  // Pairs (gold index, system index) of aligned words, in order.
  std::vector<std::pair<int, int>> align() {
    size_t gi = 0, si = 0;
    while (gi < gold_.size() && si < system_.size()) {
      if (gold_[gi].multiword || system_[si].multiword) {
        size_t gs, ss;
        find_multiword_span(gi, si, gs, ss);
        if (si > ss && gi > gs) align_lcs(gs, gi, ss, si);
      } else if (gold_[gi].span.start == system_[si].span.start &&
                 gold_[gi].span.end == system_[si].span.end) {
        matched_.emplace_back(static_cast<int>(gi++), static_cast<int>(si++));
      } else if (gold_[gi].span.start <= system_[si].span.start) {
        ++gi;
      } else {
        ++si;
      }
    }
    return std::move(matched_);
  }

 private:
  static bool beyond_end(const std::vector<Word>& words, size_t i, size_t mw_end) {
    if (i >= words.size()) return true;
    if (words[i].multiword) return words[i].span.start >= mw_end;
    return words[i].span.end > mw_end;
  }
  static size_t extend_end(const Word& w, size_t mw_end) {
    return w.multiword && w.span.end > mw_end ? w.span.end : mw_end;
  }

  void find_multiword_span(size_t& gi, size_t& si, size_t& gs, size_t& ss) {
    size_t mw_end;
    if (gold_[gi].multiword) {
      mw_end = gold_[gi].span.end;
      if (!system_[si].multiword && system_[si].span.start < gold_[gi].span.start) ++si;
    } else {
      mw_end = system_[si].span.end;
      if (!gold_[gi].multiword && gold_[gi].span.start < system_[si].span.start) ++gi;
    }
    gs = gi;
    ss = si;
    while (!beyond_end(gold_, gi, mw_end) || !beyond_end(system_, si, mw_end)) {
      if (gi < gold_.size() &&
          (si >= system_.size() || gold_[gi].span.start <= system_[si].span.start)) {
        mw_end = extend_end(gold_[gi], mw_end);
        ++gi;
      } else {
        mw_end = extend_end(system_[si], mw_end);
        ++si;
      }
    }
  }

  void align_lcs(size_t gs, size_t gi, size_t ss, size_t si) {
    size_t ng = gi - gs, ns = si - ss;
    std::vector<std::vector<int>> lcs(ng + 1, std::vector<int>(ns + 1, 0));
    for (size_t g = ng; g-- > 0;) {
      for (size_t s = ns; s-- > 0;) {
        int v = 0;
        if (gold_[gs + g].form_lower == system_[ss + s].form_lower) v = 1 + lcs[g + 1][s + 1];
        v = std::max(v, lcs[g + 1][s]);
        v = std::max(v, lcs[g][s + 1]);
        lcs[g][s] = v;
      }
    }
    size_t g = 0, s = 0;
    while (g < ng && s < ns) {
      if (gold_[gs + g].form_lower == system_[ss + s].form_lower) {
        matched_.emplace_back(static_cast<int>(gs + g), static_cast<int>(ss + s));
        ++g;
        ++s;
      } else if (lcs[g][s] == lcs[g + 1][s]) {
        ++g;
      } else {
        ++s;
      }
    }
  }

  const std::vector<Word>& gold_;
  const std::vector<Word>& system_;
  std::vector<std::pair<int, int>> matched_;
};

// What a key function sees: the word, and the gold word it stands for (itself for gold words).
struct Scorer {
  const UdFile& gold;
  const UdFile& system;
  std::vector<std::pair<int, int>> matched;
  std::unordered_map<int, int> system_to_gold;

  // The gold-side identity of a parent: gold index, kRoot, kUnknownHead or kNotAligned.
  int gold_parent(int parent, bool is_system) const {
    if (is_system && parent == kUnknownHead) return kUnknownSystemHead;
    if (!is_system || parent < 0) return parent;
    auto it = system_to_gold.find(parent);
    return it == system_to_gold.end() ? kNotAligned : it->second;
  }

  template <typename Filter, typename Equal>
  Score score(Filter filter, Equal equal) const {
    Score s;
    for (const auto& w : gold.words) s.gold_total += filter(w);
    for (const auto& w : system.words) s.system_total += filter(w);
    size_t aligned = 0;
    for (auto [g, sy] : matched) {
      if (!filter(gold.words[g])) continue;
      ++aligned;
      s.correct += equal(gold.words[g], system.words[sy], g);
    }
    s.aligned_total = aligned;
    return s;
  }
};

}  // namespace

const Score& Conll18Result::operator[](std::string_view metric) const {
  for (const auto& m : metrics) {
    if (m.metric == metric) return m.score;
  }
  assert(false && "unknown metric");
  return metrics.front().score;
}

Result<Conll18Result> evaluate_conll18(std::string_view gold_text, std::string_view gold_name,
                                       std::string_view system_text, std::string_view system_name) {
  KG_ASSIGN_OR_RETURN(UdFile gold, Loader(gold_text, gold_name).load());
  KG_ASSIGN_OR_RETURN(UdFile system, Loader(system_text, system_name).load());
  if (gold.characters != system.characters) {
    size_t i = 0;
    while (i < gold.characters.size() && i < system.characters.size() &&
           gold.characters[i] == system.characters[i]) {
      ++i;
    }
    while (i > 0 && (static_cast<unsigned char>(gold.characters[i]) & 0xC0) == 0x80) --i;
    return Status::invalid(
        "the concatenation of tokens in gold file and in system file differ; first 20 differing "
        "characters in gold file: '" +
        gold.characters.substr(i, 20) + "' and system file: '" + system.characters.substr(i, 20) +
        "'");
  }

  Scorer sc{gold, system, Aligner(gold.words, system.words).align(), {}};
  for (auto [g, s] : sc.matched) sc.system_to_gold[s] = g;
  auto all = [](const Word&) { return true; };
  auto content = [](const Word& w) { return w.content; };
  // Lemma as the official script compares it: "_" whenever the gold lemma is "_".
  auto lemma_of = [](const Word& w, const Word& gold_word) {
    return gold_word.lemma != "_" ? w.lemma : std::string("_");
  };
  auto parents_equal = [&](const Word& g, const Word& s, int) {
    return sc.gold_parent(g.parent, false) == sc.gold_parent(s.parent, true);
  };
  auto labels_equal = [&](const Word& g, const Word& s, int gi) {
    return parents_equal(g, s, gi) && g.deprel == s.deprel;
  };
  auto children_equal = [&](const Word& g, const Word& s) {
    if (g.functional_children.size() != s.functional_children.size()) return false;
    for (size_t k = 0; k < g.functional_children.size(); ++k) {
      const Word& gc = gold.words[g.functional_children[k]];
      const Word& scw = system.words[s.functional_children[k]];
      if (g.functional_children[k] != sc.gold_parent(s.functional_children[k], true) ||
          gc.deprel != scw.deprel || gc.upos != scw.upos || gc.feats != scw.feats) {
        return false;
      }
    }
    return true;
  };

  Conll18Result r;
  r.metrics.push_back({"Tokens", spans_score(gold.tokens, system.tokens)});
  r.metrics.push_back({"Sentences", spans_score(gold.sentences, system.sentences)});
  Score words{gold.words.size(), system.words.size(), sc.matched.size(), std::nullopt};
  r.metrics.push_back({"Words", words});
  r.metrics.push_back(
      {"UPOS", sc.score(all, [](auto& g, auto& s, int) { return g.upos == s.upos; })});
  r.metrics.push_back(
      {"XPOS", sc.score(all, [](auto& g, auto& s, int) { return g.xpos == s.xpos; })});
  r.metrics.push_back(
      {"UFeats", sc.score(all, [](auto& g, auto& s, int) { return g.feats == s.feats; })});
  r.metrics.push_back({"AllTags", sc.score(all, [](auto& g, auto& s, int) {
                         return g.upos == s.upos && g.xpos == s.xpos && g.feats == s.feats;
                       })});
  r.metrics.push_back({"Lemmas", sc.score(all, [&](auto& g, auto& s, int) {
                         return lemma_of(g, g) == lemma_of(s, g);
                       })});
  r.metrics.push_back({"UAS", sc.score(all, parents_equal)});
  r.metrics.push_back({"LAS", sc.score(all, labels_equal)});
  r.metrics.push_back({"CLAS", sc.score(content, labels_equal)});
  r.metrics.push_back({"MLAS", sc.score(content, [&](auto& g, auto& s, int gi) {
                         return labels_equal(g, s, gi) && g.upos == s.upos && g.feats == s.feats &&
                                children_equal(g, s);
                       })});
  r.metrics.push_back({"BLEX", sc.score(content, [&](auto& g, auto& s, int gi) {
                         return labels_equal(g, s, gi) && lemma_of(g, g) == lemma_of(s, g);
                       })});
  return r;
}

Result<Conll18Result> evaluate_conll18_files(const std::string& gold_path,
                                             const std::string& system_path) {
  KG_ASSIGN_OR_RETURN(std::string gold, read_file(gold_path));
  KG_ASSIGN_OR_RETURN(std::string system, read_file(system_path));
  return evaluate_conll18(gold, gold_path, system, system_path);
}

void print_conll18_table(std::ostream& out, const Conll18Result& result, bool counts) {
  auto field = [&](auto v) { out << std::setw(10) << v; };
  if (counts) {
    out << "Metric     |   Correct |      Gold | Predicted | Aligned\n";
  } else {
    out << "Metric     | Precision |    Recall |  F1 Score | AligndAcc\n";
  }
  out << "-----------+-----------+-----------+-----------+-----------\n";
  for (const auto& [metric, s] : result.metrics) {
    out << std::left << std::setw(11) << metric << std::right << '|';
    if (counts) {
      field(s.correct);
      out << " |";
      field(s.gold_total);
      out << " |";
      field(s.system_total);
      out << " |";
      if (s.aligned_total) field(*s.aligned_total);
    } else {
      out << std::fixed << std::setprecision(2);
      field(100 * s.precision());
      out << " |";
      field(100 * s.recall());
      out << " |";
      field(100 * s.f1());
      out << " |";
      if (auto acc = s.aligned_accuracy()) field(100 * *acc);
    }
    out << '\n';
  }
}

}  // namespace kg::eval
