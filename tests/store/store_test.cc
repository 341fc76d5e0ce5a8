#include <catch2/catch.hpp>

#include <atomic>
#include <thread>

#include "common/hash.h"
#include "store/rocks_store.h"
#include "store/verify.h"
#include "test_util.h"

using namespace kg;
using kg::test::doc_of;
using kg::test::fact;
using kg::test::TempDir;

namespace {

std::unique_ptr<store::RocksGraphStore> open_rw(const TempDir& dir, store::StoreOptions o = {}) {
  auto s = store::RocksGraphStore::open(dir.str(), OpenMode::kReadWrite, std::move(o));
  REQUIRE(s.ok());
  return std::move(s).value();
}

EntityInfo must_find(GraphReader& g, std::string_view name) {
  auto e = g.find_entity(name);
  REQUIRE(e.ok());
  REQUIRE(e->has_value());
  return **e;
}

}  // namespace

TEST_CASE("A stored document's facts are readable as entities, edges and evidence", "[store]") {
  TempDir dir;
  auto g = open_rw(dir);
  auto d = doc_of("d1", {fact("d1", "Joe Biden", "agree to", "Congress", "Biden", "Congress"),
                         fact("d1", "Joe Biden", "visit", "Paris", "the president", "")});
  d.triples[1].object_type = "LOC";
  d.triples[1].span = std::make_pair(size_t{5}, size_t{30});
  d.triples[1].confidence = 0.5;
  REQUIRE(g->put_document(d).value() == PutOutcome::kAdded);

  auto st = g->stats().value();
  CHECK(st.documents == 1);
  CHECK(st.entities == 3);
  CHECK(st.relations == 2);
  CHECK(st.edges == 2);
  CHECK(st.facts == 2);

  EntityInfo biden = must_find(*g, "joe BIDEN");
  CHECK(biden.name == "Joe Biden");
  CHECK(biden.type == "PERSON");
  CHECK(biden.mentions == 2);
  // A role noun links the fact to him but is not one of his names.
  CHECK(biden.aliases == std::vector<std::string>{"Biden"});
  CHECK_FALSE(g->find_entity("the President").value().has_value());

  auto out = g->edges_of(biden.id, Direction::kOut).value();
  REQUIRE(out.size() == 2);
  auto in = g->edges_of(biden.id, Direction::kIn).value();
  CHECK(in.empty());
  EntityInfo paris = must_find(*g, "paris");
  CHECK(paris.type == "LOC");
  auto paris_in = g->edges_of(paris.id, Direction::kBoth).value();
  REQUIRE(paris_in.size() == 1);
  CHECK(paris_in[0].relation_label == "visit");
  CHECK(paris_in[0].subject == biden.id);
  CHECK(paris_in[0].count == 1);
  auto ev = g->evidence(paris_in[0], 0).value();
  REQUIRE(ev.size() == 1);
  CHECK(ev[0].doc == "d1");
  CHECK(ev[0].confidence == 0.5);
  CHECK(ev[0].span == std::make_pair(size_t{5}, size_t{30}));
  CHECK(store::verify_consistency(*g).ok());
}

TEST_CASE("Re-putting the same document changes nothing", "[store]") {
  TempDir dir;
  auto g = open_rw(dir);
  auto d = doc_of("d1", {fact("d1", "A", "r", "B"), fact("d1", "A", "r", "B")});
  REQUIRE(g->put_document(d).value() == PutOutcome::kAdded);
  REQUIRE(g->put_document(d).value() == PutOutcome::kUnchanged);
  auto st = g->stats().value();
  CHECK(st.documents == 1);
  CHECK(st.facts == 2);
  CHECK(st.edges == 1);
  auto a = must_find(*g, "a");
  CHECK(a.mentions == 2);
  CHECK(g->edges_of(a.id, Direction::kOut).value().at(0).count == 2);
  auto stored = g->document("d1").value();
  REQUIRE(stored.has_value());
  CHECK(g->has_document("d1", stored->content_hash).value());
  CHECK_FALSE(g->has_document("d1", "other").value());
  CHECK_FALSE(g->has_document("nope", stored->content_hash).value());
  CHECK(store::verify_consistency(*g).ok());
}

