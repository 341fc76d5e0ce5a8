// Corpus-level passes over stored documents (internal to kg_pipeline): name linking (pipeline.h
// link_names is the entry point) and the rewriting that it and the user's corrections share.
#pragma once

#include <cstdint>
#include <functional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/status.h"
#include "doc/triple.h"
#include "store/store.h"

namespace kg {

// The people that the corpus's full names ending in one word name (GraphWriter::SurnameLinks::
// full_names, with their fact sides): a full name that ends with a shorter one is the same person
// with a title or first names before it ("Fed Chairman Alan Greenspan", "Alan Greenspan").
struct Person {
  std::string name;                  // the shortest full name, in its most used spelling
  std::set<std::string> full_names;  // folded, the shortest first
};
std::vector<Person> people_of(const std::vector<std::pair<std::string, uint64_t>>& full_names);

// True when `name` is `word` or ends with " " + `word` (both folded).
bool ends_with_word(std::string_view name, std::string_view word);

struct Rewritten {
  size_t documents = 0;  // documents rewritten
  size_t sides = 0;      // fact sides `change` reported changed
};
// Applies `change` (given a document's id and triples, it returns the sides it changed) to each of
// the stored documents `ids`, and rewrites those it changed in place, keeping their content
// hashes (a later build skips them). Documents are read in groups, each rewritten in one write: a
// read after a write costs the store a flush.
Result<Rewritten> rewrite_stored(
    GraphWriter& store, const std::vector<std::string>& ids,
    const std::function<size_t(const std::string& id, std::vector<Triple>& triples)>& change);

}  // namespace kg
