// Neighbours of one entity, read from the store's edge indexes.
#include <algorithm>
#include <set>
#include <tuple>
#include <unordered_map>

#include "query/fact_filter.h"
#include "query/query.h"

namespace kg {

Result<std::vector<Neighbor>> neighbors(GraphReader& store, const EntityInfo& entity,
                                        const NeighborOptions& options) {
  KG_ASSIGN_OR_RETURN(std::vector<EdgeInfo> edges, store.edges_of(entity.id, options.direction));
  std::vector<Neighbor> result;
  std::set<std::tuple<EntityId, RelationId, EntityId, bool>> seen;  // a self-loop is in both lists
  std::unordered_map<EntityId, EntityInfo> others;
  const RelationMatcher relation(options.relation, options.relation_exact);
  const FactFilter filter{options.since, options.until, options.min_confidence};
  for (EdgeInfo& edge : edges) {
    if (!options.relation.empty() && !relation.matches(edge.relation_label)) {
      continue;
    }
    if (!seen.emplace(edge.subject, edge.relation, edge.object, edge.negated).second) continue;
    Neighbor n;
    if (filter.active()) {
      // The edge's facts the filters keep: they are its count now.
      KG_ASSIGN_OR_RETURN(std::vector<Evidence> kept, kept_facts(store, edge, filter));
      if (kept.empty()) continue;
      edge.count = kept.size();
      if (options.with_evidence) {
        if (options.evidence_limit > 0 && kept.size() > options.evidence_limit) {
          kept.resize(options.evidence_limit);
        }
        n.evidence = std::move(kept);
      }
    } else if (options.with_evidence) {
      KG_ASSIGN_OR_RETURN(n.evidence, store.evidence(edge, options.evidence_limit));
    }
    n.outgoing = edge.subject == entity.id;
    EntityId other_id = n.outgoing ? edge.object : edge.subject;
    auto it = others.find(other_id);
    if (it == others.end()) {
      KG_ASSIGN_OR_RETURN(EntityInfo info, store.entity(other_id));
      it = others.emplace(other_id, std::move(info)).first;
    }
    n.other = it->second;
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
