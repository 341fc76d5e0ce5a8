// NameLinker: the corpus-level step of the pipeline that links a surname to a full name seen in
// earlier documents (internal to kg_pipeline; run_documents applies it in input order).
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "doc/triple.h"

namespace kg {

// Links a person named by one word ("Putin") to the full name ("Vladimir Putin") seen in other
// documents (already stored, or earlier in the same run), when exactly one full name ends with
// that word; extract() already does this within a document. Feed documents in order: link()
// first records the full names of the document's own facts, then renames single-word PERSON
// subjects, objects and speakers. Not thread-safe (one instance per writer thread).
class NameLinker {
 public:
  // Records an entity known from elsewhere (e.g. the database); only multi-word PERSON names count.
  void observe(const std::string& name, const std::string& type);
  // Returns how many names were changed.
  size_t link(std::vector<Triple>& triples);

 private:
  std::map<std::string, std::set<std::string>> full_names_;  // lowercased last word -> names
};

}  // namespace kg
