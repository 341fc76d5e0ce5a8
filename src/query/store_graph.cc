// StoreGraph: per-query adjacency and evidence caches over a GraphReader.
#include "query/store_graph.h"

#include "query/csr_graph.h"

namespace kg::query_internal {

StoreGraph::StoreGraph(GraphReader& store, const PathOptions& options, EntityId from, EntityId to)
    : store_(store),
      options_(options),
      from_(from),
      to_(to),
      relation_(options.relation, options.relation_exact) {}

Result<StoreGraph::Adjacency*> StoreGraph::adjacency(EntityId u, bool forward) {
  const Direction dir = !options_.directed ? Direction::kBoth
                        : forward          ? Direction::kOut
                                           : Direction::kIn;
  auto& cache = adjacency_[static_cast<int>(dir)];
  if (auto it = cache.find(u); it != cache.end()) return &it->second;
  KG_ASSIGN_OR_RETURN(std::vector<EdgeInfo> edges, store_.edges_of(u, dir));
  // Group the edges by neighbour, neighbours in the order they first appear.
  std::unordered_map<EntityId, uint32_t> link_of;
  std::vector<uint32_t> link_index;  // per kept edge
  std::vector<EdgeInfo> kept;
  std::vector<Link> links;
  for (EdgeInfo& e : edges) {
    if (e.negated || e.subject == e.object || is_value_id(e.object)) continue;
    const EntityId v = e.subject == u ? e.object : e.subject;
    if (!options_.via_concepts && is_concept_id(v) && v != from_ && v != to_) continue;
    if (!options_.relation.empty()) {
      auto [it, added] = relation_ok_.try_emplace(e.relation, false);
      if (added) it->second = relation_.matches(e.relation_label);
      if (!it->second) continue;
    }
    auto [it, added] = link_of.try_emplace(v, static_cast<uint32_t>(links.size()));
    if (added) links.push_back({v, 0, 0, filters_evidence() ? int8_t{-1} : int8_t{1}});
    ++links[it->second].end;  // a count until the layout below
    link_index.push_back(it->second);
    kept.push_back(std::move(e));
  }
  Adjacency adj;
  uint32_t next = 0;
  for (Link& l : links) {
    l.first = next;
    next += l.end;
    l.end = l.first;
  }
  adj.edges.resize(kept.size());
  for (size_t i = 0; i < kept.size(); ++i)
    adj.edges[links[link_index[i]].end++] = std::move(kept[i]);
  adj.links = std::move(links);
  return &cache.emplace(u, std::move(adj)).first->second;
}

Result<uint64_t> StoreGraph::support(const EdgeInfo& e) {
  if (!filters_evidence()) return e.count;
  const EdgeKey key{e.subject, e.object, e.relation};
  if (auto it = support_.find(key); it != support_.end()) return it->second;
  KG_ASSIGN_OR_RETURN(std::vector<Evidence> facts, store_.evidence(e, 0));
  uint64_t n = 0;
  for (const Evidence& f : facts) {
    if (date_in_range(f.date, options_.since, options_.until) &&
        f.confidence >= options_.min_confidence) {
      ++n;
    }
  }
  support_.emplace(key, n);
  return n;
}

Result<bool> StoreGraph::walkable(const Adjacency& adj, Link& link) {
  if (link.walkable < 0) {
    link.walkable = 0;
    for (uint32_t i = link.first; i < link.end && !link.walkable; ++i) {
      KG_ASSIGN_OR_RETURN(uint64_t n, support(adj.edges[i]));
      if (n > 0) link.walkable = 1;
    }
  }
  return link.walkable == 1;
}

Result<uint64_t> StoreGraph::mentions(EntityId id) {
  if (auto it = mentions_.find(id); it != mentions_.end()) return it->second;
  Result<EntityInfo> info = store_.entity(id);
  if (!info.ok() && info.status().code() != ErrorCode::kNotFound) return info.status();
  return mentions_.emplace(id, info.ok() ? info->mentions : 0).first->second;
}

Result<PathStep> StoreGraph::step(EntityId a, EntityId b) {
  // Either a's links forward or b's backward hold the edges between them; read whichever a search
  // has read already.
  const int out = static_cast<int>(options_.directed ? Direction::kOut : Direction::kBoth);
  const int in = static_cast<int>(options_.directed ? Direction::kIn : Direction::kBoth);
  const bool from_a = adjacency_[out].count(a) || !adjacency_[in].count(b);
  KG_ASSIGN_OR_RETURN(Adjacency * adj, adjacency(from_a ? a : b, from_a));
  const EntityId other = from_a ? b : a;
  std::optional<PathStep> best;
  uint64_t best_count = 0;
  for (const Link& l : adj->links) {
    if (l.other != other) continue;
    for (uint32_t i = l.first; i < l.end; ++i) {
      const EdgeInfo& e = adj->edges[i];
      KG_ASSIGN_OR_RETURN(uint64_t n, support(e));
      if (n == 0) continue;
      const bool backward = e.subject != a;
      if (!best || preferred_hop(n, backward, e.relation_label, best_count, best->backward,
                                 best->relation)) {
        best = PathStep{e.relation_label, backward};
        best_count = n;
      }
    }
    break;
  }
  if (!best) return Status::internal("path step without a walkable edge");
  return *best;
}

Result<Path> StoreGraph::to_path(const std::vector<EntityId>& nodes) {
  Path path;
  path.nodes = nodes;
  for (size_t i = 0; i + 1 < nodes.size(); ++i) {
    KG_ASSIGN_OR_RETURN(PathStep s, step(nodes[i], nodes[i + 1]));
    path.steps.push_back(std::move(s));
  }
  return path;
}

}  // namespace kg::query_internal
