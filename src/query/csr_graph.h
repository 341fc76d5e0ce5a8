// The Boost.Graph side of GraphSnapshot: the CSR graph type, its vertex numbering, and the one
// breadth-first search every path query runs (shortest path, Yen's spur searches).
#pragma once

#include <algorithm>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/graph/filtered_graph.hpp>
#include <boost/graph/visitors.hpp>
#include <boost/property_map/property_map.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "query/query.h"

namespace kg::query_internal {

// Which of two edges joining the same two entities a path shows: the better supported one, then
// one pointing in the walking direction, then the smaller label. Shared by every path search so
// that they agree on labels.
inline bool preferred_hop(uint64_t count_a, bool backward_a, std::string_view label_a,
                          uint64_t count_b, bool backward_b, std::string_view label_b) {
  if (count_a != count_b) return count_a > count_b;
  if (backward_a != backward_b) return !backward_a;
  return label_a < label_b;
}

struct Arc {
  uint32_t label = 0;     // index into Impl::labels
  bool backward = false;  // walks the stored edge from object to subject
};

using Vertex = uint32_t;
using Csr = boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, Arc,
                                               boost::no_property, Vertex, uint32_t>;

// Entity id -> vertex number: open addressing with linear probing. Entity ids are already
// well-mixed hashes, so their low bits index the table directly.
class VertexIndex {
 public:
  static constexpr Vertex kNone = UINT32_MAX;

  Vertex find(EntityId id) const {
    if (slots_.empty()) return kNone;
    for (size_t i = id & mask_;; i = (i + 1) & mask_) {
      if (slots_[i].vertex == kNone || slots_[i].id == id) return slots_[i].vertex;
    }
  }
  // The vertex of `id`, numbering it `next` when new; `added` tells which.
  Vertex insert(EntityId id, Vertex next, bool& added) {
    if (2 * (size_ + 1) > slots_.size()) grow();
    for (size_t i = id & mask_;; i = (i + 1) & mask_) {
      if (slots_[i].vertex == kNone) {
        slots_[i] = {id, next};
        ++size_;
        added = true;
        return next;
      }
      if (slots_[i].id == id) {
        added = false;
        return slots_[i].vertex;
      }
    }
  }

 private:
  struct Slot {
    EntityId id = 0;
    Vertex vertex = kNone;
  };
  void grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 1024 : old.size() * 2, Slot{});
    mask_ = slots_.size() - 1;
    for (const Slot& s : old) {
      if (s.vertex == kNone) continue;
      size_t i = s.id & mask_;
      while (slots_[i].vertex != kNone) i = (i + 1) & mask_;
      slots_[i] = s;
    }
  }
  std::vector<Slot> slots_;
  size_t mask_ = 0, size_ = 0;
};

// A path as vertex numbers plus the steps between them.
struct VertexPath {
  std::vector<Vertex> vertices;
  std::vector<PathStep> steps;
};

namespace detail {
struct TargetFound {};
struct HopLimitReached {};

// Stops the search once `target` gets its predecessor edge.
struct StopAtTarget {
  using event_filter = boost::on_tree_edge;
  Vertex target;
  template <typename Edge, typename Graph>
  void operator()(Edge e, const Graph& g) const {
    if (boost::target(e, g) == target) throw TargetFound{};
  }
};

// BFS examines vertices in order of distance: the first one at `max_hops` means every vertex still
// queued is too far to extend a path from.
template <typename DistMap>
struct StopAtHopLimit {
  using event_filter = boost::on_examine_vertex;
  DistMap dist;
  uint32_t max_hops;
  template <typename V, typename Graph>
  void operator()(V v, const Graph&) const {
    if (boost::get(dist, v) >= max_hops) throw HopLimitReached{};
  }
};
}  // namespace detail

// A shortest path from `s` to `t` of at most `max_hops` arcs in `g` (a Csr or a filtered_graph of
// one), found with boost::breadth_first_search recording edge predecessors and distances.
// `num_vertices` is the underlying Csr's vertex count.
template <typename Graph>
std::optional<std::vector<typename boost::graph_traits<Graph>::edge_descriptor>> bfs_arcs(
    const Graph& g, size_t num_vertices, Vertex s, Vertex t, size_t max_hops) {
  using Edge = typename boost::graph_traits<Graph>::edge_descriptor;
  std::vector<Edge> pred(num_vertices);
  std::vector<uint32_t> dist(num_vertices, 0);
  std::vector<boost::default_color_type> color(num_vertices);
  auto index = boost::get(boost::vertex_index, g);
  auto pred_map = boost::make_iterator_property_map(pred.begin(), index);
  auto dist_map = boost::make_iterator_property_map(dist.begin(), index);
  auto color_map = boost::make_iterator_property_map(color.begin(), index);
  auto visitor = boost::make_bfs_visitor(std::make_pair(
      boost::record_edge_predecessors(pred_map, boost::on_tree_edge()),
      std::make_pair(boost::record_distances(dist_map, boost::on_tree_edge()),
                     std::make_pair(detail::StopAtTarget{t},
                                    detail::StopAtHopLimit<decltype(dist_map)>{
                                        dist_map, static_cast<uint32_t>(max_hops)}))));
  try {
    boost::breadth_first_search(g, s, boost::visitor(visitor).color_map(color_map));
    return std::nullopt;
  } catch (const detail::HopLimitReached&) {
    return std::nullopt;
  } catch (const detail::TargetFound&) {
  }
  std::vector<Edge> arcs;
  for (Vertex v = t; v != s; v = boost::source(pred[v], g)) arcs.push_back(pred[v]);
  std::reverse(arcs.begin(), arcs.end());
  return arcs;
}

}  // namespace kg::query_internal

namespace kg {

struct GraphSnapshot::Impl {
  query_internal::Csr graph;
  std::vector<EntityId> ids;           // vertex -> entity id, numbered in edge-index order
  query_internal::VertexIndex vertex;  // entity id -> vertex
  std::vector<std::string> labels;

  std::optional<query_internal::Vertex> vertex_of(EntityId id) const {
    query_internal::Vertex v = vertex.find(id);
    if (v == query_internal::VertexIndex::kNone) return std::nullopt;
    return v;
  }
  Path to_path(const query_internal::VertexPath& p) const {
    Path path;
    for (auto v : p.vertices) path.nodes.push_back(ids[v]);
    path.steps = p.steps;
    return path;
  }
  // The vertex path that a BFS returned as arcs from `s`.
  template <typename Graph, typename Edge>
  query_internal::VertexPath from_arcs(const Graph& g, query_internal::Vertex s,
                                       const std::vector<Edge>& arcs) const {
    query_internal::VertexPath p;
    p.vertices.push_back(s);
    for (const auto& e : arcs) {
      const query_internal::Arc& arc = g[e];
      p.vertices.push_back(boost::target(e, g));
      p.steps.push_back({labels[arc.label], arc.backward});
    }
    return p;
  }
};

}  // namespace kg
