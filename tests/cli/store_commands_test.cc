// kg ingest / remove / stats / entities, run in-process, with golden files in tests/data/store
// (KG_UPDATE_GOLDEN=1 rewrites them).
#include <catch2/catch.hpp>
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/cli.h"
#include "store/store.h"
#include "run_kg.h"

namespace fs = std::filesystem;

namespace {

fs::path data_dir() { return fs::path(KG_SOURCE_DIR) / "tests" / "data" / "store"; }

fs::path scratch(const std::string& name) { return scratch_dir("store-cli-test", name); }

void check_golden(const std::string& actual, const fs::path& expected_file) {
  if (std::getenv("KG_UPDATE_GOLDEN")) {
    std::ofstream(expected_file, std::ios::binary) << actual;
    WARN("rewrote " << expected_file.string());
    return;
  }
  INFO("golden file " << expected_file.string() << " (KG_UPDATE_GOLDEN=1 rewrites it)");
  CHECK(actual == slurp(expected_file));
}

std::string db_of(const std::string& test) { return (scratch(test) / "db").string(); }

}  // namespace

TEST_CASE("kg ingest, stats and entities on the news sample match the golden files",
          "[store][cli]") {
  std::string db = db_of("golden-news");
  Ran ingest = kg_run({"ingest", "--db", db, (data_dir() / "news.jsonl").string()});
  INFO(ingest.err);
  REQUIRE(ingest.code == 0);
  check_golden(ingest.out, data_dir() / "news.ingest.expected");
  Ran stats = kg_run({"stats", "--db", db, "--json"});
  REQUIRE(stats.code == 0);
  check_golden(stats.out, data_dir() / "news.stats.expected.json");
  Ran entities = kg_run({"entities", "--db", db, "--json"});
  REQUIRE(entities.code == 0);
  check_golden(entities.out, data_dir() / "news.entities.expected.json");
  Ran text = kg_run({"entities", "--db", db, "--match", "BIDEN", "--top", "1"});
  REQUIRE(text.code == 0);
  check_golden(text.out, data_dir() / "news.entities-biden.expected");
  Ran check = kg_run({"stats", "--db", db, "--check"});
  INFO(check.err);
  CHECK(check.code == 0);
  CHECK(check.out.find("check       ok") != std::string::npos);

  // Ingesting again changes nothing.
  Ran again = kg_run({"ingest", "--db", db, (data_dir() / "news.jsonl").string()});
  REQUIRE(again.code == 0);
  CHECK(again.out.find("(0 added, 4 unchanged, 0 replaced)") != std::string::npos);
  CHECK(kg_run({"stats", "--db", db, "--json"}).out == stats.out);
}

TEST_CASE("kg ingest reports bad lines, writes the other documents and exits 1",
          "[store][cli]") {
  std::string db = db_of("golden-bad");
  std::string file = (data_dir() / "bad.jsonl").string();
  Ran ingest = kg_run({"ingest", "--db", db, file});
  CHECK(ingest.code == 1);
  check_golden(ingest.out, data_dir() / "bad.ingest.expected");
  // Messages name the file and line; the last line is the command's error.
  std::string err = ingest.err;
  size_t at = 0;
  while ((at = err.find(file)) != std::string::npos) err.replace(at, file.size(), "bad.jsonl");
  check_golden(err, data_dir() / "bad.ingest-err.expected");
  Ran stats = kg_run({"stats", "--db", db, "--json"});
  REQUIRE(stats.code == 0);
  check_golden(stats.out, data_dir() / "bad.stats.expected.json");
}

TEST_CASE("kg ingest reads standard input", "[store][cli]") {
  std::string db = db_of("stdin");
  Ran r = kg_run({"ingest", "--db", db, "-"},
                 R"({"doc": "x", "subject": "A", "relation": "r", "object": "B"})" "\n");
  REQUIRE(r.code == 0);
  CHECK(r.out.find("1 documents (1 added") != std::string::npos);
}

TEST_CASE("kg remove retracts a document and fails on an unknown one", "[store][cli]") {
  std::string db = db_of("remove");
  REQUIRE(kg_run({"ingest", "--db", db, (data_dir() / "news.jsonl").string()}).code == 0);
  Ran removed = kg_run({"remove", "--db", db, "--doc", "news/004"});
  CHECK(removed.code == 0);
  CHECK(removed.out == "removed document \"news/004\"\n");
  auto stats = nlohmann::json::parse(kg_run({"stats", "--db", db, "--json"}).out);
  CHECK(stats["documents"] == 3);
  CHECK(kg_run({"entities", "--db", db, "--match", "tim cook"}).out.empty());
  Ran unknown = kg_run({"remove", "--db", db, "--doc", "news/004"});
  CHECK(unknown.code == 1);
  CHECK(unknown.err == "kg remove: no document \"news/004\" in " + db + "\n");
  CHECK(kg_run({"stats", "--db", db, "--check"}).code == 0);
}

TEST_CASE("Store commands fail with one clear line", "[store][cli]") {
  fs::path dir = scratch("errors");
  std::string missing = (dir / "nope").string();
  Ran stats = kg_run({"stats", "--db", missing});
  CHECK(stats.code == 1);
  CHECK(stats.err == "kg stats: no kg database at " + missing + "\n");
  CHECK_FALSE(fs::exists(missing));
  Ran entities = kg_run({"entities", "--db", missing});
  CHECK(entities.code == 1);
  Ran file = kg_run({"ingest", "--db", (dir / "db").string(), (dir / "none.jsonl").string()});
  CHECK(file.code == 1);
  CHECK(file.err.find("none.jsonl: cannot open") != std::string::npos);
  CHECK(kg_run({"ingest", "--db", (dir / "db").string()}).code == 2);
  CHECK(kg_run({"remove", "--db", (dir / "db").string()}).code == 2);
}

TEST_CASE("kg ingest on a database another writer holds fails with kBusy's line",
          "[store][cli]") {
  std::string db = db_of("busy");
  auto holder = kg::GraphWriter::open(db);
  REQUIRE(holder.ok());
  Ran r = kg_run({"ingest", "--db", db, (data_dir() / "news.jsonl").string()});
  CHECK(r.code == 1);
  CHECK(r.err.find("kg ingest: database " + db + " is in use by test_cli_store (pid ") == 0);
  CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
  // Read-only commands still work next to the writer.
  CHECK(kg_run({"stats", "--db", db}).code == 0);
}
