#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/graphml.hpp>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>

#include "export/export.h"
#include "query/fake_store.h"

using namespace kg;
using kg::testing::FakeStore;

namespace {

// A small graph with names that need escaping in every format.
FakeStore tricky_store() {
  FakeStore store;
  FakeStore::Fact f;
  f.doc = "doc-1";
  f.subject_type = "PERSON";
  f.object_type = "ORG";
  f.subject_text = "Biden";
  store.add("Joe Biden", "lead", "AT&T \"Labs\" <R&D>", f);
  f.doc = "doc-2";
  store.add("Joe Biden", "lead", "AT&T \"Labs\" <R&D>", f);
  f.object_type = "LOC";
  f.subject_text = "";
  store.add("Joe Biden", "visit", "Київ", f);
  f.negated = true;
  store.add("Joe Biden", "meet", "Back\\slash\nName", f);
  return store;
}

Subgraph collect(FakeStore& store, SubgraphOptions opt = {}) {
  opt.with_docs = true;
  auto g = collect_subgraph(store, opt);
  REQUIRE(g.ok());
  return std::move(*g);
}

}  // namespace

TEST_CASE("collect_subgraph keeps edges with enough support and the entities they join",
          "[export]") {
  FakeStore store = tricky_store();
  store.add("X", "r", "Y");
  Subgraph all = collect(store);
  CHECK(all.nodes.size() == 6);
  CHECK(all.edges.size() == 4);
  CHECK(all.nodes.front().name == "AT&T \"Labs\" <R&D>");  // sorted by name
  SubgraphOptions two;
  two.min_count = 2;
  Subgraph strong = collect(store, two);
  REQUIRE(strong.edges.size() == 1);
  CHECK(strong.edges[0].edge.relation_label == "lead");
  CHECK(strong.edges[0].docs == std::vector<std::string>{"doc-1", "doc-2"});
  CHECK(strong.nodes.size() == 2);
}

TEST_CASE("collect_subgraph --around keeps the N-hop neighbourhood", "[export]") {
  FakeStore store;
  store.add("A", "r", "B");
  store.add("C", "r", "B");
  store.add("C", "r", "D");
  store.add("E", "r", "F");
  SubgraphOptions opt;
  opt.around = FakeStore::id_of("A");
  opt.hops = 1;
  Subgraph one = collect(store, opt);
  CHECK(one.nodes.size() == 2);
  CHECK(one.edges.size() == 1);
  opt.hops = 2;
  Subgraph two = collect(store, opt);
  CHECK(two.nodes.size() == 3);
  CHECK(two.edges.size() == 2);
  opt.hops = 5;
  CHECK(collect(store, opt).nodes.size() == 4);
  opt.min_count = 2;
  Subgraph lonely = collect(store, opt);
  REQUIRE(lonely.nodes.size() == 1);
  CHECK(lonely.nodes[0].name == "A");
  CHECK(lonely.edges.empty());
}

TEST_CASE("DOT output styles nodes by type, labels edges and dashes negated ones", "[export]") {
  FakeStore store = tricky_store();
  std::ostringstream out;
  write_dot(collect(store), out);
  std::string dot = out.str();
  std::string biden = node_id(FakeStore::id_of("Joe Biden"));
  CHECK(dot.rfind("digraph kg {\n", 0) == 0);
  CHECK(dot.find("\"" + biden + "\" [label=\"Joe Biden\", shape=ellipse") != std::string::npos);
  CHECK(dot.find("[label=\"AT&amp;T \\\"Labs\\\" <R&amp;D>\", shape=box") != std::string::npos);
  CHECK(dot.find("[label=\"Київ\", shape=hexagon") != std::string::npos);
  CHECK(dot.find("[label=\"Back\\\\slash\\nName\", shape=hexagon") != std::string::npos);
  CHECK(dot.find("[label=\"meet\", style=dashed") != std::string::npos);
  CHECK(dot.find("[label=\"lead\", penwidth=") != std::string::npos);
  CHECK(dot.find("[label=\"visit\", tooltip=") != std::string::npos);
}

