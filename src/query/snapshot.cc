// GraphSnapshot: one scan of the store's edge index into a Boost compressed_sparse_row_graph, and
// shortest paths on it.
#include <algorithm>
#include <unordered_map>

#include "query/csr_graph.h"

namespace kg {

using query_internal::Arc;
using query_internal::Csr;
using query_internal::Vertex;

namespace {

struct RawArc {
  Vertex from, to;
  uint32_t label;
  bool backward;
  uint64_t count;
};

}  // namespace

GraphSnapshot::GraphSnapshot(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
GraphSnapshot::~GraphSnapshot() = default;

Result<std::unique_ptr<GraphSnapshot>> GraphSnapshot::build(GraphReader& store,
                                                            const Options& options) {
  auto impl = std::make_unique<Impl>();
  // One scan of the edge index; entities are numbered as they first appear.
  std::vector<RawArc> raw;
  std::unordered_map<RelationId, uint32_t> label_of;
  auto vertex = [&](EntityId id) {
    bool added = false;
    Vertex v = impl->vertex.insert(id, static_cast<Vertex>(impl->ids.size()), added);
    if (added) impl->ids.push_back(id);
    return v;
  };
  const RelationMatcher relation(options.relation, options.relation_exact);
  KG_RETURN_IF_ERROR(store.for_each_edge([&](const EdgeInfo& e) {
    if (e.negated || e.subject == e.object || is_value_id(e.object)) return;  // values are leaves
    auto inner_concept = [&](EntityId id) {
      return is_concept_id(id) &&
             std::find(options.ends.begin(), options.ends.end(), id) == options.ends.end();
    };
    if (!options.via_concepts && (inner_concept(e.subject) || inner_concept(e.object))) return;
    if (!options.relation.empty() && !relation.matches(e.relation_label)) return;
    auto it = label_of.find(e.relation);
    if (it == label_of.end()) {
      it = label_of.emplace(e.relation, static_cast<uint32_t>(impl->labels.size())).first;
      impl->labels.push_back(e.relation_label);
    }
    Vertex s = vertex(e.subject), o = vertex(e.object);
    raw.push_back({s, o, it->second, false, e.count});
    if (!options.directed) raw.push_back({o, s, it->second, true, e.count});
  }));
  const size_t n = impl->ids.size();

  // Counting sort by source, then each source's arcs by target, best first: parallel arcs merge
  // into the preferred one.
  std::vector<size_t> start(n + 1, 0);
  for (const RawArc& r : raw) ++start[r.from + 1];
  for (size_t v = 0; v < n; ++v) start[v + 1] += start[v];
  std::vector<RawArc> sorted(raw.size());
  {
    std::vector<size_t> next(start.begin(), start.end() - 1);
    for (const RawArc& r : raw) sorted[next[r.from]++] = r;
  }
  raw.clear();
  raw.shrink_to_fit();
  const auto& labels = impl->labels;
  auto before = [&](const RawArc& a, const RawArc& b) {
    if (a.to != b.to) return a.to < b.to;
    return query_internal::preferred_hop(a.count, a.backward, labels[a.label], b.count, b.backward,
                                         labels[b.label]);
  };
  std::vector<std::pair<Vertex, Vertex>> ends;
  std::vector<Arc> props;
  ends.reserve(sorted.size());
  props.reserve(sorted.size());
  for (size_t v = 0; v < n; ++v) {
    auto first = sorted.begin() + static_cast<std::ptrdiff_t>(start[v]);
    auto last = sorted.begin() + static_cast<std::ptrdiff_t>(start[v + 1]);
    std::sort(first, last, before);
    for (auto it = first; it != last; ++it) {
      if (it != first && it->to == (it - 1)->to) continue;
      ends.emplace_back(it->from, it->to);
      props.push_back({it->label, it->backward});
    }
  }
  sorted.clear();
  sorted.shrink_to_fit();
  impl->graph = Csr(boost::edges_are_sorted, ends.begin(), ends.end(), props.begin(), n);
  return std::unique_ptr<GraphSnapshot>(new GraphSnapshot(std::move(impl)));
}

size_t GraphSnapshot::num_vertices() const { return boost::num_vertices(impl_->graph); }
size_t GraphSnapshot::num_arcs() const { return boost::num_edges(impl_->graph); }
bool GraphSnapshot::contains(EntityId id) const { return impl_->vertex_of(id).has_value(); }

std::optional<Path> GraphSnapshot::shortest_path(EntityId from, EntityId to,
                                                 size_t max_hops) const {
  if (from == to) return Path{{from}, {}};
  auto s = impl_->vertex_of(from), t = impl_->vertex_of(to);
  if (!s || !t) return std::nullopt;
  auto arcs = query_internal::bfs_arcs(impl_->graph, num_vertices(), *s, *t, max_hops);
  if (!arcs) return std::nullopt;
  return impl_->to_path(impl_->from_arcs(impl_->graph, *s, *arcs));
}

}  // namespace kg
