// kg neighbors / path / export / render, run in-process on a database ingested from
// tests/data/query, plus golden files there (KG_UPDATE_GOLDEN=1 rewrites them).
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <map>
#include <set>
#include <sstream>
#include <tuple>
#include <vector>

#include "cli/cli.h"
#include "doc/triples_jsonl.h"
#include "run_kg.h"
#include "store/store.h"

namespace fs = std::filesystem;

namespace {

fs::path data_dir() { return fs::path(KG_SOURCE_DIR) / "tests" / "data" / "query"; }

fs::path scratch(const std::string& name) { return scratch_dir("query-cli-test", name); }

// A database holding tests/data/query/<stem>.jsonl, ingested with `kg ingest`.
std::string ingested(const std::string& test, const std::string& stem = "summit") {
  fs::path db = scratch(test) / "db";
  Ran r = kg_run({"ingest", "--db", db.string(), (data_dir() / (stem + ".jsonl")).string()});
  INFO(r.err);
  REQUIRE(r.code == 0);
  return db.string();
}

// Compares with a golden file, or rewrites it when KG_UPDATE_GOLDEN is set.
void check_golden(const std::string& actual, const fs::path& expected_file) {
  if (std::getenv("KG_UPDATE_GOLDEN")) {
    std::ofstream(expected_file, std::ios::binary) << actual;
    WARN("rewrote " << expected_file.string());
    return;
  }
  REQUIRE(fs::exists(expected_file));
  INFO("golden file " << expected_file.string() << " (KG_UPDATE_GOLDEN=1 rewrites it)");
  CHECK(actual == slurp(expected_file));
}

// A database of dated documents with facts of several confidences. `kg ingest` stores no document
// dates (triples JSONL has none), so the documents are put through the store's writer.
//   d1 1987-02-26  James Baker -[meet]-> Karl Otto Poehl (0.9); James Baker -[visit]-> Bonn (0.3)
//   d2 1987-03-10  James Baker -[meet]-> Karl Otto Poehl (0.8);
//                  Bundesbank -[cut rate to]-> 3 pct (0.7)
//   d3 1987-04-02  James Baker -[meet]-> Kiichi Miyazawa (0.4)
//   d4 (no date)   James Baker -[criticize]-> Bundesbank (0.9)
//   d5 1987-02-20  Kiichi Miyazawa -[visit]-> Washington (0.9)
std::string dated_db(const std::string& test) {
  auto fact = [](const std::string& subject, const std::string& subject_type,
                 const std::string& relation, const std::string& object,
                 const std::string& object_type, double confidence) {
    const bool value = object_type == "PERCENT";
    nlohmann::json j = {{"doc", ""},
                        {"subject", subject},
                        {"subject_type", subject_type},
                        {"relation", relation},
                        {"object", object},
                        {value ? "object_value" : "object_type", object_type},
                        {"text", subject + " " + relation + " " + object + "."},
                        {"confidence", confidence}};
    return j;
  };
  struct Doc {
    std::string id, date;
    std::vector<nlohmann::json> facts;
  };
  const std::vector<Doc> docs = {
      {"d1", "1987-02-26",
       {fact("James Baker", "PERSON", "meet", "Karl Otto Poehl", "PERSON", 0.9),
        fact("James Baker", "PERSON", "visit", "Bonn", "LOC", 0.3)}},
      {"d2", "1987-03-10",
       {fact("James Baker", "PERSON", "meet", "Karl Otto Poehl", "PERSON", 0.8),
        fact("Bundesbank", "ORG", "cut rate to", "3 pct", "PERCENT", 0.7)}},
      {"d3", "1987-04-02",
       {fact("James Baker", "PERSON", "meet", "Kiichi Miyazawa", "PERSON", 0.4)}},
      {"d4", "", {fact("James Baker", "PERSON", "criticize", "Bundesbank", "ORG", 0.9)}},
      {"d5", "1987-02-20",
       {fact("Kiichi Miyazawa", "PERSON", "visit", "Washington", "LOC", 0.9)}},
  };
  fs::path db = scratch(test) / "db";
  auto writer = kg::GraphWriter::open(db.string());
  REQUIRE(writer.ok());
  for (const Doc& d : docs) {
    kg::DocumentFacts facts;
    facts.id = d.id;
    facts.date = d.date;
    for (nlohmann::json j : d.facts) {
      j["doc"] = d.id;
      auto triple = kg::parse_triple_json(j.dump());
      REQUIRE(triple.ok());
      triple->sentence = static_cast<int>(facts.triples.size());
      facts.triples.push_back(std::move(*triple));
    }
    REQUIRE((*writer)->put_document(facts).ok());
  }
  return db.string();
}

// Graph JSON's edges as "subject -[relation]-> object" -> the edge, by node names.
std::map<std::string, nlohmann::json> edges_by_name(const nlohmann::json& graph) {
  std::map<std::string, std::string> names;
  for (const auto& n : graph["nodes"]) names[n["id"]] = n["name"];
  std::map<std::string, nlohmann::json> edges;
  for (const auto& e : graph["edges"]) {
    edges[names[e["source"]] + " -[" + e["relation"].get<std::string>() + "]-> " +
          names[e["target"]]] = e;
  }
  return edges;
}

std::set<std::string> node_names(const nlohmann::json& graph) {
  std::set<std::string> names;
  for (const auto& n : graph["nodes"]) names.insert(n["name"]);
  return names;
}

// `kg export --format json` with `options`, parsed.
nlohmann::json exported(const std::string& db, const std::vector<std::string>& options) {
  std::vector<std::string> args = {"export", "--db", db, "--format", "json"};
  args.insert(args.end(), options.begin(), options.end());
  Ran r = kg_run(args);
  INFO(r.err);
  REQUIRE(r.code == 0);
  return nlohmann::json::parse(r.out);
}

std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> parts;
  std::stringstream s(line);
  std::string part;
  while (std::getline(s, part, '\t')) parts.push_back(part);
  return parts;
}

}  // namespace

