// Golden end-to-end test: `kg build` on graphs/ukraine-summit/article.txt with the models shipped
// in models/, then the graph read back through `kg entities`, `kg neighbors` and `kg export`.
// It checks what matters (one node per real person, the key edges, titles as facts, attribution)
// rather than every byte, so that a better parser model does not break it for nothing.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "../cli/run_kg.h"

namespace {

using nlohmann::json;

const std::string kSource = KG_SOURCE_DIR;

struct GoldEntity {
  std::string type, name;
  std::set<std::string> forms;  // lowercased
};

std::string lower(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  if (s.rfind("the ", 0) == 0) s = s.substr(4);
  return s;
}

std::vector<GoldEntity> read_gold() {
  std::vector<GoldEntity> gold;
  std::ifstream in(kSource + "/tests/data/extract/ukraine-summit.entities.gold");
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream f(line);
    GoldEntity g;
    std::string forms, form;
    std::getline(f, g.type, '\t');
    std::getline(f, g.name, '\t');
    std::getline(f, forms);
    std::istringstream fs(forms);
    while (std::getline(fs, form, '|')) g.forms.insert(lower(form));
    g.forms.insert(lower(g.name));
    gold.push_back(std::move(g));
  }
  return gold;
}

// One database built from the sample article, shared by the test cases of this process.
const std::string& sample_db() {
  static const std::string db = [] {
    auto dir = scratch_dir("golden", "db-" + std::to_string(::getpid()));
    const std::string path = (dir / "db").string();
    Ran r = kg_run({"build", "--models", kSource + "/models", "--threads", "2", "--db", path,
                    kSource + "/graphs/ukraine-summit/article.txt"});
    INFO(r.out << r.err);
    REQUIRE(r.code == 0);
    return path;
  }();
  return db;
}

json entities() {
  Ran r = kg_run({"entities", "--db", sample_db(), "--json"});
  REQUIRE(r.code == 0);
  return json::parse(r.out)["entities"];
}

// (subject, relation, object) of every edge in the exported graph.
std::set<std::tuple<std::string, std::string, std::string>> edges() {
  auto dir = scratch_dir("golden", "export-" + std::to_string(::getpid()));
  const std::string out = (dir / "graph.json").string();
  Ran r = kg_run({"export", "--db", sample_db(), "--format", "json", "-o", out});
  REQUIRE(r.code == 0);
  json g = json::parse(slurp(out));
  std::map<std::string, std::string> name;
  for (const json& n : g["nodes"]) name[n["id"]] = n["name"];
  std::set<std::tuple<std::string, std::string, std::string>> e;
  for (const json& x : g["edges"]) e.emplace(name[x["source"]], x["relation"], name[x["target"]]);
  return e;
}

}  // namespace

TEST_CASE("Sample article: one node per real person, no wrong merges", "[golden]") {
  const std::vector<GoldEntity> gold = read_gold();
  REQUIRE(gold.size() >= 8);
  std::map<std::string, std::vector<std::string>> nodes_of;  // gold person -> node names
  for (const json& e : entities()) {
    const std::string type = e["type"];
    if (type == "CONCEPT") continue;
    std::set<std::string> keys = {lower(e["name"])};
    for (const json& a : e["aliases"]) keys.insert(lower(a));
    std::vector<std::string> hits;
    for (const GoldEntity& g : gold) {
      for (const std::string& k : keys) {
        if (g.forms.count(k)) {
          hits.push_back(g.name);
          break;
        }
      }
    }
    INFO("node " << e["name"] << " (" << type << ") matches " << hits.size() << " gold entities");
    CHECK(hits.size() <= 1);  // no wrong merge
    if (type == "PERSON") CHECK(hits.size() == 1);  // no invented person
    for (const std::string& h : hits) nodes_of[h].push_back(e["name"]);
  }
  for (const GoldEntity& g : gold) {
    if (g.type != "PERSON") continue;
    INFO(g.name);
    CHECK(nodes_of[g.name].size() == 1);  // present, and not split
  }
}

TEST_CASE(
    "Sample article: Joe Biden, Biden, President Biden and a later he are one node; titles and he "
    "are no alias",
    "[golden]") {
  bool found = false;
  for (const json& e : entities()) {
    if (e["name"] != "Joe Biden") continue;
    found = true;
    CHECK(e["type"] == "PERSON");
    std::set<std::string> aliases;
    for (const json& a : e["aliases"]) aliases.insert(a);
    CHECK(aliases.count("Biden"));
    // An alias is a name: "President Biden" and "US President Joe Biden" name him by "Biden" and
    // his full name, without their titles.
    CHECK_FALSE(aliases.count("President Biden"));
    CHECK_FALSE(aliases.count("US President Joe Biden"));
    // "He" resolves to him (the facts are his) but names nobody: not an alias, not a lookup key.
    CHECK_FALSE(aliases.count("He"));
    CHECK_FALSE(aliases.count("he"));
  }
  CHECK(found);
}

TEST_CASE("Sample article: the key edges of the issue exist", "[golden]") {
  auto e = edges();
  CHECK(e.count({"Joe Biden", "agree to hold", "summit"}));
  CHECK(e.count({"Joe Biden", "hold summit with", "Vladimir Putin"}));
  CHECK(e.count({"Bathsheba Nell Crocker", "send letter to", "Michelle Bachelet"}));
  CHECK(e.count({"Joe Biden", "discuss with", "Emmanuel Macron"}));
  CHECK(e.count({"Kremlin", "dismiss", "allegation"}));
}

TEST_CASE("Sample article: titles and roles are facts, not parts of names", "[golden]") {
  auto e = edges();
  CHECK(e.count({"Joe Biden", "be", "US President"}));
  CHECK(e.count({"Bathsheba Nell Crocker", "be", "U.S. Representative"}));
  CHECK(e.count({"Jen Psaki", "be", "White House Press Secretary"}));
  CHECK(e.count({"Antony Blinken", "be", "US Secretary of State"}));
}

TEST_CASE("Sample article: reported facts carry their speaker and conditions", "[golden]") {
  Ran r = kg_run({"neighbors", "--db", sample_db(), "Russia", "--json", "--evidence"});
  REQUIRE(r.code == 0);
  json j = json::parse(r.out);
  bool invade = false, proceed = false;
  for (const json& n : j["neighbors"]) {
    if (n["relation"] == "invade" && n["entity"]["name"] == "Ukraine") {
      invade = true;
      CHECK(n["negated"] == true);  // "as long as Russia does not invade Ukraine"
      CHECK(n["evidence"][0]["attribution"] == "White House");
      CHECK(n["evidence"][0]["modality"] == "condition");
    }
    if (n["relation"] == "proceed with") {
      proceed = true;
      CHECK(n["negated"] == true);
      CHECK(n["evidence"][0]["attribution"] == "Jen Psaki");  // "..., Psaki said in a statement"
    }
  }
  CHECK(invade);
  CHECK(proceed);
}
