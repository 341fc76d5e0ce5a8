// Collecting a subgraph (what exports and renders show): the whole graph or an entity's
// neighbourhood, with a minimum edge count and the query-time fact filters.
#include <algorithm>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "query/fact_filter.h"
#include "query/query.h"

namespace kg {
namespace {

// What an edge's facts (those the filters keep) say.
struct Support {
  uint64_t count = 0;
  std::vector<std::string> docs;  // distinct, sorted; only when asked for
  std::string first_date, last_date;
};

// The edges a subgraph shows and their documents, each edge's evidence read at most once.
class Supports {
 public:
  Supports(GraphReader& store, const SubgraphOptions& options)
      : store_(store),
        filter_{options.since, options.until, options.min_confidence},
        min_count_(options.min_count),
        with_docs_(options.with_docs) {}

  // Whether `e` is shown: it has at least min_count facts. With a filter they are the facts kept,
  // and e.count becomes their number.
  Result<bool> keep(EdgeInfo& e) {
    if (e.count < min_count_) return false;
    if (!filter_.active()) return true;
    auto it = cache_.find(key(e));
    if (it == cache_.end()) {
      KG_ASSIGN_OR_RETURN(Support s, read(e));
      it = cache_.emplace(key(e), std::move(s)).first;
    }
    e.count = it->second.count;
    return e.count > 0 && e.count >= min_count_;
  }

  // Fills the documents and dates of an edge (or value) keep() kept.
  template <typename Edge>
  Status fill_docs(Edge& x) {
    Support s;
    if (auto it = cache_.find(key(x.edge)); it != cache_.end()) {
      s = std::move(it->second);
    } else {
      KG_ASSIGN_OR_RETURN(s, read(x.edge));
    }
    x.docs = std::move(s.docs);
    x.first_date = std::move(s.first_date);
    x.last_date = std::move(s.last_date);
    return {};
  }

 private:
  using Key = std::tuple<EntityId, RelationId, EntityId, bool>;
  static Key key(const EdgeInfo& e) { return {e.subject, e.relation, e.object, e.negated}; }

  Result<Support> read(const EdgeInfo& e) {
    KG_ASSIGN_OR_RETURN(std::vector<Evidence> facts, kept_facts(store_, e, filter_));
    Support s;
    s.count = facts.size();
    if (!with_docs_) return s;
    std::set<std::string> docs;
    for (Evidence& ev : facts) {
      if (!ev.date.empty()) {
        if (s.first_date.empty() || ev.date < s.first_date) s.first_date = ev.date;
        if (ev.date > s.last_date) s.last_date = ev.date;
      }
      docs.insert(std::move(ev.doc));
    }
    s.docs.assign(docs.begin(), docs.end());
    return s;
  }

