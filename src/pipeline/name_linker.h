// Corpus-level name linking (internal to kg_pipeline; pipeline.h link_names is the entry point).
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace kg {

// The people that the corpus's full names ending in one word name (GraphWriter::SurnameLinks::
// full_names, with their fact sides): a full name that ends with a shorter one is the same person
// with a title or first names before it ("Fed Chairman Alan Greenspan", "Alan Greenspan").
struct Person {
  std::string name;                  // the shortest full name, in its most used spelling
  std::set<std::string> full_names;  // folded, the shortest first
};
std::vector<Person> people_of(const std::vector<std::pair<std::string, uint64_t>>& full_names);

// The full name that a person named by one word links to: the corpus's only person of that name;
// empty when there is none or there are several.
std::string link_target(const std::vector<std::pair<std::string, uint64_t>>& full_names);

}  // namespace kg