TEST_CASE("Golden: ingest then export DOT and JSON and path JSON match tests/data/query",
          "[query][export]") {
  for (const auto& entry : fs::directory_iterator(data_dir())) {
    if (entry.path().extension() != ".jsonl") continue;
    std::string stem = entry.path().stem().string();
    INFO(stem);
    std::string db = ingested("golden-" + stem, stem);
    Ran dot = kg_run({"export", "--db", db, "--format", "dot"});
    REQUIRE(dot.code == 0);
    check_golden(dot.out, data_dir() / (stem + ".dot"));
    Ran json = kg_run({"export", "--db", db, "--format", "json"});
    REQUIRE(json.code == 0);
    check_golden(json.out, data_dir() / (stem + ".json"));

    fs::path queries = data_dir() / (stem + ".paths");
    if (!fs::exists(queries)) continue;
    std::ifstream in(queries);
    std::string line, results;
    while (std::getline(in, line)) {
      if (line.empty()) continue;
      std::vector<std::string> args = {"path", "--db", db, "--json", "--via-concepts"};
      for (auto& part : split_tabs(line)) args.push_back(part);
      Ran r = kg_run(args);
      INFO(line << "\n" << r.err);
      CHECK(r.code == 0);
      results += "# " + line + "\n" + r.out;
    }
    check_golden(results, data_dir() / (stem + ".paths.expected"));
  }
}

TEST_CASE("kg path prints paths in text and JSON, and no path is an answer", "[query]") {
  std::string db = ingested("path");
  Ran text = kg_run({"path", "--db", db, "joe biden", "Olaf Scholz", "--via-concepts"});
  INFO(text.err);
  REQUIRE(text.code == 0);
  CHECK(text.out ==
        "Joe Biden -[agree to]-> arms control talks <-[welcome]- Olaf Scholz  (2 hops)\n");

  Ran json = kg_run({"path", "--db", db, "Biden", "Scholz", "--json", "--via-concepts"});
  REQUIRE(json.code == 0);
  CHECK(json.out ==
        "{\"paths\":[{\"nodes\":[\"Joe Biden\",\"arms control talks\",\"Olaf Scholz\"],"
        "\"relations\":[\"agree to\",\"<welcome\"]}]}\n");

  Ran none = kg_run({"path", "--db", db, "Joe Biden", "Kyiv", "--max-hops", "3", "--via-concepts"});
  CHECK(none.code == 0);
  CHECK(none.out == "no path between Joe Biden and Kyiv within 3 hops\n");
  Ran none_json = kg_run({"path", "--db", db, "Joe Biden", "Kyiv", "--json"});
  CHECK(none_json.code == 0);
  CHECK(none_json.out == "{\"paths\":[]}\n");

  Ran k = kg_run({"path", "--db", db, "Putin", "Genève Forum", "--k", "3", "--via-concepts"});
  REQUIRE(k.code == 0);
  CHECK(k.out ==
        "1. Vladimir Putin <-[meet]- Joe Biden -[meet in]-> Geneva <-[take place in]- Genève "
        "Forum  (3 hops)\n"
        "2. Vladimir Putin -[agree to]-> arms control talks <-[agree to]- Joe Biden -[meet in]-> "
        "Geneva <-[take place in]- Genève Forum  (4 hops)\n");

  CHECK(kg_run({"path", "--db", db, "Joe Biden", "Kyiv", "--k", "0"}).code == 2);
  CHECK(kg_run({"path", "--db", db, "Joe Biden", "Kyiv", "--max-hops", "0"}).code == 2);
}

