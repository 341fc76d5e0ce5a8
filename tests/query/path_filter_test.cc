// Path evidence filters (dates, confidence) on the store.
#include <catch2/catch.hpp>

#include "query/fake_store.h"
#include "query/query.h"

using namespace kg;
using kg::testing::FakeStore;

namespace {

EntityId id(const char* name) { return FakeStore::id_of(name); }

// "A -meet-> B <-call- C", or "none".
std::string show(FakeStore& store, const std::optional<Path>& p) {
  if (!p) return "none";
  std::string out = store.entity(p->nodes[0])->name;
  for (size_t i = 0; i < p->steps.size(); ++i) {
    const auto& s = p->steps[i];
    out += s.backward ? " <-" + s.relation + "- " : " -" + s.relation + "-> ";
    out += store.entity(p->nodes[i + 1])->name;
  }
  return out;
}

std::string path(FakeStore& store, const char* from, const char* to, const PathOptions& opt) {
  auto p = shortest_path_in_store(store, id(from), id(to), opt);
  REQUIRE(p.ok());
  auto k = find_paths(store, id(from), id(to), opt);
  REQUIRE(k.ok());
  // find_paths's first path is shortest_path_in_store's.
  CHECK(show(store, k->empty() ? std::nullopt : std::optional<Path>(k->front())) ==
        show(store, *p));
  return show(store, *p);
}

FakeStore::Fact dated(const std::string& date, double confidence = 1.0) {
  FakeStore::Fact f;
  f.date = date;
  f.confidence = confidence;
  return f;
}

}  // namespace

TEST_CASE("Paths since and until a date walk only edges with a fact dated in the range",
          "[query]") {
  FakeStore store;
  store.add("A", "meet", "B", dated("1987-03-01"));
  store.add("B", "meet", "C", dated("1987-03-02"));
  store.add("A", "call", "C", dated("2020-01-01"));
  store.add("A", "praise", "D", dated(""));
  store.add("D", "praise", "C", dated(""));
  PathOptions opt;
  CHECK(path(store, "A", "C", opt) == "A -call-> C");
  opt.until = "1999-12-31";
  CHECK(path(store, "A", "C", opt) == "A -meet-> B -meet-> C");
  opt.until = "1987-03-01";
  CHECK(path(store, "A", "C", opt) == "none");
  opt.until.clear();
  opt.since = "2000-01-01";
  CHECK(path(store, "A", "C", opt) == "A -call-> C");
  opt.since = "1987-03-02";
  opt.until = "2019-12-31";
  CHECK(path(store, "A", "B", opt) == "none");
  // An undated fact is outside every range.
  opt.since = "1900-01-01";
  opt.until.clear();
  opt.k = 5;
  auto all = find_paths(store, id("A"), id("C"), opt);
  REQUIRE(all.ok());
  CHECK(all->size() == 2);
  opt.since.clear();
  all = find_paths(store, id("A"), id("C"), opt);
  REQUIRE(all.ok());
  CHECK(all->size() == 3);
}

TEST_CASE("A filtered path shows the parallel edge best supported by the facts that pass",
          "[query]") {
  FakeStore store;
  store.add("A", "meet", "B", dated("1987-03-01"));
  store.add("A", "meet", "B", dated("1987-03-02"));
  store.add("A", "call", "B", dated("2020-01-01", 0.9));
  store.add("B", "praise", "A", dated("2021-01-01", 0.2));
  store.add("B", "praise", "A", dated("2021-01-02", 0.3));
  PathOptions opt;
  CHECK(path(store, "A", "B", opt) == "A -meet-> B");
  opt.since = "2000-01-01";
  CHECK(path(store, "A", "B", opt) == "A <-praise- B");
  opt.min_confidence = 0.5;
  CHECK(path(store, "A", "B", opt) == "A -call-> B");
}

TEST_CASE("Paths with a minimum confidence walk only edges with a fact that confident", "[query]") {
  FakeStore store;
  store.add("A", "r", "B", dated("", 0.9));
  store.add("B", "r", "C", dated("", 0.3));
  store.add("B", "r", "C", dated("", 0.2));
  store.add("A", "s", "D", dated("", 0.8));
  store.add("D", "s", "E", dated("", 0.8));
  store.add("E", "s", "C", dated("", 0.1));
  store.add("E", "s", "C", dated("", 0.7));
  PathOptions opt;
  CHECK(path(store, "A", "C", opt) == "A -r-> B -r-> C");
  opt.min_confidence = 0.5;
  CHECK(path(store, "A", "C", opt) == "A -s-> D -s-> E -s-> C");
  opt.min_confidence = 0.75;
  CHECK(path(store, "A", "C", opt) == "none");
  // Both filters hold for one fact: a recent doubtful fact and an old sure one are no edge.
  FakeStore both;
  both.add("A", "r", "B", dated("1987-01-01", 0.9));
  both.add("A", "r", "B", dated("2020-01-01", 0.2));
  PathOptions recent_sure;
  recent_sure.since = "2000-01-01";
  recent_sure.min_confidence = 0.5;
  CHECK(path(both, "A", "B", recent_sure) == "none");
  recent_sure.min_confidence = 0.1;
  CHECK(path(both, "A", "B", recent_sure) == "A -r-> B");
}

TEST_CASE("Evidence filters read only the evidence of edges a search steps over, once each",
          "[query]") {
  FakeStore store;
  store.add("A", "r", "B", dated("1987-01-01"));
  store.add("B", "r", "Hub", dated("1987-01-01"));
  for (int i = 0; i < 50; ++i) store.add("Hub", "r", "L" + std::to_string(i), dated("1987-01-01"));
  PathOptions opt;
  opt.since = "1980-01-01";
  opt.k = 3;
  auto paths = find_paths(store, id("A"), id("Hub"), opt);
  REQUIRE(paths.ok());
  REQUIRE(paths->size() == 1);
  CHECK(show(store, paths->front()) == "A -r-> B -r-> Hub");
  CHECK(store.evidence_calls == 2);
  // Without evidence filters no evidence is read.
  store.evidence_calls = 0;
  opt.since.clear();
  REQUIRE(find_paths(store, id("A"), id("Hub"), opt).ok());
  CHECK(store.evidence_calls == 0);
}
