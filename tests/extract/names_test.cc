// Names of organisations and their aliases on hand-written UD parses (with entity tags): types
// from organisation words, coordinations inside organisation names, acronyms defined in the text,
// and surface forms that are names.
#include <catch2/catch.hpp>

#include "extract/acronyms.h"
#include "extract/org_names.h"
#include "parse_helper.h"

using kg::test::dump;
using kg::test::extract_all;
using kg::test::find_fact;
using kg::test::make_doc;
using kg::test::parse_compact;

TEST_CASE("A corporate suffix types a name ORG whatever the entity tagger says", "[extract]") {
  auto ts = extract_all(make_doc({R"(Shearson Shearson PROPN NNP 5 nsubj B-PER
Lehman Lehman PROPN NNP 1 flat I-PER
Brothers Brothers PROPN NNPS 1 flat I-PER
Inc Inc PROPN NNP 1 flat I-PER
bought buy VERB VBD 0 root O
Acme Acme PROPN NNP 5 obj B-ORG
. . PUNCT . 5 punct O)",
                                  R"(Shearson Shearson PROPN NNP 2 nsubj B-PER
sold sell VERB VBD 0 root O
Widget Widget PROPN NNP 2 obj B-ORG
. . PUNCT . 2 punct O)"}));
  INFO(dump(ts));
  const kg::Triple* a = find_fact(ts, "Shearson Lehman Brothers", "buy", "Acme");
  REQUIRE(a != nullptr);
  CHECK(a->subject_type == "ORG");
  // The shorter form the resolver links to it is the same organisation.
  const kg::Triple* b = find_fact(ts, "Shearson Lehman Brothers", "sell", "Widget");
  REQUIRE(b != nullptr);
  CHECK(b->subject_text == "Shearson");
  CHECK(b->subject_type == "ORG");
}

TEST_CASE("A person whose name holds an organisation word stays a person", "[extract]") {
  auto ts = extract_all(make_doc({R"(Mr Mr PROPN NNP 2 nmod:desc O
Bank Bank PROPN NNP 3 nsubj B-PER
resigned resign VERB VBD 0 root O
from from ADP IN 6 case O
the the DET DT 6 det O
board board NOUN NN 3 obl O
. . PUNCT . 3 punct O)"}));
  INFO(dump(ts));
  const kg::Triple* a = find_fact(ts, "Bank", "resign from", "board");
  REQUIRE(a != nullptr);
  CHECK(a->subject_type == "PERSON");
}

TEST_CASE("A tagged misc or place name ending in an organisation word is an organisation",
          "[extract]") {
  auto ts = extract_all(make_doc({R"(BankAmerica BankAmerica PROPN NNP 2 compound B-LOC
Corp Corp PROPN NNP 3 nsubj I-LOC
sued sue VERB VBD 0 root O
American American ADJ JJ 5 amod B-MISC
Express Express PROPN NNP 6 compound I-MISC
Co Co PROPN NNP 3 obj I-MISC
. . PUNCT . 3 punct O)",
                                  R"(BankAmerica BankAmerica PROPN NNP 2 nsubj B-LOC
won win VERB VBD 0 root O
. . PUNCT . 2 punct O)",
                                  R"(American American ADJ JJ 2 amod B-MISC
Express Express PROPN NNP 3 nsubj I-MISC
appealed appeal VERB VBD 0 root O
to to ADP IN 5 case O
Washington Washington PROPN NNP 3 obl B-LOC
. . PUNCT . 3 punct O)"}));
  INFO(dump(ts));
  const kg::Triple* a = find_fact(ts, "BankAmerica", "sue", "American Express");
  REQUIRE(a != nullptr);
  CHECK(a->subject_type == "ORG");
  CHECK(a->object_type == "ORG");
  const kg::Triple* b = find_fact(ts, "American Express", "appeal to", "Washington");
  REQUIRE(b != nullptr);
  CHECK(b->subject_type == "ORG");
}

TEST_CASE("General Motors Corp is a company, not a general", "[extract]") {
  auto ts = extract_all(make_doc({R"(General General PROPN NNP 3 compound B-ORG
Motors Motors PROPN NNPS 3 compound I-ORG
Corp Corp PROPN NNP 4 nsubj I-ORG
raised raise VERB VBD 0 root O
prices price NOUN NNS 4 obj O
. . PUNCT . 4 punct O)"}));
  INFO(dump(ts));
  const kg::Triple* a = find_fact(ts, "General Motors", "raise", "price");
  REQUIRE(a != nullptr);
  CHECK(a->subject_type == "ORG");
  CHECK(find_fact(ts, "General Motors", "be", "General") == nullptr);
}

namespace {

// "The Securities and Exchange Commission fined Baker and Volcker ." as the parser reads it:
// "Commission" a conjunct of "Securities".
const char* kSec = R"(The the DET DT 2 det O
Securities security NOUN NNS 6 nsubj B-ORG
and and CCONJ CC 5 cc I-ORG
Exchange Exchange PROPN NNP 5 compound I-ORG
Commission Commission PROPN NNP 2 conj I-ORG
fined fine VERB VBD 0 root O
Baker Baker PROPN NNP 6 obj B-PER
and and CCONJ CC 9 cc O
Volcker Volcker PROPN NNP 7 conj B-PER
. . PUNCT . 6 punct O)";

}  // namespace

TEST_CASE("An organisation's name with 'and' inside is one entity, two people stay two",
          "[extract]") {
  auto ts = extract_all(make_doc({kSec}));
  INFO(dump(ts));
  const kg::Triple* a = find_fact(ts, "Securities and Exchange Commission", "fine", "Baker");
  REQUIRE(a != nullptr);
  CHECK(a->subject_type == "ORG");
  CHECK(a->subject_text == "Securities and Exchange Commission");
  CHECK(find_fact(ts, "Securities and Exchange Commission", "fine", "Volcker") != nullptr);
  for (const kg::Triple& t : ts) {
    CHECK(t.subject != "Exchange Commission");
    CHECK(t.subject != "Securities");
    CHECK(t.object != "Baker and Volcker");
  }
}

TEST_CASE("Coordinations that are one organisation's name", "[extract]") {
  auto spans = [](const std::string& block) {
    std::string r;
    kg::Sentence s = parse_compact(block);
    for (const kg::extract::NameSpan& n : kg::extract::coordinated_org_names(s)) {
      if (!r.empty()) r += "; ";
      for (int k = n.first; k <= n.last; ++k) r += (k > n.first ? " " : "") + s.tokens[k].form;
    }
    return r;
  };
  // Words: form lemma upos xpos head deprel entity; only the forms, tags and entities matter here.
  auto words = [](std::vector<std::string> forms, std::vector<std::string> tags = {}) {
    std::string b;
    for (size_t i = 0; i < forms.size(); ++i) {
      const bool cc = forms[i] == "and";
      b += forms[i] + " x " +
           (cc                   ? "CCONJ CC"
            : forms[i][0] >= 'a' ? "VERB VBD"
                                 : "PROPN NNP") +
           " 0 root " + (i < tags.size() ? tags[i] : "O") + "\n";
    }
    return b;
  };
  CHECK(spans(kSec) == "Securities and Exchange Commission");
  CHECK(spans(words({"Morgan", "Stanley", "and", "Co", "Inc", "said"})) ==
        "Morgan Stanley and Co Inc");
  CHECK(spans(words({"Pennsylvania", "Power", "and", "Light", "Co", "said"})) ==
        "Pennsylvania Power and Light Co");
  CHECK(spans(words({"Procter", "and", "Gamble", "said"})) == "Procter and Gamble");
  CHECK(spans(words({"Standard", "and", "Poor's", "Corp", "said"})) == "Standard and Poor's Corp");
  CHECK(spans(words({"Baker", "and", "Volcker", "met"})).empty());
  CHECK(spans(words({"Diplock", "and", "Browning", "and", "War", "Office", "met"})).empty());
  CHECK(spans(words({"Liberal", "Democratic", "Party", "and", "Finance", "Ministry", "met"}))
            .empty());
  CHECK(spans(words({"Central", "Bank", "and", "Trust", "Co", "met"})) ==
        "Central Bank and Trust Co");
  CHECK(spans(words({"Reagan", "and", "Congress", "agreed"})).empty());
  CHECK(spans(words({"Chrysler", "and", "American", "Motors", "Corp", "agreed"},
                    {"B-ORG", "O", "B-ORG", "I-ORG", "I-ORG"}))
            .empty());
  CHECK(spans(words({"CTS", "Corp", "and", "Dynamics", "Corp", "agreed"})).empty());
  CHECK(spans(words({"Japan", "and", "Exchange", "Commission", "agreed"})).empty());
  CHECK(spans(words({"IBM", "and", "Apple", "Inc", "agreed"}, {"B-ORG", "O", "B-ORG", "I-ORG"}))
            .empty());
}

TEST_CASE("Acronyms are spelled by initials, function words optional", "[extract]") {
  using kg::extract::spells_acronym;
  CHECK(spells_acronym("IMF", {"International", "Monetary", "Fund"}));
  CHECK(spells_acronym("SEC", {"Securities", "and", "Exchange", "Commission"}));
  CHECK(spells_acronym("OPEC", {"Organization", "of", "Petroleum", "Exporting", "Countries"}));
  CHECK(spells_acronym("DOE", {"Department", "of", "Energy"}));
  CHECK(spells_acronym("USDA", {"U.S.", "Department", "of", "Agriculture"}));
  CHECK_FALSE(spells_acronym("IMF", {"International", "Fund"}));
  CHECK_FALSE(spells_acronym("EC", {"European", "Monetary", "Community"}));
}

TEST_CASE("An acronym defined in parentheses names its expansion, in either order", "[extract]") {
  auto ts = extract_all(make_doc({R"(The the DET DT 4 det O
International International PROPN NNP 4 compound B-ORG
Monetary Monetary PROPN NNP 4 compound I-ORG
Fund Fund PROPN NNP 9 nsubj I-ORG
( ( PUNCT -LRB- 6 punct O
IMF IMF PROPN NNP 4 appos B-ORG
) ) PUNCT -RRB- 6 punct O
has have AUX VBZ 9 aux O
lent lend VERB VBN 0 root O
money money NOUN NN 9 obj O
. . PUNCT . 9 punct O)",
                                  R"(The the DET DT 2 det O
IMF IMF PROPN NNP 3 nsubj B-ORG
criticized criticize VERB VBD 0 root O
Brazil Brazil PROPN NNP 3 obj B-LOC
. . PUNCT . 3 punct O)",
                                  R"(GATT GATT PROPN NNP 8 nsubj B-ORG
( ( PUNCT -LRB- 3 punct O
General General PROPN NNP 2 compound B-MISC
Agreement Agreement PROPN NNP 3 appos I-MISC
on on ADP IN 6 case I-MISC
Tariffs Tariffs PROPN NNPS 4 nmod I-MISC
and and CCONJ CC 8 cc I-MISC
Trade Trade PROPN NNP 6 conj I-MISC
) ) PUNCT -RRB- 3 punct O
ruled rule VERB VBD 0 root O
. . PUNCT . 10 punct O)",
                                  R"(GATT GATT PROPN NNP 2 nsubj B-ORG
condemned condemn VERB VBD 0 root O
Japan Japan PROPN NNP 2 obj B-LOC
. . PUNCT . 2 punct O)"}));
  INFO(dump(ts));
  const kg::Triple* a = find_fact(ts, "International Monetary Fund", "criticize", "Brazil");
  REQUIRE(a != nullptr);
  CHECK(a->subject_text == "IMF");
  CHECK(a->subject_type == "ORG");
  CHECK(find_fact(ts, "International Monetary Fund", "lend", "money") != nullptr);
  const kg::Triple* b = find_fact(ts, "General Agreement on Tariffs and Trade", "condemn", "Japan");
  REQUIRE(b != nullptr);
  CHECK(b->subject_text == "GATT");
}

TEST_CASE("A name's surface form has no dating words and no title", "[extract]") {
  auto ts = extract_all(make_doc({R"(Last last ADJ JJ 2 amod O
month month NOUN NN 3 compound O
Brazil Brazil PROPN NNP 4 nsubj B-LOC
suspended suspend VERB VBD 0 root O
payments payment NOUN NNS 4 obj O
. . PUNCT . 4 punct O)",
                                  R"(Fed Fed PROPN NNP 2 compound B-ORG
Chairman chairman NOUN NN 3 nmod:desc O
Paul Paul PROPN NNP 5 nsubj B-PER
Volcker Volcker PROPN NNP 3 flat I-PER
met meet VERB VBD 0 root O
Baker Baker PROPN NNP 5 obj B-PER
. . PUNCT . 5 punct O)",
                                  R"(March March PROPN NNP 2 compound O
Hu Hu PROPN NNP 3 nsubj B-PER
met meet VERB VBD 0 root O
Volcker Volcker PROPN NNP 3 obj B-PER
. . PUNCT . 3 punct O)"}));
  INFO(dump(ts));
  const kg::Triple* a = find_fact(ts, "Brazil", "suspend", "payment");
  REQUIRE(a != nullptr);
  CHECK(a->subject_text == "Brazil");
  const kg::Triple* b = find_fact(ts, "Paul Volcker", "meet", "Baker");
  REQUIRE(b != nullptr);
  CHECK(b->subject_text == "Paul Volcker");
  CHECK(find_fact(ts, "Paul Volcker", "be", "Fed Chairman") != nullptr);
  bool hu = false;
  for (const kg::Triple& t : ts) hu = hu || (t.subject == "Hu" && t.subject_text == "Hu");
  CHECK(hu);
}

TEST_CASE("A date written as a name is no node, a company keeps its name without 'and Co Inc'",
          "[extract]") {
  auto ts = extract_all(make_doc({R"(March March PROPN NNP 2 compound B-MISC
Two Two PROPN NNP 3 nsubj I-MISC
saw see VERB VBD 0 root O
Morgan Morgan PROPN NNP 7 compound B-ORG
Stanley Stanley PROPN NNP 7 compound I-ORG
and and CCONJ CC 7 cc I-ORG
Co Co PROPN NNP 8 conj I-ORG
Inc Inc PROPN NNP 3 obj I-ORG
. . PUNCT . 3 punct O)",
                                  R"(Morgan Morgan PROPN NNP 3 nsubj B-PER
Stanley Stanley PROPN NNP 1 flat I-PER
bought buy VERB VBD 0 root O
Acme Acme PROPN NNP 3 obj B-ORG
. . PUNCT . 3 punct O)"}));
  INFO(dump(ts));
  for (const kg::Triple& t : ts) CHECK(t.subject != "March Two");
  const kg::Triple* a = find_fact(ts, "Morgan Stanley", "buy", "Acme");
  REQUIRE(a != nullptr);
  CHECK(a->subject_type == "ORG");
}

TEST_CASE("Names first: doubled words, months alone and doubted places", "[extract]") {
  auto ts = kg::test::extract_all(kg::test::make_doc({R"(Reagan Reagan PROPN NNP 3 nsubj B-PER
Reagan Reagan PROPN NNP 1 flat I-PER
met meet VERB VBD 0 root O
Gorbachev Gorbachev PROPN NNP 3 obj B-PER
. . PUNCT . 3 punct O)",
                                                       R"(Ecuador Ecuador PROPN NNP 2 nsubj B-MISC
exported export VERB VBD 0 root O
oil oil NOUN NN 2 obj O
. . PUNCT . 2 punct O)",
                                                       R"(May May PROPN NNP 2 nsubj B-MISC
brought bring VERB VBD 0 root O
rain rain NOUN NN 2 obj O
. . PUNCT . 2 punct O)"}));
  INFO(kg::test::dump(ts));
  CHECK(kg::test::find_fact(ts, "Reagan", "meet", "Gorbachev") != nullptr);
  const kg::Triple* e = kg::test::find_fact(ts, "Ecuador", "export", "oil");
  REQUIRE(e != nullptr);
  CHECK(e->subject_type == "LOC");
  for (const kg::Triple& t : ts) CHECK(t.subject != "May");
}

TEST_CASE("Someone only called by a lowercase role is the role's concept, not a person",
          "[extract]") {
  auto ts = kg::test::extract_all(kg::test::make_doc({R"(The the DET DT 3 det O
lead lead ADJ JJ 3 amod O
manager manager NOUN NN 4 nsubj O
priced price VERB VBD 0 root O
bonds bond NOUN NNS 4 obj O
. . PUNCT . 4 punct O)"}));
  INFO(kg::test::dump(ts));
  REQUIRE_FALSE(ts.empty());
  for (const kg::Triple& t : ts) CHECK(t.subject_type != "PERSON");
}

TEST_CASE("Words dating a name after it are not part of it", "[extract]") {
  auto ts = kg::test::extract_all(kg::test::make_doc({R"(Reagan Reagan PROPN NNP 3 nsubj B-PER
Friday Friday PROPN NNP 1 flat I-PER
vetoed veto VERB VBD 0 root O
the the DET DT 5 det O
bill bill NOUN NN 3 obj O
. . PUNCT . 3 punct O)"}));
  INFO(kg::test::dump(ts));
  const kg::Triple* t = kg::test::find_fact(ts, "Reagan", "veto", "bill");
  REQUIRE(t != nullptr);
  CHECK(t->subject_text == "Reagan");  // the surface form (an alias) loses the date too
}

TEST_CASE("A title left before a person's name once its dating word goes is not part of it",
          "[extract]") {
  auto ts = kg::test::extract_all(kg::test::make_doc({R"(President President PROPN NNP 4 nsubj B-PER
Reagan Reagan PROPN NNP 1 flat I-PER
today today PROPN NNP 1 flat I-PER
vetoed veto VERB VBD 0 root O
the the DET DT 6 det O
bill bill NOUN NN 4 obj O
. . PUNCT . 4 punct O)"}));
  INFO(kg::test::dump(ts));
  CHECK(kg::test::find_fact(ts, "Reagan", "veto", "bill") != nullptr);
}

TEST_CASE("A company's name with a possessive inside is one name, a place's organisation is not",
          "[extract]") {
  auto ts = extract_all(make_doc({R"(Moody Moody PROPN NNP 5 nmod:poss B-PER
's 's PART POS 1 case O
Investors investor NOUN NNS 5 compound B-ORG
Service Service PROPN NNP 5 compound I-ORG
Inc Inc PROPN NNP 6 nsubj I-ORG
downgraded downgrade VERB VBD 0 root O
Texaco Texaco PROPN NNP 6 obj B-ORG
. . PUNCT . 6 punct O)",
                                  R"(Japan Japan PROPN NNP 4 nmod:poss B-LOC
's 's PART POS 1 case O
Finance Finance PROPN NNP 4 compound B-ORG
Ministry Ministry PROPN NNP 5 nsubj I-ORG
criticised criticise VERB VBD 0 root O
Texaco Texaco PROPN NNP 5 obj B-ORG
. . PUNCT . 5 punct O)"}));
  INFO(dump(ts));
  INFO(dump(ts));
  const kg::Triple* d = find_fact(ts, "Moody's Investors Service", "downgrade", "Texaco");
  REQUIRE(d != nullptr);
  CHECK(d->subject_type == "ORG");
  CHECK(find_fact(ts, "Finance Ministry", "criticise", "Texaco") != nullptr);
}
