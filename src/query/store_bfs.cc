// Shortest paths straight on the store: bidirectional BFS that reads only the adjacency of the
// entities it expands, and find_paths, which picks between it and a snapshot.
#include <algorithm>
#include <unordered_map>

#include "query/csr_graph.h"

namespace kg {
namespace {

// How a search side reached an entity: from `via`, over the step walked from `via` towards it.
struct Reached {
  EntityId via = 0;
  size_t depth = 0;
  size_t layer = 0;  // the expansion that discovered it (to merge parallel edges within one)
  std::string label;
  bool backward = false;  // the edge points against the direction the path is read (from -> to)
  uint64_t count = 0;
};

struct Side {
  bool forward;  // from the source (true) or from the target (false)
  std::unordered_map<EntityId, Reached> reached;
  std::vector<EntityId> frontier;
  size_t depth = 0;
};

// Frontiers up to this size are costed by their entities' mentions (one entity read each);
// larger ones by their size alone.
constexpr size_t kCostedFrontier = 16;

// What expanding a frontier will read, roughly: the sum of its entities' mentions (an upper
// bound of their edge counts) when it is small, else nullopt. A small frontier is also put in
// ascending order of mentions, so that hubs are read last, if at all.
Result<std::optional<uint64_t>> frontier_cost(GraphReader& store, Side& side,
                                              std::unordered_map<EntityId, uint64_t>& mentions) {
  if (side.frontier.size() > kCostedFrontier) return std::optional<uint64_t>();
  uint64_t total = 0;
  for (EntityId id : side.frontier) {
    auto it = mentions.find(id);
    if (it == mentions.end()) {
      Result<EntityInfo> info = store.entity(id);
      if (!info.ok() && info.status().code() != ErrorCode::kNotFound) return info.status();
      it = mentions.emplace(id, info.ok() ? info->mentions : 0).first;
    }
    total += it->second;
  }
  std::stable_sort(side.frontier.begin(), side.frontier.end(),
                   [&](EntityId a, EntityId b) { return mentions[a] < mentions[b]; });
  return std::optional<uint64_t>(total);
}

}  // namespace

Result<std::optional<Path>> shortest_path_in_store(GraphReader& store, EntityId from, EntityId to,
                                                   const PathOptions& options) {
  if (from == to) return std::optional<Path>(Path{{from}, {}});
  Side fwd{true, {}, {from}}, bwd{false, {}, {to}};
  fwd.reached[from] = {};
  bwd.reached[to] = {};
  size_t layer = 0;
  std::unordered_map<EntityId, uint64_t> mentions;
  const RelationMatcher relation(options.relation, options.relation_exact);
  while (fwd.depth + bwd.depth < options.max_hops && !fwd.frontier.empty() &&
         !bwd.frontier.empty()) {
    // Expand the side that will read less: by mentions when both frontiers are small (a single
    // hub can cost more than many ordinary entities), else by frontier size.
    KG_ASSIGN_OR_RETURN(std::optional<uint64_t> fwd_cost, frontier_cost(store, fwd, mentions));
    KG_ASSIGN_OR_RETURN(std::optional<uint64_t> bwd_cost, frontier_cost(store, bwd, mentions));
    bool expand_fwd =
        fwd_cost && bwd_cost ? *fwd_cost <= *bwd_cost : fwd.frontier.size() <= bwd.frontier.size();
    Side& side = expand_fwd ? fwd : bwd;
    Side& other = side.forward ? bwd : fwd;
    Direction dir = !options.directed ? Direction::kBoth
                    : side.forward    ? Direction::kOut
                                      : Direction::kIn;
    ++layer;
    std::vector<EntityId> next;
    // Every entity met here is on the other side's frontier (one it reached earlier would have
    // met this side in an earlier layer), so all meetings in a layer give paths of the same
    // length: the first is a shortest path, and the rest of the layer need not be read.
    std::optional<EntityId> meet;
    for (size_t i = 0; i < side.frontier.size() && !meet; ++i) {
      EntityId u = side.frontier[i];
      KG_ASSIGN_OR_RETURN(std::vector<EdgeInfo> edges, store.edges_of(u, dir));
      for (EdgeInfo& e : edges) {
        if (e.negated || e.subject == e.object || is_value_id(e.object)) continue;
        if (!options.relation.empty() && !relation.matches(e.relation_label)) {
          continue;
        }
        EntityId v = e.subject == u ? e.object : e.subject;
        if (!options.via_concepts && is_concept_id(v) && v != from && v != to) continue;
        // Read from source to target, the step is u -> v on the forward side, v -> u on the other.
        bool backward = side.forward ? e.subject != u : e.subject == u;
        auto [it, added] = side.reached.try_emplace(v);
        Reached& r = it->second;
        if (added) {
          r = {u, side.depth + 1, layer, std::move(e.relation_label), backward, e.count};
          next.push_back(v);
          if (!meet && other.reached.count(v)) meet = v;
        } else if (r.layer == layer && r.via == u &&
                   query_internal::preferred_hop(e.count, backward, e.relation_label, r.count,
                                                 r.backward, r.label)) {
          r.label = std::move(e.relation_label);
          r.backward = backward;
          r.count = e.count;
        }
      }
    }
    side.frontier = std::move(next);
    ++side.depth;
    if (meet) {
      Path path;
      std::vector<PathStep> head;
      for (EntityId v = *meet; v != from;) {
        const Reached& r = fwd.reached.at(v);
        path.nodes.push_back(v);
        head.push_back({r.label, r.backward});
        v = r.via;
      }
      path.nodes.push_back(from);
      std::reverse(path.nodes.begin(), path.nodes.end());
      path.steps.assign(head.rbegin(), head.rend());
      for (EntityId v = *meet; v != to;) {
        const Reached& r = bwd.reached.at(v);
        path.steps.push_back({r.label, r.backward});
        v = r.via;
        path.nodes.push_back(v);
      }
      return std::optional<Path>(std::move(path));
    }
  }
  return std::optional<Path>();
}

Result<std::vector<Path>> find_paths(GraphReader& store, EntityId from, EntityId to,
                                     const PathOptions& options) {
  KG_ASSIGN_OR_RETURN(std::optional<Path> first, shortest_path_in_store(store, from, to, options));
  std::vector<Path> paths;
  if (!first) return paths;
  if (options.k <= 1 || first->nodes.size() == 1) {
    paths.push_back(std::move(*first));
    return paths;
  }
  KG_ASSIGN_OR_RETURN(std::unique_ptr<GraphSnapshot> snapshot,
                      GraphSnapshot::build(store, {options.relation, options.directed, options.relation_exact,
                                                   options.via_concepts, {from, to}}));
  return snapshot->k_shortest_paths(from, to, options.k, options.max_hops, first);
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
