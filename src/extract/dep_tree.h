// A read-only view of one parsed sentence as a dependency tree: children lists, relation names,
// subtree spans and small structural queries used by the extractor. Indices are 0-based.
#pragma once

#include <string_view>
#include <vector>

#include "doc/document.h"

namespace kg::extract {

class DepTree {
 public:
  // `s` must outlive the tree. Heads outside 0..n (unparsed words) are treated as roots;
  // cycles are broken so that every walk terminates.
  explicit DepTree(const Sentence& s);

  int size() const { return static_cast<int>(heads_.size()); }
  const Sentence& sentence() const { return s_; }
  const Token& tok(int i) const { return s_.tokens[i]; }
  int head(int i) const { return heads_[i]; }  // -1 for the root
  // The relation before any subtype ("nsubj" for "nsubj:pass"), lowercased by the parser's convention.
  std::string_view rel(int i) const { return base_[i]; }
  std::string_view full_rel(int i) const { return s_.tokens[i].deprel; }
  std::string_view upos(int i) const { return s_.tokens[i].upos; }
  std::string_view lemma(int i) const { return lemmas_[i]; }  // lowercased lemma (form if none)
  std::string_view lower(int i) const { return lowers_[i]; }  // lowercased form
  const std::vector<int>& children(int i) const { return children_[i]; }
  const std::vector<int>& roots() const { return roots_; }

  // The first child whose full relation equals `rel`, or whose base equals it when `rel` has no
  // subtype; -1 when none.
  int child(int i, std::string_view rel) const;
  bool has_child(int i, std::string_view rel) const { return child(i, rel) >= 0; }
  // True when `a` is `d` or an ancestor of it.
  bool dominates(int a, int d) const;
  // Smallest and largest index in the subtree of `i`.
  int sub_first(int i) const { return sub_first_[i]; }
  int sub_last(int i) const { return sub_last_[i]; }
  // Number of arcs from `i` up to its root.
  int depth(int i) const;

  bool is_verb(int i) const { return upos(i) == "VERB"; }
  bool is_noun(int i) const;    // NOUN, PROPN, PRON, NUM (nominal heads)
  bool is_propn(int i) const { return upos(i) == "PROPN"; }
  bool is_capitalized(int i) const;
  // Passive: has nsubj:pass / aux:pass, or an obl:agent child.
  bool is_passive(int i) const;

 private:
  const Sentence& s_;
  std::vector<int> heads_;
  std::vector<std::string_view> base_;
  std::vector<std::string> lemmas_;
  std::vector<std::string> lowers_;
  std::vector<std::vector<int>> children_;
  std::vector<int> roots_;
  std::vector<int> sub_first_, sub_last_;
};

std::string to_lower(std::string_view s);

}  // namespace kg::extract
