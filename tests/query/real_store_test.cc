// The query functions on the RocksDB store agree with the in-memory fake on the same facts.
#include <catch2/catch.hpp>
#include <filesystem>
#include <random>
#include <unistd.h>

#include "query/fake_store.h"
#include "query/query.h"

using namespace kg;
using kg::testing::FakeStore;
namespace fs = std::filesystem;

namespace {

struct Stores {
  FakeStore fake;
  std::unique_ptr<GraphWriter> real;
  fs::path dir;
  ~Stores() {
    real.reset();
    fs::remove_all(dir);
  }
};

// The same random graph in both stores: 40 facts over 12 entities, some negated, in 4 documents.
void fill(Stores& s, unsigned seed) {
  s.dir = fs::temp_directory_path() /
          ("kg_query_test_" + std::to_string(::getpid()) + "_" + std::to_string(seed));
  fs::remove_all(s.dir);
  auto opened = GraphWriter::open(s.dir.string());
  REQUIRE(opened.ok());
  s.real = std::move(*opened);
  std::mt19937 rng(seed);
  for (int d = 0; d < 4; ++d) {
    DocumentFacts doc;
    doc.id = "doc" + std::to_string(d);
    for (int i = 0; i < 10; ++i) {
      Triple t;
      t.doc = doc.id;
      t.subject = "E" + std::to_string(rng() % 12);
      t.object = "E" + std::to_string(rng() % 12);
      t.relation = rng() % 3 ? "meet" : "call";
      t.negated = rng() % 8 == 0;
      t.subject_type = t.object_type = "PERSON";
      t.sentence = i;
      t.text = t.subject + " " + t.relation + " " + t.object + ".";
      doc.triples.push_back(t);
    }
    s.fake.put_document(doc);
    REQUIRE(s.real->put_document(doc).ok());
  }
}

std::vector<std::string> names(GraphReader& store, const Path& p) {
  std::vector<std::string> out;
  for (EntityId id : p.nodes) out.push_back(store.entity(id)->name);
  return out;
}

}  // namespace

TEST_CASE("Paths and neighbours on the RocksDB store match the in-memory store", "[query]") {
  for (unsigned seed = 1; seed <= 5; ++seed) {
    Stores s;
    fill(s, seed);
    for (int a = 0; a < 12; ++a) {
      for (int b = 0; b < 12; b += 3) {
        std::string from = "E" + std::to_string(a), to = "E" + std::to_string(b);
        auto rf = resolve_entity(*s.real, from), ff = resolve_entity(s.fake, from);
        auto rt = resolve_entity(*s.real, to), ft = resolve_entity(s.fake, to);
        REQUIRE(rf.ok() == ff.ok());
        REQUIRE(rt.ok() == ft.ok());
        if (!rf.ok() || !rt.ok()) continue;
        INFO("seed " << seed << ": " << from << " -> " << to);
        for (bool directed : {false, true}) {
          PathOptions opt;
          opt.directed = directed;
          opt.k = 4;
          opt.via_concepts = true;  // the fake does not tell concepts apart
          auto real = find_paths(*s.real, rf->id, rt->id, opt);
          auto fake = find_paths(s.fake, ff->id, ft->id, opt);
          REQUIRE(real.ok());
          REQUIRE(fake.ok());
          REQUIRE(real->size() == fake->size());
          for (size_t i = 0; i < real->size(); ++i) {
            CHECK((*real)[i].hops() == (*fake)[i].hops());
          }
          if (!real->empty()) {
            // Ties may pick different paths of the same length; the ends always agree.
            CHECK(names(*s.real, real->front()).front() == from);
            CHECK(names(*s.real, real->front()).back() == to);
          }
        }
        auto rn = neighbors(*s.real, *rf, {});
        auto fn = neighbors(s.fake, *ff, {});
        REQUIRE(rn.ok());
        REQUIRE(fn.ok());
        REQUIRE(rn->size() == fn->size());
        for (size_t i = 0; i < rn->size(); ++i) {
          CHECK((*rn)[i].edge.count == (*fn)[i].edge.count);
          CHECK((*rn)[i].other.name == (*fn)[i].other.name);
          CHECK((*rn)[i].edge.relation_label == (*fn)[i].edge.relation_label);
          CHECK((*rn)[i].outgoing == (*fn)[i].outgoing);
        }
      }
    }
  }
}
