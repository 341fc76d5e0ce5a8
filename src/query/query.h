// Queries over a GraphReader (read-only): resolving user-typed names, neighbours of an entity, and
// paths between two entities (bidirectional BFS and Yen's algorithm straight on the store's edge
// index, reading only the entities they visit; or Boost.Graph BFS over an in-memory snapshot).
//
// Contract:
// - Nothing here writes to the store; every function works on a store opened read-only.
// - Paths are simple (no entity twice) and never use negated edges: "X did not meet Y" does not
//   connect X and Y. Where several edges join the same two entities, a path shows the best
//   supported one (highest count, then an edge in the walking direction, then the smaller label;
//   with evidence filters the count is of the facts that pass them).
// - Directions: undirected by default (an edge may be walked backwards; such a step is marked
//   `backward`), `directed` follows edge direction only.
// - "No path" is an answer, not an error: an empty list / nullopt with an ok status.
// - Thread safety: functions are as thread-safe as the store's readers. A GraphSnapshot is
//   immutable after build() and may be queried from several threads at once.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "query/relations.h"
#include "store/store.h"

namespace kg {

// A node's id in every format and output: the entity id as 16 lowercase hex digits (what
// `id:<node id>` names).
std::string node_id(EntityId id);

// The entity a user means by `name`: `id:<16 hex digits>` (a node id as --json prints it), a
// canonical name or alias (case-insensitive), or "Name (TYPE)" as text outputs print a node (when
// no entity is called that). A name written with a capital means a named entity
// where one answers to it (not the concept). A name several nodes answer to is ambiguous unless
// exactly one has it as its canonical name, none has and one has ten times the mentions of the
// others together, or `types` (when not empty) leaves one: else it fails
// with kInvalidInput listing the candidates, "'Apple' names 2 entities: id:… ORG Apple (33
// mentions), id:… CONCEPT apple (5 mentions); name one by id: or --type". Values ("5 pct") are
// candidates only when `types` asks for their type. Unknown: kNotFound "unknown entity 'X' (did
// you mean: A, B, C?)" (the parenthesis only when the store has suggestions).
Result<EntityInfo> resolve_entity(GraphReader& store, std::string_view name,
                                  const std::vector<std::string>& types = {});

// Listing entities: named entities (PERSON, ORG, LOC, MISC) by default, the types asked for, or
// all; most mentioned first (ties: name), at most `limit` (0 = all).
struct EntityListOptions {
  std::string match;               // name or alias contains this (case-insensitive); "" = all
  std::vector<std::string> types;  // only these types; empty = the named types
  bool all = false;                // every type, concepts included (overrides `types`)
  size_t limit = 0;
};
Result<std::vector<EntityInfo>> list_entities(GraphReader& store, const EntityListOptions& options);


// ---------------------------------------------------------------------------------------------
// Neighbours

struct NeighborOptions {
  // Only edges whose canonical relation is this one's, in any inflection ("met" matches "meet
  // with", "hold talk with"; relations.h); "" = all. With relation_exact, the label itself
  // (case-insensitive).
  std::string relation;
  bool relation_exact = false;
  Direction direction = Direction::kBoth;
  bool with_evidence = false;
  size_t evidence_limit = 5;  // per edge when with_evidence; 0 = all
  // Only facts of documents dated in [since, until] ("YYYY-MM-DD"; "" = open): an edge counts
  // those facts and is left out without any. A document without a date is outside every range.
  std::string since, until;
  // Only facts with a confidence of at least this (0..1), alike; 0 = all. With any of these
  // filters each edge's evidence is read; without, none is.
  double min_confidence = 0;
};

// True when an evidence date ("" = none) lies in [since, until] ("" = open); with neither bound
// every fact does, dated or not.
bool date_in_range(std::string_view date, std::string_view since, std::string_view until);

struct Neighbor {
  EdgeInfo edge;
  bool outgoing = true;  // the queried entity is the edge's subject
  EntityInfo other;      // the entity at the other end (the entity itself for a self-loop)
  std::vector<Evidence> evidence;
};

// Edges touching `entity`, best supported first (count descending, then relation, then the other
// entity's name). A self-loop is listed once, as outgoing.
Result<std::vector<Neighbor>> neighbors(GraphReader& store, const EntityInfo& entity,
                                        const NeighborOptions& options);

// ---------------------------------------------------------------------------------------------
// Paths

struct PathOptions {
  size_t max_hops = 6;   // longest path considered, in edges (>= 1)
  size_t k = 1;          // how many shortest simple paths (>= 1)
  std::string relation;  // only edges of this relation, as NeighborOptions::relation; "" = all
  bool relation_exact = false;
  bool directed = false;
  // Walk through concepts ("meeting", "company") too; by default a path's inner entities are named
  // ones (its ends may be anything): generic nouns join everything to everything.
  bool via_concepts = false;
  // Evidence filters: an edge is walked only when one of its facts is of a document dated in
  // [since, until] ("YYYY-MM-DD", "" = open; date_in_range) and has confidence >= min_confidence
  // (0 = any); only such facts count towards which of parallel edges a path shows. Each edge's
  // evidence is read at most once per query, and only for edges a search steps over.
  std::string since, until;
  double min_confidence = 0;
};

struct PathStep {
  std::string relation;   // the edge's label
  bool backward = false;  // the edge points from nodes[i+1] to nodes[i]
};

struct Path {
  std::vector<EntityId> nodes;  // from first to last; a path from X to X is just {X}
  std::vector<PathStep> steps;  // steps[i] joins nodes[i] and nodes[i+1]
  size_t hops() const { return steps.size(); }
};

// An immutable in-memory copy of the store's (filtered) edge index as a Boost
// compressed_sparse_row_graph, for many path queries in one process (tools/bench_path). Build
// cost: one scan of the edge index. It knows no evidence filters (PathOptions::since, until,
// min_confidence); find_paths does not need it.
class GraphSnapshot {
 public:
  struct Options {
    std::string relation;   // keep only edges of this relation (NeighborOptions); "" = all
    bool directed = false;  // false: every edge can also be walked backwards
    bool relation_exact = false;
    bool via_concepts = true;        // false: leave out concepts other than `ends`
    std::vector<EntityId> ends;      // concepts kept without via_concepts (a path's ends)
  };
  static Result<std::unique_ptr<GraphSnapshot>> build(GraphReader& store, const Options& options);
  ~GraphSnapshot();
  GraphSnapshot(const GraphSnapshot&) = delete;
  GraphSnapshot& operator=(const GraphSnapshot&) = delete;

