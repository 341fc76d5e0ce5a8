// kg match end to end: tests/data/match/news.jsonl built with kg build, then every *.args file
// there run as `kg match --db DB ...` and compared with its .expected file (README.md there).
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <unistd.h>

#include "run_kg.h"

namespace fs = std::filesystem;

namespace {

fs::path data_dir() { return fs::path(KG_SOURCE_DIR) / "tests" / "data" / "match"; }

// The test corpus built once per test process (CTest runs cases as parallel processes: each
// builds its own).
const std::string& news_db() {
  static const std::string db = [] {
    fs::path dir = scratch_dir("match-cli-test", "news-" + std::to_string(::getpid()));
    const std::string db = (dir / "db").string();
    Ran r = kg_run({"build", "--models", std::string(KG_SOURCE_DIR) + "/models", "--threads", "2",
                    "--db", db, (data_dir() / "news.jsonl").string()});
    INFO(r.err);
    REQUIRE(r.code == 0);
    return db;
  }();
  return db;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) out.push_back(line);
  }
  return out;
}

}  // namespace

TEST_CASE("Golden: every kg match query in tests/data/match gives its expected output", "[match]") {
  size_t cases = 0;
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(data_dir())) {
    if (entry.path().extension() == ".args") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  for (const fs::path& file : files) {
    std::vector<std::string> args = {"match", "--db", news_db()};
    for (const std::string& a : lines_of(slurp(file))) args.push_back(a);
    Ran r = kg_run(args);
    std::string actual = r.out;
    if (r.code != 0) actual += "exit " + std::to_string(r.code) + "\n" + r.err;
    fs::path expected = fs::path(file).replace_extension(".expected");
    if (std::getenv("KG_UPDATE_GOLDEN")) {
      std::ofstream(expected, std::ios::binary) << actual;
      WARN("rewrote " << expected.string());
    } else {
      INFO(file.filename().string() << " (KG_UPDATE_GOLDEN=1 rewrites the expected files)");
      REQUIRE(fs::exists(expected));
      CHECK(actual == slurp(expected));
    }
    ++cases;
  }
  CHECK(cases >= 18);
}

TEST_CASE("kg match JSON has columns and rows, and --evidence one list of facts per row", "[match]") {
  Ran r = kg_run({"match", "--db", news_db(), "--json", "--evidence",
                  "MATCH (a:PERSON)-[r:meet]->(b:PERSON) RETURN a.name AS who, b, r.count "
                  "ORDER BY who, b.name"});
  INFO(r.err);
  REQUIRE(r.code == 0);
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j["columns"] == nlohmann::json({"who", "b", "r.count"}));
  const auto& rows = j["rows"];
  REQUIRE(rows.size() == 4);
  CHECK(rows[0][0] == "Anna Berg");
  CHECK(rows[0][1]["type"] == "PERSON");
  CHECK(rows[0][1]["id"].get<std::string>().size() == 16);
  CHECK(rows[0][2].is_number_integer());
  REQUIRE(j["evidence"].size() == rows.size());
  for (const auto& facts : j["evidence"]) {
    REQUIRE(facts.size() >= 1);
    CHECK(facts[0]["relationship"] == "r");
    CHECK_FALSE(facts[0]["text"].get<std::string>().empty());
  }
}

TEST_CASE("kg match refuses what the subset leaves out with the column and exit code 1", "[match]") {
  const std::pair<const char*, const char*> cases[] = {
      {"CREATE (a:PERSON {name: 'X'})", "column 1: CREATE is not supported"},
      {"OPTIONAL MATCH (a) RETURN a", "column 1: OPTIONAL MATCH is not supported"},
      {"MATCH (a)-[r]->(b) WITH a RETURN a", "column 20: WITH is not supported"},
      {"MATCH (a)-[r]->(b) RETURN sum(r.count)", "column 27: function sum() is not supported"},
      {"MATCH (a)-[r]->(b) WHERE a.name =~ 'A.*' RETURN a", "column 33: regular expressions"},
      {"MATCH (a)-[r]->(b)-[s]->(c)-[t]->(d)-[u]->(e) RETURN a", "column 37: a pattern of more than 3"},
      {"MATCH (a)-[r]->(b) RETURN a.salary", "column 27: nodes have no property 'salary'"},
      {"MATCH (a)-[r]->(b) RETURN c", "column 27: unknown variable 'c'"},
      {"MATCH (a)-[r]->(b) WHERE r.date > '2021' OR a.name = 'x' RETURN a", "date can only be compared"},
      {"MATCH (a:PERSON:ORG) RETURN a", "column 16: a node with two labels"},
      {"MATCH (a) RETURN a.name, count(*) ORDER BY a.mentions", "ORDER BY must name a returned column"},
      {"MATCH (a {name: 'x}) RETURN a", "unterminated string"},
      {"MATCH (a) RETURN a LIMIT -1", "expected a whole number after LIMIT"},
  };
  for (const auto& [query, message] : cases) {
    INFO(query);
    Ran r = kg_run({"match", "--db", news_db(), query});
    CHECK(r.code == 1);
    CHECK(r.out.empty());
    CHECK(r.err.find(message) != std::string::npos);
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
  }
  CHECK(kg_run({"match", "--db", news_db(), "MATCH (a) RETURN a", "--since", "May"}).code == 2);
  CHECK(kg_run({"match", "--db", news_db(), "MATCH (a) RETURN a", "--min-confidence", "2"}).code == 2);
}

TEST_CASE("kg match --min-confidence keeps only confident facts", "[match]") {
  auto count = [&](const std::string& min) {
    Ran r = kg_run({"match", "--db", news_db(), "--json", "--min-confidence", min,
                    "MATCH (a)-[r]->(b) RETURN count(*) AS n"});
    INFO(r.err);
    REQUIRE(r.code == 0);
    return nlohmann::json::parse(r.out)["rows"][0][0].get<int64_t>();
  };
  const int64_t all = count("0"), some = count("0.8"), none = count("1");
  CHECK(all > some);
  CHECK(some > 0);
  CHECK(none <= some);
  // The same threshold written in WHERE keeps the same facts.
  Ran where = kg_run({"match", "--db", news_db(), "--json",
                      "MATCH (a)-[r]->(b) WHERE r.confidence >= 0.8 RETURN count(*) AS n"});
  REQUIRE(where.code == 0);
  CHECK(nlohmann::json::parse(where.out)["rows"][0][0].get<int64_t>() == some);
}
