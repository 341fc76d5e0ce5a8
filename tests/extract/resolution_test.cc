// Within-document entity resolution on hand-written UD parses.
#include <catch2/catch.hpp>

#include "parse_helper.h"

using kg::test::dump;
using kg::test::extract_all;
using kg::test::find_fact;
using kg::test::make_doc;

namespace {

// "President Joe Biden met Macron."
const std::string kBidenMetMacron = R"(President President PROPN NNP 2 nmod:desc
Joe Joe PROPN NNP 4 nsubj
Biden Biden PROPN NNP 2 flat
met meet VERB VBD 0 root
Macron Macron PROPN NNP 4 obj
. . PUNCT . 4 punct)";
// "Joshua Abraham Norton visited Oakland." (with entity tags)
const std::string kNortonVisitedOakland = R"(Joshua Joshua PROPN NNP 4 nsubj B-PER
Abraham Abraham PROPN NNP 1 flat I-PER
Norton Norton PROPN NNP 1 flat I-PER
visited visit VERB VBD 0 root O
Oakland Oakland PROPN NNP 4 obj B-LOC
. . PUNCT . 4 punct O)";

}  // namespace

TEST_CASE("Surname and title plus surname resolve to the full name", "[extract]") {
  auto ts = extract_all(make_doc({kBidenMetMacron,
                                  R"(Biden Biden PROPN NNP 2 nsubj
called call VERB VBD 0 root
Scholz Scholz PROPN NNP 2 obj
. . PUNCT . 2 punct)",
                                  R"(President President PROPN NNP 2 nmod:desc
Biden Biden PROPN NNP 3 nsubj
thanked thank VERB VBD 0 root
Scholz Scholz PROPN NNP 3 obj
. . PUNCT . 3 punct)"}));
  INFO(dump(ts));
  const kg::Triple* a = find_fact(ts, "Joe Biden", "call", "Scholz");
  REQUIRE(a != nullptr);
  CHECK(a->subject_text == "Biden");
  CHECK(a->subject_type == "PERSON");
  const kg::Triple* b = find_fact(ts, "Joe Biden", "thank", "Scholz");
  REQUIRE(b != nullptr);
  CHECK(b->subject_text == "Biden");  // a surface form (alias) is the name, without its title
  CHECK(find_fact(ts, "Joe Biden", "be", "President") != nullptr);
}

TEST_CASE("Pronouns resolve by gender, recency and subject preference", "[extract]") {
  auto ts = extract_all(make_doc({R"(Antony Antony PROPN NNP 6 nsubj
Blinken Blinken PROPN NNP 1 flat
and and CCONJ CC 4 cc
Sergei Sergei PROPN NNP 1 conj
Lavrov Lavrov PROPN NNP 4 flat
met meet VERB VBD 12 ccomp
, , PUNCT , 12 punct
Jen Jen PROPN NNP 12 nsubj
Psaki Psaki PROPN NNP 8 flat
has have AUX VBZ 12 aux
n't not PART RB 12 advmod
said say VERB VBN 0 root
. . PUNCT . 12 punct)",
                                  R"(She she PRON PRP 2 nsubj
added add VERB VBD 0 root
a a DET DT 4 det
statement statement NOUN NN 2 obj
. . PUNCT . 2 punct)",
                                  R"(He he PRON PRP 2 nsubj
called call VERB VBD 0 root
Macron Macron PROPN NNP 2 obj
. . PUNCT . 2 punct)"}));
  INFO(dump(ts));
  CHECK(find_fact(ts, "Jen Psaki", "add", "statement") != nullptr);
  // "He": the nearest male person, preferring subjects.
  CHECK(find_fact(ts, "Antony Blinken", "call", "Emmanuel Macron") == nullptr);
  bool called = false;
  for (const kg::Triple& t : ts) {
    if (t.relation == "call") {
      called = true;
      CHECK((t.subject == "Antony Blinken" || t.subject == "Sergei Lavrov"));
      CHECK(t.subject_text == "He");
    }
  }
  CHECK(called);
}

TEST_CASE("Unresolvable pronouns do not become graph nodes", "[extract]") {
  auto ts = extract_all(make_doc({R"(We we PRON PRP 2 nsubj
want want VERB VBP 0 root
peace peace NOUN NN 2 obj
. . PUNCT . 2 punct)"}));
  INFO(dump(ts));
  CHECK(ts.empty());
}

TEST_CASE("A role resolves to the person a later sentence names in it", "[extract]") {
  auto ts = extract_all(make_doc({R"(U.S. U.S. PROPN NNP 2 compound
Ambassador Ambassador PROPN NNP 6 nsubj
to to ADP IN 5 case
the the DET DT 5 det
UN UN PROPN NNP 2 nmod
sent send VERB VBD 0 root
a a DET DT 8 det
letter letter NOUN NN 6 obj
to to ADP IN 10 case
Michelle Michelle PROPN NNP 6 obl
Bachelet Bachelet PROPN NNP 10 flat
. . PUNCT . 6 punct)",
                                  R"(Ambassador Ambassador PROPN NNP 2 nmod:desc
Bathsheba Bathsheba PROPN NNP 5 nsubj
Nell Nell PROPN NNP 2 flat
Crocker Crocker PROPN NNP 2 flat
spoke speak VERB VBD 0 root
. . PUNCT . 5 punct)"}));
  INFO(dump(ts));
  const kg::Triple* t = find_fact(ts, "Bathsheba Nell Crocker", "send letter to", "Michelle Bachelet");
  REQUIRE(t != nullptr);
  CHECK(t->subject_text == "U.S. Ambassador to the UN");
  CHECK(find_fact(ts, "Bathsheba Nell Crocker", "be", "Ambassador") != nullptr);
}

TEST_CASE("Acronyms merge with their expansion when the text shows both", "[extract]") {
  auto ts = extract_all(make_doc({R"(The the DET DT 3 det
United United PROPN NNP 3 compound
Nations Nations PROPN NNPS 4 nsubj
condemned condemn VERB VBD 0 root
Russia Russia PROPN NNP 4 obj
. . PUNCT . 4 punct)",
                                  R"(The the DET DT 2 det
UN UN PROPN NNP 3 nsubj
sent send VERB VBD 0 root
observers observer NOUN NNS 3 obj
. . PUNCT . 3 punct)"}));
  INFO(dump(ts));
  const kg::Triple* t = find_fact(ts, "United Nations", "send", "observer");
  REQUIRE(t != nullptr);
  CHECK(t->subject_text == "UN");
  CHECK(t->subject_type == "ORG");
}

TEST_CASE("Named entity tags type the entities", "[extract]") {
  auto ts = extract_all(make_doc({R"(Gazprom Gazprom PROPN NNP 2 nsubj B-ORG
cut cut VERB VBD 0 root O
supplies supply NOUN NNS 2 obj O
to to ADP IN 5 case O
Bulgaria Bulgaria PROPN NNP 2 obl B-LOC
. . PUNCT . 2 punct O)"}));
  INFO(dump(ts));
  const kg::Triple* t = find_fact(ts, "Gazprom", "cut supply to", "Bulgaria");
  REQUIRE(t != nullptr);
  CHECK(t->subject_type == "ORG");
  CHECK(t->object_type == "LOC");
}

namespace {

std::vector<kg::EntityMention> mentions_of(const kg::Document& d) {
  std::vector<kg::EntityMention> out;
  auto ex = kg::Extractor::create();
  REQUIRE(ex.ok());
  REQUIRE((*ex)->extract(d, &out).ok());
  return out;
}

const kg::EntityMention* find_mention(const std::vector<kg::EntityMention>& ms,
                                      const std::string& text) {
  for (const kg::EntityMention& m : ms) {
    if (m.text == text) return &m;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("Names outside any fact are mentions of their entity, with their place", "[extract]") {
  const kg::Document d = make_doc({kNortonVisitedOakland,
                                   R"(The the DET DT 3 det O
Norton Norton PROPN NNP 3 compound B-PER
administration administration NOUN NN 4 nsubj O
failed fail VERB VBD 0 root O
. . PUNCT . 4 punct O)"});
  const auto ms = mentions_of(d);
  REQUIRE(ms.size() == 3);
  CHECK(ms[0].text == "Joshua Abraham Norton");
  CHECK(ms[0].entity == "Joshua Abraham Norton");
  CHECK(ms[0].type == "PERSON");
  CHECK(ms[0].sentence == 0);
  CHECK(d.text.substr(ms[0].start, ms[0].end - ms[0].start) == "Joshua Abraham Norton");
  CHECK(ms[1].text == "Oakland");
  // In no fact ("administration - fail" has no object), still a mention of Norton.
  CHECK(ms[2].text == "Norton");
  CHECK(ms[2].entity == "Joshua Abraham Norton");
  CHECK(ms[2].sentence == 1);
}

TEST_CASE("A full name without a middle name is the one longer name around it", "[extract]") {
  auto ts = extract_all(make_doc({kNortonVisitedOakland,
                                  R"(Joshua Joshua PROPN NNP 3 nsubj B-PER
Norton Norton PROPN NNP 1 flat I-PER
left leave VERB VBD 0 root O
Sacramento Sacramento PROPN NNP 3 obj B-LOC
. . PUNCT . 3 punct O)",
                                  R"(Norton Norton PROPN NNP 2 nsubj B-LOC
praised praise VERB VBD 0 root O
Lincoln Lincoln PROPN NNP 2 obj B-PER
. . PUNCT . 2 punct O)"}));
  INFO(dump(ts));
  CHECK(find_fact(ts, "Joshua Abraham Norton", "leave", "Sacramento") != nullptr);
  // The tagger's LOC for a surname that is no known place does not keep it apart.
  CHECK(find_fact(ts, "Joshua Abraham Norton", "praise", "Lincoln") != nullptr);
}

TEST_CASE("An indefinite role names no one in particular", "[extract]") {
  auto ts = extract_all(make_doc({kBidenMetMacron,
                                  R"(A a DET DT 2 det
president president NOUN NN 3 nsubj
visited visit VERB VBD 0 root
Paris Paris PROPN NNP 3 obj
. . PUNCT . 3 punct)",
                                  R"(The the DET DT 2 det
president president NOUN NN 3 nsubj
called call VERB VBD 0 root
Scholz Scholz PROPN NNP 3 obj
. . PUNCT . 3 punct)"}));
  INFO(dump(ts));
  CHECK(find_fact(ts, "Joe Biden", "visit", "Paris") == nullptr);
  CHECK(find_fact(ts, "Joe Biden", "call", "Scholz") != nullptr);
}

TEST_CASE("A name written again where the parse saw none is a mention of its entity",
          "[extract]") {
  const kg::Document d = make_doc({R"(The the DET DT 2 det O
Bundesbank Bundesbank PROPN NNP 3 nsubj B-ORG
raised raise VERB VBD 0 root O
rates rate NOUN NNS 3 obj O
. . PUNCT . 3 punct O)",
                                   // The tagger took the name for a common noun here.
                                   R"(Analysts analyst NOUN NNS 2 nsubj O
praised praise VERB VBD 0 root O
the the DET DT 4 det O
Bundesbank bundesbank NOUN NN 2 obj O
. . PUNCT . 2 punct O)"});
  const auto ms = mentions_of(d);
  REQUIRE(ms.size() == 2);
  CHECK(ms[1].sentence == 1);
  CHECK(ms[1].text == "Bundesbank");
  CHECK(ms[1].entity == "Bundesbank");
  CHECK(ms[1].type == ms[0].type);
}

TEST_CASE("A title whose own words hold a person's name is that person", "[extract]") {
  // The parser chained the name by compound under "Chancellor"; the tagger's person starts at
  // "Nigel".
  auto ts = extract_all(make_doc({R"(Chancellor Chancellor PROPN NNP 7 nsubj O
of of ADP IN 6 case O
the the DET DT 6 det O
Exchequer Exchequer PROPN NNP 5 compound B-ORG
Nigel Nigel PROPN NNP 6 compound B-PER
Lawson Lawson PROPN NNP 1 nmod I-PER
met meet VERB VBD 0 root O
bankers banker NOUN NNS 7 obj O
. . PUNCT . 7 punct O)"}));
  INFO(dump(ts));
  const kg::Triple* t = find_fact(ts, "Nigel Lawson", "meet", "banker");
  REQUIRE(t != nullptr);
  CHECK(t->subject_type == "PERSON");
}
