// GraphSnapshot: one scan of the store's edge index into a Boost compressed_sparse_row_graph, and
// shortest paths on it.
#include <tuple>
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

Result<std::unique_ptr<GraphSnapshot>> GraphSnapshot::build(GraphStore& store,
                                                            const Options& options) {
  auto impl = std::make_unique<Impl>();
  // Edges are read once; entity ids become dense vertex numbers afterwards, in id order.
  struct Kept {
    EntityId subject, object;
    uint32_t label;
    uint64_t count;
  };
  std::vector<Kept> kept;
  std::unordered_map<RelationId, uint32_t> label_of;
  KG_RETURN_IF_ERROR(store.for_each_edge([&](const EdgeInfo& e) {
    if (e.negated || e.subject == e.object) return;
    if (!options.relation.empty() && !same_relation(e.relation_label, options.relation)) return;
    auto [it, added] = label_of.emplace(e.relation, static_cast<uint32_t>(impl->labels.size()));
    if (added) impl->labels.push_back(e.relation_label);
    kept.push_back({e.subject, e.object, it->second, e.count});
    impl->ids.push_back(e.subject);
    impl->ids.push_back(e.object);
  }));
  std::sort(impl->ids.begin(), impl->ids.end());
  impl->ids.erase(std::unique(impl->ids.begin(), impl->ids.end()), impl->ids.end());
  impl->ids.shrink_to_fit();

  std::vector<RawArc> raw;
  raw.reserve(kept.size() * (options.directed ? 1 : 2));
  for (const Kept& k : kept) {
    Vertex s = *impl->vertex_of(k.subject), o = *impl->vertex_of(k.object);
    raw.push_back({s, o, k.label, false, k.count});
    if (!options.directed) raw.push_back({o, s, k.label, true, k.count});
  }
  kept.clear();
  kept.shrink_to_fit();
  // Parallel arcs merge into the preferred one: sort each (from, to) group best first, keep it.
  const auto& labels = impl->labels;
  std::sort(raw.begin(), raw.end(), [&](const RawArc& a, const RawArc& b) {
    if (std::tie(a.from, a.to) != std::tie(b.from, b.to)) {
      return std::tie(a.from, a.to) < std::tie(b.from, b.to);
    }
    return query_internal::preferred_hop(a.count, a.backward, labels[a.label], b.count, b.backward,
                                         labels[b.label]);
  });
  raw.erase(std::unique(
                raw.begin(), raw.end(),
                [](const RawArc& a, const RawArc& b) { return a.from == b.from && a.to == b.to; }),
            raw.end());
  std::vector<std::pair<Vertex, Vertex>> ends;
  std::vector<Arc> props;
  ends.reserve(raw.size());
  props.reserve(raw.size());
  for (const RawArc& r : raw) {
    ends.emplace_back(r.from, r.to);
    props.push_back({r.label, r.backward});
  }
  raw.clear();
  raw.shrink_to_fit();
  impl->graph =
      Csr(boost::edges_are_sorted, ends.begin(), ends.end(), props.begin(), impl->ids.size());
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
