#include <catch2/catch.hpp>
#include <sstream>

#include "doc/fast_triples.h"
#include "doc/triples_jsonl.h"

using namespace kg;

TEST_CASE("Triples JSONL round-trips every field", "[doc]") {
  Triple t;
  t.doc = "d1";
  t.subject = "Joe Biden";
  t.relation = "agree to";
  t.object = "summit";
  t.subject_type = "PERSON";
  t.object_type = "CONCEPT";
  t.sentence = 2;
  t.span = std::make_pair(size_t{10}, size_t{90});
  t.negated = true;
  t.modality = "would";
  t.attribution = "Jen Psaki";
  t.confidence = 0.75;
  t.args.push_back({"with", "Vladimir Putin"});
  auto back = parse_triple_json(triple_to_json(t));
  REQUIRE(back.ok());
  CHECK(back->subject == "Joe Biden");
  CHECK(back->span->second == 90u);
  CHECK(back->negated);
  CHECK(*back->modality == "would");
  CHECK(*back->attribution == "Jen Psaki");
  CHECK(back->args.at(0).prep == "with");
  CHECK(back->confidence == Approx(0.75));
}

TEST_CASE("Triples JSONL reader reports the line and what is wrong", "[doc]") {
  std::istringstream in(
      "{\"doc\":\"a\",\"subject\":\"X\",\"relation\":\"r\",\"object\":\"Y\"}\n"
      "\n"
      "{\"doc\":\"a\",\"subject\":\"X\",\"relation\":\"r\"}\n"
      "{not json\n");
  TriplesReader r(in, "f.jsonl");
  auto first = r.next();
  REQUIRE(first.ok());
  CHECK((*first)->object == "Y");
  auto second = r.next();
  REQUIRE_FALSE(second.ok());
  CHECK(second.status().message() == "f.jsonl:3: missing required field \"object\"");
  auto third = r.next();
  REQUIRE_FALSE(third.ok());
  CHECK(third.status().message() == "f.jsonl:4: not valid JSON");
}

TEST_CASE("Triples JSONL rejects unknown entity types and bad confidence", "[doc]") {
  CHECK_FALSE(parse_triple_json(R"({"doc":"a","subject":"X","relation":"r","object":"Y","subject_type":"CITY"})").ok());
  CHECK_FALSE(parse_triple_json(R"({"doc":"a","subject":"X","relation":"r","object":"Y","confidence":3})").ok());
}

TEST_CASE("A literal object carries its value type in object_value, in both parsers", "[doc]") {
  Triple t;
  t.doc = "d";
  t.subject = "profit";
  t.relation = "rise";
  t.object = "5 pct";
  t.subject_type = "CONCEPT";
  t.object_type = "PERCENT";
  const std::string line = triple_to_json(t);
  CHECK(line.find("\"object_value\":\"PERCENT\"") != std::string::npos);
  CHECK(line.find("\"object_type\"") == std::string::npos);
  auto back = parse_triple_json(line);
  REQUIRE(back.ok());
  CHECK(back->object_type == "PERCENT");
  Triple fast;
  REQUIRE(fast_parse_triple(line, fast));
  CHECK(fast.object_type == "PERCENT");
  // Both fields, an unknown value type, or a value as subject type: refused by the reference
  // parser (the fast one declines them).
  const std::string both =
      R"({"doc":"a","subject":"X","relation":"r","object":"5","object_type":"CONCEPT","object_value":"NUMBER"})";
  const std::string unknown =
      R"({"doc":"a","subject":"X","relation":"r","object":"5","object_value":"COLOUR"})";
  const std::string subject =
      R"({"doc":"a","subject":"5","relation":"r","object":"X","subject_type":"NUMBER"})";
  for (const std::string& bad : {both, unknown, subject}) {
    INFO(bad);
    CHECK_FALSE(parse_triple_json(bad).ok());
    Triple f;
    CHECK_FALSE(fast_parse_triple(bad, f));
  }
}
