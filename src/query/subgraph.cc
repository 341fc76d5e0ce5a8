// Collecting a subgraph (what exports and renders show): the whole graph or an entity's
// neighbourhood, with a minimum edge count.
#include <algorithm>
#include <set>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "query/query.h"

namespace kg {
namespace {

// The edge's documents and their first and last date.
template <typename Edge>
Status fill_docs(GraphReader& store, Edge& e) {
  KG_ASSIGN_OR_RETURN(std::vector<Evidence> evidence, store.evidence(e.edge, 0));
  std::set<std::string> docs;
  for (auto& ev : evidence) {
    if (!ev.date.empty()) {
      if (e.first_date.empty() || ev.date < e.first_date) e.first_date = ev.date;
      if (ev.date > e.last_date) e.last_date = ev.date;
    }
    docs.insert(std::move(ev.doc));
  }
  e.docs.assign(docs.begin(), docs.end());
  return {};
}

// The entities within `hops` kept edges of `center`, either direction.
Result<std::unordered_set<EntityId>> neighbourhood(GraphReader& store, EntityId center, size_t hops,
                                                   uint64_t min_count) {
  std::unordered_set<EntityId> seen{center};
  std::vector<EntityId> frontier{center};
  for (size_t depth = 0; depth < hops && !frontier.empty(); ++depth) {
    std::vector<EntityId> next;
    for (EntityId u : frontier) {
      KG_ASSIGN_OR_RETURN(std::vector<EdgeInfo> edges, store.edges_of(u, Direction::kBoth));
      for (const EdgeInfo& e : edges) {
        if (e.count < min_count || is_value_id(e.object)) continue;
        EntityId v = e.subject == u ? e.object : e.subject;
        if (seen.insert(v).second) next.push_back(v);
      }
    }
    frontier = std::move(next);
  }
  return seen;
}

}  // namespace

Result<Subgraph> collect_subgraph(GraphReader& store, const SubgraphOptions& options) {
  Subgraph g;
  std::unordered_set<EntityId> ids;
  std::vector<EdgeInfo> value_edges;
  if (options.around) {
    KG_ASSIGN_OR_RETURN(ids,
                        neighbourhood(store, *options.around, options.hops, options.min_count));
    for (EntityId u : ids) {
      KG_ASSIGN_OR_RETURN(std::vector<EdgeInfo> out, store.edges_of(u, Direction::kOut));
      for (EdgeInfo& e : out) {
        if (e.count < options.min_count) continue;
        if (is_value_id(e.object)) {
          value_edges.push_back(std::move(e));
        } else if (ids.count(e.object)) {
          g.edges.push_back({std::move(e), {}});
        }
      }
    }
    // Keep only entities that an edge touches, plus the centre.
    std::unordered_set<EntityId> touched{*options.around};
    for (const auto& e : g.edges) touched.insert({e.edge.subject, e.edge.object});
    for (const EdgeInfo& e : value_edges) touched.insert(e.subject);
    for (EntityId id : touched) {
      KG_ASSIGN_OR_RETURN(EntityInfo info, store.entity(id));
      g.nodes.push_back(std::move(info));
    }
    for (EdgeInfo& e : value_edges) {
      KG_ASSIGN_OR_RETURN(EntityInfo value, store.entity(e.object));
      g.values.push_back({std::move(e), std::move(value.name), std::move(value.type), {}, {}, {}});
    }
  } else {
    std::unordered_set<EntityId> value_ids;
    KG_RETURN_IF_ERROR(store.for_each_edge([&](const EdgeInfo& e) {
      if (e.count < options.min_count) return;
      ids.insert(e.subject);
      if (is_value_id(e.object)) {
        value_edges.push_back(e);
        value_ids.insert(e.object);
        return;
      }
      g.edges.push_back({e, {}});
      ids.insert(e.object);
    }));
    std::unordered_map<EntityId, EntityInfo> values;
    KG_RETURN_IF_ERROR(store.for_each_entity([&](const EntityInfo& e) {
      if (ids.count(e.id)) g.nodes.push_back(e);
      if (value_ids.count(e.id)) values.emplace(e.id, e);
    }));
    for (EdgeInfo& e : value_edges) {
      auto it = values.find(e.object);
      if (it == values.end()) return Status::corruption("an edge names a value that is not stored");
      g.values.push_back({std::move(e), it->second.name, it->second.type, {}, {}, {}});
    }
  }
  if (options.with_docs) {
    for (ExportEdge& e : g.edges) KG_RETURN_IF_ERROR(fill_docs(store, e));
    for (ExportValue& v : g.values) KG_RETURN_IF_ERROR(fill_docs(store, v));
  }

  std::sort(g.nodes.begin(), g.nodes.end(), [](const EntityInfo& a, const EntityInfo& b) {
    return std::tie(a.name, a.id) < std::tie(b.name, b.id);
  });
  std::unordered_map<EntityId, size_t> rank;
  for (size_t i = 0; i < g.nodes.size(); ++i) rank[g.nodes[i].id] = i;
  if (rank.size() != ids.size() && !options.around) {
    return Status::corruption("an edge names an entity that is not stored");
  }
  std::sort(g.edges.begin(), g.edges.end(), [&](const ExportEdge& x, const ExportEdge& y) {
    const EdgeInfo &a = x.edge, &b = y.edge;
    return std::forward_as_tuple(rank[a.subject], a.relation_label, rank[a.object], a.negated) <
           std::forward_as_tuple(rank[b.subject], b.relation_label, rank[b.object], b.negated);
  });
  std::sort(g.values.begin(), g.values.end(), [&](const ExportValue& x, const ExportValue& y) {
    const EdgeInfo &a = x.edge, &b = y.edge;
    return std::forward_as_tuple(rank[a.subject], a.relation_label, x.value, a.object, a.negated) <
           std::forward_as_tuple(rank[b.subject], b.relation_label, y.value, b.object, b.negated);
  });
  return g;
}

}  // namespace kg
