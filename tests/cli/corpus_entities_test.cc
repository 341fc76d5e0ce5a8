// Corpus entities, end to end (kg build with the shipped models, then kg entities --json): one
// node per name whatever types its mentions carry, corporate suffixes and common country names
// folded, no node for months, weekdays or earnings-table words, generic organisation heads kept
// apart as concepts, pronouns never aliases.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "run_kg.h"

namespace {

using nlohmann::json;

// The entities of a graph built from `jsonl`, by name.
std::map<std::string, json> build_entities(const std::string& name, const std::string& jsonl) {
  const auto dir = scratch_dir("corpus-entities", name);
  const std::string input = (dir / "in.jsonl").string(), db = (dir / "db").string();
  std::ofstream(input, std::ios::binary) << jsonl;
  const std::string models = std::string(KG_SOURCE_DIR) + "/models";
  Ran b = kg_run({"build", "--models", models, "--threads", "2", "--db", db, input});
  INFO(b.out << b.err);
  REQUIRE(b.code == 0);
  Ran e = kg_run({"entities", "--db", db, "--json", "--all"});
  REQUIRE(e.code == 0);
  std::map<std::string, json> by_name;
  const json all = json::parse(e.out);
  for (const json& x : all["entities"]) by_name[x["name"].get<std::string>()] = x;
  return by_name;
}

bool has_alias(const json& e, const std::string& alias) {
  for (const json& a : e["aliases"]) {
    if (a == alias) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("kg build: corporate suffixes, common country names, dates and table words",
          "[cli]") {
  auto e = build_entities("names-first", R"({"id":"d1","text":"Apple Inc. hired John Smith in March. Apple sold more phones on Monday."}
{"id":"d2","text":"American Express Co said its profits rose. The U.S. economy grew, officials in the United States said."}
{"id":"d3","text":"American Express sued Acme Corp. Shr 1.20 vs 1.10. Revs 5.5 mln vs 4.1 mln."}
)");
  // "Apple Inc." and "Apple", "American Express Co" and "American Express": one node each.
  REQUIRE(e.count("Apple"));
  CHECK(e["Apple"]["type"] == "ORG");
  CHECK(e.count("Apple Inc.") == 0);
  REQUIRE(e.count("American Express"));
  CHECK(e["American Express"]["mentions"] == 2);
  CHECK(has_alias(e["American Express"], "American Express Co"));
  CHECK(e.count("Express") == 0);
  CHECK(e.count("Acme"));
  // Months, weekdays and the rows of an earnings table are no nodes.
  for (const char* junk : {"March", "Monday", "Shr", "Shr 1.20", "Revs", "Revs 5.5"}) {
    INFO(junk);
    CHECK(e.count(junk) == 0);
  }
  // A pronoun is never an alias.
  for (const auto& [name, x] : e) {
    INFO(name);
    CHECK_FALSE(has_alias(x, "it"));
    CHECK_FALSE(has_alias(x, "its"));
  }
}

TEST_CASE(
    "kg build: organisation names with 'and', acronyms defined in the text, aliases that "
    "are names",
    "[cli]") {
  auto e = build_entities(
      "org-names",
      R"({"id":"d1","text":"The Securities and Exchange Commission (SEC) sued Shearson Lehman Brothers Inc on Monday. The SEC fined Shearson. Last month Brazil suspended interest payments."}
{"id":"d2","text":"The IMF (International Monetary Fund) praised Mexico. The IMF sent a team to Argentina."}
{"id":"d3","text":"Treasury Secretary James Baker and Federal Reserve Board Chairman Paul Volcker met in Paris. Morgan Stanley and Co Inc bought the shares."}
)");
  // One organisation, not "Securities" and "Exchange Commission"; the acronym is its alias.
  REQUIRE(e.count("Securities and Exchange Commission"));
  CHECK(e["Securities and Exchange Commission"]["type"] == "ORG");
  CHECK(e["Securities and Exchange Commission"]["mentions"] == 2);
  CHECK(has_alias(e["Securities and Exchange Commission"], "SEC"));
  CHECK(e.count("SEC") == 0);
  CHECK(e.count("Exchange Commission") == 0);
  // A corporate suffix makes an organisation of what the entity tagger calls a person, and its
  // shorter form in the same document is the same organisation.
  REQUIRE(e.count("Shearson Lehman Brothers"));
  CHECK(e["Shearson Lehman Brothers"]["type"] == "ORG");
  CHECK(has_alias(e["Shearson Lehman Brothers"], "Shearson"));
  CHECK(e.count("Shearson") == 0);
  // An acronym defined before its expansion.
  REQUIRE(e.count("International Monetary Fund"));
  CHECK(has_alias(e["International Monetary Fund"], "IMF"));
  // "and Co Inc" is a suffix; two people joined by "and" stay two.
  CHECK(e.count("Morgan Stanley"));
  CHECK(e.count("James Baker"));
  CHECK(e.count("Paul Volcker"));
  // Aliases are names: no dating words, no titles.
  for (const auto& [name, x] : e) {
    INFO(name);
    CHECK(
        (name.find(" and ") == std::string::npos || name == "Securities and Exchange Commission"));
    CHECK_FALSE(has_alias(x, "Last month Brazil"));
    CHECK_FALSE(has_alias(x, "Treasury Secretary James Baker"));
    CHECK_FALSE(has_alias(x, "Federal Reserve Board Chairman Paul Volcker"));
  }
}

TEST_CASE("kg build: a bare generic organisation head is a concept, not a shared name", "[cli]") {
  auto e = build_entities("generic-heads", R"({"id":"d1","text":"The Bank said it would lend money to Brazil."}
{"id":"d2","text":"The Bank raised its rates. The Commission fined Acme Corp."}
)");
  CHECK(e.count("Bank") == 0);
  CHECK(e.count("Commission") == 0);
  REQUIRE(e.count("bank"));
  CHECK(e["bank"]["type"] == "CONCEPT");
}

TEST_CASE("kg extract: lists are not identity, a real apposition is", "[cli]") {
  const std::string models = std::string(KG_SOURCE_DIR) + "/models";
  Ran x = kg_run({"extract", "--models", models, "-"},
                 "Treasury Secretary James Baker, Federal Reserve Board Chairman Paul Volcker and "
                 "Commerce Secretary Malcolm Baldrige met in Paris. The ministers, James Baker and "
                 "Nigel Lawson, agreed on a plan. The philosopher, Benjamin Constant, wrote a book.");
  INFO(x.out << x.err);
  REQUIRE(x.code == 0);
  std::vector<std::pair<std::string, std::string>> be;
  std::istringstream in(x.out);
  for (std::string line; std::getline(in, line);) {
    json t = json::parse(line);
    if (t["relation"] == "be") be.emplace_back(t["subject"], t["object"]);
  }
  using P = std::pair<std::string, std::string>;
  auto has = [&](const P& p) { return std::find(be.begin(), be.end(), p) != be.end(); };
  CHECK_FALSE(has(P{"James Baker", "Paul Volcker"}));
  CHECK_FALSE(has(P{"Paul Volcker", "Malcolm Baldrige"}));
  CHECK_FALSE(has(P{"James Baker", "ministers"}));
  CHECK_FALSE(has(P{"James Baker", "minister"}));
  CHECK(has(P{"Benjamin Constant", "philosopher"}));
  CHECK(has(P{"James Baker", "Treasury Secretary"}));
}

TEST_CASE("kg entities lists named entities unless --type or --all asks for concepts", "[cli]") {
  const auto dir = scratch_dir("corpus-entities", "listing");
  const std::string db = (dir / "db").string();
  const std::string facts =
      R"({"doc":"d1","subject":"Apple","relation":"sell","object":"phone","subject_type":"ORG","object_type":"CONCEPT"}
{"doc":"d1","subject":"Tim Cook","relation":"lead","object":"Apple","subject_type":"PERSON","object_type":"ORG"}
)";
  REQUIRE(kg_run({"ingest", "--db", db, "-"}, facts).code == 0);
  auto names = [&](std::vector<std::string> args) {
    args.insert(args.begin(), {"entities", "--db", db});
    Ran r = kg_run(args);
    INFO(r.err);
    REQUIRE(r.code == 0);
    std::vector<std::string> out;
    std::istringstream in(r.out);
    for (std::string line; std::getline(in, line);) out.push_back(line.substr(line.rfind('\t') + 1));
    return out;
  };
  CHECK(names({}) == std::vector<std::string>{"Apple", "Tim Cook"});
  CHECK(names({"--type", "concept"}) == std::vector<std::string>{"phone"});
  CHECK(names({"--type", "PERSON,CONCEPT"}) == std::vector<std::string>{"Tim Cook", "phone"});
  CHECK(names({"--all", "--top", "2"}).size() == 2);
  CHECK(kg_run({"entities", "--db", db, "--type", "THING"}).code == 2);
}

TEST_CASE("kg merge makes two entities one, and later builds keep the merge", "[cli]") {
  const auto dir = scratch_dir("corpus-entities", "merge");
  const std::string db = (dir / "db").string();
  auto fact = [](const std::string& doc, const std::string& s, const std::string& o) {
    return R"({"doc":")" + doc + R"(","subject":")" + s + R"(","relation":"buy","object":")" + o +
           R"(","subject_type":"ORG","object_type":"ORG","subject_text":")" + s + R"("})" + "\n";
  };
  REQUIRE(kg_run({"ingest", "--db", db, "-"},
                 fact("d1", "Acme Corporation", "Widget") + fact("d2", "Acme Holdings", "Gadget"))
              .code == 0);
  auto names = [&] {
    Ran r = kg_run({"entities", "--db", db, "--json"});
    std::map<std::string, json> by_name;
    const json all = json::parse(r.out);
    for (const json& x : all["entities"]) by_name[x["name"].get<std::string>()] = x;
    return by_name;
  };
  REQUIRE(names().size() == 4);

  Ran m = kg_run({"merge", "--db", db, "acme holdings", "Acme Corporation"});
  INFO(m.err);
  REQUIRE(m.code == 0);
  CHECK(m.out == "merged 'Acme Holdings' into 'Acme Corporation': 1 documents rewritten, 1 fact "
                 "sides renamed\n");
  auto after = names();
  CHECK(after.count("Acme Holdings") == 0);
  REQUIRE(after.count("Acme Corporation"));
  CHECK(after["Acme Corporation"]["mentions"] == 2);
  CHECK(has_alias(after["Acme Corporation"], "Acme Holdings"));
  CHECK(kg_run({"stats", "--db", db, "--check"}).code == 0);

  // A document stored later that names the merged entity joins the one that stayed.
  REQUIRE(kg_run({"ingest", "--db", db, "-"}, fact("d3", "Acme Holdings", "Gizmo")).code == 0);
  after = names();
  CHECK(after.count("Acme Holdings") == 0);
  CHECK(after["Acme Corporation"]["mentions"] == 3);
  CHECK(kg_run({"stats", "--db", db, "--check"}).code == 0);

  // Merging again is refused with one line; unknown names are user errors.
  Ran again = kg_run({"merge", "--db", db, "Acme Holdings", "Acme Corporation"});
  CHECK(again.code == 1);
  CHECK(again.err.find("already one entity") != std::string::npos);
  CHECK(kg_run({"merge", "--db", db, "Nobody", "Acme Corporation"}).code == 1);
}