TEST_CASE("An explicit content hash decides whether a document changed", "[store]") {
  TempDir dir;
  auto g = open_rw(dir);
  auto d = doc_of("d1", {fact("d1", "A", "r", "B")});
  d.content_hash = "h1";
  REQUIRE(g->put_document(d).value() == PutOutcome::kAdded);
  d.triples.push_back(fact("d1", "C", "r", "B"));
  CHECK(g->put_document(d).value() == PutOutcome::kUnchanged);  // same hash: trusted
  d.content_hash = "h2";
  CHECK(g->put_document(d).value() == PutOutcome::kReplaced);
  CHECK(g->stats().value().facts == 2);
}

TEST_CASE("Replacing a document swaps its facts and removing retracts them", "[store]") {
  TempDir dir;
  auto g = open_rw(dir);
  REQUIRE(g->put_document(doc_of("d1", {fact("d1", "A", "r", "B", "Mr A")})).ok());
  REQUIRE(g->put_document(doc_of("d2", {fact("d2", "A", "r", "B")})).ok());
  REQUIRE(g->put_document(doc_of("d1", {fact("d1", "A", "s", "C")})).value() ==
          PutOutcome::kReplaced);
  auto a = must_find(*g, "A");
  CHECK(a.mentions == 2);
  CHECK(a.aliases.empty());  // "Mr A" went with the old version of d1
  CHECK_FALSE(g->find_entity("mr a").value().has_value());
  auto out = g->edges_of(a.id, Direction::kOut).value();
  REQUIRE(out.size() == 2);
  for (const auto& e : out) CHECK(e.count == 1);
  CHECK(store::verify_consistency(*g).ok());

  CHECK(g->remove_document("d2").value());
  CHECK_FALSE(g->remove_document("d2").value());
  CHECK_FALSE(g->find_entity("B").value().has_value());  // zero mentions: gone from reads
  out = g->edges_of(a.id, Direction::kOut).value();
  REQUIRE(out.size() == 1);
  CHECK(out[0].relation_label == "s");
  auto st = g->stats().value();
  CHECK(st.documents == 1);
  CHECK(st.entities == 2);
  CHECK(st.edges == 1);
  CHECK(st.relations == 1);
  CHECK(st.facts == 1);
  size_t n_entities = 0;
  REQUIRE(g->for_each_entity([&](const EntityInfo&) { ++n_entities; }).ok());
  CHECK(n_entities == 2);
  CHECK(store::verify_consistency(*g).ok());
}

TEST_CASE("find_entity picks the most mentioned of several matches", "[store]") {
  TempDir dir;
  auto g = open_rw(dir);
  auto t1 = fact("d1", "Apple", "sell", "iPhone");
  t1.subject_type = "ORG";
  auto t2 = fact("d1", "Apple", "grow on", "tree");
  t2.subject_type = "CONCEPT";
  auto t3 = fact("d1", "Apple", "hire", "Tim Cook");
  t3.subject_type = "ORG";
  REQUIRE(g->put_document(doc_of("d1", {t1, t2, t3})).ok());
  auto apple = must_find(*g, "APPLE");
  CHECK(apple.type == "ORG");
  CHECK(apple.mentions == 2);
  CHECK(g->entities("apple", 0).value().size() == 2);
}

TEST_CASE("A triple without entity types stores them as MISC", "[store]") {
  TempDir dir;
  auto g = open_rw(dir);
  auto t = fact("d1", "Acme", "buy", "Widgets");
  t.subject_type.clear();
  t.object_type.clear();
  REQUIRE(g->put_document(doc_of("d1", {t})).ok());
  CHECK(must_find(*g, "acme").type == "MISC");
  auto t2 = t;
  t2.doc = "d2";
  t2.subject_type = "MISC";
  REQUIRE(g->put_document(doc_of("d2", {t2})).ok());
  CHECK(must_find(*g, "acme").mentions == 2);  // the same entity
}

