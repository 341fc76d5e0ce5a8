#include <catch2/catch.hpp>
#include <map>
#include <random>
#include <set>

#include "query/fake_store.h"
#include "query/query.h"

using namespace kg;
using kg::testing::FakeStore;

namespace {

std::vector<std::string> names(FakeStore& store, const Path& p) {
  std::vector<std::string> out;
  for (EntityId id : p.nodes) out.push_back(store.entity(id)->name);
  return out;
}

std::string joined(FakeStore& store, const Path& p) {
  std::string out;
  for (const auto& n : names(store, p)) out += (out.empty() ? "" : "-") + n;
  return out;
}

// Every simple path from `at` to `to` of at most `max_hops` arcs, by depth-first enumeration.
void all_paths(const std::map<EntityId, std::set<EntityId>>& adj, EntityId at, EntityId to,
               size_t max_hops, std::vector<EntityId>& stack, std::vector<size_t>& lengths) {
  if (at == to) {
    lengths.push_back(stack.size() - 1);
    return;
  }
  if (stack.size() - 1 == max_hops) return;
  auto it = adj.find(at);
  if (it == adj.end()) return;
  for (EntityId next : it->second) {
    if (std::find(stack.begin(), stack.end(), next) != stack.end()) continue;
    stack.push_back(next);
    all_paths(adj, next, to, max_hops, stack, lengths);
    stack.pop_back();
  }
}

}  // namespace

TEST_CASE("k shortest paths come shortest first, distinct and simple", "[query]") {
  FakeStore store;
  for (const char* e : {"A B", "B D", "A C", "C D", "A E", "E F", "F D", "B C"}) {
    std::string s(e);
    store.add(s.substr(0, 1), "r", s.substr(2));
  }
  PathOptions opt;
  opt.k = 10;
  auto paths = find_paths(store, FakeStore::id_of("A"), FakeStore::id_of("D"), opt);
  REQUIRE(paths.ok());
  std::vector<std::string> got;
  for (const auto& p : *paths) got.push_back(joined(store, p));
  REQUIRE(got.size() == 5);
  CHECK(std::set<std::string>(got.begin(), got.begin() + 2) ==
        std::set<std::string>{"A-B-D", "A-C-D"});
  CHECK(std::set<std::string>(got.begin() + 2, got.end()) ==
        std::set<std::string>{"A-B-C-D", "A-C-B-D", "A-E-F-D"});
  CHECK((*paths)[2].steps[0].relation == "r");

  opt.k = 3;
  opt.max_hops = 2;
  auto short_only = find_paths(store, FakeStore::id_of("A"), FakeStore::id_of("D"), opt);
  REQUIRE(short_only.ok());
  CHECK(short_only->size() == 2);
}

TEST_CASE("The first of k paths is the single shortest path", "[query]") {
  FakeStore store;
  for (const char* e : {"A B", "B D", "A C", "C D", "D E"}) {
    std::string s(e);
    store.add(s.substr(0, 1), "r", s.substr(2));
  }
  PathOptions one, three;
  three.k = 3;
  auto a = find_paths(store, FakeStore::id_of("A"), FakeStore::id_of("E"), one);
  auto b = find_paths(store, FakeStore::id_of("A"), FakeStore::id_of("E"), three);
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  REQUIRE(a->size() == 1);
  REQUIRE(b->size() == 2);
  CHECK(a->at(0).nodes == b->at(0).nodes);
}

