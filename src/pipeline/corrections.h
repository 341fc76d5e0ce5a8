// The user's corrections applied to documents before they are stored (internal to kg_pipeline):
// every merge recorded in the database (`kg merge`) renames the sides that name its `from`.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "common/status.h"
#include "doc/triple.h"
#include "store/store.h"

namespace kg {

class Corrections {
 public:
  // The merges recorded in `store` (none when null); chains (A -> B, B -> C) end at C.
  static Result<Corrections> load(GraphReader* store);
  // Adds one merge (`from` is matched case-insensitively).
  void add(const std::string& from, const std::string& into);
  // Renames merged names in `triples`; returns how many sides changed.
  size_t apply(std::vector<Triple>& triples) const;
  bool empty() const { return into_.empty(); }

 private:
  std::map<std::string, std::string> into_;  // lowercased name -> canonical name
};

}  // namespace kg
