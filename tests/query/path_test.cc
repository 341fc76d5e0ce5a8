#include <catch2/catch.hpp>

#include "query/fake_store.h"
#include "query/query.h"

using namespace kg;
using kg::testing::FakeStore;

namespace {

// "A -meet-> B <-praise- C" style rendering of a path, for readable assertions.
std::string show(FakeStore& store, const Path& p) {
  std::string out = store.entity(p.nodes[0])->name;
  for (size_t i = 0; i < p.steps.size(); ++i) {
    const auto& s = p.steps[i];
    out += s.backward ? " <-" + s.relation + "- " : " -" + s.relation + "-> ";
    out += store.entity(p.nodes[i + 1])->name;
  }
  return out;
}

EntityId id(const char* name) { return FakeStore::id_of(name); }

// Runs both single-path searches (store BFS and snapshot BFS) and checks they agree on length.
std::optional<Path> shortest(FakeStore& store, const char* from, const char* to,
                             const PathOptions& opt = {}) {
  auto in_store = shortest_path_in_store(store, id(from), id(to), opt);
  REQUIRE(in_store.ok());
  auto snapshot = GraphSnapshot::build(store, {opt.relation, opt.directed});
  REQUIRE(snapshot.ok());
  auto in_snapshot = (*snapshot)->shortest_path(id(from), id(to), opt.max_hops);
  REQUIRE(in_store->has_value() == in_snapshot.has_value());
  if (in_snapshot) CHECK((*in_store)->hops() == in_snapshot->hops());
  return *in_store;
}

}  // namespace

TEST_CASE("A path walks edges backwards by default and marks those steps", "[query]") {
  FakeStore store;
  store.add("Joe Biden", "meet", "Vladimir Putin");
  store.add("Olaf Scholz", "call", "Vladimir Putin");
  auto p = shortest(store, "Joe Biden", "Olaf Scholz");
  REQUIRE(p);
  CHECK(show(store, *p) == "Joe Biden -meet-> Vladimir Putin <-call- Olaf Scholz");
}

TEST_CASE("A directed path follows edge direction only", "[query]") {
  FakeStore store;
  store.add("A", "r", "B");
  store.add("C", "r", "B");
  store.add("B", "s", "D");
  PathOptions directed;
  directed.directed = true;
  CHECK_FALSE(shortest(store, "A", "C", directed));
  CHECK_FALSE(shortest(store, "D", "A", directed));
  auto p = shortest(store, "A", "D", directed);
  REQUIRE(p);
  CHECK(show(store, *p) == "A -r-> B -s-> D");
  CHECK(shortest(store, "A", "C"));
}

TEST_CASE("No path is an empty answer, not an error", "[query]") {
  FakeStore store;
  store.add("A", "r", "B");
  store.add("C", "r", "D");
  CHECK_FALSE(shortest(store, "A", "D"));
  auto paths = find_paths(store, id("A"), id("D"), {});
  REQUIRE(paths.ok());
  CHECK(paths->empty());
}

TEST_CASE("max_hops bounds the path length", "[query]") {
  FakeStore store;
  store.add("A", "r", "B");
  store.add("B", "r", "C");
  store.add("C", "r", "D");
  store.add("D", "r", "E");
  PathOptions opt;
  opt.max_hops = 3;
  CHECK_FALSE(shortest(store, "A", "E", opt));
  auto p = shortest(store, "A", "D", opt);
  REQUIRE(p);
  CHECK(p->hops() == 3);
  opt.max_hops = 4;
  CHECK(shortest(store, "A", "E", opt));
}

TEST_CASE("Cycles neither trap the search nor lengthen the path", "[query]") {
  FakeStore store;
  for (const char* e : {"A B", "B C", "C A", "C D", "D E", "E C", "E F"}) {
    std::string s(e);
    store.add(s.substr(0, 1), "next", s.substr(2));
  }
  auto p = shortest(store, "A", "F");
  REQUIRE(p);
  CHECK(show(store, *p) == "A <-next- C <-next- E -next-> F");
  PathOptions directed;
  directed.directed = true;
  auto d = shortest(store, "A", "F", directed);
  REQUIRE(d);
  CHECK(show(store, *d) == "A -next-> B -next-> C -next-> D -next-> E -next-> F");
  CHECK_FALSE(shortest(store, "F", "A", directed));
}

TEST_CASE("The relation filter keeps only edges with that label", "[query]") {
  FakeStore store;
  store.add("A", "meet", "B");
  store.add("B", "meet", "C");
  store.add("A", "sanction", "C");
  PathOptions meet;
  meet.relation = "Meet";
  auto p = shortest(store, "A", "C", meet);
  REQUIRE(p);
  CHECK(show(store, *p) == "A -meet-> B -meet-> C");
  auto any = shortest(store, "A", "C");
  REQUIRE(any);
  CHECK(show(store, *any) == "A -sanction-> C");
  PathOptions none;
  none.relation = "praise";
  CHECK_FALSE(shortest(store, "A", "C", none));
}

TEST_CASE("Negated edges do not connect entities", "[query]") {
  FakeStore store;
  FakeStore::Fact negated;
  negated.negated = true;
  store.add("A", "meet", "B", negated);
  CHECK_FALSE(shortest(store, "A", "B"));
  store.add("A", "call", "B");
  auto p = shortest(store, "A", "B");
  REQUIRE(p);
  CHECK(show(store, *p) == "A -call-> B");
}

TEST_CASE("Between two entities joined by several edges a path shows the best supported",
          "[query]") {
  FakeStore store;
  store.add("A", "meet", "B");
  store.add("B", "praise", "A");
  store.add("B", "praise", "A");
  store.add("A", "call", "B");
  auto p = shortest(store, "A", "B");
  REQUIRE(p);
  CHECK(show(store, *p) == "A <-praise- B");
  auto snapshot = GraphSnapshot::build(store, {});
  REQUIRE(snapshot.ok());
  CHECK(show(store, *(*snapshot)->shortest_path(id("A"), id("B"), 6)) == "A <-praise- B");
  // Equal support: the edge in the walking direction, then the smaller label.
  FakeStore tie;
  tie.add("A", "meet", "B");
  tie.add("B", "call", "A");
  tie.add("A", "greet", "B");
  CHECK(show(tie, *shortest(tie, "A", "B")) == "A -greet-> B");
  CHECK(show(tie, *shortest(tie, "B", "A")) == "B -call-> A");
}

TEST_CASE("A path from an entity to itself has no steps", "[query]") {
  FakeStore store;
  store.add("A", "r", "B");
  auto p = shortest(store, "A", "A");
  REQUIRE(p);
  CHECK(p->nodes.size() == 1);
  CHECK(p->hops() == 0);
}

TEST_CASE("A shared value joins no two entities: no path runs through a literal", "[query]") {
  FakeStore store;
  FakeStore::Fact f;
  f.object_type = "PERCENT";
  store.add("Acme", "raise price", "5 pct", f);
  store.add("Widget Co", "cut price", "5 pct", f);
  CHECK_FALSE(shortest(store, "Acme", "Widget Co").has_value());
  auto k = find_paths(store, id("Acme"), id("Widget Co"), PathOptions{.k = 3});
  REQUIRE(k.ok());
  CHECK(k->empty());
  // An entity path still runs beside them.
  f.object_type = "ORG";
  store.add("Acme", "sue", "Widget Co", f);
  auto p = shortest(store, "Acme", "Widget Co");
  REQUIRE(p.has_value());
  CHECK(show(store, *p) == "Acme -sue-> Widget Co");
}