TEST_CASE("Yen's paths match brute-force enumeration on random graphs", "[query]") {
  std::mt19937 rng(7);
  for (int round = 0; round < 30; ++round) {
    FakeStore store;
    const int n = 9;
    const bool directed = round % 2 == 1;
    std::map<EntityId, std::set<EntityId>> adj;
    for (int e = 0; e < 16; ++e) {
      int s = static_cast<int>(rng() % n), o = static_cast<int>(rng() % n);
      std::string sn = "N" + std::to_string(s), on = "N" + std::to_string(o);
      store.add(sn, rng() % 2 ? "r" : "q", on);
      if (s == o) continue;
      adj[FakeStore::id_of(sn)].insert(FakeStore::id_of(on));
      if (!directed) adj[FakeStore::id_of(on)].insert(FakeStore::id_of(sn));
    }
    EntityId from = FakeStore::id_of("N0"), to = FakeStore::id_of("N1");
    PathOptions opt;
    opt.directed = directed;
    opt.k = 6;
    opt.max_hops = 5;
    std::vector<size_t> lengths;
    std::vector<EntityId> stack{from};
    all_paths(adj, from, to, opt.max_hops, stack, lengths);
    std::sort(lengths.begin(), lengths.end());
    if (lengths.size() > opt.k) lengths.resize(opt.k);

    auto store_path = shortest_path_in_store(store, from, to, opt);
    REQUIRE(store_path.ok());
    if (lengths.empty()) {
      if (store.entities("", 0)->size() > 0) CHECK_FALSE(store_path->has_value());
      continue;
    }
    auto paths = find_paths(store, from, to, opt);
    REQUIRE(paths.ok());
    std::vector<size_t> got;
    std::set<std::vector<EntityId>> distinct;
    for (const Path& p : *paths) {
      got.push_back(p.hops());
      distinct.insert(p.nodes);
      CHECK(p.nodes.front() == from);
      CHECK(p.nodes.back() == to);
      CHECK(std::set<EntityId>(p.nodes.begin(), p.nodes.end()).size() == p.nodes.size());
      for (size_t i = 0; i + 1 < p.nodes.size(); ++i) {
        EntityId a = p.nodes[i], b = p.nodes[i + 1];
        // The step's label and direction name a stored edge between the two entities.
        EntityId subject = p.steps[i].backward ? b : a, object = p.steps[i].backward ? a : b;
        CHECK(adj[a].count(b) == 1);
        CHECK((!directed || !p.steps[i].backward));
        auto edges = store.edges_of(subject, Direction::kOut);
        bool exists = std::any_of(edges->begin(), edges->end(), [&](const EdgeInfo& e) {
          return e.object == object && e.relation_label == p.steps[i].relation;
        });
        CHECK(exists);
      }
    }
    INFO("round " << round);
    CHECK(got == lengths);
    CHECK(distinct.size() == got.size());
  }
}

TEST_CASE("k shortest paths read each visited entity's edges once and never scan the graph",
          "[query]") {
  FakeStore store;
  for (const char* e : {"A B", "B D", "A C", "C D", "B C"}) {
    std::string s(e);
    store.add(s.substr(0, 1), "r", s.substr(2));
  }
  // A component the search cannot reach.
  for (int i = 0; i < 30; ++i) store.add("X" + std::to_string(i), "r", "X" + std::to_string(i + 1));
  PathOptions opt;
  opt.k = 10;
  auto paths = find_paths(store, FakeStore::id_of("A"), FakeStore::id_of("D"), opt);
  REQUIRE(paths.ok());
  CHECK(paths->size() == 4);
  CHECK(store.edge_scans == 0);
  CHECK(store.edges_of_calls <= 4);
}

TEST_CASE("Yen's paths on the store have the lengths of Yen's paths on a snapshot", "[query]") {
  std::mt19937 rng(11);
  for (int round = 0; round < 40; ++round) {
    FakeStore store;
    for (int e = 0; e < 22; ++e) {
      store.add("N" + std::to_string(rng() % 10), rng() % 3 ? "r" : "q",
                "N" + std::to_string(rng() % 10));
    }
    PathOptions opt;
    opt.directed = round % 2 == 1;
    opt.k = 8;
    opt.max_hops = 4;
    const EntityId from = FakeStore::id_of("N0"), to = FakeStore::id_of("N1");
    auto in_store = find_paths(store, from, to, opt);
    REQUIRE(in_store.ok());
    GraphSnapshot::Options graph;
    graph.directed = opt.directed;
    auto snapshot = GraphSnapshot::build(store, graph);
    REQUIRE(snapshot.ok());
    auto on_snapshot = (*snapshot)->k_shortest_paths(from, to, opt.k, opt.max_hops);
    std::vector<size_t> a, b;
    for (const Path& p : *in_store) a.push_back(p.hops());
    for (const Path& p : on_snapshot) b.push_back(p.hops());
    INFO("round " << round);
    CHECK(a == b);
    // The first path does not depend on k.
    PathOptions one = opt;
    one.k = 1;
    auto single = find_paths(store, from, to, one);
    REQUIRE(single.ok());
    REQUIRE(single->size() == std::min<size_t>(1, in_store->size()));
    if (!single->empty()) CHECK(single->front().nodes == in_store->front().nodes);
  }
}
