// Yen's k shortest simple paths on a GraphSnapshot: every spur search is the same Boost BFS, run on
// a filtered_graph that hides the root path's vertices and the arcs already used after it.
#include <map>
#include <set>

#include "query/csr_graph.h"

namespace kg {

using query_internal::Csr;
using query_internal::Vertex;
using query_internal::VertexPath;

namespace {

using CsrEdge = boost::graph_traits<Csr>::edge_descriptor;

// Hides the arcs (from, to) listed in `removed` (a handful: one per path found so far).
struct ArcFilter {
  const Csr* graph = nullptr;
  const std::vector<std::pair<Vertex, Vertex>>* removed = nullptr;
  bool operator()(const CsrEdge& e) const {
    Vertex s = boost::source(e, *graph), t = boost::target(e, *graph);
    for (const auto& r : *removed) {
      if (r.first == s && r.second == t) return false;
    }
    return true;
  }
};

struct VertexFilter {
  const std::vector<char>* blocked = nullptr;
  bool operator()(Vertex v) const { return !(*blocked)[v]; }
};

bool same_prefix(const std::vector<Vertex>& a, const std::vector<Vertex>& b, size_t n) {
  return a.size() > n && b.size() > n && std::equal(a.begin(), a.begin() + n + 1, b.begin());
}

}  // namespace

std::vector<Path> GraphSnapshot::k_shortest_paths(EntityId from, EntityId to, size_t k,
                                                  size_t max_hops,
                                                  const std::optional<Path>& first) const {
  std::vector<Path> out;
  if (k == 0) return out;
  if (from == to) {
    out.push_back(Path{{from}, {}});
    return out;
  }
  auto s = impl_->vertex_of(from), t = impl_->vertex_of(to);
  if (!s || !t) return out;
  const Csr& g = impl_->graph;
  const size_t n = num_vertices();

  std::vector<VertexPath> found;
  if (first && first->nodes.size() == first->steps.size() + 1 && first->nodes.front() == from &&
      first->nodes.back() == to) {
    VertexPath p;
    p.steps = first->steps;
    for (EntityId id : first->nodes) {
      auto v = impl_->vertex_of(id);
      if (!v) break;
      p.vertices.push_back(*v);
    }
    if (p.vertices.size() == first->nodes.size()) found.push_back(std::move(p));
  }
  if (found.empty()) {
    auto arcs = query_internal::bfs_arcs(g, n, *s, *t, max_hops);
    if (!arcs) return out;
    found.push_back(impl_->from_arcs(g, *s, *arcs));
  }

  // Candidates, shortest first and in discovery order among equals.
  std::multimap<size_t, VertexPath> candidates;
  std::set<std::vector<Vertex>> known{found.front().vertices};
  std::vector<char> blocked(n, 0);
  std::vector<std::pair<Vertex, Vertex>> removed;
  ArcFilter arc_filter{&g, &removed};
  VertexFilter vertex_filter{&blocked};
  boost::filtered_graph<Csr, ArcFilter, VertexFilter> filtered(g, arc_filter, vertex_filter);

  while (found.size() < k) {
    const VertexPath last = found.back();
    for (size_t i = 0; i + 1 < last.vertices.size(); ++i) {
      Vertex spur = last.vertices[i];
      removed.clear();
      for (const VertexPath& p : found) {
        if (same_prefix(p.vertices, last.vertices, i)) {
          removed.emplace_back(p.vertices[i], p.vertices[i + 1]);
        }
      }
      for (size_t j = 0; j < i; ++j) blocked[last.vertices[j]] = 1;
      auto arcs = query_internal::bfs_arcs(filtered, n, spur, *t, max_hops - i);
      for (size_t j = 0; j < i; ++j) blocked[last.vertices[j]] = 0;
      if (!arcs) continue;
      VertexPath tail = impl_->from_arcs(filtered, spur, *arcs);
      VertexPath whole;
      whole.vertices.assign(last.vertices.begin(), last.vertices.begin() + i);
      whole.vertices.insert(whole.vertices.end(), tail.vertices.begin(), tail.vertices.end());
      if (!known.insert(whole.vertices).second) continue;
      whole.steps.assign(last.steps.begin(), last.steps.begin() + i);
      whole.steps.insert(whole.steps.end(), tail.steps.begin(), tail.steps.end());
      candidates.emplace(whole.steps.size(), std::move(whole));
    }
    if (candidates.empty()) break;
    found.push_back(std::move(candidates.begin()->second));
    candidates.erase(candidates.begin());
  }
  for (const VertexPath& p : found) out.push_back(impl_->to_path(p));
  return out;
}

}  // namespace kg
