// Parse repairs before extraction: local rewrites of dependency trees that the statistical parser
// often gets wrong in news text and that cost the graph its key facts (title + name chains split
// across clauses, "agreed in principle to hold", a quotation whose root is the opening quote).
#pragma once

#include "doc/document.h"

namespace kg::extract {

// Writes a repaired copy of `in` to `*out` and returns true when any repair applies; returns
// false (and leaves `*out` untouched) when the parse is kept as it is. Thread-compatible.
//
// Repairs:
// - Title + name chains ("White House Press Secretary Jen Psaki", "UN human rights Chief Michelle
//   Bachelet", "US Secretary of State Antony Blinken"): a run of proper names preceded by
//   descriptor words holding a title becomes one nominal headed by the name's first word, with
//   the descriptor as its compounds; the chain takes the place of its best-attached word. A
//   chain already rooted in the name's first word with the other name words flat under it is
//   left as it is.
// - An organisation's name with "and" inside ("Securities and Exchange Commission", "Morgan
//   Stanley and Co Inc", "Procter and Gamble"; org_names.h) is one nominal headed by its last
//   word, not two conjuncts; "Baker and Volcker" stays a coordination.
// - A flat proper-noun chain that ends in a title word ("U.S. Ambassador to the UN") is that
//   title with its modifiers (headed by the title word), not a name.
// - Two subjects of one predicate, the later one holding the "and" or "or" between them in its
//   subtree ("Antony Blinken and Sergei Lavrov are scheduled"), become one coordinated subject.
// - A plain nmod with no case marker holding an "and"/"or" between it and its head ("Secretary
//   ... Antony Blinken and Russian Foreign Minister Sergei Lavrov") is a conjunct.
// - "provided"/"providing" right before a clause with its own subject ("..., provided Russia
//   does not proceed ...") marks that clause as a condition (mark + advcl), whether the parser
//   read it as the clause's head or as an object of the clause's verb; a parataxis of the
//   condition (", Psaki said") moves to the main clause.
// - A complement or parataxis opening with "should", "had" or "were" before its subject
//   ("... consequences should Russia choose war") is an inverted condition (advcl).
// - A modifier right after a name's appositive title, with no punctuation between ("Crocker, U.S.
//   Representative to the Office ..."), hangs on the title, not on the name.
// - A to-infinitive hanging on an idiom oblique ("agreed in principle to hold") becomes an
//   xcomp of the verb.
// - A sentence whose root is punctuation (an opening quote) is rooted at its first verb, and a
//   trailing "..., she added" conjunct after a closing quote becomes a parataxis.
bool repair_parse(const Sentence& in, Sentence* out);

}  // namespace kg::extract
