// Per-construction tests of clause-based extraction on hand-written UD parses.
#include <catch2/catch.hpp>

#include "parse_helper.h"

using kg::test::dump;
using kg::test::extract_all;
using kg::test::find_fact;
using kg::test::make_doc;

namespace {

const char* kActive = R"(Russia Russia PROPN NNP 2 nsubj
invaded invade VERB VBD 0 root
Ukraine Ukraine PROPN NNP 2 obj
. . PUNCT . 2 punct)";

}  // namespace

TEST_CASE("Active clause gives subject, lemma relation and object", "[extract]") {
  auto ts = extract_all(make_doc({kActive}));
  const kg::Triple* t = find_fact(ts, "Russia", "invade", "Ukraine");
  REQUIRE(t != nullptr);
  CHECK_FALSE(t->negated);
  CHECK_FALSE(t->modality.has_value());
  CHECK(t->subject_type == "LOC");
  CHECK(t->confidence > 0.5);
  CHECK(t->sentence == 0);
  CHECK(t->text == "Russia invaded Ukraine.");
}

TEST_CASE("Passive with a by-agent is normalized to active", "[extract]") {
  auto ts = extract_all(make_doc({R"(The the DET DT 2 det
letter letter NOUN NN 4 nsubj:pass
was be AUX VBD 4 aux:pass
sent send VERB VBN 0 root
by by ADP IN 6 case
Crocker Crocker PROPN NNP 4 obl:agent
. . PUNCT . 4 punct)"}));
  INFO(dump(ts));
  CHECK(find_fact(ts, "Crocker", "send", "letter") != nullptr);
}

TEST_CASE("Passive without agent keeps a be-participle relation", "[extract]") {
  auto ts = extract_all(make_doc({R"(Blinken Blinken PROPN NNP 3 nsubj:pass
is be AUX VBZ 3 aux:pass
scheduled schedule VERB VBN 0 root
to to PART TO 5 mark
meet meet VERB VB 3 xcomp
in in ADP IN 7 case
Europe Europe PROPN NNP 5 obl
. . PUNCT . 3 punct)"}));
  INFO(dump(ts));
  CHECK(find_fact(ts, "Blinken", "be scheduled to meet in", "Europe") != nullptr);
}

TEST_CASE("Xcomp chain joins verbs into one relation", "[extract]") {
  auto ts = extract_all(make_doc({R"(Biden Biden PROPN NNP 3 nsubj
has have AUX VBZ 3 aux
agreed agree VERB VBN 0 root
to to PART TO 5 mark
hold hold VERB VB 3 xcomp
a a DET DT 7 det
summit summit NOUN NN 5 obj
with with ADP IN 9 case
Putin Putin PROPN NNP 5 obl
. . PUNCT . 3 punct)"}));
  INFO(dump(ts));
  const kg::Triple* t = find_fact(ts, "Biden", "agree to hold", "summit");
  REQUIRE(t != nullptr);
  CHECK(t->object_type == "CONCEPT");
  CHECK(find_fact(ts, "Biden", "hold summit with", "Putin") != nullptr);
}

TEST_CASE("Coordinated subjects, verbs and objects split into separate facts", "[extract]") {
  auto ts = extract_all(make_doc({R"(Blinken Blinken PROPN NNP 4 nsubj
and and CCONJ CC 3 cc
Lavrov Lavrov PROPN NNP 1 conj
met meet VERB VBD 0 root
Macron Macron PROPN NNP 4 obj
and and CCONJ CC 7 cc
Scholz Scholz PROPN NNP 5 conj
and and CCONJ CC 9 cc
signed sign VERB VBD 4 conj
a a DET DT 11 det
treaty treaty NOUN NN 9 obj
. . PUNCT . 4 punct)"}));
  INFO(dump(ts));
  CHECK(find_fact(ts, "Blinken", "meet", "Macron") != nullptr);
  CHECK(find_fact(ts, "Blinken", "meet", "Scholz") != nullptr);
  CHECK(find_fact(ts, "Lavrov", "meet", "Macron") != nullptr);
  CHECK(find_fact(ts, "Lavrov", "meet", "Scholz") != nullptr);
  CHECK(find_fact(ts, "Blinken", "sign", "treaty") != nullptr);
  CHECK(find_fact(ts, "Lavrov", "sign", "treaty") != nullptr);
}

TEST_CASE("Relative clause attaches its verb to the modified noun", "[extract]") {
  auto ts = extract_all(make_doc({R"(The the DET DT 2 det
man man NOUN NN 6 nsubj
who who PRON WP 4 nsubj
bought buy VERB VBD 2 acl:relcl
Twitter Twitter PROPN NNP 4 obj
left leave VERB VBD 0 root
. . PUNCT . 6 punct)",
                                  R"(Musk Musk PROPN NNP 2 nsubj
sold sell VERB VBD 0 root
the the DET DT 4 det
car car NOUN NN 2 obj
that that PRON WDT 7 obj
Tesla Tesla PROPN NNP 7 nsubj
built build VERB VBD 4 acl:relcl
. . PUNCT . 2 punct)"}));
  INFO(dump(ts));
  CHECK(find_fact(ts, "man", "buy", "Twitter") != nullptr);
  CHECK(find_fact(ts, "Tesla", "build", "car") != nullptr);
  CHECK(find_fact(ts, "Musk", "sell", "car") != nullptr);
}

TEST_CASE("Apposition becomes a be-fact", "[extract]") {
  auto ts = extract_all(make_doc({R"(Crocker Crocker PROPN NNP 7 nsubj
, , PUNCT , 4 punct
U.S. U.S. PROPN NNP 4 compound
Representative Representative PROPN NNP 1 appos
in in ADP IN 6 case
Geneva Geneva PROPN NNP 4 nmod
said say VERB VBD 0 root
so so ADV RB 7 advmod
. . PUNCT . 7 punct)"}));
  INFO(dump(ts));
  CHECK(find_fact(ts, "Crocker", "be", "U.S. Representative") != nullptr);
}

TEST_CASE("Copula gives X be Y and adjective predicates keep their preposition", "[extract]") {
  auto ts = extract_all(make_doc({R"(Kyiv Kyiv PROPN NNP 4 nsubj
is be AUX VBZ 4 cop
the the DET DT 4 det
capital capital NOUN NN 0 root
of of ADP IN 6 case
Ukraine Ukraine PROPN NNP 4 nmod
. . PUNCT . 4 punct)",
                                  R"(Washington Washington PROPN NNP 3 nsubj
is be AUX VBZ 3 cop
ready ready ADJ JJ 0 root
for for ADP IN 5 case
diplomacy diplomacy NOUN NN 3 obl
. . PUNCT . 3 punct)"}));
  INFO(dump(ts));
  CHECK(find_fact(ts, "Kyiv", "be", "capital") != nullptr);
  CHECK(find_fact(ts, "Kyiv", "be capital of", "Ukraine") != nullptr);
  CHECK(find_fact(ts, "Washington", "be ready for", "diplomacy") != nullptr);
}

TEST_CASE("Light verb with object noun gives verb-noun-preposition relation", "[extract]") {
  auto ts = extract_all(make_doc({R"(Crocker Crocker PROPN NNP 2 nsubj
sent send VERB VBD 0 root
a a DET DT 4 det
letter letter NOUN NN 2 obj
to to ADP IN 6 case
Bachelet Bachelet PROPN NNP 2 obl
. . PUNCT . 2 punct)",
                                  R"(Biden Biden PROPN NNP 2 nsubj
held hold VERB VBD 0 root
a a DET DT 4 det
meeting meeting NOUN NN 2 obj
with with ADP IN 6 case
Macron Macron PROPN NNP 4 nmod
. . PUNCT . 2 punct)"}));
  INFO(dump(ts));
  CHECK(find_fact(ts, "Crocker", "send letter to", "Bachelet") != nullptr);
  CHECK(find_fact(ts, "Crocker", "send", "letter") != nullptr);
  CHECK(find_fact(ts, "Biden", "hold meeting with", "Macron") != nullptr);
}

TEST_CASE("Negation sets negated and keeps the relation positive", "[extract]") {
  auto ts = extract_all(make_doc({R"(Russia Russia PROPN NNP 4 nsubj
did do AUX VBD 4 aux
not not PART RB 4 advmod
invade invade VERB VB 0 root
Ukraine Ukraine PROPN NNP 4 obj
. . PUNCT . 4 punct)"}));
  const kg::Triple* t = find_fact(ts, "Russia", "invade", "Ukraine");
  REQUIRE(t != nullptr);
  CHECK(t->negated);
}

TEST_CASE("Modal auxiliaries and hedges become the modality", "[extract]") {
  auto ts = extract_all(make_doc({R"(Russian Russian ADJ JJ 2 amod
forces force NOUN NNS 5 nsubj
will will AUX MD 5 aux
likely likely ADV RB 5 advmod
use use VERB VB 0 root
lethal lethal ADJ JJ 7 amod
measures measure NOUN NNS 5 obj
. . PUNCT . 5 punct)"}));
  INFO(dump(ts));
  REQUIRE(ts.size() == 1);
  CHECK(ts[0].relation == "use");
  REQUIRE(ts[0].modality.has_value());
  CHECK(*ts[0].modality == "will likely");
}

TEST_CASE("Conditions qualify the main clause and the condition itself", "[extract]") {
  auto ts = extract_all(make_doc({R"(Biden Biden PROPN NNP 2 nsubj
accepted accept VERB VBD 0 root
a a DET DT 4 det
meeting meeting NOUN NN 2 obj
if if SCONJ IN 9 mark
Russia Russia PROPN NNP 9 nsubj
does do AUX VBZ 9 aux
not not PART RB 9 advmod
invade invade VERB VB 2 advcl
Ukraine Ukraine PROPN NNP 9 obj
. . PUNCT . 2 punct)"}));
  INFO(dump(ts));
  const kg::Triple* main = find_fact(ts, "Biden", "accept", "meeting");
  REQUIRE(main != nullptr);
  REQUIRE(main->modality.has_value());
  CHECK(*main->modality == "if Russia does not invade Ukraine");
  const kg::Triple* cond = find_fact(ts, "Russia", "invade", "Ukraine");
  REQUIRE(cond != nullptr);
  CHECK(cond->negated);
  REQUIRE(cond->modality.has_value());
  CHECK(*cond->modality == "condition");
}

TEST_CASE("Reported content carries the speaker as attribution", "[extract]") {
  auto ts = extract_all(make_doc({R"(Psaki Psaki PROPN NNP 2 nsubj
said say VERB VBD 0 root
that that SCONJ IN 5 mark
Russia Russia PROPN NNP 5 nsubj
massed mass VERB VBD 2 ccomp
troops troop NOUN NNS 5 obj
. . PUNCT . 2 punct)",
                                  R"(Russia Russia PROPN NNP 2 nsubj
massed mass VERB VBD 0 root
troops troop NOUN NNS 2 obj
, , PUNCT , 6 punct
the the DET DT 6 det
letter letter NOUN NN 7 nsubj
says say VERB VBZ 2 parataxis
. . PUNCT . 2 punct)",
                                  R"(Russia Russia PROPN NNP 2 nsubj
massed mass VERB VBD 0 root
tanks tank NOUN NNS 2 obj
, , PUNCT , 8 punct
according accord VERB VBG 8 case
to to ADP IN 5 fixed
the the DET DT 8 det
Pentagon Pentagon PROPN NNP 2 obl
. . PUNCT . 2 punct)"}));
  INFO(dump(ts));
  int found = 0;
  for (const kg::Triple& t : ts) {
    if (t.subject != "Russia" || t.relation != "mass") continue;
    REQUIRE(t.attribution.has_value());
    if (t.sentence == 0) CHECK(*t.attribution == "Psaki");
    if (t.sentence == 1) CHECK(*t.attribution == "letter");
    if (t.sentence == 2) CHECK(*t.attribution == "Pentagon");
    ++found;
  }
  CHECK(found == 3);
}

TEST_CASE("Unparsed sentence is an error naming document and sentence", "[extract]") {
  kg::Document d = make_doc({kActive});
  d.sentences[0].tokens[1].head = -1;
  auto ex = kg::Extractor::create();
  REQUIRE(ex.ok());
  auto r = (*ex)->extract(d);
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().message().find("document test sentence 1") != std::string::npos);
}

TEST_CASE("N-ary output keeps phrases, auxiliaries and the first preposition", "[extract]") {
  kg::Document d = make_doc({R"(Biden Biden PROPN NNP 3 nsubj
has have AUX VBZ 3 aux
agreed agree VERB VBN 0 root
to to PART TO 5 mark
hold hold VERB VB 3 xcomp
a a DET DT 7 det
summit summit NOUN NN 5 obj
with with ADP IN 9 case
Putin Putin PROPN NNP 5 obl
. . PUNCT . 3 punct)",
                             R"(He he PRON PRP 2 nsubj
returned return VERB VBD 0 root
to to ADP IN 4 case
Cleveland Cleveland PROPN NNP 2 obl
in in ADP IN 6 case
1941 1941 NUM CD 2 obl
. . PUNCT . 2 punct)"});
  auto ex = kg::Extractor::create();
  REQUIRE(ex.ok());
  auto a = (*ex)->extract_nary(d.sentences[0]);
  REQUIRE(a.ok());
  REQUIRE_FALSE(a->empty());
  CHECK((*a)[0].relation == "has agreed to hold");
  CHECK((*a)[0].args == std::vector<std::string>{"Biden", "a summit", "with Putin"});
  auto b = (*ex)->extract_nary(d.sentences[1]);
  REQUIRE(b.ok());
  REQUIRE_FALSE(b->empty());
  CHECK((*b)[0].relation == "returned to");
  CHECK((*b)[0].args == std::vector<std::string>{"He", "Cleveland", "in 1941"});
}

TEST_CASE("An organisation named by a common noun keeps its plural head", "[extract]") {
  auto ts = extract_all(make_doc({R"(The the DET DT 3 det
Russian Russian ADJ JJ 3 amod
forces force NOUN NNS 4 nsubj
created create VERB VBD 0 root
lists list NOUN NNS 4 obj
. . PUNCT . 4 punct)"}));
  INFO(dump(ts));
  const kg::Triple* t = find_fact(ts, "Russian forces", "create", "list");
  REQUIRE(t != nullptr);
  CHECK(t->subject_type == "ORG");
}

TEST_CASE("A lead sentence full of names is not mistaken for a title-case headline", "[extract]") {
  auto ts = extract_all(make_doc({R"(US US PROPN NNP 2 compound
President President PROPN NNP 3 nmod:desc
Joe Joe PROPN NNP 5 nsubj
Biden Biden PROPN NNP 3 flat
met meet VERB VBD 0 root
Russian Russian ADJ JJ 7 amod
President President PROPN NNP 8 nmod:desc
Vladimir Vladimir PROPN NNP 5 obj
Putin Putin PROPN NNP 8 flat
in in ADP IN 11 case
Geneva Geneva PROPN NNP 5 obl
. . PUNCT . 5 punct)"}));
  INFO(dump(ts));
  CHECK(find_fact(ts, "Joe Biden", "meet", "Vladimir Putin") != nullptr);
  // A real headline still yields nothing.
  auto head = extract_all(make_doc({R"(Biden Biden PROPN NNP 2 nsubj
Agrees Agree VERB VBZ 0 root
to to ADP IN 4 case
Summit Summit PROPN NNP 2 obl
with with ADP IN 6 case
Putin Putin PROPN NNP 4 nmod)"}));
  CHECK(head.empty());
}

namespace {

const char* kTitledMeeting = R"(President President PROPN NNP 2 nmod:desc
Joe Joe PROPN NNP 4 nsubj
Biden Biden PROPN NNP 2 flat
met meet VERB VBD 0 root
Macron Macron PROPN NNP 4 obj
. . PUNCT . 4 punct)";

const char* kCall = R"(Biden Biden PROPN NNP 2 nsubj
called call VERB VBD 0 root
Scholz Scholz PROPN NNP 2 obj
. . PUNCT . 2 punct)";

std::vector<kg::Triple> extract_with(const kg::Document& d, const kg::ExtractorOptions& options) {
  auto ex = kg::Extractor::create(options);
  REQUIRE(ex.ok());
  auto r = (*ex)->extract(d);
  REQUIRE(r.ok());
  return *r;
}

}  // namespace

TEST_CASE("A sentence's title facts follow its other facts, before the next sentence's",
          "[extract]") {
  auto ts = extract_with(make_doc({kTitledMeeting, kCall}), {});
  INFO(dump(ts));
  REQUIRE(ts.size() == 3);
  CHECK(dump({ts[0]}) == "Joe Biden | meet | Macron\n");
  CHECK(dump({ts[1]}) == "Joe Biden | be | President\n");
  CHECK(dump({ts[2]}) == "Joe Biden | call | Scholz\n");
  CHECK(ts[1].sentence == 0);
  CHECK(ts[1].object_type == "CONCEPT");
}

TEST_CASE("Title facts are left out when the option is off", "[extract]") {
  kg::ExtractorOptions options;
  options.title_facts = false;
  auto ts = extract_with(make_doc({kTitledMeeting}), options);
  INFO(dump(ts));
  CHECK(find_fact(ts, "Joe Biden", "meet", "Macron") != nullptr);
  CHECK(find_fact(ts, "Joe Biden", "be", "President") == nullptr);
}

TEST_CASE("Facts below the minimum confidence are dropped", "[extract]") {
  kg::ExtractorOptions options;
  options.min_confidence = 1.0;
  CHECK(extract_with(make_doc({kTitledMeeting, kCall}), options).empty());
}

TEST_CASE("An unresolved pronoun subject is kept, named by itself, only when asked", "[extract]") {
  const kg::Document d = make_doc({R"(He he PRON PRP 2 nsubj
wants want VERB VBZ 0 root
peace peace NOUN NN 2 obj
. . PUNCT . 2 punct)"});
  CHECK(extract_with(d, {}).empty());
  kg::ExtractorOptions options;
  options.keep_unresolved_pronouns = true;
  auto ts = extract_with(d, options);
  INFO(dump(ts));
  CHECK(find_fact(ts, "he", "want", "peace") != nullptr);
}

TEST_CASE("A word without a parse is an error naming the document, sentence and word",
          "[extract]") {
  kg::Document d = make_doc({kCall, kActive});
  d.sentences[1].tokens[1].deprel.clear();
  auto ex = kg::Extractor::create();
  REQUIRE(ex.ok());
  auto r = (*ex)->extract(d);
  REQUIRE_FALSE(r.ok());
  CHECK_THAT(r.status().message(),
             Catch::Matchers::Contains("document test sentence 2: word 2 \"invaded\""));
}
