#include <catch2/catch.hpp>
#include <sstream>

#include "../store/test_util.h"
#include "doc/triples_jsonl.h"
#include "pipeline/pipeline.h"
#include "store/rocks_store.h"
#include "store/verify.h"

using namespace kg;
using kg::test::fact;
using kg::test::TempDir;

namespace {

std::string line(const std::string& doc, const std::string& s, const std::string& r,
                 const std::string& o) {
  return triple_to_json(fact(doc, s, r, o)) + "\n";
}

struct Ran {
  IngestSummary sum;
  std::vector<std::string> reports;
};

Ran ingest(GraphWriter& g, const std::string& input, IngestOptions options = {}) {
  std::istringstream in(input);
  Ran ran;
  auto r = ingest_triples(g, in, "in.jsonl", options,
                          [&](const std::string& m) { ran.reports.push_back(m); });
  REQUIRE(r.ok());
  ran.sum = r.value();
  return ran;
}

std::unique_ptr<store::RocksGraphStore> open_rw(const TempDir& dir, size_t bulk_min = 8192) {
  store::StoreOptions o;
  o.bulk_min_triples = bulk_min;
  return store::RocksGraphStore::open(dir.str(), OpenMode::kReadWrite, o).value();
}

// "r" + std::to_string(i), without GCC 12's false -Wrestrict warning.
std::string numbered(const char* prefix, int n) {
  std::string s(prefix);
  s += std::to_string(n);
  return s;
}

}  // namespace

TEST_CASE("Ingest groups triples by document and is idempotent", "[pipeline]") {
  TempDir dir;
  auto g = open_rw(dir);
  std::string input =
      line("d1", "A", "r", "B") + line("d1", "A", "s", "C") + "\n" + line("d2", "C", "r", "A");
  Ran first = ingest(*g, input);
  CHECK(first.sum.added == 2);
  CHECK(first.sum.triples == 3);
  CHECK_FALSE(first.sum.anything_skipped());
  CHECK(first.reports.empty());
  CHECK(g->document("d1").value()->triples.size() == 2);
  Ran again = ingest(*g, input);
  CHECK(again.sum.unchanged == 2);
  CHECK(again.sum.added == 0);
  Ran changed = ingest(*g, line("d1", "A", "r", "B"));
  CHECK(changed.sum.replaced == 1);
  CHECK(g->stats().value().facts == 2);
  CHECK(store::verify_consistency(*g).ok());
}

TEST_CASE("Ingest skips the whole document of a bad line and names file and line", "[pipeline]") {
  TempDir dir;
  auto g = open_rw(dir);
  std::string input = line("d1", "A", "r", "B") +
                      R"({"doc": "d1", "subject": "A", "relation": "r"})"
                      "\n" +
                      line("d1", "A", "s", "C") + line("d2", "C", "r", "A");
  Ran ran = ingest(*g, input);
  REQUIRE(ran.reports.size() == 1);
  CHECK(ran.reports[0] == "in.jsonl:2: missing required field \"object\"; document \"d1\" skipped");
  CHECK(ran.sum.bad_lines == 1);
  CHECK(ran.sum.skipped_documents == 1);
  CHECK(ran.sum.skipped_lines == 2);
  CHECK(ran.sum.added == 1);
  CHECK_FALSE(g->document("d1").value().has_value());
  CHECK(g->document("d2").value().has_value());
  CHECK(store::verify_consistency(*g).ok());
}

TEST_CASE("A line whose document is unknown spoils its neighbours' documents", "[pipeline]") {
  TempDir dir;
  auto g = open_rw(dir);
  std::string input = line("d1", "A", "r", "B") + "{not json\n" + line("d2", "C", "r", "A") +
                      line("d3", "C", "r", "B");
  Ran ran = ingest(*g, input);
  CHECK(ran.sum.added == 1);
  CHECK(ran.sum.skipped_documents == 2);
  REQUIRE(ran.reports.size() == 2);
  CHECK(ran.reports[0].starts_with("in.jsonl:2: not valid JSON"));
  CHECK(ran.reports[1].starts_with("in.jsonl:3: document \"d2\" skipped"));
  CHECK(g->document("d3").value().has_value());
  CHECK_FALSE(g->document("d1").value().has_value());
}

