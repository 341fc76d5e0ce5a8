// Clause structure: predicates and their chains, subjects, attribution and inherited modality.
#include "extract/clause_structure.h"

#include <functional>

#include "extract/lexicon.h"
#include "extract/proposition.h"

namespace kg::extract {
namespace {

bool is_subject_rel(std::string_view r) {
  return r == "nsubj" || r == "nsubj:pass" || r == "csubj" || r == "csubj:pass";
}

}  // namespace

ClauseStructure::ClauseStructure(const DepTree& t) : t_(t), n_(t.size()) { compute_context(); }

// --- predicates and chains -----------------------------------------------------------------------

bool ClauseStructure::is_predicate(int i) const {
  std::string_view r = t_.rel(i);
  if (r == "amod" || r == "compound" || r == "aux" || r == "cop" || r == "case" || r == "mark" ||
      r == "det" || r == "fixed" || r == "flat" || r == "goeswith" || r == "reparandum" ||
      r == "discourse" || r == "punct" || r == "cc") {
    return false;
  }
  if (has_cop(i)) return true;
  if (t_.is_verb(i)) {
    // A bare participle modifying a noun without arguments is an adjective ("retiring jurists").
    return true;
  }
  return false;
}

// `x` continues the predicate chain of its head `g` ("agreed to *hold*", "ready to *impose*").
bool ClauseStructure::chainable(int g, int x) const {
  if (g < 0 || !is_predicate(g)) return false;
  if (t_.upos(x) != "VERB" && t_.upos(x) != "ADJ" && t_.upos(x) != "AUX") return false;
  for (int c : t_.children(x)) {
    if (is_subject_rel(t_.full_rel(c))) return false;
  }
  if (has_object(g)) return false;  // object control: "asked him to leave"
  if (t_.full_rel(x) == "xcomp") {
    // A copular xcomp ("seems to be ready") is fine; a nominal one is not.
    return true;
  }
  if (t_.rel(x) == "advcl" && t_.full_rel(x) == "advcl") {
    const bool adjectival = t_.upos(g) == "ADJ" || t_.is_passive(g) || has_cop(g);
    int mark = t_.child(x, "mark");
    return adjectival && mark >= 0 && t_.lower(mark) == "to" && !t_.has_child(g, "obj");
  }
  return false;
}

int ClauseStructure::chain_top(int i) const {
  int steps = 0;
  while (chain_internal(i) && steps++ < n_) i = t_.head(i);
  return i;
}

std::vector<int> ClauseStructure::chain_from(int top) const {
  std::vector<int> chain = {top};
  int v = top;
  for (int steps = 0; steps < n_; ++steps) {
    int next = -1;
    for (int c : t_.children(v)) {
      if (chainable(v, c)) {
        next = c;
        break;
      }
    }
    if (next < 0) break;
    chain.push_back(next);
    v = next;
  }
  return chain;
}

// --- subjects ------------------------------------------------------------------------------------

int ClauseStructure::own_subject(int i) const {
  for (int c : t_.children(i)) {
    if (is_subject_rel(t_.full_rel(c))) return c;
  }
  for (int c : t_.children(i)) {
    if (t_.full_rel(c) == "nsubj:outer") return c;
  }
  return -1;
}

ClauseStructure::SubjectInfo ClauseStructure::subject_of(int top, int depth) const {
  SubjectInfo s;
  if (depth > 8) return s;
  int own = own_subject(top);
  const int g = t_.head(top);
  if (own >= 0) {
    s.patient = t_.full_rel(own) == "nsubj:pass" || t_.full_rel(own) == "csubj:pass";
    if (t_.rel(top) == "acl" && g >= 0 && is_relative_pronoun(t_.lower(own))) {
      s.head = g;
      s.hops = 1;
      s.rel_pronoun = true;
      return s;
    }
    s.head = own;
    return s;
  }
  if (g < 0) return s;
  std::string_view r = t_.rel(top);
  std::string_view full = t_.full_rel(top);
  if (r == "conj") {
    if (is_predicate(g)) {
      SubjectInfo up = subject_of(chain_top(g), depth + 1);
      up.hops += 1;
      return up;
    }
    return s;
  }
  if (r == "xcomp") {
    int obj = t_.child(g, "obj");
    if (obj >= 0) {
      s.head = obj;
      s.hops = 1;
      return s;
    }
    SubjectInfo up = subject_of(chain_top(g), depth + 1);
    up.hops += 1;
    return up;
  }
  if (r == "advcl" && is_predicate(g)) {
    // Only non-finite adverbial clauses share the subject ("..., replacing Graae").
    std::string_view xpos = t_.tok(top).xpos;
    if (xpos == "VBG" || xpos == "VBN" || xpos == "VB" || t_.has_child(top, "mark")) {
      SubjectInfo up = subject_of(chain_top(g), depth + 1);
      up.hops += 1;
      up.patient = false;
      return up;
    }
    return s;
  }
  if (r == "acl" && t_.is_noun(g)) {
    s.head = g;
    s.hops = 1;
    s.rel_pronoun = full == "acl:relcl";
    // "an allegation based on reports", "Ukrainians to be killed"
    s.patient = t_.tok(top).xpos == "VBN" && !t_.has_child(top, "aux");
    if (t_.has_child(top, "aux:pass")) s.patient = true;
    return s;
  }
  return s;
}

// --- context: attribution and inherited modality ------------------------------------------------

int ClauseStructure::speaker_of_speech_clause(int v) const {
  if (!t_.is_verb(v) || !is_speech_verb(t_.lemma(v))) return -1;
  SubjectInfo s = subject_of(chain_top(v));
  return s.head;
}

// The mention heading an "according to X" oblique (the possessor of "X's assessment").
int ClauseStructure::according_to_source(int i) const {
  for (int c : t_.children(i)) {
    if (t_.rel(c) != "obl" && t_.rel(c) != "advcl") continue;
    if (preposition_of(t_, c) != "according to") continue;
    int poss = t_.child(c, "nmod:poss");
    return poss >= 0 && t_.upos(poss) != "PRON" ? poss : c;
  }
  return -1;
}

// A parataxis child that is a bare speech clause ("..., she added").
int ClauseStructure::parataxis_speaker(int i) const {
  for (int c : t_.children(i)) {
    if (t_.rel(c) != "parataxis") continue;
    if (!t_.is_verb(c) || !is_speech_verb(t_.lemma(c))) continue;
    if (t_.has_child(c, "ccomp") || t_.has_child(c, "obj")) continue;
    int subj = own_subject(c);
    if (subj >= 0) return subj;
  }
  return -1;
}

void ClauseStructure::compute_context() {
  attribution_.assign(n_, -1);
  modality_.assign(n_, std::string());
  std::vector<int> order;
  order.reserve(n_);
  std::function<void(int)> visit = [&](int i) {
    order.push_back(i);
    for (int c : t_.children(i)) visit(c);
  };
  for (int r : t_.roots()) visit(r);
  for (int i : order) {
    const int g = t_.head(i);
    int attr = g >= 0 ? attribution_[g] : -1;
    std::string mod = g >= 0 ? modality_[g] : std::string();
    if (g >= 0 && t_.rel(i) == "parataxis" && parataxis_speaker(g) >= 0 &&
        t_.dominates(i, parataxis_speaker(g))) {
      attr = t_.head(g) >= 0 ? attribution_[t_.head(g)] : -1;  // the speech act itself
    }
    if (g >= 0 && (t_.rel(i) == "ccomp" || t_.rel(i) == "parataxis")) {
      int spk = speaker_of_speech_clause(g);
      if (spk >= 0 && !t_.dominates(i, spk)) attr = spk;
    }
    if (int p = parataxis_speaker(i); p >= 0) attr = p;
    if (int a = according_to_source(i); a >= 0) attr = a;
    if (t_.rel(i) == "advcl") {
      std::string marker = condition_marker(i);
      if (!marker.empty()) {
        mod = "condition";
      } else if (int m = t_.child(i, "mark"); m >= 0 && t_.lower(m) == "to" && own_subject(i) < 0) {
        mod = "purpose";
      }
    }
    attribution_[i] = attr;
    modality_[i] = mod;
  }
}

std::string ClauseStructure::condition_marker(int advcl) const {
  std::string mark;
  for (int c : t_.children(advcl)) {
    if (t_.rel(c) != "mark") continue;
    mark = std::string(t_.lower(c));
    for (int f : t_.children(c)) {
      if (t_.rel(f) != "fixed") continue;
      mark += ' ';
      mark += t_.lower(f);
    }
    break;
  }
  const int g = t_.head(advcl);
  if (mark == "as" && g >= 0 && (t_.lemma(g) == "long")) mark = "as long as";
  if (is_condition_marker(mark)) return mark;
  if (mark.empty()) {
    // Inverted condition: "should Russia choose war".
    int subj = own_subject(advcl);
    for (int c : t_.children(advcl)) {
      if (t_.rel(c) == "aux" && (t_.lemma(c) == "should" || t_.lemma(c) == "had") && subj >= 0 &&
          c < subj) {
        return std::string(t_.lower(c));
      }
    }
  }
  return "";
}

}  // namespace kg::extract
