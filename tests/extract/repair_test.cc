// Parse repairs on the misparses the shipped parser produced for the sample article, written out
// by hand so that these tests do not depend on the model.
#include "extract/repair.h"

#include <catch2/catch.hpp>

#include "parse_helper.h"

using kg::test::dump;
using kg::test::extract_all;
using kg::test::find_fact;
using kg::test::make_doc;
using kg::test::parse_compact;
using kg::test::rehead;

// The session-3 neural parser's reading of "..., White House Press Secretary Jen Psaki said":
// "House" and "Press" both subjects of "said".
const char* const kPsaki = R"(Russia Russia PROPN NNP 2 nsubj
agreed agree VERB VBD 0 root
, , PUNCT , 10 punct
White White ADJ JJ 5 amod
House House PROPN NNP 10 nsubj
Press Press PROPN NNP 10 nsubj
Secretary Secretary PROPN NNP 6 flat
Jen Jen PROPN NNP 9 compound
Psaki Psaki PROPN NNP 6 flat
said say VERB VBD 2 parataxis
. . PUNCT . 2 punct)";

// The session-3 neural parser's reading of the Blinken and Lavrov sentence: both title + name
// chains are subjects of "scheduled", and the "and" hangs inside the second title.
const char* const kBoth = R"(US US PROPN NNP 2 compound
Secretary Secretary PROPN NNP 14 nsubj:pass
of of ADP IN 6 case
State State PROPN NNP 5 compound
Antony Antony PROPN NNP 6 compound
Blinken Blinken PROPN NNP 2 nmod
and and CCONJ CC 10 cc
Russian Russian ADJ JJ 10 amod
Foreign Foreign ADJ JJ 10 amod
Minister Minister PROPN NNP 11 nmod:desc
Sergei Sergei PROPN NNP 14 nsubj:pass
Lavrov Lavrov PROPN NNP 11 flat
are be AUX VBP 14 aux:pass
scheduled schedule VERB VBN 0 root
to to PART TO 16 mark
meet meet VERB VB 14 xcomp
. . PUNCT . 14 punct)";

TEST_CASE("A letter to a title + name chain goes to the person, not to the first word",
          "[extract]") {
  // The parser made "UN" the object of "to" and "Chief Michelle Bachelet" the subject of
  // "alleging".
  const char* kLetter = R"(Crocker Crocker PROPN NNP 2 nsubj
sent send VERB VBD 0 root
a a DET DT 4 det
letter letter NOUN NN 2 obj
to to ADP IN 6 case
UN UN PROPN NNP 4 nmod
human human ADJ JJ 8 amod
rights right NOUN NNS 4 nmod
Chief Chief PROPN NNP 12 nsubj
Michelle Michelle PROPN NNP 9 flat
Bachelet Bachelet PROPN NNP 9 flat
alleging allege VERB VBG 8 acl
abuses abuse NOUN NNS 12 obj
. . PUNCT . 2 punct)";
  auto ts = extract_all(make_doc({kLetter}));
  INFO(dump(ts));
  CHECK(find_fact(ts, "Crocker", "send letter to", "Michelle Bachelet") != nullptr);
  CHECK(find_fact(ts, "Crocker", "send letter to", "UN") == nullptr);
  CHECK(find_fact(ts, "Michelle Bachelet", "be", "UN human rights Chief") != nullptr);
}

TEST_CASE("A title + name chain split over two subjects becomes one speaker", "[extract]") {
  kg::Sentence s = parse_compact(kPsaki);
  kg::Sentence fixed;
  REQUIRE(kg::extract::repair_parse(s, &fixed));
  CHECK(fixed.tokens[7].head == 10);  // Jen heads the chain, subject of "said"
  CHECK(fixed.tokens[7].deprel == "nsubj");
  CHECK(fixed.tokens[8].head == 8);
  CHECK(fixed.tokens[8].deprel == "flat");
  for (int i : {3, 4, 5, 6}) {
    INFO(i);
    CHECK(fixed.tokens[i].head != 10);  // the title words hang inside the chain
  }
  auto ts = extract_all(make_doc({kPsaki}));
  INFO(dump(ts));
  CHECK(find_fact(ts, "Jen Psaki", "be", "White House Press Secretary") != nullptr);
}

TEST_CASE("A well-formed title + name chain is left as parsed", "[extract]") {
  const char* kBiden = R"(US US PROPN NNP 2 compound
President President PROPN NNP 3 nmod:desc
Joe Joe PROPN NNP 5 nsubj
Biden Biden PROPN NNP 3 flat
spoke speak VERB VBD 0 root
. . PUNCT . 5 punct)";
  kg::Sentence fixed;
  CHECK_FALSE(kg::extract::repair_parse(parse_compact(kBiden), &fixed));
}

