// Aligns fact arguments to gold named mentions through the gold syntactic heads, and labels the
// named mentions for scoring.
#include "eval/entity_resolution.h"

#include <algorithm>
#include <cassert>
#include <map>
#include <optional>
#include <set>
#include <tuple>

#include "common/utf8.h"

namespace kg::eval {
namespace {

// A word of a gold document.
struct WordRef {
  size_t sentence = 0;
  size_t word = 0;
  auto operator<=>(const WordRef&) const = default;
};

// Letters and digits: what a surface form is compared on. kg writes some surface forms without the
// punctuation inside them ("Hartsell Gundy" for "Hartsell-Gundy", "DH Lib" for "DH+Lib").
bool is_word_char(char32_t c) {
  if (c < 0x80) return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  return c >= 0xC0 && !(c >= 0x2000 && c <= 0x206F) && c != 0xFFFD;  // no general punctuation
}

// The word characters of text[from, to), and where each of their bytes is in the text.
struct Skeleton {
  std::string chars;
  std::vector<size_t> at;
};

Skeleton skeleton(std::string_view text, size_t from, size_t to) {
  Skeleton s;
  for (size_t i = from; i < to;) {
    size_t start = i;
    if (!is_word_char(utf8::decode(text, i))) continue;
    for (size_t b = start; b < i; ++b) s.chars += text[b], s.at.push_back(b);
  }
  return s;
}

// Where `surface` is in text[from, to): [start, end) spans whose word characters are those of
// `surface` and that begin and end at word boundaries.
std::vector<std::pair<size_t, size_t>> find_surface(std::string_view text, size_t from, size_t to,
                                                    std::string_view surface) {
  std::vector<std::pair<size_t, size_t>> out;
  std::string needle = skeleton(surface, 0, surface.size()).chars;
  if (needle.empty()) return out;
  Skeleton hay = skeleton(text, from, to);
  for (size_t k = hay.chars.find(needle); k != std::string::npos;
       k = hay.chars.find(needle, k + 1)) {
    size_t last = k + needle.size() - 1;
    size_t start = hay.at[k], end = hay.at[last] + 1;
    bool starts = k == 0 || hay.at[k - 1] + 1 != start;
    bool ends = last + 1 == hay.at.size() || hay.at[last + 1] != end;
    if (starts && ends) out.emplace_back(start, end);
  }
  return out;
}

// Where a fact's sentence is in the document text, nullopt when it is not there.
std::optional<std::pair<size_t, size_t>> locate_sentence(std::string_view text, const Triple& t) {
  if (t.span && t.span->first <= t.span->second && t.span->second <= text.size() &&
      text.substr(t.span->first, t.span->second - t.span->first) == t.text) {
    return t.span;
  }
  if (t.text.empty()) return std::nullopt;
  size_t at = text.find(t.text);
  if (at == std::string_view::npos) return std::nullopt;
  return std::make_pair(at, at + t.text.size());
}

// The syntactic head of the words that text[start, end) covers (within the sentence of its first
// covered word), nullopt when it covers none.
std::optional<WordRef> head_of(const Document& doc, size_t start, size_t end) {
  auto it = std::upper_bound(doc.sentences.begin(), doc.sentences.end(), start,
                             [](size_t at, const Sentence& s) { return at < s.start; });
  size_t si = it == doc.sentences.begin() ? 0 : size_t(it - doc.sentences.begin()) - 1;
  if (si < doc.sentences.size() && start >= doc.sentences[si].end) ++si;
  if (si >= doc.sentences.size()) return std::nullopt;
  const Sentence& s = doc.sentences[si];
  size_t first = SIZE_MAX, last = 0;
  for (size_t w = 0; w < s.tokens.size(); ++w) {
    if (s.tokens[w].start < end && s.tokens[w].end > start) first = std::min(first, w), last = w;
  }
  if (first == SIZE_MAX) return std::nullopt;
  return WordRef{si, phrase_head(s, first, last)};
}

// The named mentions of one document, indexed by head word.
class MentionIndex {
 public:
  MentionIndex(const GoldEntities& gold, size_t doc) : gold_(gold), doc_(gold.documents[doc]) {
    for (size_t i = 0; i < gold.mentions.size(); ++i) {
      const GoldMention& m = gold.mentions[i];
      if (m.doc == doc && m.named) by_head_[{m.sentence, m.head}].push_back(i);
    }
  }

