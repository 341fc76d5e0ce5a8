// Argument phrases: prepositions of an argument and the words of its subtree as a phrase.
#include <algorithm>
#include <functional>

#include "extract/proposition.h"

namespace kg::extract {

int bracket_balance(std::string_view form) {
  if (form == "``" || form == "\u201c" || form == "(" || form == "-LRB-" || form == "[" ||
      form == "-LSB-") {
    return 1;
  }
  if (form == "''" || form == "\u201d" || form == ")" || form == "-RRB-" || form == "]" ||
      form == "-RSB-") {
    return -1;
  }
  return 0;
}

std::string preposition_of(const DepTree& t, int head) {
  std::string prep;
  for (int c : t.children(head)) {
    if (t.rel(c) != "case" && !(t.rel(c) == "mark" && t.upos(head) != "VERB")) continue;
    if (c > head) continue;  // a possessive "'s" follows its noun
    if (!prep.empty()) prep += ' ';
    prep += t.lower(c);
    for (int f : t.children(c)) {
      if (t.rel(f) == "fixed") {
        prep += ' ';
        prep += t.lower(f);
      }
    }
  }
  return prep;
}

std::vector<int> phrase_tokens(const DepTree& t, int head, int avoid, bool split_conj,
                               bool drop_case, bool drop_appos) {
  std::vector<int> out;
  if (head < 0) return out;
  std::function<void(int, bool)> visit = [&](int i, bool is_head) {
    if (avoid >= 0 && i != head && t.dominates(i, avoid)) return;
    if (!is_head) {
      const int g = t.head(i);
      std::string_view r = t.rel(i);
      // Clause-level dependents hanging on a noun belong to a clause, not to the noun phrase.
      if (g >= 0 && t.is_noun(g) &&
          (r == "nsubj" || r == "csubj" || r == "cop" || r == "aux" || r == "parataxis" ||
           r == "ccomp" || r == "obj" || r == "iobj" || r == "expl" || r == "mark" ||
           r == "advcl" || r == "obl" || r == "discourse" || r == "vocative")) {
        return;
      }
      if (g == head) {
        if (split_conj && (r == "conj" || r == "cc" || t.full_rel(i) == "cc:preconj")) return;
        if (drop_case && r == "case" && i < head) return;
        if (drop_appos && r == "appos") return;
      }
    }
    out.push_back(i);
    for (int c : t.children(i)) visit(c, false);
  };
  visit(head, true);
  std::sort(out.begin(), out.end());
  // When conjuncts were removed, punctuation left between them goes too.
  auto edge_junk = [&](int i) {
    return t.upos(i) == "PUNCT" || (t.rel(i) == "cc" && t.head(i) == head);
  };
  size_t b = 0, e = out.size();
  while (b < e && edge_junk(out[b]) && out[b] != head) ++b;
  while (e > b && edge_junk(out[e - 1]) && out[e - 1] != head) --e;
  std::vector<int> kept(out.begin() + b, out.begin() + e);
  // A quote or bracket opened inside the phrase keeps its closer: as an "absolute lie".
  if (!kept.empty()) {
    int open = 0;
    for (int k : kept) open += bracket_balance(t.tok(k).form);
    size_t next = e;
    while (open > 0 && next < out.size() && bracket_balance(t.tok(out[next]).form) < 0 &&
           out[next] == kept.back() + 1) {
      kept.push_back(out[next++]);
      --open;
    }
    if (open > 0 && bracket_balance(t.tok(kept.front()).form) > 0) kept.erase(kept.begin());
  }
  return kept;
}

}  // namespace kg::extract