TEST_CASE("To-infinitive after an idiom oblique joins the agreeing verb", "[extract]") {
  // "Biden has agreed in principle to hold a summit": the parser hung "hold" on "principle".
  const char* kAgree = R"(Biden Biden PROPN NNP 3 nsubj
has have AUX VBZ 3 aux
agreed agree VERB VBN 0 root
in in ADP IN 5 case
principle principle NOUN NN 3 obl
to to PART TO 7 mark
hold hold VERB VB 5 acl
a a DET DT 9 det
summit summit NOUN NN 7 obj
. . PUNCT . 3 punct)";
  auto ts = extract_all(make_doc({kAgree}));
  INFO(dump(ts));
  const kg::Triple* t = find_fact(ts, "Biden", "agree to hold", "summit");
  REQUIRE(t != nullptr);
  CHECK(t->modality == std::optional<std::string>("in principle"));
}

TEST_CASE("A subjectless to-infinitive adverbial of agree is its complement", "[extract]") {
  const char* kAgree = R"(Biden Biden PROPN NNP 2 nsubj
agreed agree VERB VBD 0 root
to to PART TO 4 mark
hold hold VERB VB 2 advcl
talks talk NOUN NNS 4 obj
. . PUNCT . 2 punct)";
  auto ts = extract_all(make_doc({kAgree}));
  INFO(dump(ts));
  CHECK(find_fact(ts, "Biden", "agree to hold", "talk") != nullptr);
}

TEST_CASE("A quotation rooted at its opening quote keeps its speaker", "[extract]") {
  const char* kQuote = R"(" " PUNCT `` 0 root
Biden Biden PROPN NNP 3 nsubj
accepted accept VERB VBD 1 conj
a a DET DT 5 det
meeting meeting NOUN NN 3 obj
, , PUNCT , 3 punct
" " PUNCT '' 3 punct
Psaki Psaki PROPN NNP 9 nsubj
added add VERB VBD 3 conj
. . PUNCT . 3 punct)";
  auto ts = extract_all(make_doc({kQuote}));
  INFO(dump(ts));
  const kg::Triple* t = find_fact(ts, "Biden", "accept", "meeting");
  REQUIRE(t != nullptr);
  CHECK(t->attribution == std::optional<std::string>("Psaki"));
}

TEST_CASE("An idiom merged into an oblique is split off and the noun becomes the object",
          "[extract]") {
  // "Biden accepted in principle a meeting with Putin": "in" and "principle" hung on "meeting".
  const char* kAccept = R"(Biden Biden PROPN NNP 2 nsubj
accepted accept VERB VBD 0 root
in in ADP IN 6 case
principle principle ADJ JJ 6 amod
a a DET DT 6 det
meeting meeting NOUN NN 2 obl
with with ADP IN 8 case
Putin Putin PROPN NNP 6 nmod
. . PUNCT . 2 punct)";
  auto ts = extract_all(make_doc({kAccept}));
  INFO(dump(ts));
  CHECK(find_fact(ts, "Biden", "accept", "meeting") != nullptr);
  CHECK(find_fact(ts, "Biden", "accept meeting with", "Putin") != nullptr);
  CHECK(find_fact(ts, "Biden", "accept in", "meeting") == nullptr);
}

TEST_CASE("Two subjects joined by and become one coordinated subject, each keeping its title",
          "[extract]") {
  kg::Sentence s = parse_compact(kBoth);
  kg::Sentence fixed;
  REQUIRE(kg::extract::repair_parse(s, &fixed));
  INFO(dump(extract_all(make_doc({kBoth}))));
  CHECK(fixed.tokens[10].deprel == "conj");  // Sergei: a conjunct of the first subject
  CHECK(fixed.tokens[6].head == 11);         // "and" on the conjunct it introduces
  int subjects = 0;
  for (const auto& t : fixed.tokens) subjects += t.head == 14 && t.deprel.rfind("nsubj", 0) == 0;
  CHECK(subjects == 1);
  auto ts = extract_all(make_doc({kBoth}));
  CHECK(find_fact(ts, "Sergei Lavrov", "be", "Russian Foreign Minister") != nullptr);
  CHECK(find_fact(ts, "Antony Blinken", "be", "US Secretary of State") != nullptr);
}

TEST_CASE("Two subjects without a conjunction between them are left alone", "[extract]") {
  const char* kTwo = R"(Officials official NOUN NNS 3 nsubj
Biden Biden PROPN NNP 3 nsubj
said say VERB VBD 0 root
. . PUNCT . 3 punct)";
  kg::Sentence s = parse_compact(kTwo);
  kg::Sentence fixed;
  CHECK_FALSE(kg::extract::repair_parse(s, &fixed));
}