  // The named mention an occurrence text[start, end) with head `h` names, nullopt when none.
  std::optional<size_t> find(WordRef h, size_t start, size_t end) const {
    if (auto it = by_head_.find(h); it != by_head_.end()) {
      size_t best = it->second.front();
      double best_overlap = -1;
      for (size_t i : it->second) {
        if (double o = overlap(i, start, end); o > best_overlap) best_overlap = o, best = i;
      }
      return best;
    }
    // A name part inside a named mention: its head attached to the mention's head by flat.
    const Token& t = doc_.sentences[h.sentence].tokens[h.word];
    if (t.deprel.substr(0, 4) != "flat" || t.head < 1) return std::nullopt;
    auto it = by_head_.find({h.sentence, size_t(t.head - 1)});
    if (it == by_head_.end()) return std::nullopt;
    std::optional<size_t> best;
    for (size_t i : it->second) {
      auto [ms, me] = span(i);
      if (ms > start || me < end) continue;
      if (!best || me - ms < span(*best).second - span(*best).first) best = i;
    }
    return best;
  }

  // How much text[start, end) and mention i's words overlap: shared over spanned characters.
  double overlap(size_t i, size_t start, size_t end) const {
    auto [ms, me] = span(i);
    const double both = double(std::min(me, end)) - double(std::max(ms, start));
    const double either = double(std::max(me, end)) - double(std::min(ms, start));
    return either > 0 ? both / either : 0.0;
  }

 private:
  std::pair<size_t, size_t> span(size_t i) const {
    const GoldMention& m = gold_.mentions[i];
    const Sentence& s = doc_.sentences[m.sentence];
    return {s.tokens[m.first].start, s.tokens[m.last].end};
  }