TEST_CASE("kg path and kg neighbors name an unknown entity and suggest close ones", "[query]") {
  std::string db = ingested("unknown");
  Ran path = kg_run({"path", "--db", db, "Joe Bidn", "Kyiv"});
  CHECK(path.code == 1);
  CHECK(path.out.empty());
  CHECK(path.err.rfind("kg path: unknown entity 'Joe Bidn' (did you mean: Joe Biden", 0) == 0);
  CHECK(path.err.find("?)\n") != std::string::npos);
  Ran n = kg_run({"neighbors", "--db", db, "Vladimir Putn"});
  CHECK(n.code == 1);
  CHECK(n.err.rfind("kg neighbors: unknown entity 'Vladimir Putn' (did you mean: Vladimir Putin",
                    0) == 0);
  Ran missing_db = kg_run({"path", "--db", (scratch("unknown-db") / "nope").string(), "A", "B"});
  CHECK(missing_db.code == 1);
  CHECK_FALSE(fs::exists(scratch("unknown-db") / "nope"));
}

TEST_CASE("kg neighbors lists edges by direction and relation, with evidence", "[query]") {
  std::string db = ingested("neighbors");
  Ran all = kg_run({"neighbors", "--db", db, "putin"});
  INFO(all.err);
  REQUIRE(all.code == 0);
  CHECK(all.out.rfind("Vladimir Putin (PERSON, ", 0) == 0);
  CHECK(all.out.find("  <-[meet]- Joe Biden (PERSON)  2 facts\n") != std::string::npos);
  CHECK(all.out.find("  -[NOT invite]-> Joe Biden (PERSON)  1 fact\n") != std::string::npos);

  Ran out = kg_run({"neighbors", "--db", db, "Vladimir Putin", "--direction", "out", "--json"});
  REQUIRE(out.code == 0);
  auto j = nlohmann::json::parse(out.out);
  CHECK(j["entity"]["name"] == "Vladimir Putin");
  REQUIRE(j["neighbors"].size() == 3);
  for (const auto& n : j["neighbors"]) {
    CHECK(n["direction"] == "out");
    CHECK_FALSE(n.contains("evidence"));
  }

  Ran ev =
      kg_run({"neighbors", "--db", db, "Joe Biden", "--relation", "meet", "--evidence", "--json"});
  REQUIRE(ev.code == 0);
  auto e = nlohmann::json::parse(ev.out);
  REQUIRE(e["neighbors"].size() == 1);
  CHECK(e["neighbors"][0]["count"] == 2);
  CHECK(e["neighbors"][0]["evidence"].size() == 2);
  CHECK(e["neighbors"][0]["evidence"][0]["doc"] == "summit-1");
  CHECK(e["neighbors"][0]["evidence"][0]["text"] == "Biden met Putin in Geneva on Wednesday.");

  Ran text = kg_run({"neighbors", "--db", db, "Joe Biden", "--relation", "meet", "--evidence"});
  REQUIRE(text.code == 0);
  CHECK(text.out.find("      [summit-2 #0] President Biden met Putin for four hours.\n") !=
        std::string::npos);
  CHECK(kg_run({"neighbors", "--db", db, "Joe Biden", "--direction", "up"}).code == 2);
}

TEST_CASE("kg export writes files atomically, CSV as two files, and a neighbourhood", "[export]") {
  std::string db = ingested("export");
  fs::path dir = scratch("export-out");
  Ran nt = kg_run({"export", "--db", db, "--format", "ntriples", "-o", (dir / "g.nt").string(),
                   "--base-iri", "urn:kg:"});
  INFO(nt.err);
  REQUIRE(nt.code == 0);
  CHECK(nt.out.empty());
  CHECK(slurp(dir / "g.nt")
            .find("<urn:kg:entity/Joe%20Biden> <urn:kg:relation/meet> "
                  "<urn:kg:entity/Vladimir%20Putin> .\n") != std::string::npos);
  CHECK(kg_run({"export", "--db", db, "--format", "ntriples", "--base-iri", "not an iri"}).code ==
        2);

  Ran csv = kg_run({"export", "--db", db, "--format", "csv", "-o", (dir / "g.csv").string()});
  REQUIRE(csv.code == 0);
  CHECK(slurp(dir / "g-nodes.csv").rfind("id:ID,name,:LABEL,", 0) == 0);
  CHECK(slurp(dir / "g-edges.csv").rfind(":START_ID,:END_ID,:TYPE,", 0) == 0);
  CHECK_FALSE(fs::exists(dir / "g.csv"));

  Ran graphml = kg_run({"export", "--db", db, "--format", "graphml", "--around", "Geneva", "--hops",
                        "1", "--min-count", "1"});
  REQUIRE(graphml.code == 0);
  CHECK(graphml.out.find("<graphml") != std::string::npos);

  Ran around = kg_run({"export", "--db", db, "--format", "json", "--around", "Putin", "--hops", "1",
                       "--min-count", "2"});
  REQUIRE(around.code == 0);
  auto j = nlohmann::json::parse(around.out);
  CHECK(j["nodes"].size() == 2);
  CHECK(j["edges"].size() == 1);

  Ran bad = kg_run(
      {"export", "--db", db, "--format", "dot", "-o", (dir / "missing-dir" / "g.dot").string()});
  CHECK(bad.code == 1);
  CHECK_FALSE(fs::exists(dir / "missing-dir"));
  CHECK(kg_run({"export", "--db", db, "--format", "dot", "--hops", "2"}).code == 2);
  CHECK(kg_run({"export", "--db", db, "--format", "svg"}).code == 2);
}

