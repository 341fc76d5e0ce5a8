#include <catch2/catch.hpp>

#include <map>
#include <random>

#include "store/rocks_store.h"
#include "store/verify.h"
#include "test_util.h"

using namespace kg;
using kg::test::doc_of;
using kg::test::fact;
using kg::test::TempDir;

namespace {

const char* const kNames[] = {"Alice", "Bob", "Carol", "Dave", "Eve", "ACME", "Paris", "Berlin"};
const char* const kSurfaces[] = {"", "", "she", "the company", "ALICE", "Mr Bob", "bob"};
const char* const kRelations[] = {"meet", "buy", "visit", "agree to"};

DocumentFacts random_doc(std::mt19937& rng, const std::string& id) {
  std::uniform_int_distribution<int> n_facts(0, 6), name(0, 7), surface(0, 6), rel(0, 3), coin(0, 3);
  std::vector<Triple> triples;
  int n = n_facts(rng);
  for (int i = 0; i < n; ++i) {
    Triple t = fact(id, kNames[name(rng)], kRelations[rel(rng)], kNames[name(rng)],
                    kSurfaces[surface(rng)], kSurfaces[surface(rng)]);
    t.negated = coin(rng) == 0;
    if (coin(rng) == 0) t.subject_type.clear();
    triples.push_back(std::move(t));
  }
  return doc_of(id, std::move(triples));
}

// The facts the store should hold: doc id -> (subject, relation, object, negated) multiset.
using Model = std::map<std::string, std::multiset<std::string>>;

std::multiset<std::string> facts_of(const DocumentFacts& d) {
  std::multiset<std::string> out;
  for (const auto& t : d.triples) {
    out.insert(t.subject + "|" + t.relation + "|" + t.object + (t.negated ? "|!" : ""));
  }
  return out;
}

}  // namespace

TEST_CASE("Counts and indexes match the evidence after random adds, replaces and removes",
          "[store]") {
  TempDir dir;
  store::StoreOptions options;
  bool pipelined = false;
  int steps = 300;
  SECTION("write batches") { options.bulk_min_triples = size_t{1} << 40; }
  // Every bulk write syncs its files: fewer steps keep the test quick.
  SECTION("bulk SST files") {
    options.bulk_min_triples = 1;
    steps = 50;
  }
  SECTION("both, pipelined") {
    options.bulk_min_triples = 8;
    pipelined = true;
    steps = 80;
  }
  auto opened = store::RocksGraphStore::open(dir.str(), OpenMode::kReadWrite, options);
  REQUIRE(opened.ok());
  auto g = std::move(opened).value();
  std::mt19937 rng(1234);
  std::uniform_int_distribution<int> pick_doc(0, 9), op(0, 9);
  Model model;
  std::map<std::string, DocumentFacts> current;
  for (int step = 0; step < steps; ++step) {
    std::string id = "doc" + std::to_string(pick_doc(rng));
    int o = op(rng);
    if (o < 2) {
      bool existed = current.erase(id) > 0;
      model.erase(id);
      CHECK(g->remove_document(id).value() == existed);
    } else if (o < 3 && current.count(id)) {
      CHECK(g->put_document(current[id]).value() == PutOutcome::kUnchanged);
    } else if (o < 5) {
      // Several documents in one batch.
      std::vector<DocumentFacts> batch;
      for (int k = 0; k < 3; ++k) {
        std::string bid = "doc" + std::to_string((pick_doc(rng) + k) % 10);
        bool dup = false;
        for (const auto& b : batch) dup |= b.id == bid;
        if (dup) continue;
        batch.push_back(random_doc(rng, bid));
      }
      if (pipelined) {
        REQUIRE(g->put_documents_pipelined(batch).ok());
      } else {
        REQUIRE(g->put_documents(batch).ok());
      }
      for (const auto& b : batch) {
        current[b.id] = b;
        model[b.id] = facts_of(b);
      }
    } else {
      auto d = random_doc(rng, id);
      bool existed = current.count(id) > 0;
      auto outcome = g->put_document(d).value();
      if (!existed) CHECK(outcome == PutOutcome::kAdded);
      current[id] = d;
      model[id] = facts_of(d);
    }
    if (step % 10 == 0) {
      Status s = store::verify_consistency(*g);
      INFO(s.message());
      REQUIRE(s.ok());
    }
  }
  Status s = store::verify_consistency(*g);
  INFO(s.message());
  REQUIRE(s.ok());

  // Totals agree with an independent model of the documents.
  size_t facts = 0;
  for (const auto& [id, f] : model) facts += f.size();
  auto st = g->stats().value();
  CHECK(st.documents == model.size());
  CHECK(st.facts == facts);
  uint64_t edge_sum = 0;
  REQUIRE(g->for_each_edge([&](const EdgeInfo& e) { edge_sum += e.count; }).ok());
  CHECK(edge_sum == facts);

  // Compaction drops zero counters without changing any read.
  auto before = g->entities("", 0).value();
  // The first compaction merges operands into values; the filter sees those values in the next.
  rocksdb::CompactRangeOptions force;
  force.bottommost_level_compaction = rocksdb::BottommostLevelCompaction::kForce;
  for (int round = 0; round < 2; ++round) {
    for (int cf = 0; cf < store::kCfCount; ++cf) {
      REQUIRE(g->db()->CompactRange(force, g->cf(cf), nullptr, nullptr).ok());
    }
  }
  s = store::verify_consistency(*g);
  INFO(s.message());
  REQUIRE(s.ok());
  auto after = g->entities("", 0).value();
  REQUIRE(before.size() == after.size());
  for (size_t i = 0; i < before.size(); ++i) {
    CHECK(before[i].id == after[i].id);
    CHECK(before[i].mentions == after[i].mentions);
    CHECK(before[i].aliases == after[i].aliases);
  }
  size_t zero_counters = 0;
  std::unique_ptr<rocksdb::Iterator> it(
      g->db()->NewIterator(store::RocksGraphStore::full_scan(), g->cf(store::kCfOutEdges)));
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    zero_counters += store::decode_count(it->value().ToStringView()) == 0;
  }
  CHECK(zero_counters == 0);
}

TEST_CASE("The consistency check notices a counter that disagrees with the evidence", "[store]") {
  TempDir dir;
  auto g = store::RocksGraphStore::open(dir.str(), OpenMode::kReadWrite).value();
  REQUIRE(g->put_document(doc_of("d1", {fact("d1", "A", "r", "B")})).ok());
  REQUIRE(store::verify_consistency(*g).ok());
  auto a = g->find_entity("A").value().value();
  REQUIRE(g->db()
              ->Merge(rocksdb::WriteOptions(), g->cf(store::kCfMentions),
                      store::mentions_key(a.id), store::encode_count(1))
              .ok());
  Status s = store::verify_consistency(*g);
  CHECK(s.code() == ErrorCode::kCorruption);
  CHECK(s.message().find("expected 1, stored 2") != std::string::npos);
}
