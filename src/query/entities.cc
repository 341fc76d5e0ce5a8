// Listing entities with a type filter: named entities first, concepts only when asked for.
#include <algorithm>

#include "query/query.h"

namespace kg {

Result<std::vector<EntityInfo>> list_entities(GraphReader& store,
                                              const EntityListOptions& options) {
  static const std::vector<std::string> kNamed = {"PERSON", "ORG", "LOC", "MISC"};
  const std::vector<std::string>& types = options.types.empty() ? kNamed : options.types;
  // The store orders by mentions; a filter needs all of them before the limit.
  KG_ASSIGN_OR_RETURN(std::vector<EntityInfo> all,
                      store.entities(options.match, options.all ? options.limit : 0));
  if (options.all) return all;
  std::vector<EntityInfo> out;
  for (EntityInfo& e : all) {
    if (std::find(types.begin(), types.end(), e.type) == types.end()) continue;
    out.push_back(std::move(e));
    if (options.limit > 0 && out.size() == options.limit) break;
  }
  return out;
}

}  // namespace kg