TEST_CASE("kg render runs Graphviz and explains when it cannot", "[export]") {
  std::string db = ingested("render");
  fs::path dir = scratch("render-out");
  CHECK(kg_run({"render", "--db", db, "-o", (dir / "g.gif").string()}).code == 2);

  std::string old_path = std::getenv("PATH") ? std::getenv("PATH") : "";
  setenv("PATH", (dir / "empty").c_str(), 1);
  Ran missing = kg_run({"render", "--db", db, "-o", (dir / "g.svg").string()});
  setenv("PATH", old_path.c_str(), 1);
  CHECK(missing.code == 1);
  CHECK(missing.err == "kg render: Graphviz 'dot' not found on PATH; install graphviz\n");

  if (system("command -v dot >/dev/null 2>&1") != 0) {
    WARN("Graphviz not installed; rendering itself not checked");
    return;
  }
  Ran svg = kg_run(
      {"render", "--db", db, "--around", "Geneva", "--hops", "2", "-o", (dir / "g.svg").string()});
  INFO(svg.err);
  REQUIRE(svg.code == 0);
  std::string image = slurp(dir / "g.svg");
  CHECK(image.find("<svg") != std::string::npos);
  CHECK(image.find(">Genève Forum<") != std::string::npos);
  CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) == 1);
}

TEST_CASE("An entity is named by name, alias or id:, and an ambiguous name lists its candidates",
          "[cli]") {
  fs::path dir = scratch("ambiguous");
  const std::string triples = (dir / "t.jsonl").string();
  std::ofstream(triples)
      << R"({"doc":"d1","subject":"Apple","subject_type":"ORG","relation":"hire","object":"Tim Cook","object_type":"PERSON"})"
      << "\n"
      << R"({"doc":"d1","subject":"apple","subject_type":"CONCEPT","relation":"grow on","object":"tree","object_type":"CONCEPT"})"
      << "\n"
      << R"({"doc":"d2","subject":"James Baker","subject_text":"Baker","subject_type":"PERSON","relation":"meet","object":"Tim Cook","object_type":"PERSON"})"
      << "\n"
      << R"({"doc":"d3","subject":"Howard Baker","subject_text":"Baker","subject_type":"PERSON","relation":"meet","object":"Tim Cook","object_type":"PERSON"})"
      << "\n";
  const std::string db = (dir / "db").string();
  REQUIRE(kg_run({"ingest", "--db", db, triples}).code == 0);
  // Two nodes are called "apple": refused, with both listed; --type or id: picks one.
  Ran both = kg_run({"neighbors", "--db", db, "apple"});
  CHECK(both.code == 1);
  CHECK(both.err.find("'apple' names 2 entities") != std::string::npos);
  CHECK(both.err.find("ORG Apple (1 mentions)") != std::string::npos);
  CHECK(both.err.find("CONCEPT apple (1 mentions)") != std::string::npos);
  Ran org = kg_run({"neighbors", "--db", db, "apple", "--type", "ORG", "--json"});
  REQUIRE(org.code == 0);
  const auto j = nlohmann::json::parse(org.out);
  CHECK(j["entity"]["type"] == "ORG");
  const std::string id = j["entity"]["id"];
  Ran by_id = kg_run({"neighbors", "--db", db, "id:" + id, "--json"});
  REQUIRE(by_id.code == 0);
  CHECK(nlohmann::json::parse(by_id.out)["entity"]["name"] == "Apple");
  CHECK(kg_run({"neighbors", "--db", db, "id:0123"}).code == 1);
  // So does "Name (TYPE)", as the text outputs print a node.
  Ran printed = kg_run({"neighbors", "--db", db, "apple (CONCEPT)", "--json"});
  REQUIRE(printed.code == 0);
  CHECK(nlohmann::json::parse(printed.out)["entity"]["type"] == "CONCEPT");
  CHECK(kg_run({"neighbors", "--db", db, "Apple (PERSON)"}).code == 1);
  // "Baker" is an alias of two people: refused; the full names are not ambiguous.
  Ran baker = kg_run({"neighbors", "--db", db, "Baker"});
  CHECK(baker.code == 1);
  CHECK(baker.err.find("James Baker") != std::string::npos);
  CHECK(baker.err.find("Howard Baker") != std::string::npos);
  CHECK(kg_run({"neighbors", "--db", db, "Howard Baker"}).code == 0);
  // A path takes id: too.
  CHECK(kg_run({"path", "--db", db, "id:" + id, "Howard Baker"}).code == 0);
}