TEST_CASE("A modifier after a name's appositive title belongs to the title", "[extract]") {
  // The neural parser hung "to the Office" and "in Geneva" on the name, not on her title.
  const char* kRep = R"(Crocker Crocker PROPN NNP 12 nsubj
, , PUNCT , 4 punct
U.S. U.S. PROPN NNP 4 compound
Representative Representative PROPN NNP 1 appos
to to ADP IN 7 case
the the DET DT 7 det
Office Office PROPN NNP 1 nmod
in in ADP IN 9 case
Geneva Geneva PROPN NNP 1 nmod
, , PUNCT , 1 punct
, , PUNCT , 1 punct
said say VERB VBD 0 root
. . PUNCT . 12 punct)";
  kg::Sentence fixed;
  REQUIRE(kg::extract::repair_parse(parse_compact(kRep), &fixed));
  CHECK(fixed.tokens[6].head == 4);  // Office -> Representative
  CHECK(fixed.tokens[8].head == 4);  // Geneva -> Representative
  auto ts = extract_all(make_doc({kRep}));
  INFO(dump(ts));
  // A bare "Office" names no one office: it is the concept (names first).
  CHECK(find_fact(ts, "Crocker", "be U.S. Representative to", "office") != nullptr);

  // After the appositive's closing comma a modifier stays on the name.
  const char* kAfterComma = R"(Crocker Crocker PROPN NNP 8 nsubj
, , PUNCT , 3 punct
envoy envoy NOUN NN 1 appos
, , PUNCT , 3 punct
of of ADP IN 6 case
Ohio Ohio PROPN NNP 1 nmod
, , PUNCT , 1 punct
said say VERB VBD 0 root)";
  kg::Sentence kept;
  CHECK_FALSE(kg::extract::repair_parse(parse_compact(kAfterComma), &kept));
}

TEST_CASE("A title + name chain headed by the name's last word is rebuilt", "[extract]") {
  // The two-layer parser's reading: every word hangs on "Psaki", "Jen" is flat under the title.
  const std::string parse = rehead(kPsaki, {{5, 9, "compound"},
                                            {6, 9, "compound"},
                                            {7, 9, "compound"},
                                            {8, 7, "flat"},
                                            {9, 10, "nsubj"}});
  kg::Sentence fixed;
  REQUIRE(kg::extract::repair_parse(parse_compact(parse), &fixed));
  CHECK(fixed.tokens[7].head == 10);  // Jen heads the chain, subject of "said"
  CHECK(fixed.tokens[8].head == 8);
  CHECK(fixed.tokens[8].deprel == "flat");
  auto ts = extract_all(make_doc({parse}));
  INFO(dump(ts));
  CHECK(find_fact(ts, "Jen Psaki", "be", "White House Press Secretary") != nullptr);
}

TEST_CASE("A caseless nmod holding the and before it is a conjunct", "[extract]") {
  // The two-layer parser hung the second title + name chain on the first title as an nmod.
  const std::string parse =
      rehead(kBoth, {{3, 5, "case"}, {5, 2, "nmod"}, {6, 5, "flat"}, {11, 2, "nmod"}});
  auto ts = extract_all(make_doc({parse}));
  INFO(dump(ts));
  CHECK(find_fact(ts, "Sergei Lavrov", "be", "Russian Foreign Minister") != nullptr);
  CHECK(find_fact(ts, "Antony Blinken", "be", "US Secretary of State") != nullptr);
}

TEST_CASE("A caseless nmod without a conjunction is left alone", "[extract]") {
  const char* kNmod = R"(Biden Biden PROPN NNP 2 nsubj
met meet VERB VBD 0 root
Putin Putin PROPN NNP 2 obj
Sunday Sunday PROPN NNP 3 nmod
. . PUNCT . 2 punct)";
  kg::Sentence fixed;
  CHECK_FALSE(kg::extract::repair_parse(parse_compact(kNmod), &fixed));
}

// "They meet, provided Russia does not proceed with action, Psaki said." as the two-layer parser
// read it: "provided" an object of "proceed", "said" a parataxis of the condition.
const char* const kProvided = R"(They they PRON PRP 2 nsubj
meet meet VERB VBP 0 root
, , PUNCT , 8 punct
provided provide VERB VBD 8 obj
Russia Russia PROPN NNP 8 nsubj
does do AUX VBZ 8 aux
not not PART RB 8 advmod
proceed proceed VERB VB 2 parataxis
with with ADP IN 10 case
action action NOUN NN 8 obl
, , PUNCT , 13 punct
Psaki Psaki PROPN NNP 13 nsubj
said say VERB VBD 8 parataxis
. . PUNCT . 2 punct)";

