#include <catch2/catch.hpp>

#include "query/relations.h"

#include <set>
#include <string>

using kg::canonical_relation;
using kg::canonical_relation_query;
using kg::relation_matches;

TEST_CASE("A label's canonical relation is its group, its modal lead-in kept apart", "[query]") {
  CHECK(canonical_relation("meet with").relation == "meet");
  CHECK(canonical_relation("hold talk with").relation == "meet");
  CHECK(canonical_relation("Meet").relation == "meet");
  CHECK(canonical_relation("purchase").relation == "acquire");
  CHECK(canonical_relation("take over").relation == "acquire");
  const auto agreed = canonical_relation("agree to acquire");
  CHECK(agreed.relation == "acquire");
  CHECK(agreed.modality == "agree");
  const auto expected = canonical_relation("be expected to rise to");
  CHECK(expected.relation == "rise");
  CHECK(expected.modality == "expected");
  // A label no group lists is its own relation; "meet in" (a place) is not "meet".
  CHECK(canonical_relation("send letter to").relation == "send letter to");
  CHECK(canonical_relation("meet in").relation == "meet in");
}

TEST_CASE("A user's relation matches in any inflection of any member of its group", "[query]") {
  for (const char* q : {"met", "meets", "meet", "meeting with", "held talks with", "MET"}) {
    INFO(q);
    CHECK(canonical_relation_query(q) == "meet");
    CHECK(relation_matches("meet with", q));
    CHECK(relation_matches("hold talk with", q));
  }
  CHECK(canonical_relation_query("bought") == "acquire");
  CHECK(canonical_relation_query("acquired") == "acquire");
  CHECK(canonical_relation_query("criticised") == "criticize");
  CHECK(relation_matches("agree to buy", "purchases"));
  // A verb no group knows still matches its own label in any inflection.
  CHECK(relation_matches("fine", "fined"));
  CHECK(relation_matches("send letter to", "sent letter to"));
  CHECK_FALSE(relation_matches("sell", "bought"));
  CHECK_FALSE(relation_matches("meet in", "met"));
  // Exact: the label itself, any case.
  CHECK(relation_matches("meet with", "Meet With", true));
  CHECK_FALSE(relation_matches("meet with", "met", true));
}

TEST_CASE("WordNet groups verbs that share their usual sense", "[query]") {
  CHECK(canonical_relation("supply").relation == "provide");
  CHECK(canonical_relation("furnish").relation == "provide");
  CHECK(canonical_relation("buy back").relation == "repurchase");
  CHECK(canonical_relation("concentrate on").relation == "focus on");
  CHECK(canonical_relation("privatize").relation == "privatise");
  CHECK(canonical_relation("agree to buy back").relation == "repurchase");
  // A WordNet group holding a curated label joins the curated group.
  CHECK(canonical_relation("forbid").relation == "ban");
  CHECK(canonical_relation("cut down").relation == "cut");
  CHECK(relation_matches("supply", "provided"));
  CHECK(relation_matches("buy back", "repurchases"));
}

TEST_CASE("The curated groups win over WordNet", "[query]") {
  // WordNet's usual sense of "employ" is "use", of "stress" "emphasize", of "quit" "cease".
  CHECK(canonical_relation("employ").relation == "hire");
  CHECK(canonical_relation("use").relation == "use");
  CHECK(canonical_relation("stress").relation == "say");
  CHECK(canonical_relation("quit").relation == "resign");
  CHECK(canonical_relation("charge").relation == "accuse");
}

TEST_CASE("WordNet merges no relations that news tells apart", "[query]") {
  // "fire" a person is not "discharge" a gun; "get" (light verb) is not "acquire"; "make" is not
  // "do"; "call" is not "name" (appoint); "fall in" (prices) is not "collapse"; "contribute" is
  // not "lend"; "float" shares is not "drift".
  CHECK(canonical_relation("discharge").relation == "discharge");
  CHECK(canonical_relation("get").relation == "get");
  CHECK(canonical_relation("do").relation == "do");
  CHECK(canonical_relation("call").relation == "call");
  CHECK(canonical_relation("fall in").relation == "fall in");
  CHECK(canonical_relation("collapse").relation == "collapse");
  CHECK(canonical_relation("contribute").relation == "contribute");
  CHECK(canonical_relation("drift").relation == "drift");
  CHECK_FALSE(relation_matches("get", "acquired"));
}

TEST_CASE("No label is in two relation groups", "[query]") {
  std::set<std::string> seen;
  for (const auto& group : kg::relation_groups()) {
    REQUIRE_FALSE(group.empty());
    CHECK(canonical_relation(group[0]).relation == group[0]);
    for (const std::string& label : group) {
      INFO(label);
      CHECK(seen.insert(label).second);
      CHECK(canonical_relation(label).relation == group[0]);
    }
  }
  CHECK(kg::relation_groups().front().front() == "say");  // the curated file's first group
}