TEST_CASE("kg neighbors --relation matches a relation group in any form, kg relations lists them",
          "[cli]") {
  fs::path dir = scratch("relation-groups");
  const std::string triples = (dir / "t.jsonl").string();
  std::ofstream(triples)
      << R"({"doc":"d1","subject":"James Baker","subject_type":"PERSON","relation":"meet with","object":"Karl Otto Poehl","object_type":"PERSON"})"
      << "\n"
      << R"({"doc":"d2","subject":"James Baker","subject_type":"PERSON","relation":"hold talk with","object":"Kiichi Miyazawa","object_type":"PERSON"})"
      << "\n"
      << R"({"doc":"d3","subject":"James Baker","subject_type":"PERSON","relation":"meet in","object":"Paris","object_type":"LOC"})"
      << "\n"
      << R"({"doc":"d4","subject":"AMD","subject_type":"ORG","relation":"agree to acquire","object":"SeaMicro","object_type":"ORG"})"
      << "\n"
      << R"({"doc":"d5","subject":"AMD","subject_type":"ORG","relation":"buy","object":"SeaMicro","object_type":"ORG"})"
      << "\n";
  const std::string db = (dir / "db").string();
  REQUIRE(kg_run({"ingest", "--db", db, triples}).code == 0);
  Ran met = kg_run({"neighbors", "--db", db, "James Baker", "--relation", "met", "--json"});
  REQUIRE(met.code == 0);
  std::set<std::string> others;
  const auto j = nlohmann::json::parse(met.out);
  for (const auto& n : j["neighbors"]) others.insert(n["entity"]["name"]);
  CHECK(others == std::set<std::string>{"Karl Otto Poehl", "Kiichi Miyazawa"});
  Ran exact = kg_run({"neighbors", "--db", db, "James Baker", "--relation", "meet with",
                      "--relation-exact", "--json"});
  CHECK(nlohmann::json::parse(exact.out)["neighbors"].size() == 1);
  // No edge of the relation: a hint with the entity's relations, on stderr.
  Ran none = kg_run({"neighbors", "--db", db, "James Baker", "--relation", "sold"});
  CHECK(none.code == 0);
  CHECK(none.err.find("read as 'sell'") != std::string::npos);
  CHECK(none.err.find("meet") != std::string::npos);
  Ran rel = kg_run({"relations", "--db", db, "--json"});
  REQUIRE(rel.code == 0);
  const auto r = nlohmann::json::parse(rel.out)["relations"];
  std::map<std::string, int> facts;
  for (const auto& x : r) facts[x["relation"]] = x["facts"];
  CHECK(facts["meet"] == 2);
  CHECK(facts["acquire"] == 2);
  CHECK(facts["meet in"] == 1);
  Ran bought = kg_run({"relations", "--db", db, "--match", "bought"});
  CHECK(bought.out.rfind("2\tacquire\t(", 0) == 0);
}

TEST_CASE("A path runs through named entities unless --via-concepts, and may end at a concept",
          "[cli]") {
  fs::path dir = scratch("via-concepts");
  const std::string triples = (dir / "t.jsonl").string();
  std::ofstream(triples)
      << R"({"doc":"d1","subject":"Steve Jobs","subject_type":"PERSON","relation":"describe","object":"range","object_type":"CONCEPT"})"
      << "\n"
      << R"({"doc":"d2","subject":"Warren Jeffs","subject_type":"PERSON","relation":"have","object":"range","object_type":"CONCEPT"})"
      << "\n";
  const std::string db = (dir / "db").string();
  REQUIRE(kg_run({"ingest", "--db", db, triples}).code == 0);
  Ran none = kg_run({"path", "--db", db, "Steve Jobs", "Warren Jeffs"});
  REQUIRE(none.code == 0);
  CHECK(none.out.find("no path between Steve Jobs and Warren Jeffs") != std::string::npos);
  CHECK(none.out.find("--via-concepts") != std::string::npos);
  Ran via = kg_run({"path", "--db", db, "Steve Jobs", "Warren Jeffs", "--via-concepts", "--json"});
  REQUIRE(via.code == 0);
  CHECK(nlohmann::json::parse(via.out)["paths"][0]["nodes"] ==
        nlohmann::json::array({"Steve Jobs", "range", "Warren Jeffs"}));
  Ran k = kg_run({"path", "--db", db, "Steve Jobs", "Warren Jeffs", "--k", "3", "--json"});
  REQUIRE(k.code == 0);
  CHECK(nlohmann::json::parse(k.out)["paths"].empty());
  // A concept named as an end is walked to.
  Ran end = kg_run({"path", "--db", db, "Steve Jobs", "range", "--json"});
  REQUIRE(end.code == 0);
  CHECK(nlohmann::json::parse(end.out)["paths"].size() == 1);
}

