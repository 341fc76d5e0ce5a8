// A proposition found in one sentence's dependency tree, before entities are resolved: token
// positions of its subject, relation words, object and obliques, with its qualifiers.
#pragma once

#include <string>
#include <vector>

#include "extract/dep_tree.h"

namespace kg::extract {

enum class ArgKind { kNominal, kClause, kAdjective };

struct Arg {
  int head = -1;        // token heading the argument; -1 when absent
  int attach = -1;      // predicate token the argument hangs on
  std::string prep;     // lowercased preposition(s) ("with", "according to"), empty for core args
  ArgKind kind = ArgKind::kNominal;
  bool temporal = false;
  bool from_object = false;  // an nmod of the object noun ("a meeting *with Putin*")
  bool present() const { return head >= 0; }
};

enum class PropKind {
  kVerbal,      // S V O with obliques
  kCopula,      // X is Y / X is ready for Y
  kAppos,       // X, Y, ... -> X be Y
  kPossessive,  // X's Y -> X have Y
};

struct Proposition {
  PropKind kind = PropKind::kVerbal;
  int top = -1;                 // clause head (subject and auxiliaries attach here)
  int pred = -1;                // innermost predicate of an xcomp chain
  std::vector<int> chain;       // predicate words from top to pred
  Arg subject;
  std::vector<int> rel_tokens;  // surface relation words in sentence order (aux, neg, verbs, to)
  std::string label;            // normalized lemma label ("agree to hold", "be scheduled to meet")
  std::string inner_label;      // label of the innermost predicate alone ("hold")
  Arg object;
  std::vector<Arg> obliques;    // sentence order
  std::string clause_mark;      // "that" of a clausal object (CaRB keeps it in the relation)
  bool reported_host = false;   // the clausal object is the clause this speech verb hangs on
  bool negated = false;
  std::string modality;         // "would", "will likely", "if an invasion hasn't happened", ...
  int attribution = -1;         // token heading the speaker's mention, -1 when none
  int subject_hops = 0;         // arcs walked to find an inherited subject
  bool embedded = false;        // inside a complement, adverbial or relative clause
  bool rel_pronoun_subject = false;
  // A passive normalized to active ("X was sent by Y" -> Y send X): the agent's preposition
  // word and whether normalization happened, so CaRB output can keep the passive as written.
  bool from_passive = false;
  int agent_case = -1;
  double confidence = 0.0;
};

// All propositions of one sentence, in predicate order. Thread-compatible (no shared state).
std::vector<Proposition> extract_propositions(const DepTree& t);

// +1 for an opening quote or bracket, -1 for a closing one, 0 otherwise.
int bracket_balance(std::string_view form);

// The lowercased preposition of an argument word: its case children (with their fixed parts).
std::string preposition_of(const DepTree& t, int head);

// Words of an argument phrase in order: the subtree of `head` minus subtrees that hold `avoid`
// (the predicate, for relative clauses), minus conjuncts/cc when `split_conj`, minus case words
// when `drop_case`, trimmed of punctuation at the edges.
std::vector<int> phrase_tokens(const DepTree& t, int head, int avoid, bool split_conj,
                               bool drop_case, bool drop_appos);

}  // namespace kg::extract
