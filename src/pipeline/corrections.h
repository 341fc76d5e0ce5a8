// The user's corrections applied to documents (internal to kg_pipeline): merges (kg merge,
// kg rename, an aliases file's lines) rename the sides that name their `from`, keeping the name
// before in Triple::subject_local / object_local so that kg split can undo them; blocked names
// (kg split, an aliases file's !name) are never linked to another entity.
#pragma once

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "doc/triple.h"
#include "store/store.h"

namespace kg {

class Corrections {
 public:
  Corrections() = default;
  explicit Corrections(const UserCorrections& c);
  // The corrections recorded in `store` (none when null); chains (A -> B, B -> C) end at C.
  static Result<Corrections> load(GraphReader* store);

  // What the user's merges make of `name` (matched as the store folds names), or null.
  const std::string* merged(std::string_view name) const;
  bool blocked(std::string_view name) const;
  // The name `name` ends up as: its merge, else itself.
  std::string resolve(const std::string& name) const;
  // Renames merged names in `triples` (a renamed side keeps its name before); returns how many
  // sides changed.
  size_t apply(std::vector<Triple>& triples) const;
  bool empty() const { return into_.empty() && blocked_.empty(); }

 private:
  std::map<std::string, std::string> into_;  // folded name -> the name it becomes
  std::set<std::string> blocked_;            // folded names
};

}  // namespace kg