TEST_CASE("kg export --since and --until count only the facts of documents dated in range",
          "[export]") {
  const std::string db = dated_db("export-dates");
  const auto all = exported(db, {});
  CHECK(edges_by_name(all).size() == 5);
  CHECK(edges_by_name(all).at("James Baker -[meet]-> Karl Otto Poehl")["count"] == 2);

  // March 1987: d2 alone. The meeting counts one fact, its document and date are d2's.
  const auto march = exported(db, {"--since", "1987-03-01", "--until", "1987-03-31"});
  const auto edges = edges_by_name(march);
  REQUIRE(edges.size() == 1);
  const auto& meet = edges.at("James Baker -[meet]-> Karl Otto Poehl");
  CHECK(meet["count"] == 1);
  CHECK(meet["docs"] == nlohmann::json::array({"d2"}));
  CHECK(meet["first_date"] == "1987-03-10");
  CHECK(meet["last_date"] == "1987-03-10");
  // Bundesbank stays for its March value; the undated criticism is outside every range.
  CHECK(node_names(march) == std::set<std::string>{"Bundesbank", "James Baker", "Karl Otto Poehl"});
  for (const auto& n : march["nodes"]) {
    if (n["name"] != "Bundesbank") continue;
    REQUIRE(n["values"].size() == 1);
    CHECK(n["values"][0]["value"] == "3 pct");
    CHECK(n["values"][0]["count"] == 1);
    CHECK(n["values"][0]["docs"] == nlohmann::json::array({"d2"}));
  }

  // Until March: d1, d2 and d5; the April meeting and the undated criticism are left out.
  const auto until = edges_by_name(exported(db, {"--until", "1987-03-31"}));
  CHECK(until.size() == 3);
  CHECK(until.at("James Baker -[meet]-> Karl Otto Poehl")["count"] == 2);
  CHECK(until.at("James Baker -[meet]-> Karl Otto Poehl")["first_date"] == "1987-02-26");
  CHECK(until.count("James Baker -[visit]-> Bonn") == 1);
  CHECK(until.count("Kiichi Miyazawa -[visit]-> Washington") == 1);
  CHECK(until.count("James Baker -[meet]-> Kiichi Miyazawa") == 0);
  CHECK(until.count("James Baker -[criticize]-> Bundesbank") == 0);
  const auto since = edges_by_name(exported(db, {"--since", "1987-04-01"}));
  REQUIRE(since.size() == 1);
  CHECK(since.count("James Baker -[meet]-> Kiichi Miyazawa") == 1);

  // The neighbourhood is walked over the kept edges: Miyazawa (met in April) and Washington
  // (whose February visit is in range) are two hops from Baker only through the April meeting.
  CHECK(node_names(exported(db, {"--around", "James Baker", "--hops", "2"})).count("Washington"));
  const auto around =
      exported(db, {"--around", "James Baker", "--hops", "2", "--until", "1987-03-31"});
  CHECK(node_names(around) == std::set<std::string>{"Bonn", "James Baker", "Karl Otto Poehl"});
  CHECK(edges_by_name(around).at("James Baker -[meet]-> Karl Otto Poehl")["count"] == 2);
  // An entity without kept facts is shown alone.
  const auto alone = exported(db, {"--around", "Kiichi Miyazawa", "--until", "1987-01-31"});
  CHECK(node_names(alone) == std::set<std::string>{"Kiichi Miyazawa"});
  CHECK(alone["edges"].empty());
  // --min-count counts kept facts.
  const auto strong = edges_by_name(exported(db, {"--until", "1987-03-31", "--min-count", "2"}));
  CHECK(strong.size() == 1);
  CHECK(edges_by_name(exported(db, {"--since", "1987-03-01", "--min-count", "2"})).empty());

  // Other formats recount alike.
  Ran csv = kg_run({"export", "--db", db, "--format", "csv", "--since", "1987-03-01", "--until",
                    "1987-03-31"});
  REQUIRE(csv.code == 0);
  CHECK(csv.out.find(",meet,false,1,d2,1987-03-10,1987-03-10\n") != std::string::npos);
  CHECK(csv.out.find("visit") == std::string::npos);
}

TEST_CASE("kg render draws only the facts the filters keep", "[export]") {
  const std::string db = dated_db("render-filters");
  fs::path dir = scratch("render-filters-out");
  // A stand-in for Graphviz that copies the DOT it is given to the image file
  // (dot -Tsvg -o IMAGE INPUT), so the test reads what kg render drew.
  fs::create_directories(dir / "bin");
  std::ofstream(dir / "bin" / "dot") << "#!/bin/sh\nexec /bin/cp \"$4\" \"$3\"\n";
  fs::permissions(dir / "bin" / "dot", fs::perms::owner_all);
  auto render = [&](std::vector<std::string> options) {
    std::vector<std::string> args = {"render", "--db", db, "-o", (dir / "g.svg").string()};
    args.insert(args.end(), options.begin(), options.end());
    std::string old_path = std::getenv("PATH") ? std::getenv("PATH") : "";
    setenv("PATH", (dir / "bin").c_str(), 1);
    Ran r = kg_run(args);
    setenv("PATH", old_path.c_str(), 1);
    INFO(r.err);
    REQUIRE(r.code == 0);
    return slurp(dir / "g.svg");
  };
  auto count = [](const std::string& text, const std::string& what) {
    size_t n = 0;
    for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
  };
  const std::string all = render({});
  CHECK(all.rfind("digraph kg {", 0) == 0);
  CHECK(count(all, "[label=\"meet\"") == 2);
  CHECK(count(all, "label=\"criticize\"") == 1);
  CHECK(count(all, "tooltip=\"2 facts\"") == 1);

  const std::string until = render({"--until", "1987-03-31"});
  CHECK(count(until, "[label=\"meet\"") == 1);  // Baker and Poehl; not the April meeting
  CHECK(count(until, "tooltip=\"2 facts\"") == 1);
  CHECK(count(until, "label=\"criticize\"") == 0);
  CHECK(count(until, "label=\"Washington\"") == 1);

  const std::string confident = render({"--min-confidence", "0.85"});
  CHECK(count(confident, "[label=\"meet\"") == 1);
  CHECK(count(confident, "tooltip=\"2 facts\"") == 0);  // its 0.8 fact is left out
  CHECK(count(confident, "label=\"Bonn\"") == 0);
  CHECK(count(confident, "label=\"criticize\"") == 1);
}

