// The store seen as a graph by one path query: each entity's walkable neighbours, read once with
// GraphReader::edges_of and kept for every search of the query (Yen's spur searches share them),
// and the evidence filters (dates, confidence) checked lazily, once per edge, only for the links a
// search steps over. Also the bidirectional BFS that every store path search runs.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "query/query.h"

namespace kg::query_internal {

class StoreGraph {
 public:
  // One neighbour of an entity and the edges joining them: Adjacency::edges[first, end).
  struct Link {
    EntityId other = 0;
    uint32_t first = 0, end = 0;
    int8_t walkable = -1;  // -1 not checked yet (evidence filters), else 0 / 1
  };
  // The edges an entity may be left or entered by (not negated, no self-loop or value, of the
  // relation asked for, to a named entity or one of the query's ends unless via_concepts),
  // grouped by neighbour, neighbours in the order edges_of lists them first.
  struct Adjacency {
    std::vector<EdgeInfo> edges;
    std::vector<Link> links;
  };

  // `from` and `to` are the query's ends (the concepts walked without via_concepts). `store` must
  // outlive the graph. Not thread-safe: one query, one thread.
  StoreGraph(GraphReader& store, const PathOptions& options, EntityId from, EntityId to);

  // The links of `u` a path read from `from` towards `to` leaves it by (`forward`), or enters it
  // by (!forward): out-edges, in-edges, both when undirected. Stable while the graph lives.
  Result<Adjacency*> adjacency(EntityId u, bool forward);
  // Whether a path may step over `link` of `adj`: with evidence filters, when one of its edges has
  // a fact that passes them.
  Result<bool> walkable(const Adjacency& adj, Link& link);
  // The entity's mentions (0 when it has no record), read once.
  Result<uint64_t> mentions(EntityId id);
  // The path with its steps: between nodes[i] and nodes[i+1] the preferred walkable edge
  // (preferred_hop on the facts that pass the filters).
  Result<Path> to_path(const std::vector<EntityId>& nodes);

 private:
  struct EdgeKey {
    EntityId subject, object;
    RelationId relation;
    bool operator==(const EdgeKey&) const = default;
  };
  struct EdgeKeyHash {
    size_t operator()(const EdgeKey& k) const {
      return k.subject ^ (k.object * 0x9e3779b97f4a7c15ULL) ^ (k.relation * 0xc2b2ae3d27d4eb4fULL);
    }
  };
  // Facts of `e` that pass the evidence filters (e.count without filters), read once.
  Result<uint64_t> support(const EdgeInfo& e);
  Result<PathStep> step(EntityId a, EntityId b);
  bool filters_evidence() const {
    return !options_.since.empty() || !options_.until.empty() || options_.min_confidence > 0;
  }

  GraphReader& store_;
  const PathOptions options_;
  const EntityId from_, to_;
  const RelationMatcher relation_;
  std::unordered_map<RelationId, bool> relation_ok_;
  std::unordered_map<EntityId, Adjacency> adjacency_[3];  // by Direction
  std::unordered_map<EntityId, uint64_t> mentions_;
  std::unordered_map<EdgeKey, uint64_t, EdgeKeyHash> support_;
};

// What a spur search of Yen's algorithm may not use: entities of the root path, and first steps
// from its start already taken by paths found with the same root.
struct Detour {
  std::span<const EntityId> blocked;
  std::span<const EntityId> banned_first;
};

// A shortest path from `from` to `to` of at most `max_hops` steps, as entities, by bidirectional
// BFS on `graph` (nullopt when none). Each round expands the side that will read less (by mentions
// when both frontiers are small, else by size) and stops at the first entity both sides reached.
Result<std::optional<std::vector<EntityId>>> bidirectional_bfs(StoreGraph& graph, EntityId from,
                                                               EntityId to, size_t max_hops,
                                                               const Detour& detour = {});

}  // namespace kg::query_internal