  const GoldEntities& gold_;
  const Document& doc_;
  std::map<WordRef, std::vector<size_t>> by_head_;
};

using utf8::ascii_lower;

// The gold label of mention i in `scope`.
std::string gold_label(const GoldEntities& gold, const GoldMention& m, Scope scope) {
  if (scope == Scope::kAcrossDocuments && !m.identity.empty()) return "wiki\t" + m.identity;
  return "chain\t" + gold.documents[m.doc].id + '\t' + m.chain;
}

// Labels the named mentions: gold by `scope`, system by `system_of(mention index)`.
template <typename SystemOf>
ResolutionLabels label(const GoldEntities& gold, Scope scope, SystemOf system_of) {
  ResolutionLabels out;
  for (size_t i = 0; i < gold.mentions.size(); ++i) {
    const GoldMention& m = gold.mentions[i];
    if (!m.named) continue;
    out.gold.push_back(gold_label(gold, m, scope));
    std::string system = system_of(i);
    if (scope == Scope::kWithinDocument) system.insert(0, gold.documents[m.doc].id + '\t');
    out.system.push_back(std::move(system));
  }
  return out;
}

}  // namespace

Alignment align_mentions(const GoldEntities& gold, std::span<const std::vector<Triple>> facts,
                         const NodeOf& node_of,
                         std::span<const std::vector<SystemMention>> mentions) {
  assert(facts.size() == gold.documents.size());
  assert(mentions.empty() || mentions.size() == gold.documents.size());
  Alignment out;
  out.node.resize(gold.mentions.size());
  // Per mention and node: the best overlap of an occurrence, the occurrences, the first seen.
  struct Vote {
    double overlap = 0;
    size_t count = 0;
    size_t first = 0;
  };
  std::vector<std::map<std::string, Vote>> votes(gold.mentions.size());
  size_t seen = 0;
  for (size_t d = 0; d < gold.documents.size(); ++d) {
    const Document& doc = gold.documents[d];
    MentionIndex index(gold, d);
    std::set<std::tuple<size_t, size_t, std::string>> occurrences;
    // text[start, end) names `node`: a vote for the named mention it aligns to.
    auto occurrence = [&](size_t start, size_t end, const std::string& node) {
      if (!occurrences.emplace(start, end, node).second) return;
      auto head = head_of(doc, start, end);
      auto mention = head ? index.find(*head, start, end) : std::nullopt;
      if (!mention) return;
      ++out.stats.aligned;
      Vote& vote = votes[*mention].try_emplace(node, Vote{0, 0, seen++}).first->second;
      vote.overlap = std::max(vote.overlap, index.overlap(*mention, start, end));
      ++vote.count;
    };
    for (const SystemMention& m : mentions.empty() ? std::span<const SystemMention>()
                                                   : std::span(mentions[d])) {
      ++out.stats.mentions;
      // A word of a multiword token has the token's place ("Melanie" of "Melanie's").
      const bool placed = m.start <= m.end && m.end <= doc.text.size() &&
                          skeleton(doc.text, m.start, m.end).chars.find(
                              skeleton(m.text, 0, m.text.size()).chars) != std::string::npos;
      if (!placed) {
        ++out.stats.misplaced;
        continue;
      }
      occurrence(m.start, m.end, node_of(m.name, m.type));
    }
    for (const Triple& t : facts[d]) {
      auto sentence = locate_sentence(doc.text, t);
      for (int side = 0; side < 2; ++side) {
        const std::string& surface = side == 0 ? t.subject_text : t.object_text;
        if (surface.empty()) continue;
        ++out.stats.arguments;
        auto at = sentence ? find_surface(doc.text, sentence->first, sentence->second, surface)
                           : std::vector<std::pair<size_t, size_t>>();
        if (at.empty()) ++out.stats.unlocated;
        std::string node =
            side == 0 ? node_of(t.subject, t.subject_type) : node_of(t.object, t.object_type);
        for (auto [start, end] : at) occurrence(start, end, node);
      }
    }
    out.stats.occurrences += occurrences.size();
  }
  for (size_t i = 0; i < votes.size(); ++i) {
    if (votes[i].empty()) continue;
    if (votes[i].size() > 1) ++out.stats.conflicting;
    // The node of the occurrence closest to the mention's words, then of the most occurrences,
    // then the first seen.
    auto best =
        std::min_element(votes[i].begin(), votes[i].end(), [](const auto& a, const auto& b) {
          return std::tuple(b.second.overlap, b.second.count, a.second.first) <
                 std::tuple(a.second.overlap, a.second.count, b.second.first);
        });
    out.node[i] = best->first;
  }
  return out;
}

ResolutionLabels graph_labels(const GoldEntities& gold, const Alignment& alignment, Scope scope) {
  return label(gold, scope, [&](size_t i) {
    const std::string& node = alignment.node[i];
    return node.empty() ? "unmatched\t" + std::to_string(i) : "node\t" + node;
  });
}

ResolutionLabels string_baseline_labels(const GoldEntities& gold, Scope scope) {
  return label(gold, scope, [&](size_t i) { return ascii_lower(gold.mentions[i].text); });
}

ResolutionEvaluation evaluate_resolution(const GoldEntities& gold, const Alignment& alignment) {
  ResolutionEvaluation r;
  r.documents = gold.documents.size();
  r.alignment = alignment.stats;
  for (size_t i = 0; i < gold.mentions.size(); ++i) {
    if (!gold.mentions[i].named) continue;
    ++r.named_mentions;
    r.with_identity += !gold.mentions[i].identity.empty();
    r.matched += !alignment.node[i].empty();
  }
  // Per named mention, in the order of the labels: whether it was given a node.
  std::vector<bool> matched;
  for (size_t i = 0; i < gold.mentions.size(); ++i) {
    if (gold.mentions[i].named) matched.push_back(!alignment.node[i].empty());
  }
  auto score = [&](Scope scope, bool only_matched) {
    ScoredPair p;
    ResolutionLabels labels[] = {graph_labels(gold, alignment, scope),
                                 string_baseline_labels(gold, scope)};
    for (ResolutionLabels& l : labels) {
      if (!only_matched) continue;
      size_t kept = 0;
      for (size_t i = 0; i < matched.size(); ++i) {
        if (!matched[i]) continue;
        l.gold[kept] = std::move(l.gold[i]);
        l.system[kept++] = std::move(l.system[i]);
      }
      l.gold.resize(kept);
      l.system.resize(kept);
    }
    p.graph = score_resolution(labels[0].gold, labels[0].system);
    p.baseline = score_resolution(labels[1].gold, labels[1].system);
    return p;
  };
  r.within = score(Scope::kWithinDocument, false);
  r.across = score(Scope::kAcrossDocuments, false);
  r.within_matched = score(Scope::kWithinDocument, true);
  r.across_matched = score(Scope::kAcrossDocuments, true);
  return r;
}

}  // namespace kg::eval
