// Listing entities with a type filter: named entities first, concepts only when asked for.
#include <algorithm>

#include "query/query.h"

namespace kg {

Result<std::vector<EntityInfo>> list_entities(GraphReader& store,
                                              const EntityListOptions& options) {
  static const std::vector<std::string> kNamed = {"PERSON", "ORG", "LOC", "MISC"};
  const std::vector<std::string>& types = options.types.empty() ? kNamed : options.types;
  // The store orders by mentions; a filter needs all of them before the limit.
  KG_ASSIGN_OR_RETURN(std::vector<EntityInfo> all, store.entities(options.match, 0));
  std::vector<EntityInfo> out;
  for (EntityInfo& e : all) {
    // Values ("5 pct") are no entities: listed only when their type is asked for.
    if (options.all ? is_value_id(e.id)
                    : std::find(types.begin(), types.end(), e.type) == types.end()) {
      continue;
    }
    out.push_back(std::move(e));
    if (options.limit > 0 && out.size() == options.limit) break;
  }
  return out;
}

}  // namespace kg