TEST_CASE("One name is one named entity whatever types its mentions carry, the type is voted",
          "[store]") {
  TempDir dir;
  auto g = open_rw(dir);
  // "Apple" typed LOC once and ORG twice, in two documents and in one: one node, typed ORG, with
  // the votes kept; the concept "apple" stays another entity.
  auto a1 = fact("d1", "Apple", "open", "store");
  a1.subject_type = "LOC";
  auto a2 = fact("d2", "Apple", "hire", "Tim Cook");
  a2.subject_type = "ORG";
  auto a3 = fact("d2", "Apple", "sell", "iPhone");
  a3.subject_type = "ORG";
  auto fruit = fact("d2", "apple", "grow on", "tree");
  fruit.subject_type = "CONCEPT";
  REQUIRE(g->put_document(doc_of("d1", {a1})).ok());
  REQUIRE(g->put_document(doc_of("d2", {a2, a3, fruit})).ok());
  std::vector<EntityInfo> apples = g->entities("apple", 0).value();
  REQUIRE(apples.size() == 2);
  const EntityInfo& company = apples[0];
  CHECK(company.name == "Apple");
  CHECK(company.type == "ORG");
  CHECK(company.mentions == 3);
  CHECK(company.type_votes ==
        std::vector<std::pair<std::string, uint64_t>>{{"ORG", 2}, {"LOC", 1}});
  CHECK(apples[1].type == "CONCEPT");
  // Each document reads back with its own types, and the counts check out.
  CHECK(g->document("d1").value()->triples[0].subject_type == "LOC");
  CHECK(g->document("d2").value()->triples[1].subject_type == "ORG");
  CHECK(store::verify_consistency(*g).ok());
  // Retracting the ORG document leaves the LOC vote.
  REQUIRE(g->remove_document("d2").value());
  CHECK(must_find(*g, "apple").type == "LOC");
  CHECK(store::verify_consistency(*g).ok());
}

TEST_CASE("A pronoun or a lowercase role noun is never an alias or a lookup key", "[store]") {
  TempDir dir;
  auto g = open_rw(dir);
  auto d = doc_of("d1", {fact("d1", "Ronald Reagan", "sign", "bill", "He", "bill"),
                         fact("d1", "Ronald Reagan", "veto", "plan", "the president", "plan"),
                         fact("d1", "Ronald Reagan", "meet", "Congress", "Reagan", "it"),
                         fact("d1", "company", "buy", "Acme", "they", "Acme Corp.")});
  d.triples[3].subject_type = "CONCEPT";
  REQUIRE(g->put_document(d).ok());
  EntityInfo reagan = must_find(*g, "reagan");
  CHECK(reagan.aliases == std::vector<std::string>{"Reagan"});
  CHECK(reagan.mentions == 3);
  for (const char* key : {"he", "He", "the president", "it", "they"}) {
    INFO(key);
    CHECK_FALSE(g->find_entity(key).value().has_value());
  }
  CHECK(must_find(*g, "acme corp.").name == "Acme");
  CHECK(store::verify_consistency(*g).ok());
}

TEST_CASE("suggest offers close names for a misspelt one", "[store]") {
  TempDir dir;
  auto g = open_rw(dir);
  REQUIRE(g->put_document(doc_of("d1", {fact("d1", "Joe Biden", "meet", "Xi Jinping"),
                                        fact("d1", "Joe Biden", "meet", "Bill Burns")}))
              .ok());
  auto s = g->suggest("Joe Bidn", 3).value();
  REQUIRE_FALSE(s.empty());
  CHECK(s[0] == "Joe Biden");
  auto s2 = g->suggest("biden", 3).value();
  REQUIRE_FALSE(s2.empty());
  CHECK(s2[0] == "Joe Biden");
  CHECK(g->suggest("zzzzzzzzzz", 3).value().empty());
}

TEST_CASE("entities() filters by substring and orders by mentions", "[store]") {
  TempDir dir;
  auto g = open_rw(dir);
  REQUIRE(g->put_document(doc_of("d1", {fact("d1", "Joe Biden", "meet", "Hunter Biden"),
                                        fact("d1", "Joe Biden", "meet", "Jill Biden"),
                                        fact("d1", "Kamala Harris", "meet", "Jill Biden")}))
              .ok());
  auto all = g->entities("", 0).value();
  REQUIRE(all.size() == 4);
  CHECK(all[0].mentions == 2);
  auto bidens = g->entities("BIDEN", 2).value();
  REQUIRE(bidens.size() == 2);
  CHECK(bidens[0].name == "Jill Biden");  // ties on mentions break by name
  CHECK(bidens[1].name == "Joe Biden");
}