TEST_CASE("DOT output renders with Graphviz showing names exactly", "[export]") {
  const char* path = std::getenv("PATH");
  if (!find_on_path("dot", path ? path : "")) {
    WARN("Graphviz dot not installed; skipped");
    return;
  }
  FakeStore store = tricky_store();
  std::ostringstream dot;
  write_dot(collect(store), dot);
  std::string svg_path = std::string(KG_BINARY_DIR) + "/export-test-render.svg";
  REQUIRE(render_with_graphviz(dot.str(), svg_path).ok());
  std::ifstream in(svg_path);
  std::stringstream svg;
  svg << in.rdbuf();
  CHECK(svg.str().find(">AT&amp;T &quot;Labs&quot; &lt;R&amp;D&gt;<") != std::string::npos);
  CHECK(svg.str().find(">Back\\slash<") != std::string::npos);
  CHECK(svg.str().find(">Київ<") != std::string::npos);
  std::remove(svg_path.c_str());
}

TEST_CASE("JSON output has exactly the graph JSON shape", "[export]") {
  FakeStore store = tricky_store();
  std::ostringstream out;
  write_json(collect(store), out);
  auto j = nlohmann::json::parse(out.str());
  REQUIRE(j.size() == 2);
  REQUIRE(j["nodes"].size() == 4);
  REQUIRE(j["edges"].size() == 3);
  std::set<std::string> ids;
  for (const auto& n : j["nodes"]) {
    CHECK(n.size() == 5);
    CHECK(n["id"].is_string());
    CHECK(n["name"].is_string());
    CHECK(n["type"].is_string());
    CHECK(n["aliases"].is_array());
    CHECK(n["mentions"].is_number_integer());
    ids.insert(n["id"].get<std::string>());
  }
  for (const auto& e : j["edges"]) {
    CHECK(e.size() == 6);
    CHECK(ids.count(e["source"].get<std::string>()) == 1);
    CHECK(ids.count(e["target"].get<std::string>()) == 1);
    CHECK(e["relation"].is_string());
    CHECK(e["negated"].is_boolean());
    CHECK(e["count"].is_number_integer());
    CHECK(e["docs"].is_array());
  }
  auto biden = std::find_if(j["nodes"].begin(), j["nodes"].end(),
                            [](const auto& n) { return n["name"] == "Joe Biden"; });
  REQUIRE(biden != j["nodes"].end());
  CHECK((*biden)["aliases"] == nlohmann::json::array({"Biden"}));
  CHECK((*biden)["mentions"] == 4);
  CHECK(j["edges"][0]["relation"] == "lead");
  CHECK(j["edges"][0]["docs"] == nlohmann::json::array({"doc-1", "doc-2"}));

  std::ostringstream empty;
  write_json({}, empty);
  CHECK(empty.str() == "{\"nodes\": [],\n \"edges\": []}\n");
}

TEST_CASE("GraphML output is well-formed and reads back with its nodes and edges", "[export]") {
  FakeStore store = tricky_store();
  std::ostringstream out;
  write_graphml(collect(store), out);
  struct V {
    std::string name, type;
    long mentions = 0;
  };
  struct E {
    std::string relation;
    bool negated = false;
    long count = 0;
  };
  boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, V, E> g;
  boost::dynamic_properties dp(boost::ignore_other_properties);
  dp.property("name", boost::get(&V::name, g));
  dp.property("type", boost::get(&V::type, g));
  dp.property("mentions", boost::get(&V::mentions, g));
  dp.property("relation", boost::get(&E::relation, g));
  dp.property("negated", boost::get(&E::negated, g));
  dp.property("count", boost::get(&E::count, g));
  std::istringstream in(out.str());
  REQUIRE_NOTHROW(boost::read_graphml(in, g, dp));
  REQUIRE(boost::num_vertices(g) == 4);
  REQUIRE(boost::num_edges(g) == 3);
  std::set<std::string> names;
  for (auto v : boost::make_iterator_range(boost::vertices(g))) names.insert(g[v].name);
  CHECK(names.count("AT&T \"Labs\" <R&D>") == 1);
  // Boost's reader folds whitespace inside text; the file itself keeps the newline.
  CHECK(names.count("Back\\slash Name") == 1);
  CHECK(out.str().find(">Back\\slash\nName</data>") != std::string::npos);
  CHECK(out.str().find(">AT&amp;T &quot;Labs&quot; &lt;R&amp;D&gt;</data>") != std::string::npos);
  CHECK(names.count("Київ") == 1);
  int negated = 0;
  for (auto e : boost::make_iterator_range(boost::edges(g))) {
    negated += g[e].negated;
    if (g[e].relation == "lead") CHECK(g[e].count == 2);
  }
  CHECK(negated == 1);
}

