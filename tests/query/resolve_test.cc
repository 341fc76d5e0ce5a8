#include <catch2/catch.hpp>

#include "query/fake_store.h"
#include "query/query.h"

using namespace kg;
using kg::testing::FakeStore;

TEST_CASE("resolve_entity matches names and aliases case-insensitively", "[query]") {
  FakeStore store;
  FakeStore::Fact f;
  f.subject_text = "Biden";
  store.add("Joe Biden", "meet", "Vladimir Putin", f);
  auto by_name = resolve_entity(store, "joe BIDEN");
  REQUIRE(by_name.ok());
  CHECK(by_name->name == "Joe Biden");
  auto by_alias = resolve_entity(store, "biden");
  REQUIRE(by_alias.ok());
  CHECK(by_alias->id == FakeStore::id_of("Joe Biden"));
}

TEST_CASE("resolve_entity names the unknown entity and suggests close names", "[query]") {
  FakeStore store;
  store.add("Joe Biden", "meet", "Vladimir Putin");
  store.add("Jill Biden", "visit", "Kyiv");
  auto r = resolve_entity(store, "Joe Bidn");
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().code() == ErrorCode::kNotFound);
  CHECK(r.status().message() ==
        "unknown entity 'Joe Bidn' (did you mean: Joe Biden, Jill Biden, Kyiv?)");

  FakeStore empty;
  auto none = resolve_entity(empty, "X");
  REQUIRE_FALSE(none.ok());
  CHECK(none.status().message() == "unknown entity 'X'");
}

TEST_CASE("neighbors lists both directions best supported first, with evidence on request",
          "[query]") {
  FakeStore store;
  store.add("A", "meet", "B");
  store.add("A", "meet", "B");
  store.add("C", "praise", "A");
  store.add("A", "visit", "D");
  FakeStore::Fact negated;
  negated.negated = true;
  store.add("A", "visit", "C", negated);
  auto a = *resolve_entity(store, "A");

  auto all = neighbors(store, a, {});
  REQUIRE(all.ok());
  REQUIRE(all->size() == 4);
  CHECK(all->at(0).other.name == "B");
  CHECK(all->at(0).edge.count == 2);
  CHECK(all->at(0).outgoing);
  CHECK(all->at(0).evidence.empty());

  NeighborOptions in;
  in.direction = Direction::kIn;
  auto incoming = neighbors(store, a, in);
  REQUIRE(incoming.ok());
  REQUIRE(incoming->size() == 1);
  CHECK(incoming->at(0).other.name == "C");
  CHECK_FALSE(incoming->at(0).outgoing);

  NeighborOptions visit;
  visit.relation = "VISIT";
  visit.with_evidence = true;
  auto visits = neighbors(store, a, visit);
  REQUIRE(visits.ok());
  REQUIRE(visits->size() == 2);
  for (const auto& n : *visits) {
    CHECK(n.edge.relation_label == "visit");
    REQUIRE(n.evidence.size() == 1);
    CHECK(n.evidence[0].text == "A visit " + n.other.name + ".");
  }
}

TEST_CASE("neighbors lists a self-loop once", "[query]") {
  FakeStore store;
  store.add("A", "cite", "A");
  auto a = *resolve_entity(store, "A");
  auto n = neighbors(store, a, {});
  REQUIRE(n.ok());
  REQUIRE(n->size() == 1);
  CHECK(n->at(0).outgoing);
  CHECK(n->at(0).other.name == "A");
}
