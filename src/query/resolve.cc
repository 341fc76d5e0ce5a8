// Turning a user-typed name into a stored entity, with "did you mean" suggestions.
#include <cctype>

#include "query/query.h"

namespace kg {

Result<EntityInfo> resolve_entity(GraphReader& store, std::string_view name) {
  KG_ASSIGN_OR_RETURN(std::optional<EntityInfo> found, store.find_entity(name));
  if (found) return std::move(*found);
  std::string message = "unknown entity '" + std::string(name) + "'";
  KG_ASSIGN_OR_RETURN(std::vector<std::string> close, store.suggest(name, 3));
  if (!close.empty()) {
    message += " (did you mean: ";
    for (size_t i = 0; i < close.size(); ++i) message += (i ? ", " : "") + close[i];
    message += "?)";
  }
  return Status::not_found(message);
}

bool same_relation(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  }
  return true;
}

}  // namespace kg
