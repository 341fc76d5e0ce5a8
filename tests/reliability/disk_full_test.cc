// Disk full and I/O errors: a write that fails (a fault-injecting RocksDB file system in-process,
// a file size limit on the kg tool) stops cleanly with one clear message, leaves a consistent
// database, and the next run continues to exactly the graph of a clean run.
#include <catch2/catch.hpp>

#include "child.h"
#include "fault_fs.h"
#include "graph_check.h"

namespace kg::test {
namespace {

// `n` documents of 3-12 facts over a small pool of names (they share entities and edges).
std::vector<DocumentFacts> documents(size_t n) {
  static const char* names[] = {"Maria Lopez", "John Carter", "Acme Corp", "Globex",
                                "Aiko Tanaka", "Paris",       "Berlin",    "Initech"};
  static const char* relations[] = {"meet", "criticize", "sign agreement with", "visit"};
  std::mt19937 rng(11);
  std::vector<DocumentFacts> docs;
  for (size_t i = 0; i < n; ++i) {
    DocumentFacts d;
    d.id = "doc" + std::to_string(i);
    d.title = "Report " + std::to_string(i);
    const size_t facts = 3 + rng() % 10;
    for (size_t k = 0; k < facts; ++k) {
      Triple t;
      t.doc = d.id;
      t.subject = names[rng() % 8];
      t.object = names[rng() % 8];
      t.relation = relations[rng() % 4];
      t.subject_type = "PERSON";
      t.object_type = k % 2 ? "ORG" : "LOC";
      t.sentence = static_cast<int>(k);
      t.text = t.subject + " did " + t.relation + " " + t.object + " (" + d.id + ", fact " +
               std::to_string(k) + "). " + std::string(rng() % 400, 'x');
      t.confidence = 0.5 + 0.05 * static_cast<double>(k % 10);
      d.triples.push_back(std::move(t));
    }
    docs.push_back(std::move(d));
  }
  return docs;
}

// Every edge and entity of a store, as sorted strings.
std::vector<std::string> graph_dump(store::RocksGraphStore& s) {
  std::vector<std::string> out;
  REQUIRE(s.for_each_edge([&](const EdgeInfo& e) {
             out.push_back(std::to_string(e.subject) + " " + e.relation_label + " " +
                           std::to_string(e.object) + " " + std::to_string(e.count));
           }).ok());
  REQUIRE(s.for_each_entity([&](const EntityInfo& e) {
             out.push_back(e.name + "/" + e.type + " " + std::to_string(e.mentions));
           }).ok());
  std::sort(out.begin(), out.end());
  return out;
}

struct Fault {
  const char* what;
  int64_t budget;      // bytes written before the disk is full
  int64_t syncs_left;  // syncs that succeed
};

}  // namespace

TEST_CASE(
    "A store write hitting a full disk or a failed sync stops cleanly, and reopened the store "
    "is consistent and continues",
    "[reliability]") {
  const std::vector<DocumentFacts> docs = documents(120);
  const fs::path dir = scratch("disk_full");
  std::vector<std::string> reference;
  std::map<std::string, FactLines> reference_docs;
  {
    auto ref = store::RocksGraphStore::open((dir / "ref").string(), OpenMode::kReadWrite);
    REQUIRE(ref.ok());
    for (const auto& d : docs) REQUIRE((*ref)->put_document(d).ok());
    reference = graph_dump(**ref);
    for (const auto& d : docs) reference_docs[d.id] = fact_lines(*(*ref)->document(d.id).value());
  }

  int scenario = 0;
  size_t failed_writes = 0;
  for (Fault f :
       {Fault{"disk full at once", 0, INT64_MAX}, Fault{"disk full", 1500, INT64_MAX},
        Fault{"disk full", 9000, INT64_MAX}, Fault{"disk full", 40000, INT64_MAX},
        Fault{"disk full", 120000, INT64_MAX}, Fault{"disk full", 400000, INT64_MAX},
        Fault{"first sync fails", INT64_MAX, 0}, Fault{"third sync fails", INT64_MAX, 2}}) {
    const std::string db = (dir / ("db" + std::to_string(scenario++))).string();
    INFO(f.what << " after " << f.budget << " bytes");
    auto state = std::make_shared<FaultState>();
    std::vector<std::string> written;
    Status failure;
    {
      store::StoreOptions o;
      o.env = faulty_env(state);
      auto s = store::RocksGraphStore::open(db, OpenMode::kReadWrite, std::move(o));
      REQUIRE(s.ok());
      state->budget = f.budget;
      state->syncs_left = f.syncs_left;
      state->armed = true;
      for (size_t i = 0; i < docs.size() && failure.ok(); ++i) {
        auto put = (*s)->put_document(docs[i]);
        if (!put.ok()) {
          failure = put.status();
          break;
        }
        written.push_back(docs[i].id);
        // A read through the writer flushes the memtables: SST files are written and synced.
        if (i % 15 == 14) {
          auto read = (*s)->document(docs[0].id);
          if (!read.ok()) failure = read.status();
        }
      }
      INFO(failure.message());
      REQUIRE_FALSE(failure.ok());
      CHECK(failure.code() == ErrorCode::kIo);
      CHECK(failure.message().rfind("database " + db + ": ", 0) == 0);
      CHECK(failure.message().find("injected") != std::string::npos);
      CHECK(failure.message().find('\n') == std::string::npos);
      ++failed_writes;
    }  // closed with the faults still on: its last flush fails too

    // Reopened on a healthy disk: consistent, every acknowledged document whole, then continues.
    auto s = store::RocksGraphStore::open(db, OpenMode::kReadWrite);
    INFO((s.ok() ? "" : s.status().message()));
    REQUIRE(s.ok());
    CHECK(store::verify_consistency(**s).ok());
    size_t present = 0;
    for (const auto& d : docs) {
      auto got = (*s)->document(d.id);
      REQUIRE(got.ok());
      const bool acknowledged = std::find(written.begin(), written.end(), d.id) != written.end();
      if (acknowledged) REQUIRE(got->has_value());
      if (got->has_value()) {
        ++present;
        CHECK(fact_lines(**got) == reference_docs[d.id]);
      }
    }
    CHECK(present >= written.size());
    CHECK(present <= written.size() + 1);  // the failed write: wholly there or not at all
    size_t unchanged = 0;
    for (const auto& d : docs) {
      auto put = (*s)->put_document(d);
      REQUIRE(put.ok());
      if (*put == PutOutcome::kUnchanged) ++unchanged;
    }
    CHECK(unchanged == present);
    CHECK(store::verify_consistency(**s).ok());
    CHECK(graph_dump(**s) == reference);
  }
  CHECK(failed_writes == 8);
}

TEST_CASE(
    "kg build over a file size limit stops with one clear line, and the next run completes the "
    "clean graph",
    "[reliability]") {
  const fs::path dir = scratch("file_limit");
  const std::vector<std::string> corpus = news_corpus(150, 3);
  write_lines(dir / "all.jsonl", corpus);
  write_lines(dir / "first.jsonl", corpus, 0, 20);
  std::vector<std::string> ids;
  for (size_t i = 0; i < corpus.size(); ++i) {
    ids.push_back(doc_id(i));
  }
  const std::string clean = (dir / "clean").string(), db = (dir / "db").string();
  REQUIRE(run_kg_child({"build", "--db", clean, (dir / "all.jsonl").string()}, dir).exit.code == 0);
  auto clean_docs = stored_documents(clean, ids);
  REQUIRE(clean_docs.ok());

  REQUIRE(run_kg_child({"build", "--db", db, (dir / "first.jsonl").string()}, dir).exit.code == 0);
  // Every file kg writes may grow to 96 KiB: the write-ahead log outgrows it mid-build.
  ChildOptions limit;
  limit.max_file_bytes = 96 << 10;
  Ran limited = run_kg_child({"build", "--db", db, (dir / "all.jsonl").string()}, dir, limit);
  INFO(limited.out << limited.err);
  CHECK_FALSE(limited.exit.signaled);
  CHECK(limited.exit.code == 1);
  CHECK(limited.err.rfind("kg build: database " + db + ": writing: ", 0) == 0);
  CHECK(limited.err.find("File too large") != std::string::npos);
  CHECK(std::count(limited.err.begin(), limited.err.end(), '\n') == 1);

  DbCheck check = check_db(db, ids, *clean_docs);
  INFO(check.problem);
  CHECK(check.problem.empty());
  CHECK(check.documents >= 20);
  CHECK(check.documents < corpus.size());

  Ran resumed = run_kg_child({"build", "--db", db, (dir / "all.jsonl").string()}, dir);
  INFO(resumed.out << resumed.err);
  CHECK(resumed.exit.code == 0);
  CHECK(resumed.out.find(std::to_string(check.documents) + " skipped: already stored unchanged") !=
        std::string::npos);
  CHECK(check_db(db, ids, *clean_docs).problem.empty());
  CHECK(export_lines(db, "json") == export_lines(clean, "json"));
}

}  // namespace kg::test
