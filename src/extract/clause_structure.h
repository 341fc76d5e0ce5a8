// The clause structure of one sentence's tree as proposition building reads it: which words are
// predicates, their xcomp chains, own and inherited subjects, and the attribution and modality
// each word inherits from the clauses above it.
#pragma once

#include <string>
#include <vector>

#include "extract/dep_tree.h"

namespace kg::extract {

class ClauseStructure {
 public:
  // `t` must outlive the structure.
  explicit ClauseStructure(const DepTree& t);

  // --- predicates and chains ---
  bool has_cop(int i) const { return t_.has_child(i, "cop"); }
  bool is_predicate(int i) const;
  // `i` continues the predicate chain of its head ("agreed to *hold*").
  bool chain_internal(int i) const { return chainable(t_.head(i), i); }
  // The first word of the chain holding `i`.
  int chain_top(int i) const;
  // The chain's words from its first word `top` to the innermost predicate.
  std::vector<int> chain_from(int top) const;

  // --- subjects ---
  int own_subject(int i) const;
  struct SubjectInfo {
    int head = -1;
    int hops = 0;
    bool patient = false;  // the subject is the patient of a passive (or a participle's noun)
    bool rel_pronoun = false;
  };
  // The subject of the clause headed by `top`, its own or inherited (conj, xcomp, advcl, acl).
  SubjectInfo subject_of(int top, int depth = 0) const;

  // --- context ---
  // The word heading the speaker's mention of `i`'s clause, -1 when none.
  int attribution(int i) const { return attribution_[i]; }
  // "condition" or "purpose" when `i` is inside such a clause, "" otherwise.
  const std::string& modality(int i) const { return modality_[i]; }
  // "if", "unless", "as long as", "provided"; "should" for an inverted condition; "" otherwise.
  std::string condition_marker(int advcl) const;

 private:
  bool has_object(int i) const { return t_.has_child(i, "obj"); }
  bool chainable(int g, int x) const;
  int speaker_of_speech_clause(int v) const;
  int according_to_source(int i) const;
  int parataxis_speaker(int i) const;
  void compute_context();

  const DepTree& t_;
  const int n_;
  std::vector<int> attribution_;
  std::vector<std::string> modality_;
};

}  // namespace kg::extract