TEST_CASE("N-Triples output is one valid triple per line", "[export]") {
  FakeStore store = tricky_store();
  std::ostringstream out;
  write_ntriples(collect(store), "http://example.org/kg/", out);
  const std::string iri = R"(<[^<>"{}|^`\\\x00-\x20]+>)";
  const std::string bnode = R"(_:[A-Za-z0-9]+)";
  const std::string literal = R"("([^"\\\n\r]|\\[tbnrf"'\\]|\\u[0-9A-F]{4})*"(\^\^)" + iri + ")?";
  std::regex line("(" + iri + "|" + bnode + ") " + iri + " (" + iri + "|" + bnode + "|" + literal +
                  ") \\.");
  std::istringstream in(out.str());
  std::string l;
  int lines = 0;
  while (std::getline(in, l)) {
    INFO(l);
    CHECK(std::regex_match(l, line));
    ++lines;
  }
  CHECK(lines > 20);
  std::string nt = out.str();
  CHECK(nt.find("<http://example.org/kg/entity/Joe%20Biden> "
                "<http://example.org/kg/relation/lead> "
                "<http://example.org/kg/entity/AT%26T%20%22Labs%22%20%3CR%26D%3E> .\n") !=
        std::string::npos);
  CHECK(nt.find("<http://example.org/kg/entity/%D0%9A%D0%B8%D1%97%D0%B2> "
                "<http://www.w3.org/2000/01/rdf-schema#label> \"Київ\" .\n") != std::string::npos);
  CHECK(nt.find("\"Back\\\\slash\\nName\"") != std::string::npos);
  // The negated edge is only a reified statement, never asserted.
  CHECK(nt.find("/relation/meet> <http://example.org/kg/entity/Back") == std::string::npos);
  CHECK(nt.find("<http://example.org/kg/vocab/negated> "
                "\"true\"^^<http://www.w3.org/2001/XMLSchema#boolean>") != std::string::npos);
}

TEST_CASE("CSV output follows the neo4j-admin import header convention", "[export]") {
  FakeStore store = tricky_store();
  Subgraph g = collect(store);
  std::ostringstream nodes, edges;
  write_csv_nodes(g, nodes);
  write_csv_edges(g, edges);
  CHECK(nodes.str().rfind("id:ID,name,:LABEL,type,aliases:string[],mentions:long,values:string[]\n", 0) == 0);
  CHECK(nodes.str().find("," + std::string("\"AT&T \"\"Labs\"\" <R&D>\",Entity;ORG,ORG,,2,\n")) !=
        std::string::npos);
  CHECK(nodes.str().find(",Joe Biden,Entity;PERSON,PERSON,Biden,4,\n") != std::string::npos);
  CHECK(edges.str().rfind(
            ":START_ID,:END_ID,:TYPE,relation,negated:boolean,count:long,docs:string[],"
            "first_date:date,last_date:date\n", 0) == 0);
  CHECK(edges.str().find(",LEAD,lead,false,2,doc-1;doc-2,,\n") != std::string::npos);
  CHECK(edges.str().find(",MEET,meet,true,1,doc-2,,\n") != std::string::npos);
}

TEST_CASE("Values are literals in every export: node properties, typed literals, never nodes",
          "[export]") {
  FakeStore store;
  FakeStore::Fact f;
  f.doc = "doc-1";
  f.subject_type = "ORG";
  f.object_type = "PERCENT";
  store.add("Acme", "raise price", "5 pct", f);
  f.object_type = "ORG";
  store.add("Acme", "buy", "Widget Co", f);
  f.subject_type = "ORG";
  f.object_type = "AMOUNT";
  store.add("Widget Co", "cost", "3 mln dlrs", f);
  Subgraph g = collect(store);
  REQUIRE(g.nodes.size() == 2);
  REQUIRE(g.edges.size() == 1);
  REQUIRE(g.values.size() == 2);

  std::ostringstream json;
  write_json(g, json);
  auto j = nlohmann::json::parse(json.str());
  REQUIRE(j["nodes"].size() == 2);
  for (const auto& n : j["nodes"]) {
    REQUIRE(n.contains("values"));
    REQUIRE(n["values"].size() == 1);
    const auto& v = n["values"][0];
    if (n["name"] == "Acme") {
      CHECK(v["relation"] == "raise price");
      CHECK(v["value"] == "5 pct");
      CHECK(v["type"] == "PERCENT");
      CHECK(v["docs"] == nlohmann::json::array({"doc-1"}));
    } else {
      CHECK(v["value"] == "3 mln dlrs");
      CHECK(v["type"] == "AMOUNT");
    }
  }
  std::ostringstream nt;
  write_ntriples(g, "http://example.org/kg/", nt);
  CHECK(nt.str().find("<http://example.org/kg/relation/raise%20price> \"5 pct\"^^"
                      "<http://example.org/kg/type/PERCENT> .\n") != std::string::npos);
  CHECK(nt.str().find("entity/5%20pct") == std::string::npos);
  std::ostringstream nodes, dot;
  write_csv_nodes(g, nodes);
  CHECK(nodes.str().find(",raise price: 5 pct (PERCENT)\n") != std::string::npos);
  write_dot(g, dot);
  CHECK(dot.str().find("5 pct") == std::string::npos);
}

TEST_CASE("cap_subgraph keeps the focus's strongest star within max_nodes and says what it cut",
          "[export]") {
  FakeStore store;
  FakeStore::Fact f;
  // The focus with five neighbours, each edge one fact more than the last, and an edge between
  // two of the weak ones.
  for (int i = 1; i <= 5; ++i) {
    for (int c = 0; c < i; ++c) store.add("Focus", "meet", "N" + std::to_string(i), f);
  }
  store.add("N1", "know", "N2", f);
  Subgraph g = collect(store);
  REQUIRE(g.nodes.size() == 6);
  CHECK(cap_subgraph(g, FakeStore::id_of("Focus"), 10).empty());
  const std::string note = cap_subgraph(g, FakeStore::id_of("Focus"), 3);
  CHECK(note.find("kept 3 of 6 entities") != std::string::npos);
  std::set<std::string> names;
  for (const EntityInfo& n : g.nodes) names.insert(n.name);
  CHECK(names == std::set<std::string>{"Focus", "N5", "N4"});
  REQUIRE(g.edges.size() == 2);
  for (const ExportEdge& e : g.edges) CHECK(e.edge.subject == FakeStore::id_of("Focus"));
}

TEST_CASE("An export format is inferred from the output file's extension", "[export]") {
  CHECK(export_format_for("g.dot") == ExportFormat::kDot);
  CHECK(export_format_for("g.gv") == ExportFormat::kDot);
  CHECK(export_format_for("out/g.graphml") == ExportFormat::kGraphml);
  CHECK(export_format_for("g.nt") == ExportFormat::kNtriples);
  CHECK(export_format_for("g.json") == ExportFormat::kJson);
  CHECK(export_format_for("g.csv") == ExportFormat::kCsv);
  CHECK_FALSE(export_format_for("g.svg"));
  CHECK_FALSE(export_format_for("dir.d/graph"));
  CHECK_FALSE(export_format_for(""));
}