TEST_CASE("Neighbors and export with --min-confidence count only facts of that confidence",
          "[query][export]") {
  const std::string db = dated_db("min-confidence");
  auto neighbours = [&](std::vector<std::string> options) {
    std::vector<std::string> args = {"neighbors", "--db", db, "James Baker", "--json"};
    args.insert(args.end(), options.begin(), options.end());
    Ran r = kg_run(args);
    INFO(r.err);
    REQUIRE(r.code == 0);
    std::map<std::string, nlohmann::json> by_name;
    const auto j = nlohmann::json::parse(r.out);
    for (const auto& n : j["neighbors"]) {
      by_name[n["relation"].get<std::string>() + " " + n["entity"]["name"].get<std::string>()] = n;
    }
    return by_name;
  };
  CHECK(neighbours({}).size() == 4);
  const auto half = neighbours({"--min-confidence", "0.5"});
  CHECK(half.size() == 2);  // not the visit to Bonn (0.3) nor the meeting with Miyazawa (0.4)
  CHECK(half.at("meet Karl Otto Poehl")["count"] == 2);
  CHECK(half.count("criticize Bundesbank") == 1);
  const auto high = neighbours({"--min-confidence", "0.85", "--evidence"});
  REQUIRE(high.size() == 2);
  CHECK(high.at("meet Karl Otto Poehl")["count"] == 1);
  REQUIRE(high.at("meet Karl Otto Poehl")["evidence"].size() == 1);
  CHECK(high.at("meet Karl Otto Poehl")["evidence"][0]["doc"] == "d1");
  // With the date filter: both must hold.
  const auto both = neighbours({"--min-confidence", "0.85", "--since", "1987-03-01"});
  CHECK(both.empty());
  CHECK(neighbours({"--min-confidence", "0"}).size() == 4);

  const auto graph = exported(db, {"--min-confidence", "0.5"});
  const auto edges = edges_by_name(graph);
  CHECK(edges.size() == 3);
  CHECK(edges.at("James Baker -[meet]-> Karl Otto Poehl")["count"] == 2);
  CHECK(edges.count("Kiichi Miyazawa -[visit]-> Washington") == 1);
  CHECK(node_names(graph).count("Bonn") == 0);
  const auto high_graph = exported(db, {"--min-confidence", "0.75"});
  CHECK(edges_by_name(high_graph).at("James Baker -[meet]-> Karl Otto Poehl")["docs"] ==
        nlohmann::json::array({"d1", "d2"}));
  for (const auto& n : high_graph["nodes"]) CHECK_FALSE(n.contains("values"));  // 3 pct is 0.7
  CHECK(exported(db, {"--min-confidence", "0.85", "--since", "1987-03-01"})["edges"].empty());
  // 0 keeps every fact: the output is the unfiltered one.
  Ran plain = kg_run({"export", "--db", db, "--format", "json"});
  Ran zero = kg_run({"export", "--db", db, "--format", "json", "--min-confidence", "0"});
  CHECK(zero.out == plain.out);
}

TEST_CASE("A bad date or a confidence outside 0..1 is a usage error naming option and value",
          "[query][export]") {
  const std::string db = dated_db("bad-filters");
  const std::vector<std::vector<std::string>> bad = {
      {"export", "--db", db, "--format", "json", "--since", "1987-3-1"},
      {"export", "--db", db, "--format", "json", "--until", "31.03.1987"},
      {"render", "--db", db, "-o", "g.svg", "--since", "1987"},
      {"export", "--db", db, "--format", "json", "--min-confidence", "1.5"},
      {"export", "--db", db, "--format", "json", "--min-confidence", "-0.1"},
      {"render", "--db", db, "-o", "g.svg", "--min-confidence", "high"},
      {"neighbors", "--db", db, "James Baker", "--min-confidence", "nan"},
      {"neighbors", "--db", db, "James Baker", "--min-confidence", "2"},
  };
  for (const auto& args : bad) {
    Ran r = kg_run(args);
    INFO(args[0] << " " << args[args.size() - 2] << " " << args.back() << ": " << r.err);
    CHECK(r.code == 2);
    CHECK(r.out.empty());
    // One line names the option and the value; CLI11 adds its usual hint, as to every usage
    // error.
    const std::string line = r.err.substr(0, r.err.find('\n'));
    CHECK(line.rfind(args[args.size() - 2] + ": expected a ", 0) == 0);
    CHECK(line.find("got '" + args.back() + "'") != std::string::npos);
    CHECK(r.err.substr(line.size()) == "\nRun with --help for more information.\n");
  }
}

