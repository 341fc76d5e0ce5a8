// Builds the children lists and subtree spans of a parsed sentence.
#include "extract/dep_tree.h"

#include <algorithm>

#include "common/utf8.h"

namespace kg::extract {

std::string to_lower(std::string_view s) { return utf8::ascii_lower(s); }

DepTree::DepTree(const Sentence& s) : s_(s) {
  const int n = static_cast<int>(s.tokens.size());
  heads_.resize(n);
  base_.resize(n);
  lemmas_.resize(n);
  lowers_.resize(n);
  children_.resize(n);
  for (int i = 0; i < n; ++i) {
    const Token& t = s.tokens[i];
    int h = t.head - 1;
    if (t.head <= 0 || t.head > n || h == i) h = -1;
    heads_[i] = h;
    std::string_view r = t.deprel;
    base_[i] = r.substr(0, r.find(':'));
    lowers_[i] = to_lower(t.form);
    lemmas_[i] = (t.lemma.empty() || t.lemma == "_") ? lowers_[i] : to_lower(t.lemma);
  }
  // Break cycles: walk up from each word; a walk longer than n arcs is in a cycle.
  for (int i = 0; i < n; ++i) {
    int cur = i, steps = 0;
    while (cur >= 0 && steps <= n) {
      cur = heads_[cur];
      ++steps;
    }
    if (cur >= 0) heads_[i] = -1;
  }
  for (int i = 0; i < n; ++i) {
    if (heads_[i] < 0) {
      roots_.push_back(i);
    } else {
      children_[heads_[i]].push_back(i);
    }
  }
  sub_first_.assign(n, 0);
  sub_last_.assign(n, 0);
  for (int i = 0; i < n; ++i) sub_first_[i] = sub_last_[i] = i;
  for (int i = 0; i < n; ++i) {
    int cur = heads_[i], steps = 0;
    while (cur >= 0 && steps++ <= n) {
      sub_first_[cur] = std::min(sub_first_[cur], i);
      sub_last_[cur] = std::max(sub_last_[cur], i);
      cur = heads_[cur];
    }
  }
}

int DepTree::child(int i, std::string_view rel) const {
  const bool base_only = rel.find(':') == std::string_view::npos;
  for (int c : children_[i]) {
    if (full_rel(c) == rel || (base_only && base_[c] == rel)) return c;
  }
  return -1;
}

bool DepTree::dominates(int a, int d) const {
  int steps = 0;
  while (d >= 0 && steps++ <= size()) {
    if (d == a) return true;
    d = heads_[d];
  }
  return false;
}

int DepTree::depth(int i) const {
  int d = 0;
  while (heads_[i] >= 0 && d <= size()) {
    i = heads_[i];
    ++d;
  }
  return d;
}

bool DepTree::is_noun(int i) const {
  std::string_view u = upos(i);
  return u == "NOUN" || u == "PROPN" || u == "PRON" || u == "NUM";
}

bool DepTree::is_capitalized(int i) const {
  const std::string& f = s_.tokens[i].form;
  return !f.empty() && f[0] >= 'A' && f[0] <= 'Z';
}

bool DepTree::is_passive(int i) const {
  for (int c : children_[i]) {
    std::string_view r = full_rel(c);
    if (r == "nsubj:pass" || r == "aux:pass" || r == "obl:agent" || r == "csubj:pass") return true;
  }
  return false;
}

}  // namespace kg::extract
