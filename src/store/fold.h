// Case-insensitive matching of names: the folded form every name and alias is indexed under.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace kg::store {

// Lower-cases (ASCII, Latin-1, Latin Extended-A, Greek, Cyrillic), turns control characters and
// whitespace runs into one space and trims. Invalid UTF-8 bytes are kept as they are.
std::string fold(std::string_view s);

// fold(s).empty(), cheaply: true when `s` holds only whitespace and control characters.
bool folds_to_empty(std::string_view s);

// Levenshtein distance over bytes, giving up (returning `bound` + 1) once it exceeds `bound`.
size_t edit_distance(std::string_view a, std::string_view b, size_t bound);

}  // namespace kg::store