  GraphReader& store_;
  const FactFilter filter_;
  const uint64_t min_count_;
  const bool with_docs_;
  std::map<Key, Support> cache_;  // with a filter: every edge keep() was asked about
};

// The entities within `hops` kept edges of `center`, either direction.
Result<std::unordered_set<EntityId>> neighbourhood(GraphReader& store, Supports& supports,
                                                   EntityId center, size_t hops) {
  std::unordered_set<EntityId> seen{center};
  std::vector<EntityId> frontier{center};
  for (size_t depth = 0; depth < hops && !frontier.empty(); ++depth) {
    std::vector<EntityId> next;
    for (EntityId u : frontier) {
      KG_ASSIGN_OR_RETURN(std::vector<EdgeInfo> edges, store.edges_of(u, Direction::kBoth));
      for (EdgeInfo& e : edges) {
        if (is_value_id(e.object)) continue;
        EntityId v = e.subject == u ? e.object : e.subject;
        if (seen.count(v)) continue;
        KG_ASSIGN_OR_RETURN(bool kept, supports.keep(e));
        if (kept && seen.insert(v).second) next.push_back(v);
      }
    }
    frontier = std::move(next);
  }
  return seen;
}

}  // namespace

Result<Subgraph> collect_subgraph(GraphReader& store, const SubgraphOptions& options) {
  Subgraph g;
  Supports supports(store, options);
  std::unordered_set<EntityId> ids;
  std::vector<EdgeInfo> value_edges;
  if (options.around) {
    KG_ASSIGN_OR_RETURN(ids, neighbourhood(store, supports, *options.around, options.hops));
    for (EntityId u : ids) {
      KG_ASSIGN_OR_RETURN(std::vector<EdgeInfo> out, store.edges_of(u, Direction::kOut));
      for (EdgeInfo& e : out) {
        if (!is_value_id(e.object) && !ids.count(e.object)) continue;
        KG_ASSIGN_OR_RETURN(bool kept, supports.keep(e));
        if (!kept) continue;
        if (is_value_id(e.object)) {
          value_edges.push_back(std::move(e));
        } else {
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
    std::vector<EdgeInfo> candidates;
    KG_RETURN_IF_ERROR(store.for_each_edge([&](const EdgeInfo& e) {
      if (e.count >= options.min_count) candidates.push_back(e);
    }));
    std::unordered_set<EntityId> value_ids;
    for (EdgeInfo& e : candidates) {
      KG_ASSIGN_OR_RETURN(bool kept, supports.keep(e));
      if (!kept) continue;
      ids.insert(e.subject);
      if (is_value_id(e.object)) {
        value_ids.insert(e.object);
        value_edges.push_back(std::move(e));
      } else {
        ids.insert(e.object);
        g.edges.push_back({std::move(e), {}});
      }
    }
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
    for (ExportEdge& e : g.edges) KG_RETURN_IF_ERROR(supports.fill_docs(e));
    for (ExportValue& v : g.values) KG_RETURN_IF_ERROR(supports.fill_docs(v));
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

std::string cap_subgraph(Subgraph& graph, std::optional<EntityId> focus, size_t max_nodes) {
  max_nodes = std::max<size_t>(max_nodes, 1);
  if (graph.nodes.size() <= max_nodes) return "";
  const size_t nodes_before = graph.nodes.size(), edges_before = graph.edges.size();
  std::vector<size_t> order(graph.edges.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  auto touches = [&](const EdgeInfo& e) {
    return focus && (e.subject == *focus || e.object == *focus);
  };
  std::stable_sort(order.begin(), order.end(), [&](size_t x, size_t y) {
    const EdgeInfo &a = graph.edges[x].edge, &b = graph.edges[y].edge;
    if (touches(a) != touches(b)) return touches(a);
    if (a.count != b.count) return a.count > b.count;
    return a.relation_label < b.relation_label;
  });
  std::unordered_set<EntityId> kept;
  if (focus) kept.insert(*focus);
  std::vector<bool> keep_edge(graph.edges.size());
  // One edge per pair of entities (the strongest), and at most two edges per entity kept: a
  // picture of 40 entities and 60 edges can be read, one of 40 and 200 cannot.
  std::set<std::pair<EntityId, EntityId>> pairs;
  size_t taken = 0;
  for (size_t i : order) {
    const EdgeInfo& e = graph.edges[i].edge;
    if (taken >= 2 * max_nodes) break;
    const auto pair = std::minmax(e.subject, e.object);
    if (pairs.count(pair)) continue;
    const size_t new_ends = (kept.count(e.subject) ? 0 : 1) +
                            (e.object != e.subject && !kept.count(e.object) ? 1 : 0);
    if (kept.size() + new_ends > max_nodes) continue;
    kept.insert(e.subject);
    kept.insert(e.object);
    pairs.insert(pair);
    keep_edge[i] = true;
    ++taken;
  }
  // Entities without kept edges (an isolated focus) fill what room is left, most mentioned first.
  std::vector<size_t> by_mentions(graph.nodes.size());
  for (size_t i = 0; i < by_mentions.size(); ++i) by_mentions[i] = i;
  std::stable_sort(by_mentions.begin(), by_mentions.end(), [&](size_t x, size_t y) {
    return graph.nodes[x].mentions > graph.nodes[y].mentions;
  });
  for (size_t i : by_mentions) {
    if (kept.size() >= max_nodes) break;
    kept.insert(graph.nodes[i].id);
  }
  std::vector<ExportEdge> edges;
  for (size_t i = 0; i < graph.edges.size(); ++i) {
    if (keep_edge[i]) edges.push_back(std::move(graph.edges[i]));
  }
  graph.edges = std::move(edges);
  std::erase_if(graph.nodes, [&](const EntityInfo& n) { return !kept.count(n.id); });
  std::erase_if(graph.values, [&](const ExportValue& v) { return !kept.count(v.edge.subject); });
  return "kept " + std::to_string(graph.nodes.size()) + " of " + std::to_string(nodes_before) +
         " entities and " + std::to_string(graph.edges.size()) + " of " +
         std::to_string(edges_before) + " edges, the strongest" +
         (focus ? std::string(" around the focus") : std::string()) +
         "; --max-nodes N shows more";
}

}  // namespace kg
