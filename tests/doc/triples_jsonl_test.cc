#include <catch2/catch.hpp>
#include <sstream>

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
