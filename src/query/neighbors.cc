// Neighbours of one entity, read from the store's edge indexes.
#include <algorithm>
#include <set>
#include <tuple>
#include <unordered_map>

#include "query/query.h"

namespace kg {

bool date_in_range(std::string_view date, std::string_view since, std::string_view until) {
  if (since.empty() && until.empty()) return true;
  if (date.empty()) return false;
  return (since.empty() || date >= since) && (until.empty() || date <= until);
}

Result<std::vector<Neighbor>> neighbors(GraphReader& store, const EntityInfo& entity,
                                        const NeighborOptions& options) {
  KG_ASSIGN_OR_RETURN(std::vector<EdgeInfo> edges, store.edges_of(entity.id, options.direction));
  std::vector<Neighbor> result;
  std::set<std::tuple<EntityId, RelationId, EntityId, bool>> seen;  // a self-loop is in both lists
  std::unordered_map<EntityId, EntityInfo> others;
  const RelationMatcher relation(options.relation, options.relation_exact);
  for (EdgeInfo& edge : edges) {
    if (!options.relation.empty() && !relation.matches(edge.relation_label)) {
      continue;
    }
    if (!seen.emplace(edge.subject, edge.relation, edge.object, edge.negated).second) continue;
    Neighbor n;
    n.outgoing = edge.subject == entity.id;
    EntityId other_id = n.outgoing ? edge.object : edge.subject;
    auto it = others.find(other_id);
    if (it == others.end()) {
      KG_ASSIGN_OR_RETURN(EntityInfo info, store.entity(other_id));
      it = others.emplace(other_id, std::move(info)).first;
    }
    n.other = it->second;
    if (!options.since.empty() || !options.until.empty()) {
      // The edge's facts of the date range: they are its count now.
      KG_ASSIGN_OR_RETURN(std::vector<Evidence> all, store.evidence(edge, 0));
      std::erase_if(all, [&](const Evidence& ev) {
        return !date_in_range(ev.date, options.since, options.until);
      });
      if (all.empty()) continue;
      edge.count = all.size();
      if (options.with_evidence) {
        if (options.evidence_limit > 0 && all.size() > options.evidence_limit) {
          all.resize(options.evidence_limit);
        }
        n.evidence = std::move(all);
      }
    } else if (options.with_evidence) {
      KG_ASSIGN_OR_RETURN(n.evidence, store.evidence(edge, options.evidence_limit));
    }
    n.edge = std::move(edge);
    result.push_back(std::move(n));
  }
  std::sort(result.begin(), result.end(), [](const Neighbor& a, const Neighbor& b) {
    return std::forward_as_tuple(b.edge.count, a.edge.relation_label, a.other.name, b.outgoing,
                                 a.edge.negated) <
           std::forward_as_tuple(a.edge.count, b.edge.relation_label, b.other.name, a.outgoing,
                                 b.edge.negated);
  });
  return result;
}

}  // namespace kg
