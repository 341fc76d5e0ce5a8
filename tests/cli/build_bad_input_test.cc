// kg build on a corpus with bad inputs: each one reported with file (and line), the rest built,
// the exit status saying something was skipped, and the database consistent afterwards.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "run_kg.h"

namespace {

void write(const std::filesystem::path& p, const std::string& bytes) {
  std::ofstream out(p, std::ios::binary);
  out << bytes;
}

}  // namespace

TEST_CASE("kg build reports every bad input with its file and line and builds the rest", "[cli]") {
  const std::string models = std::string(KG_SOURCE_DIR) + "/models";
  auto dir = scratch_dir("cli_bad_input", "corpus");
  auto in = dir / "in";
  std::filesystem::create_directories(in);
  write(in / "empty.txt", "");
  write(in / "blank.txt", "  \n\n \t\n");
  std::string line;
  for (int i = 0; i < 40000; ++i) line += "word ";  // one 200 KB line without punctuation
  write(in / "one-line.txt", line + "\n");
  write(in / "markup.txt",
        "<html><head><style>p{}</style><script>var x = '<p>';</script></head><body>"
        "<p>Joe Biden met Vladimir Putin in Geneva.</p></body></html>\n");
  write(in / "invalid.txt", "Biden met Putin.\nInvalid \xff bytes here.\n");
  write(in / "docs.jsonl",
        "{\"id\": \"a\", \"text\": \"Joe Biden met Vladimir Putin.\"}\n"
        "{\"id\": \"b\", \"title\": \"no text\"}\n"
        "{\"id\": \"c\", \"text\": \"Crocker sent a letter to Michelle Bachelet.\"}\n"
        "not json\n");
  const std::string db = (dir / "db").string();

  Ran r = kg_run({"build", "--models", models, "--threads", "2", "--db", db, in.string()});
  INFO(r.out << r.err);
  CHECK(r.code == 1);  // something was skipped
  CHECK(r.err.find("skipped") != std::string::npos);
  const std::string f = in.string();
  CHECK(r.out.find(f + "/invalid.txt: invalid UTF-8 at line 2") != std::string::npos);
  CHECK(r.out.find(f + "/docs.jsonl:2: missing \"text\"") != std::string::npos);
  CHECK(r.out.find(f + "/docs.jsonl:4: not valid JSON") != std::string::npos);
  CHECK(r.out.find(f + "/empty.txt: empty document") != std::string::npos);
  CHECK(r.out.find("skipped inputs: 5") != std::string::npos);  // + blank.txt

  // The rest is built: markup stripped, the long line stored, both good JSONL lines.
  Ran stats = kg_run({"stats", "--db", db, "--json"});
  REQUIRE(stats.code == 0);
  auto s = nlohmann::json::parse(stats.out);
  CHECK(s["documents"] == 4);  // markup.txt, one-line.txt, docs.jsonl a and c
  Ran check = kg_run({"stats", "--db", db, "--check"});
  INFO(check.out << check.err);
  CHECK(check.code == 0);  // nothing half-stored
  Ran ents = kg_run({"entities", "--db", db, "--json"});
  REQUIRE(ents.code == 0);
  bool biden = false;
  const nlohmann::json entities = nlohmann::json::parse(ents.out);
  for (const auto& e : entities["entities"]) {
    const std::string name = e["name"];
    CHECK(name.find('<') == std::string::npos);  // no markup became an entity
    if (name == "Joe Biden") biden = true;
  }
  CHECK(biden);

  // Running again changes nothing and still reports the same skipped inputs.
  Ran again = kg_run({"build", "--models", models, "--db", db, in.string()});
  CHECK(again.code == 1);
  CHECK(again.out.find("skipped inputs: 5") != std::string::npos);
  CHECK(again.out.find("0 added, 0 replaced") != std::string::npos);
}

TEST_CASE("kg build links a surname to the one full name seen in an earlier document", "[cli]") {
  const std::string models = std::string(KG_SOURCE_DIR) + "/models";
  auto dir = scratch_dir("cli_bad_input", "linking");
  write(dir / "a.jsonl",
        "{\"id\": \"a\", \"text\": \"US President Joe Biden met Russian President Vladimir Putin "
        "in Geneva.\"}\n"
        "{\"id\": \"b\", \"text\": \"Biden told reporters that Putin wants a deal.\"}\n");
  const std::string db = (dir / "db").string();
  Ran r = kg_run({"build", "--models", models, "--threads", "1", "--db", db,
                  (dir / "a.jsonl").string()});
  INFO(r.out << r.err);
  REQUIRE(r.code == 0);
  Ran ents = kg_run({"entities", "--db", db, "--json"});
  REQUIRE(ents.code == 0);
  const nlohmann::json entities = nlohmann::json::parse(ents.out);
  int putins = 0;
  for (const auto& e : entities["entities"]) {
    const std::string name = e["name"];
    if (name.find("Putin") != std::string::npos) {
      ++putins;
      CHECK(name == "Vladimir Putin");
    }
  }
  CHECK(putins == 1);
}

TEST_CASE("kg build links a surname to a full name stored by an earlier run", "[cli]") {
  const std::string models = std::string(KG_SOURCE_DIR) + "/models";
  auto dir = scratch_dir("cli_bad_input", "linking-runs");
  write(dir / "a.txt", "US President Joe Biden met Russian President Vladimir Putin in Geneva.\n");
  write(dir / "b.txt", "Biden told reporters that Putin wants a deal.\n");
  const std::string db = (dir / "db").string();
  REQUIRE(kg_run({"build", "--models", models, "--db", db, (dir / "a.txt").string()}).code == 0);
  REQUIRE(kg_run({"build", "--models", models, "--db", db, (dir / "b.txt").string()}).code == 0);
  Ran ents = kg_run({"entities", "--db", db, "--match", "putin", "--json"});
  REQUIRE(ents.code == 0);
  const nlohmann::json entities = nlohmann::json::parse(ents.out);
  REQUIRE(entities["entities"].size() == 1);
  CHECK(entities["entities"][0]["name"] == "Vladimir Putin");
}
