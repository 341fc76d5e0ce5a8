// Entity mentions inside one sentence: the words of an argument that name something, split into
// a proper name and its title ("US President | Joe Biden"), typed and given a name form.
#pragma once

#include <string>
#include <vector>

#include "extract/dep_tree.h"
#include "extract/lexicon.h"

namespace kg::extract {

enum class MentionKind {
  kName,     // a proper-noun chain: "Joe Biden", "the White House"
  kRole,     // a title without a name: "the President", "U.S. Ambassador to the UN"
  kPronoun,  // he, she, it, they (third person)
  kConcept,  // a common noun: "a summit" -> "summit"
  kValue,    // a number, amount, percentage, quantity or date ("5 pct"): a fact's literal object
  kOther,    // first/second person pronouns, demonstratives, numbers: not graph nodes
};

struct Mention {
  int sentence = -1;
  int head = -1;
  std::vector<int> tokens;   // the mention's words in order
  std::string text;          // surface text (no leading determiner)
  std::string name;          // name form: the proper name, the concept lemma phrase or role text
  std::string descriptor;    // title or role words before a name ("US President"), may be empty
  std::string compact;       // a role's words up to its head ("U.S. Representative")
  std::string unit;          // a kValue's head lemma when it is a unit ("pct", "dlr", "share")
  bool predicative = false;  // set by the caller: the mention describes another (X is Y)
  std::string role_head;     // lowercased title word heading a kRole mention ("ambassador")
  std::vector<std::string> role_words;  // lowercased content words of a role or descriptor
  std::string type;          // PERSON, ORG, LOC, MISC, CONCEPT; a kValue's value type
  MentionKind kind = MentionKind::kConcept;
  Gender gender = Gender::kUnknown;
  bool plural = false;
  bool titled = false;       // the descriptor holds a title or honorific ("President")
  bool person_cue = false;   // a title, honorific or first name says this is a person
  bool is_subject = false;   // set by the caller: the mention is some clause's subject
  bool no_antecedent = false;  // a role that names no one the text names: "a President" (no one
                               // in particular), "Mr. President, ..." (the addressee)
  int entity = -1;           // set by resolution: index into the document's entities
};

// Analyzes the argument headed by `head` (0-based). `avoid` is a word the mention must not
// extend over (the predicate of a relative clause), -1 for none.
Mention analyze_mention(const DepTree& t, int head, int avoid = -1);

// Surface text of words in order, with the sentence's spacing (words of one multiword token once).
std::string surface_text(const DepTree& t, const std::vector<int>& words);

// "US" for "U.S."/"US"; empty when `name` does not look like an acronym.
std::string acronym_key(const std::string& name);
// The initials of an expansion's capitalized words ("United Nations" -> "UN"), skipping
// function words; empty when fewer than two.
std::string initials(const std::string& name);

}  // namespace kg::extract
