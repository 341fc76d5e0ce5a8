// Turning a user-typed name into a stored entity, with "did you mean" suggestions.
#include <algorithm>
#include <cctype>
#include <cstdio>

#include "doc/triple.h"
#include "query/query.h"

namespace kg {

std::string node_id(EntityId id) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(id));
  return buf;
}

Result<EntityInfo> resolve_entity(GraphReader& store, std::string_view name,
                                  const std::vector<std::string>& types) {
  if (name.starts_with("id:")) {
    const std::string_view hex = name.substr(3);
    EntityId id = 0;
    bool ok = hex.size() == 16;
    for (char c : hex) {
      const int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
      ok = ok && d >= 0;
      id = id << 4 | static_cast<EntityId>(d < 0 ? 0 : d);
    }
    if (!ok) return Status::invalid("bad node id '" + std::string(name) + "' (id: and 16 hex digits)");
    auto e = store.entity(id);
    if (!e.ok() || e->mentions == 0) return Status::not_found("no entity with " + std::string(name));
    return std::move(*e);
  }
  KG_ASSIGN_OR_RETURN(std::vector<EntityInfo> found, store.find_entities(name));
  // "Apple (ORG)", as text outputs print a node, when no entity has that name itself.
  if (found.empty() && types.empty() && name.ends_with(")")) {
    const size_t open = name.rfind(" (");
    if (open != std::string_view::npos && open > 0) {
      std::string type(name.substr(open + 2, name.size() - open - 3));
      for (char& c : type) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      const bool known = std::any_of(std::begin(kEntityTypes), std::end(kEntityTypes),
                                     [&](const char* t) { return type == t; }) ||
                         is_value_type(type);
      if (known) return resolve_entity(store, name.substr(0, open), {type});
    }
  }
  auto wanted = [&](const EntityInfo& e) {
    if (types.empty()) return !is_value_id(e.id);
    for (const std::string& t : types) {
      if (fold_name(t) == fold_name(e.type)) return true;  // any case
    }
    return false;
  };
  std::erase_if(found, [&](const EntityInfo& e) { return !wanted(e); });
  // A name written with a capital ("Baker") means a named entity, not the concept "baker".
  const bool capital = std::any_of(name.begin(), name.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
  if (capital && types.empty() && std::any_of(found.begin(), found.end(), [](const EntityInfo& e) {
        return e.type != "CONCEPT";
      })) {
    std::erase_if(found, [](const EntityInfo& e) { return e.type == "CONCEPT"; });
  }
  if (found.size() > 1) {
    // One node whose own name it is wins over nodes that have it as an alias.
    std::string folded = fold_name(name);
    std::vector<EntityInfo> own;
    for (const EntityInfo& e : found) {
      if (fold_name(e.name) == folded) own.push_back(e);
    }
    if (own.size() == 1) return std::move(own.front());
    // So does a node with ten times the mentions of all the others together ("Reagan": Ronald
    // Reagan 1,475, Michael Reagan 4); found is sorted by mentions.
    uint64_t others = 0;
    for (size_t i = 1; i < found.size(); ++i) others += found[i].mentions;
    if (own.empty() && found[0].mentions >= 10 * others) return std::move(found.front());
    std::string message = "'" + std::string(name) + "' names " + std::to_string(found.size()) +
                          " entities: ";
    for (size_t i = 0; i < found.size() && i < 8; ++i) {
      message += (i ? ", id:" : "id:") + node_id(found[i].id) + " " + found[i].type + " " +
                 found[i].name + " (" + std::to_string(found[i].mentions) + " mentions)";
    }
    if (found.size() > 8) message += ", ...";
    return Status::invalid(message + "; name one by id: or --type");
  }
  if (found.size() == 1) return std::move(found.front());
  std::string message = "unknown entity '" + std::string(name) + "'";
  if (!types.empty()) {
    message += " of type ";
    for (size_t i = 0; i < types.size(); ++i) message += (i ? "," : "") + types[i];
  }
  KG_ASSIGN_OR_RETURN(std::vector<std::string> close, store.suggest(name, 3));
  if (!close.empty()) {
    message += " (did you mean: ";
    for (size_t i = 0; i < close.size(); ++i) message += (i ? ", " : "") + close[i];
    message += "?)";
  }
  return Status::not_found(message);
}

}  // namespace kg
