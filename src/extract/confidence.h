// Confidence of a proposition from structural cues: complete S-V-O clauses with proper-noun
// arguments score high; inherited subjects, embedded clauses, pronouns and long arguments lower.
#pragma once

#include "extract/dep_tree.h"
#include "extract/proposition.h"

namespace kg::extract {

double score_proposition(const DepTree& t, const Proposition& p);

}  // namespace kg::extract
