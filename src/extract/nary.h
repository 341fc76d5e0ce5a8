// CaRB-style n-ary rendering of propositions: relation as written (auxiliaries, negation, the
// first preposition when there is no object) and arguments as full phrases of the sentence.
#pragma once

#include <vector>

#include "extract/dep_tree.h"
#include "extract/extractor.h"
#include "extract/proposition.h"

namespace kg::extract {

std::vector<NaryExtraction> render_nary(const DepTree& t, const std::vector<Proposition>& props);

}  // namespace kg::extract
