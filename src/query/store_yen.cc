// k shortest simple paths straight on the store: Yen's algorithm whose spur searches are the
// store's bidirectional BFS with the root path's entities blocked and its used first steps banned,
// all on one StoreGraph, so an entity's edges are read once for the whole query.
#include <map>
#include <set>

#include "query/store_graph.h"

namespace kg {

using query_internal::Detour;
using query_internal::StoreGraph;

Result<std::vector<Path>> find_paths(GraphReader& store, EntityId from, EntityId to,
                                     const PathOptions& options) {
  using Nodes = std::vector<EntityId>;
  StoreGraph graph(store, options, from, to);
  std::vector<Path> paths;
  KG_ASSIGN_OR_RETURN(std::optional<Nodes> first,
                      query_internal::bidirectional_bfs(graph, from, to, options.max_hops));
  if (!first) return paths;
  std::vector<Nodes> found{std::move(*first)};
  std::set<Nodes> known{found.front()};
  // Candidates, shortest first and in the order found among equals.
  std::multimap<size_t, Nodes> candidates;
  while (found.size() < options.k && found.front().size() > 1) {
    const Nodes last = found.back();
    for (size_t i = 0; i + 1 < last.size() && i < options.max_hops; ++i) {
      // Deviate at last[i]: the root last[0..i) is kept and blocked, and so are the steps from
      // last[i] that paths found with this root took.
      Nodes banned;
      for (const Nodes& p : found) {
        if (p.size() > i + 1 && std::equal(last.begin(), last.begin() + i + 1, p.begin())) {
          banned.push_back(p[i + 1]);
        }
      }
      const Detour detour{std::span<const EntityId>(last.data(), i), banned};
      KG_ASSIGN_OR_RETURN(
          std::optional<Nodes> tail,
          query_internal::bidirectional_bfs(graph, last[i], to, options.max_hops - i, detour));
      if (!tail) continue;
      Nodes whole(last.begin(), last.begin() + i);
      whole.insert(whole.end(), tail->begin(), tail->end());
      if (!known.insert(whole).second) continue;
      candidates.emplace(whole.size() - 1, std::move(whole));
    }
    if (candidates.empty()) break;
    found.push_back(std::move(candidates.begin()->second));
    candidates.erase(candidates.begin());
  }
  for (const Nodes& p : found) {
    KG_ASSIGN_OR_RETURN(Path path, graph.to_path(p));
    paths.push_back(std::move(path));
  }
  return paths;
}

}  // namespace kg