  size_t num_vertices() const;
  size_t num_arcs() const;  // walkable arcs: parallel edges merged, both directions if undirected
  bool contains(EntityId id) const;

  // A shortest path (Boost breadth_first_search with predecessor recording), nullopt when none
  // within `max_hops`.
  std::optional<Path> shortest_path(EntityId from, EntityId to, size_t max_hops) const;

  // Up to `k` shortest simple paths, shortest first (Yen's algorithm, each spur search a Boost BFS
  // on a filtered_graph). `first`, when given, must be a shortest path from `from` to `to` in this
  // snapshot; it is used as the first path instead of searching for one.
  std::vector<Path> k_shortest_paths(EntityId from, EntityId to, size_t k, size_t max_hops,
                                     const std::optional<Path>& first = std::nullopt) const;

 private:
  struct Impl;
  explicit GraphSnapshot(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// One shortest path by bidirectional BFS that reads only the adjacency of the entities it visits
// (GraphReader::edges_of), so it needs no snapshot: the fast path for a cold process. Of several
// shortest paths it returns the first the search meets: each round expands the side whose
// frontier has fewer mentions (when both have at most 16 entities; else fewer entities), a
// frontier's entities in ascending order of mentions (else as reached), each entity's neighbours
// in the order of edges_of.
Result<std::optional<Path>> shortest_path_in_store(GraphReader& store, EntityId from, EntityId to,
                                                   const PathOptions& options);

// Up to options.k shortest simple paths, shortest first, straight on the store: the first is
// shortest_path_in_store's (so it never depends on k); the others come from Yen's algorithm, whose
// spur searches are the same bidirectional BFS with the root path's entities and the steps
// already taken from the spur left out. All searches of a call share one cache of the entities'
// edges (each edges_of read once). Paths of equal length come in the order Yen's algorithm finds
// them: by the path they deviate from (earlier found first), then by where they deviate from it
// (nearer `from` first); each deviation is the first its search meets, as above.
Result<std::vector<Path>> find_paths(GraphReader& store, EntityId from, EntityId to,
                                     const PathOptions& options);

// ---------------------------------------------------------------------------------------------
// Subgraphs (what exports and renders show)

struct SubgraphOptions {
  std::optional<EntityId> around;  // restrict to entities within `hops` edges of this one
  size_t hops = 1;
  uint64_t min_count = 1;  // drop edges with fewer supporting facts (kept ones, with a filter)
  bool with_docs = false;  // fill ExportEdge::docs (one evidence read per edge)
  // Fact filters, as NeighborOptions': only facts of documents dated in [since, until] and with
  // a confidence of at least min_confidence count. An edge's (or value's) count is then the
  // number of its facts kept, its docs and dates are theirs, and it is left out without any;
  // `around`'s neighbourhood is walked over the edges kept. Each candidate edge's evidence is
  // read once; without a filter, only with_docs reads evidence.
  std::string since, until;
  double min_confidence = 0;
};

struct ExportEdge {
  EdgeInfo edge;
  std::vector<std::string> docs;  // distinct supporting document ids, sorted (when with_docs)
  // The earliest and latest date of its documents ("YYYY-MM-DD"; empty when none has a date),
  // when with_docs.
  std::string first_date, last_date;
};

// A fact's literal object ("profit -[rise]-> 5 pct"): an edge to a value, which is no node.
struct ExportValue {
  EdgeInfo edge;                  // edge.object is the value's id (is_value_id)
  std::string value;              // its text, "5 pct"
  std::string type;               // its value type, PERCENT (kValueTypes)
  std::vector<std::string> docs;  // as ExportEdge::docs
  std::string first_date, last_date;
};

struct Subgraph {
  std::vector<EntityInfo> nodes;   // entities only: values are never nodes
  std::vector<ExportEdge> edges;   // both ends are in `nodes`
  std::vector<ExportValue> values; // subjects in `nodes`; sorted like `edges`
};

// The edges with count >= min_count (after the fact filters) and the entities they join, and the
// values of those entities' facts. With `around`, only edges among the entities reachable from it within `hops`
// such edges (either direction; never through a value), and the entity itself even when it has
// no edge left.
Result<Subgraph> collect_subgraph(GraphReader& store, const SubgraphOptions& options);

// Cuts `graph` to at most `max_nodes` entities (>= 1) for a picture people can read: edges are
// taken strongest first (those touching `focus` before all others, then by fact count, then
// label) while their new ends still fit, so the focus's star comes first, one edge per pair of
// entities and at most 2 * max_nodes edges; the rest, and the values of dropped entities, are
// left out. Returns what was cut ("kept 40 of 267 entities and 61 of
// 4188 edges"), empty when nothing was.
std::string cap_subgraph(Subgraph& graph, std::optional<EntityId> focus, size_t max_nodes);

// A path with its entities' names, for printing: nodes[i] names path.nodes[i].
struct NamedPath {
  std::vector<std::string> nodes;
  std::vector<PathStep> steps;
};

// Names the entities of `paths` (one store read per distinct entity).
Result<std::vector<NamedPath>> name_paths(GraphReader& store, std::vector<Path> paths);

}  // namespace kg