TEST_CASE("kg path --type names the ends, --since, --until and --min-confidence filter edges",
          "[cli]") {
  fs::path dir = scratch("path-filters");
  const std::string db = (dir / "db").string();
  {
    // Dated documents: written through the store, as kg ingest's triples carry no date.
    auto writer = kg::GraphWriter::open(db);
    REQUIRE(writer.ok());
    auto doc = [&](const std::string& id, const std::string& date,
                   std::vector<std::tuple<std::string, std::string, std::string, std::string,
                                          std::string, double>> facts) {
      kg::DocumentFacts d;
      d.id = id;
      d.date = date;
      for (auto& [s, st, r, o, ot, confidence] : facts) {
        kg::Triple t;
        t.doc = id;
        t.subject = s;
        t.subject_type = st;
        t.relation = r;
        t.object = o;
        t.object_type = ot;
        t.confidence = confidence;
        t.sentence = static_cast<int>(d.triples.size());
        t.text = s + " " + r + " " + o + ".";
        d.triples.push_back(t);
      }
      REQUIRE((*writer)->put_document(d).ok());
    };
    doc("d1", "1987-03-01",
        {{"Apple", "ORG", "hire", "Tim Cook", "PERSON", 0.9},
         {"apple", "CONCEPT", "grow on", "tree", "CONCEPT", 0.9}});
    doc("d2", "2021-05-01", {{"Tim Cook", "PERSON", "meet", "Joe Biden", "PERSON", 0.4}});
    doc("d3", "1987-04-01",
        {{"Apple", "ORG", "sue", "Microsoft", "ORG", 0.9},
         {"Microsoft", "ORG", "hire", "Bill Gates", "PERSON", 0.9},
         {"Bill Gates", "PERSON", "meet", "Joe Biden", "PERSON", 0.8}});
  }
  // "apple" names an ORG and a concept: --type picks, for both ends.
  Ran ambiguous = kg_run({"path", "--db", db, "apple", "Joe Biden"});
  CHECK(ambiguous.code == 1);
  CHECK(ambiguous.err.find("'apple' names 2 entities") != std::string::npos);
  Ran typed = kg_run({"path", "--db", db, "apple", "Joe Biden", "--type", "ORG,PERSON"});
  INFO(typed.err);
  REQUIRE(typed.code == 0);
  CHECK(typed.out == "Apple -[hire]-> Tim Cook -[meet]-> Joe Biden  (2 hops)\n");
  Ran wrong_type = kg_run({"path", "--db", db, "apple", "Joe Biden", "--type", "ORG"});
  CHECK(wrong_type.code == 1);
  CHECK(wrong_type.err.find("unknown entity 'Joe Biden' of type ORG") != std::string::npos);

  const std::string old_path =
      "Apple -[sue]-> Microsoft -[hire]-> Bill Gates -[meet]-> Joe Biden  (3 hops)\n";
  Ran until = kg_run({"path", "--db", db, "Apple", "Joe Biden", "--until", "1999-12-31"});
  REQUIRE(until.code == 0);
  CHECK(until.out == old_path);
  Ran sure = kg_run({"path", "--db", db, "Apple", "Joe Biden", "--min-confidence", "0.5"});
  REQUIRE(sure.code == 0);
  CHECK(sure.out == old_path);
  Ran k = kg_run({"path", "--db", db, "Apple", "Joe Biden", "--k", "3", "--json"});
  REQUIRE(k.code == 0);
  CHECK(nlohmann::json::parse(k.out)["paths"].size() == 2);
  Ran k_dated = kg_run({"path", "--db", db, "Apple", "Joe Biden", "--k", "3", "--json", "--since",
                        "1987-03-15"});
  REQUIRE(k_dated.code == 0);
  CHECK(nlohmann::json::parse(k_dated.out)["paths"] ==
        nlohmann::json::parse(R"([{"nodes": ["Apple", "Microsoft", "Bill Gates", "Joe Biden"],
                                   "relations": ["sue", "hire", "meet"]}])"));
  Ran none = kg_run({"path", "--db", db, "Apple", "Joe Biden", "--since", "2000-01-01"});
  REQUIRE(none.code == 0);
  CHECK(none.out.rfind("no path between Apple and Joe Biden within 6 hops", 0) == 0);
  CHECK(none.out.find("over facts dated 2000-01-01 to ...") != std::string::npos);

  CHECK(kg_run({"path", "--db", db, "Apple", "Joe Biden", "--since", "1987"}).code == 2);
  CHECK(kg_run({"path", "--db", db, "Apple", "Joe Biden", "--min-confidence", "1.5"}).code == 2);
}
