// Corpus-level name linking (internal to kg_pipeline; pipeline.h link_names is the entry point).
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace kg {

// The full name that a person named by one word links to, given the corpus's full names ending
// in that word with their fact sides (GraphWriter::full_names): the only one, in its most used
// spelling (the smallest of equals); empty when there is none or there are several people.
std::string link_target(const std::vector<std::pair<std::string, uint64_t>>& full_names);

}  // namespace kg
