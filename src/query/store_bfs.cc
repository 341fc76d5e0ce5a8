// Shortest paths straight on the store: bidirectional BFS that reads only the adjacency of the
// entities it expands (through a StoreGraph), and naming paths' entities.
#include <algorithm>
#include <unordered_map>

#include "query/store_graph.h"

namespace kg {
namespace query_internal {
namespace {

struct Side {
  bool forward;                                // from the source (true) or from the target (false)
  std::unordered_map<EntityId, EntityId> via;  // entity -> the entity it was reached from
  std::vector<EntityId> frontier;
  size_t depth = 0;
};

// Frontiers up to this size are costed by their entities' mentions (one entity read each);
// larger ones by their size alone.
constexpr size_t kCostedFrontier = 16;

// What expanding a frontier will read, roughly: the sum of its entities' mentions (an upper
// bound of their edge counts) when it is small, else nullopt. A small frontier is also put in
// ascending order of mentions, so that hubs are read last, if at all.
Result<std::optional<uint64_t>> frontier_cost(StoreGraph& graph, Side& side) {
  if (side.frontier.size() > kCostedFrontier) return std::optional<uint64_t>();
  uint64_t total = 0;
  std::vector<std::pair<uint64_t, EntityId>> by_mentions;
  for (EntityId id : side.frontier) {
    KG_ASSIGN_OR_RETURN(uint64_t m, graph.mentions(id));
    total += m;
    by_mentions.emplace_back(m, id);
  }
  std::stable_sort(by_mentions.begin(), by_mentions.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  for (size_t i = 0; i < by_mentions.size(); ++i) side.frontier[i] = by_mentions[i].second;
  return std::optional<uint64_t>(total);
}

bool contains(std::span<const EntityId> list, EntityId id) {
  return std::find(list.begin(), list.end(), id) != list.end();
}

}  // namespace

Result<std::optional<std::vector<EntityId>>> bidirectional_bfs(StoreGraph& graph, EntityId from,
                                                               EntityId to, size_t max_hops,
                                                               const Detour& detour) {
  using Nodes = std::vector<EntityId>;
  if (from == to) return std::optional<Nodes>(Nodes{from});
  Side fwd{true, {}, {from}}, bwd{false, {}, {to}};
  fwd.via[from] = from;
  bwd.via[to] = to;
  while (fwd.depth + bwd.depth < max_hops && !fwd.frontier.empty() && !bwd.frontier.empty()) {
    // Expand the side that will read less: by mentions when both frontiers are small (a single
    // hub can cost more than many ordinary entities), else by frontier size.
    KG_ASSIGN_OR_RETURN(std::optional<uint64_t> fwd_cost, frontier_cost(graph, fwd));
    KG_ASSIGN_OR_RETURN(std::optional<uint64_t> bwd_cost, frontier_cost(graph, bwd));
    const bool expand_fwd =
        fwd_cost && bwd_cost ? *fwd_cost <= *bwd_cost : fwd.frontier.size() <= bwd.frontier.size();
    Side& side = expand_fwd ? fwd : bwd;
    Side& other = side.forward ? bwd : fwd;
    std::vector<EntityId> next;
    // Every entity met here is on the other side's frontier (one it reached earlier would have
    // met this side in an earlier layer), so all meetings in a layer give paths of the same
    // length: the first is a shortest path, and the rest of the layer need not be read.
    std::optional<EntityId> meet;
    for (size_t i = 0; i < side.frontier.size() && !meet; ++i) {
      const EntityId u = side.frontier[i];
      KG_ASSIGN_OR_RETURN(StoreGraph::Adjacency * adj, graph.adjacency(u, side.forward));
      for (StoreGraph::Link& link : adj->links) {
        const EntityId v = link.other;
        if (side.via.count(v) || contains(detour.blocked, v)) continue;
        // A banned first step from -> x: from u == from on the forward side, into v == from on
        // the other.
        if (side.forward ? u == from && contains(detour.banned_first, v)
                         : v == from && contains(detour.banned_first, u)) {
          continue;
        }
        KG_ASSIGN_OR_RETURN(bool ok, graph.walkable(*adj, link));
        if (!ok) continue;
        side.via.emplace(v, u);
        next.push_back(v);
        if (other.via.count(v)) {
          meet = v;
          break;
        }
      }
    }
    side.frontier = std::move(next);
    ++side.depth;
    if (meet) {
      Nodes nodes;
      for (EntityId v = *meet; v != from; v = fwd.via.at(v)) nodes.push_back(v);
      nodes.push_back(from);
      std::reverse(nodes.begin(), nodes.end());
      for (EntityId v = *meet; v != to;) {
        v = bwd.via.at(v);
        nodes.push_back(v);
      }
      return std::optional<Nodes>(std::move(nodes));
    }
  }
  return std::optional<Nodes>();
}

}  // namespace query_internal

Result<std::optional<Path>> shortest_path_in_store(GraphReader& store, EntityId from, EntityId to,
                                                   const PathOptions& options) {
  query_internal::StoreGraph graph(store, options, from, to);
  KG_ASSIGN_OR_RETURN(auto nodes,
                      query_internal::bidirectional_bfs(graph, from, to, options.max_hops));
  if (!nodes) return std::optional<Path>();
  KG_ASSIGN_OR_RETURN(Path path, graph.to_path(*nodes));
  return std::optional<Path>(std::move(path));
}

Result<std::vector<NamedPath>> name_paths(GraphReader& store, std::vector<Path> paths) {
  std::unordered_map<EntityId, std::string> names;
  std::vector<NamedPath> named;
  for (Path& p : paths) {
    NamedPath n;
    for (EntityId id : p.nodes) {
      auto it = names.find(id);
      if (it == names.end()) {
        KG_ASSIGN_OR_RETURN(EntityInfo info, store.entity(id));
        it = names.emplace(id, std::move(info.name)).first;
      }
      n.nodes.push_back(it->second);
    }
    n.steps = std::move(p.steps);
    named.push_back(std::move(n));
  }
  return named;
}

}  // namespace kg