TEST_CASE("A hash collision is detected and resolved by probing", "[store]") {
  TempDir dir;
  store::StoreOptions o;
  // Every key hashes to the same id at salt 0; salts then spread them.
  o.hash = [](std::string_view key, uint64_t salt) {
    return salt == 0 ? uint64_t{42} : kg::hash64(key, salt);
  };
  {
    auto g = open_rw(dir, o);
    auto t = fact("d1", "Alice", "know", "Bob");
    t.object_type = "PERSON";
    REQUIRE(g->put_document(doc_of("d1", {t})).ok());
    auto alice = must_find(*g, "alice");
    auto bob = must_find(*g, "bob");
    CHECK(alice.id != bob.id);
    CHECK(alice.id == 42);  // first come keeps the plain hash
    CHECK(alice.name == "Alice");
    CHECK(bob.name == "Bob");
    CHECK(g->edges_of(alice.id, Direction::kOut).value().at(0).object == bob.id);
    CHECK(store::verify_consistency(*g).ok());
  }
  // A new process resolves the same names to the same ids from the stored records.
  auto g = open_rw(dir, o);
  auto t = fact("d2", "Bob", "know", "Alice");
  t.object_type = "PERSON";
  REQUIRE(g->put_document(doc_of("d2", {t})).ok());
  CHECK(must_find(*g, "bob").mentions == 2);
  CHECK(must_find(*g, "alice").id == 42);
  CHECK(g->stats().value().entities == 2);
  CHECK(store::verify_consistency(*g).ok());
}

TEST_CASE("put_documents writes several documents at once", "[store]") {
  TempDir dir;
  auto g = open_rw(dir);
  std::vector<DocumentFacts> docs{doc_of("d1", {fact("d1", "A", "r", "B")}),
                                  doc_of("d2", {fact("d2", "A", "r", "C")})};
  auto out = g->put_documents(docs).value();
  CHECK(out == std::vector<PutOutcome>{PutOutcome::kAdded, PutOutcome::kAdded});
  docs.push_back(doc_of("d1", {}));
  CHECK(g->put_documents(docs).status().code() == ErrorCode::kInvalidInput);
  docs.pop_back();
  docs[1].triples.push_back(fact("d2", "A", "r", "D"));
  out = g->put_documents(docs).value();
  CHECK(out == std::vector<PutOutcome>{PutOutcome::kUnchanged, PutOutcome::kReplaced});
  CHECK(store::verify_consistency(*g).ok());
}

TEST_CASE("An invalid document writes nothing", "[store]") {
  TempDir dir;
  auto g = open_rw(dir);
  auto bad = doc_of("d1", {fact("d1", "A", "r", "B"), fact("d1", "  ", "r", "B")});
  auto r = g->put_document(bad);
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().code() == ErrorCode::kInvalidInput);
  CHECK(r.status().message().find("d1") != std::string::npos);
  CHECK(g->stats().value().documents == 0);
  CHECK_FALSE(g->find_entity("A").value().has_value());
  // The ids the failed batch claimed are not cached: the entity is written by the next put.
  REQUIRE(g->put_document(doc_of("d2", {fact("d2", "A", "r", "B")})).ok());
  CHECK(must_find(*g, "A").mentions == 1);
  CHECK(store::verify_consistency(*g).ok());
}

TEST_CASE("document() rebuilds the stored facts", "[store]") {
  TempDir dir;
  auto g = open_rw(dir);
  auto t = fact("d1", "A", "r", "B", "a", "the B");
  t.attribution = "Reuters";
  t.args = {{"in", "May"}};
  auto d = doc_of("d1", {t});
  d.title = "Title";
  REQUIRE(g->put_document(d).ok());
  auto back = g->document("d1").value();
  REQUIRE(back.has_value());
  CHECK(back->title == "Title");
  REQUIRE(back->triples.size() == 1);
  const Triple& b = back->triples[0];
  CHECK(b.subject == "A");
  CHECK(b.object_text == "the B");
  CHECK(b.attribution == std::optional<std::string>("Reuters"));
  REQUIRE(b.args.size() == 1);
  CHECK(b.args[0].text == "May");
  CHECK_FALSE(g->document("none").value().has_value());
}