TEST_CASE("A provided-clause read as the object of its own verb becomes a condition", "[extract]") {
  kg::Sentence fixed;
  REQUIRE(kg::extract::repair_parse(parse_compact(kProvided), &fixed));
  CHECK(fixed.tokens[3].deprel == "mark");
  CHECK(fixed.tokens[3].head == 8);
  CHECK(fixed.tokens[7].deprel == "advcl");
  CHECK(fixed.tokens[12].head == 2);  // the speech clause belongs to the main clause
  auto ts = extract_all(make_doc({kProvided}));
  INFO(dump(ts));
  const auto* f = find_fact(ts, "Russia", "proceed with", "action");
  REQUIRE(f != nullptr);
  CHECK(f->negated);
  CHECK(f->modality.value_or("").find("condition") != std::string::npos);
}

TEST_CASE("A provided-clause read as the head of its clause becomes a condition", "[extract]") {
  // The one-layer parser's reading: "provided" a parataxis of "meet", "proceed" its ccomp.
  const std::string parse = rehead(
      kProvided, {{3, 4, "punct"}, {4, 2, "parataxis"}, {8, 4, "ccomp"}, {13, 4, "parataxis"}});
  kg::Sentence fixed;
  REQUIRE(kg::extract::repair_parse(parse_compact(parse), &fixed));
  CHECK(fixed.tokens[3].deprel == "mark");
  CHECK(fixed.tokens[3].head == 8);
  CHECK(fixed.tokens[7].head == 2);
  CHECK(fixed.tokens[7].deprel == "advcl");
  CHECK(fixed.tokens[12].head == 2);  // the speech clause moves with the condition's head
}

TEST_CASE("Provided as a plain verb is left alone", "[extract]") {
  const char* kVerb = R"(Sufaat Sufaat PROPN NNP 2 nsubj
provided provide VERB VBD 0 root
Moussaoui Moussaoui PROPN NNP 2 iobj
with with ADP IN 6 case
a a DET DT 6 det
letter letter NOUN NN 2 obl
. . PUNCT . 2 punct)";
  kg::Sentence fixed;
  CHECK_FALSE(kg::extract::repair_parse(parse_compact(kVerb), &fixed));
}

TEST_CASE("A complement opening with should before its subject is an inverted condition",
          "[extract]") {
  const char* kShould = R"(We we PRON PRP 2 nsubj
impose impose VERB VBP 0 root
consequences consequence NOUN NNS 2 obj
should should AUX MD 7 aux
Russia Russia PROPN NNP 7 nsubj
instead instead ADV RB 7 advmod
choose choose VERB VB 2 ccomp
war war NOUN NN 7 obj
. . PUNCT . 2 punct)";
  kg::Sentence fixed;
  REQUIRE(kg::extract::repair_parse(parse_compact(kShould), &fixed));
  CHECK(fixed.tokens[6].deprel == "advcl");
  auto ts = extract_all(make_doc({kShould}));
  INFO(dump(ts));
  const auto* f = find_fact(ts, "Russia", "choose", "war");
  REQUIRE(f != nullptr);
  CHECK(f->modality.value_or("").find("condition") != std::string::npos);
}

TEST_CASE("A complement whose should follows its subject is left alone", "[extract]") {
  const char* kSaid = R"(He he PRON PRP 2 nsubj
said say VERB VBD 0 root
Russia Russia PROPN NNP 5 nsubj
should should AUX MD 5 aux
stop stop VERB VB 2 ccomp
. . PUNCT . 2 punct)";
  kg::Sentence fixed;
  CHECK_FALSE(kg::extract::repair_parse(parse_compact(kSaid), &fixed));
}

TEST_CASE("A flat proper-noun chain ending in a title word is a title", "[extract]") {
  // The tagger with the BiLSTM scorer tags "Ambassador" NNP, and the parser hangs it flat under
  // "U.S.", which then reads as a name.
  const char* kAmb = R"(U.S. U.S. PROPN NNP 6 nsubj
Ambassador Ambassador PROPN NNP 1 flat
to to ADP IN 5 case
the the DET DT 5 det
UN UN PROPN NNP 1 nmod
sent send VERB VBD 0 root
a a DET DT 8 det
letter letter NOUN NN 6 obj
. . PUNCT . 6 punct)";
  kg::Sentence fixed;
  REQUIRE(kg::extract::repair_parse(parse_compact(kAmb), &fixed));
  CHECK(fixed.tokens[1].head == 6);
  CHECK(fixed.tokens[1].deprel == "nsubj");
  CHECK(fixed.tokens[0].head == 2);
  CHECK(fixed.tokens[0].deprel == "compound");
  CHECK(fixed.tokens[4].head == 2);  // "to the UN" goes with the title
}

TEST_CASE("A flat name chain is left alone", "[extract]") {
  const char* kName = R"(Joe Joe PROPN NNP 3 nsubj
Biden Biden PROPN NNP 1 flat
spoke speak VERB VBD 0 root
. . PUNCT . 3 punct)";
  kg::Sentence fixed;
  CHECK_FALSE(kg::extract::repair_parse(parse_compact(kName), &fixed));
}
