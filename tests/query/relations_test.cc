#include <catch2/catch.hpp>

#include "query/relations.h"

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