TEST_CASE("Lines of one document spread over the input are gathered", "[pipeline]") {
  TempDir dir;
  auto g = open_rw(dir);
  std::string input;
  for (int i = 0; i < 6; ++i) {
    input += line("a", "A", numbered("r", i), "B");
    input += line("b", "B", numbered("r", i), "C");
  }
  SECTION("within the window: one write per document") {
    Ran ran = ingest(*g, input);
    CHECK(ran.sum.added == 2);
    CHECK(ran.sum.triples == 12);
  }
  SECTION("beyond the window: later lines are merged into the written document") {
    IngestOptions small;
    small.window_triples = 2;
    small.batch_triples = 1;
    Ran ran = ingest(*g, input, small);
    CHECK(ran.sum.added == 2);
    CHECK(ran.sum.triples == 12);
  }
  CHECK(g->document("a").value()->triples.size() == 6);
  CHECK(g->document("b").value()->triples.size() == 6);
  CHECK(g->stats().value().facts == 12);
  CHECK(store::verify_consistency(*g).ok());
}

TEST_CASE("A bad line after its document was written takes the document out", "[pipeline]") {
  TempDir dir;
  auto g = open_rw(dir);
  IngestOptions small;
  small.window_triples = 1;
  small.batch_triples = 1;
  std::string input = line("a", "A", "r", "B") + line("b", "B", "r", "C") +
                      line("c", "B", "r", "C") +
                      R"({"doc": "a", "subject": 1})"
                      "\n";
  Ran ran = ingest(*g, input, small);
  CHECK(ran.sum.skipped_documents == 1);
  CHECK_FALSE(g->document("a").value().has_value());
  CHECK(g->document("b").value().has_value());
  CHECK(store::verify_consistency(*g).ok());
}

TEST_CASE("A document the store refuses is reported and the others are written", "[pipeline]") {
  TempDir dir;
  auto g = open_rw(dir);
  // A no-break space folds to nothing: the store refuses the name.
  std::string input =
      line("d1", "A", "r", "B") + line("d2", "\xc2\xa0", "r", "B") + line("d3", "A", "r", "C");
  Ran ran = ingest(*g, input);
  CHECK(ran.sum.added == 2);
  CHECK(ran.sum.skipped_documents == 1);
  REQUIRE(ran.reports.size() == 1);
  CHECK(ran.reports[0].find("in.jsonl:2:") == 0);
  CHECK(ran.reports[0].find("d2") != std::string::npos);
}

TEST_CASE("Bulk ingest through SST files matches the evidence", "[pipeline]") {
  TempDir dir;
  auto g = open_rw(dir, 16);  // every batch of 16+ triples goes through SST files
  std::string input;
  for (int d = 0; d < 40; ++d) {
    std::string id = numbered("doc", d);
    for (int t = 0; t < 10; ++t) {
      Triple tr = fact(id, numbered("E", (d * 7 + t) % 23), numbered("r", t % 4),
                       numbered("E", (d + t * 3) % 19), t % 3 ? "" : "alias", "");
      input += triple_to_json(tr) + "\n";
    }
  }
  IngestOptions o;
  o.batch_triples = 50;
  Ran ran = ingest(*g, input, o);
  CHECK(ran.sum.added == 40);
  CHECK(ran.sum.triples == 400);
  Status s = store::verify_consistency(*g);
  INFO(s.message());
  CHECK(s.ok());
  Ran again = ingest(*g, input, o);
  CHECK(again.sum.unchanged == 40);
  CHECK(g->stats().value().facts == 400);
}
