// Literal values on hand-written UD parses: numbers, amounts, percentages, quantities and dates
// are typed objects of facts, never subjects or entities; numbers that count things and rows of
// financial tables name nothing.
#include <catch2/catch.hpp>

#include "parse_helper.h"

using kg::test::dump;
using kg::test::extract_all;
using kg::test::find_fact;
using kg::test::make_doc;

namespace {

bool has_subject(const std::vector<kg::Triple>& ts, const std::string& subject) {
  for (const kg::Triple& t : ts) {
    if (t.subject == subject) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("A percentage and an amount are typed values of their facts", "[extract][values]") {
  auto ts = extract_all(make_doc({R"(Profit profit NOUN NN 2 nsubj O
rose rise VERB VBD 0 root O
5 5 NUM CD 4 nummod O
pct pct NOUN NN 2 obj O
to to ADP IN 8 case O
3.5 3.5 NUM CD 7 compound O
mln mln NUM CD 8 nummod O
dlrs dlr NOUN NNS 2 obl O
. . PUNCT . 2 punct O)"}));
  INFO(dump(ts));
  const kg::Triple* rise = find_fact(ts, "profit", "rise", "5 pct");
  REQUIRE(rise != nullptr);
  CHECK(rise->object_type == "PERCENT");
  CHECK(rise->object_text == "5 pct");
  // The second value is a fact of its own, not a relation "rise pct to".
  const kg::Triple* to = find_fact(ts, "profit", "rise to", "3.5 mln dlrs");
  REQUIRE(to != nullptr);
  CHECK(to->object_type == "AMOUNT");
  for (const kg::Triple& t : ts) {
    CHECK(t.object != "pct");
    CHECK(t.object != "mln dlr");
    CHECK(t.relation.find("pct") == std::string::npos);
  }
}

TEST_CASE("A day with its month is a date, a year too", "[extract][values]") {
  auto ts = extract_all(make_doc({R"(The the DET DT 2 det O
year year NOUN NN 3 nsubj O
ended end VERB VBD 0 root O
December December PROPN NNP 5 compound O
31 31 NUM CD 3 obj O
. . PUNCT . 3 punct O)",
                                  R"(Output output NOUN NN 2 nsubj O
peaked peak VERB VBD 0 root O
in in ADP IN 4 case O
1986 1986 NUM CD 2 obl O
. . PUNCT . 2 punct O)"}));
  INFO(dump(ts));
  const kg::Triple* end = find_fact(ts, "year", "end", "December 31");
  REQUIRE(end != nullptr);
  CHECK(end->object_type == "DATE");
  const kg::Triple* peak = find_fact(ts, "output", "peak in", "1986");
  REQUIRE(peak != nullptr);
  CHECK(peak->object_type == "DATE");
  CHECK_FALSE(has_subject(ts, "31"));
}

TEST_CASE("A quantity with a unit is a value, a unit joins the relation of the value's modifier",
          "[extract][values]") {
  auto ts = extract_all(make_doc({R"(Chrysler Chrysler PROPN NNP 2 nsubj B-ORG
bought buy VERB VBD 0 root O
258,591 258,591 NUM CD 4 nummod O
shares share NOUN NNS 2 obj O
of of ADP IN 6 case O
Maserati Maserati PROPN NNP 4 nmod B-ORG
. . PUNCT . 2 punct O)"}));
  INFO(dump(ts));
  const kg::Triple* buy = find_fact(ts, "Chrysler", "buy", "258,591 shares");
  REQUIRE(buy != nullptr);
  CHECK(buy->object_type == "QUANTITY");
  // The company is still joined to the buyer, by the unit, not the figure.
  CHECK(find_fact(ts, "Chrysler", "buy share of", "Maserati") != nullptr);
}

TEST_CASE("Numbers that count things and rows of financial tables name nothing",
          "[extract][values]") {
  auto ts = extract_all(make_doc({R"(One one NUM CD 5 nsubj O
of of ADP IN 4 case O
the the DET DT 4 det O
banks bank NOUN NNS 1 nmod O
sold sell VERB VBD 0 root O
two two NUM CD 7 nummod O
companies company NOUN NNS 5 obj O
. . PUNCT . 5 punct O)",
                                  R"(Shr shr NOUN NN 2 compound O
loss loss NOUN NN 3 nsubj O
was be AUX VBD 5 cop O
12 12 NUM CD 5 nummod O
cts ct NOUN NNS 0 root O
. . PUNCT . 5 punct O)",
                                  R"(Prices price NOUN NNS 2 nsubj O
fell fall VERB VBD 0 root O
to to ADP IN 4 case O
31 31 NUM CD 2 obl O
. . PUNCT . 2 punct O)"}));
  INFO(dump(ts));
  CHECK_FALSE(has_subject(ts, "one"));
  CHECK_FALSE(has_subject(ts, "One"));
  CHECK_FALSE(has_subject(ts, "Shr loss"));
  // "two companies" is a concept, counted: no value.
  for (const kg::Triple& t : ts) CHECK(t.object != "two companies");
  const kg::Triple* fall = find_fact(ts, "price", "fall to", "31");
  REQUIRE(fall != nullptr);
  CHECK(fall->object_type == "NUMBER");
}

TEST_CASE("A time of day is a date, a month alone or corporate suffixes alone name nothing",
          "[extract][values]") {
  auto ts = extract_all(make_doc({R"(Trading trading NOUN NN 2 nsubj O
resumed resume VERB VBD 0 root O
at at ADP IN 4 case O
0900 0900 NUM CD 2 obl O
GMT GMT PROPN NNP 4 compound O
. . PUNCT . 2 punct O)",
                                  R"(Sales sale NOUN NNS 2 nsubj O
peaked peak VERB VBD 0 root O
in in ADP IN 4 case O
march march NOUN NN 2 obl O
. . PUNCT . 2 punct O)",
                                  R"(Co Co PROPN NNP 3 nsubj B-ORG
Inc Inc PROPN NNP 1 flat I-ORG
sold sell VERB VBD 0 root O
Widget Widget PROPN NNP 3 obj B-ORG
. . PUNCT . 3 punct O)"}));
  INFO(dump(ts));
  const kg::Triple* at = find_fact(ts, "trading", "resume at", "0900 GMT");
  REQUIRE(at != nullptr);
  CHECK(at->object_type == "DATE");
  for (const kg::Triple& t : ts) {
    CHECK(t.object != "march");
    CHECK(t.subject != "Co Inc");
  }
}