TEST_CASE("Readers may run while the writer writes", "[store]") {
  TempDir dir;
  store::StoreOptions o;
  o.bulk_min_triples = 20;  // some batches take the bulk path
  auto g = open_rw(dir, o);
  std::atomic<bool> done{false};
  std::atomic<int> seen{0};
  std::vector<std::thread> readers;
  for (int r = 0; r < 2; ++r) {
    readers.emplace_back([&] {
      while (!done) {
        auto has = g->has_document("d0", "nope");
        CHECK(has.ok());
        auto e = g->find_entity("A");
        CHECK(e.ok());
        if (e.ok() && e->has_value()) ++seen;
      }
    });
  }
  for (int i = 0; i < 30; ++i) {
    std::vector<DocumentFacts> docs;
    for (int k = 0; k < 3; ++k) {
      std::string id = "d" + std::to_string(i * 3 + k);
      std::vector<Triple> ts;
      for (int t = 0; t < 8; ++t) ts.push_back(fact(id, "A", std::string(1, char('a' + t)), "B"));
      docs.push_back(doc_of(id, ts));
    }
    REQUIRE(g->put_documents_pipelined(docs).ok());
  }
  REQUIRE(g->sync().ok());
  done = true;
  for (auto& t : readers) t.join();
  CHECK(g->stats().value().facts == 30 * 3 * 8);
  CHECK(store::verify_consistency(*g).ok());
}

TEST_CASE("A document's mentions are stored with it and name the nodes its facts name now",
          "[store]") {
  TempDir dir;
  auto g = open_rw(dir);
  auto d = doc_of("d1", {fact("d1", "Baker", "meet", "Paul Volcker", "Baker", "Volcker")});
  d.mentions = {{0, 0, 5, "Baker", "Baker", "PERSON"},
                {0, 15, 22, "Volcker", "Paul Volcker", "PERSON"},
                {1, 40, 58, "the Reagan cabinet", "Ronald Reagan", "PERSON"}};
  REQUIRE(g->put_document(d).value() == PutOutcome::kAdded);
  // Corpus-level linking renames a side; the mentions follow the facts.
  d.triples[0].subject_local = "Baker";
  d.triples[0].subject = "James Baker";
  REQUIRE(g->rewrite_documents(std::span(&d, 1)).ok());

  auto stored = g->document("d1").value();
  REQUIRE(stored.has_value());
  REQUIRE(stored->mentions.size() == 3);
  CHECK(stored->mentions[0].text == "Baker");
  CHECK(stored->mentions[2].start == 40);
  CHECK(stored->mentions[2].end == 58);
  CHECK(stored->mentions[2].sentence == 1);
  CHECK(stored->mentions[2].text == "the Reagan cabinet");
  CHECK(stored->mentions[2].entity == "Ronald Reagan");
  CHECK(mention_nodes(*stored) ==
        std::vector<std::string>{"James Baker", "Paul Volcker", "Ronald Reagan"});
  // Mentions are not counted: Ronald Reagan, in no fact, is no node.
  CHECK_FALSE(g->find_entity("Ronald Reagan").value().has_value());
}

TEST_CASE("A literal value is stored apart from entities and is never a node to walk through",
          "[store]") {
  TempDir dir;
  auto g = open_rw(dir);
  auto a = fact("d1", "profit", "rise", "5 pct");
  a.subject_type = "CONCEPT";
  a.object_type = "PERCENT";
  auto b = fact("d1", "Acme", "raise price", "5 pct");
  b.subject_type = "ORG";
  b.object_type = "PERCENT";
  auto named = fact("d1", "Acme", "hire", "Jane Roe");
  named.subject_type = "ORG";
  named.object_type = "PERSON";
  // A name spelt like the value is another entity.
  auto other = fact("d1", "Jane Roe", "like", "5 Pct");
  other.subject_type = "PERSON";
  other.object_type = "MISC";
  REQUIRE(g->put_document(doc_of("d1", {a, b, named, other})).ok());
  auto st = g->stats().value();
  CHECK(st.entities == 4);  // profit, Acme, Jane Roe, the name "5 Pct"
  CHECK(st.values == 1);
  CHECK(st.edges == 2);
  CHECK(st.value_edges == 2);
  CHECK(st.facts == 4);
  std::vector<EntityInfo> found = g->entities("5 pct", 0).value();
  REQUIRE(found.size() == 2);
  int values = 0;
  for (const EntityInfo& e : found) {
    if (is_value_id(e.id)) {
      ++values;
      CHECK(e.type == "PERCENT");
      CHECK(e.mentions == 2);
      CHECK(e.aliases.empty());
    } else {
      CHECK(e.type == "MISC");
    }
  }
  CHECK(values == 1);
  CHECK_FALSE(is_value_id(must_find(*g, "Acme").id));
  CHECK(store::verify_consistency(*g).ok());
  // Retracting the document retracts the value with its facts.
  REQUIRE(g->remove_document("d1").value());
  CHECK(g->stats().value().values == 0);
  CHECK(store::verify_consistency(*g).ok());
}
