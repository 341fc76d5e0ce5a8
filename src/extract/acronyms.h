// Acronyms defined in the text: "the International Monetary Fund (IMF)" and "IMF (International
// Monetary Fund)" say that IMF names the International Monetary Fund in this document.
#pragma once

#include <string>
#include <vector>

#include "doc/document.h"

namespace kg::extract {

struct AcronymDefinition {
  std::string key;        // the acronym without dots ("US" for "U.S.")
  std::string expansion;  // the name it stands for, as written ("International Monetary Fund")
};

// The definitions in `s`: a name followed by its acronym in parentheses, or an acronym followed by
// its name in parentheses, where the acronym's letters are the initials of the name's words in
// order (function words such as "of", "and", "the", "for" may give a letter or none; a word may
// give more than its first letter when they are capitals: "U.S. Department of Agriculture" ->
// USDA).
std::vector<AcronymDefinition> acronym_definitions(const Sentence& s);

// True when `key` (capitals) can be spelled by the initials of `words` as described above.
bool spells_acronym(const std::string& key, const std::vector<std::string>& words);

}  // namespace kg::extract
