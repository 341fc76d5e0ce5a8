// Limits (docs/reliability.md): names over kMaxNameBytes are refused by the store and skipped by
// ingest and build with a message naming where; a run-on sentence is cut; a document over 10 MB is
// skipped naming its file and line.
#include <catch2/catch.hpp>
#include <regex>

#include "child.h"
#include "graph_check.h"

namespace kg::test {
namespace {

Triple named(const std::string& doc, const std::string& subject, const std::string& object) {
  Triple t;
  t.doc = doc;
  t.subject = subject;
  t.relation = "meet";
  t.object = object;
  t.subject_type = "PERSON";
  t.object_type = "PERSON";
  t.sentence = 0;
  t.text = subject + " met " + object + ".";
  return t;
}

size_t words(const std::string& s) {
  std::istringstream in(s);
  size_t n = 0;
  for (std::string w; in >> w;) ++n;
  return n;
}

}  // namespace

TEST_CASE(
    "The store refuses an entity name or relation over 200 bytes, naming document, triple "
    "and field",
    "[reliability]") {
  const fs::path dir = scratch("limits_store");
  auto s = store::RocksGraphStore::open((dir / "db").string(), OpenMode::kReadWrite);
  REQUIRE(s.ok());
  DocumentFacts ok;
  ok.id = "ok";
  ok.triples = {named("ok", std::string(kMaxNameBytes, 'a'), "Bob")};
  CHECK((*s)->put_document(ok).ok());

  DocumentFacts long_object;
  long_object.id = "long";
  long_object.triples = {named("long", "Ann", "Bob"), named("long", "Ann", std::string(201, 'b'))};
  auto r = (*s)->put_document(long_object);
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().code() == ErrorCode::kInvalidInput);
  CHECK(r.status().message() ==
        "document \"long\", triple 2: object is 201 bytes, over the limit of 200");

  DocumentFacts long_relation;
  long_relation.id = "rel";
  long_relation.triples = {named("rel", "Ann", "Bob")};
  long_relation.triples[0].relation = std::string(300, 'r');
  CHECK((*s)->put_document(long_relation).status().message().find("relation is 300 bytes") !=
        std::string::npos);
  // Nothing of the refused documents was written.
  CHECK((*s)->stats()->documents == 1);
  CHECK(store::verify_consistency(**s).ok());
}

TEST_CASE("kg ingest skips a line naming an entity over the limit, with its file and line",
          "[reliability]") {
  const fs::path dir = scratch("limits_ingest");
  {
    std::ofstream out(dir / "triples.jsonl");
    out << triple_to_json(named("d1", "Ann", "Bob")) << "\n"
        << triple_to_json(named("d2", std::string(250, 'x'), "Bob")) << "\n"
        << triple_to_json(named("d3", "Ann", "Carl")) << "\n";
  }
  const std::string db = (dir / "db").string();
  InProcess r = kg_here({"ingest", "--db", db, (dir / "triples.jsonl").string()});
  CHECK(r.code == 1);
  CHECK(r.err.find((dir / "triples.jsonl").string() +
                   ":2: field \"subject\" is 250 bytes, over the limit of 200") !=
        std::string::npos);
  InProcess st = kg_here({"stats", "--db", db, "--check"});
  CHECK(st.out.find("documents   2") != std::string::npos);
  CHECK(st.code == 0);
}

TEST_CASE(
    "kg build cuts a run-on sentence, keeps names within the limit, and skips a document "
    "over 10 MB or a line over 20 MB naming its line",
    "[reliability]") {
  const fs::path dir = scratch("limits_build");
  std::string run_on, long_name;
  for (int i = 0; i < 300; ++i) run_on += "Maria Lopez met John Carter in Paris, and ";
  run_on += "they left.";
  long_name = "Wolfe";  // one 245-byte word: a name no tokenizer limit cuts
  for (int i = 0; i < 30; ++i) long_name += "schlegel";
  {
    std::ofstream out(dir / "docs.jsonl", std::ios::binary);
    out << R"({"id": "run-on", "text": ")" << run_on << "\"}\n"
        << R"({"id": "huge", "text": ")" << std::string((10 << 20) + 10, 'a') << "\"}\n"
        << R"({"id": "name", "text": "Maria Lopez met John )" << long_name << " in Paris. "
        << long_name << R"( praised Acme Corp. Maria Lopez met John Carter in Paris."})"
        << "\n"
        << R"({"id": "line", "text": ")" << std::string(21 << 20, 'c') << "\"}\n";
  }
  const std::string db = (dir / "db").string();
  Ran r = run_kg_child({"build", "--db", db, (dir / "docs.jsonl").string()}, dir);
  INFO(r.out << r.err);
  CHECK(r.exit.code == 1);  // an input was skipped
  CHECK(r.out.find("documents: 2 (2 added") != std::string::npos);
  CHECK(r.out.find("docs.jsonl:2: document is 10.0 MB, over the limit of 10.0 MB") !=
        std::string::npos);
  CHECK(r.out.find("docs.jsonl:4: line is over the limit of 20.0 MB") != std::string::npos);
  // The facts naming the 245-byte word (how many depends on the parse) are dropped and counted.
  CHECK(std::regex_search(
      r.out,
      std::regex(R"(facts dropped: [1-9][0-9]* \(an entity or relation name over 200 bytes\))")));

  auto s = store::RocksGraphStore::open(db, OpenMode::kReadOnly);
  REQUIRE(s.ok());
  REQUIRE(store::verify_consistency(**s).ok());
  size_t longest_name = 0, longest_sentence = 0, facts = 0;
  REQUIRE((*s)->for_each_entity([&](const EntityInfo& e) {
                longest_name = std::max(longest_name, e.name.size());
              })
              .ok());
  std::vector<EdgeInfo> edges;
  REQUIRE((*s)->for_each_edge([&](const EdgeInfo& e) { edges.push_back(e); }).ok());
  for (const EdgeInfo& e : edges) {
    auto ev = (*s)->evidence(e, 0);
    REQUIRE(ev.ok());
    for (const Evidence& x : *ev) {
      ++facts;
      longest_sentence = std::max(longest_sentence, words(x.text));
    }
  }
  CAPTURE(longest_name, longest_sentence, facts);
  CHECK(facts > 0);
  CHECK(longest_name <= kMaxNameBytes);
  CHECK(longest_sentence <= 300);  // sentences are cut at 300 tokens
}

}  // namespace kg::test
