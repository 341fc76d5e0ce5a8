// Golden facts on the sample article's key sentences (hand-written gold UD parses in
// tests/data/extract/ukraine-summit.conllu).
#include <catch2/catch.hpp>

#include "doc/conllu.h"
#include "parse_helper.h"

using kg::test::dump;
using kg::test::find_fact;

namespace {

std::vector<kg::Triple> sample_facts() {
  auto sents = kg::read_conllu_file(std::string(KG_SOURCE_DIR) +
                                    "/tests/data/extract/ukraine-summit.conllu");
  REQUIRE(sents.ok());
  kg::Document d;
  d.id = "ukraine-summit";
  for (kg::Sentence& s : *sents) d.sentences.push_back(s);
  auto ex = kg::Extractor::create();
  REQUIRE(ex.ok());
  auto r = (*ex)->extract(d);
  REQUIRE(r.ok());
  return *r;
}

}  // namespace

TEST_CASE("Sample article: Biden agrees to hold a summit with Putin", "[extract]") {
  auto ts = sample_facts();
  INFO(dump(ts));
  const kg::Triple* a = find_fact(ts, "Joe Biden", "agree to hold", "summit");
  REQUIRE(a != nullptr);
  CHECK(a->subject_text == "Joe Biden");
  CHECK(find_fact(ts, "Joe Biden", "hold summit with", "Vladimir Putin") != nullptr);
  CHECK(find_fact(ts, "Joe Biden", "be", "US President") != nullptr);
}

TEST_CASE("Sample article: the unnamed ambassador is Bathsheba Nell Crocker", "[extract]") {
  auto ts = sample_facts();
  INFO(dump(ts));
  CHECK(find_fact(ts, "Bathsheba Nell Crocker", "send letter to", "Michelle Bachelet") != nullptr);
  CHECK(find_fact(ts, "Bathsheba Nell Crocker", "be", "U.S. Representative") != nullptr);
  CHECK(find_fact(ts, "Michelle Bachelet", "be", "UN human rights Chief") != nullptr);
}

TEST_CASE("Sample article: one node per person across mentions", "[extract]") {
  auto ts = sample_facts();
  INFO(dump(ts));
  for (const kg::Triple& t : ts) {
    for (const std::string& n : {t.subject, t.object}) {
      CHECK(n != "Biden");
      CHECK(n != "President Biden");
      CHECK(n != "Putin");
      CHECK(n != "Psaki");
      CHECK(n != "he");
      CHECK(n != "she");
    }
  }
  // "he" in "He also discussed ..." is Biden; "she added" is Psaki.
  CHECK(find_fact(ts, "Joe Biden", "discuss with", "Emmanuel Macron") != nullptr);
  const kg::Triple* m = find_fact(ts, "Joe Biden", "accept meeting with", "Vladimir Putin");
  REQUIRE(m != nullptr);
  REQUIRE(m->attribution.has_value());
  CHECK(*m->attribution == "Jen Psaki");
}

TEST_CASE("Sample article: conditions, negation and attribution are kept", "[extract]") {
  auto ts = sample_facts();
  INFO(dump(ts));
  const kg::Triple* inv = find_fact(ts, "Russia", "invade", "Ukraine");
  REQUIRE(inv != nullptr);
  CHECK(inv->negated);
  CHECK(inv->modality == std::optional<std::string>("condition"));
  CHECK(inv->attribution == std::optional<std::string>("White House"));
  const kg::Triple* meet = find_fact(ts, "Antony Blinken", "be scheduled to meet in", "Europe");
  REQUIRE(meet != nullptr);
  CHECK(meet->attribution == std::optional<std::string>("Jen Psaki"));
  REQUIRE(meet->modality.has_value());
  CHECK(meet->modality->find("provided Russia does not proceed") != std::string::npos);
  const kg::Triple* prod = find_fact(ts, "Russian invasion", "produce", "suffering");
  REQUIRE(prod != nullptr);
  CHECK(prod->modality == std::optional<std::string>("would"));
  CHECK(prod->attribution == std::optional<std::string>("Bathsheba Nell Crocker"));
}

TEST_CASE("Extraction runs on every gold-parsed EWT dev sentence", "[extract][data]") {
  auto sents = kg::read_conllu_file(std::string(KG_SHARED_DATA) + "/ud/en_ewt/en_ewt-ud-dev.conllu");
  REQUIRE(sents.ok());
  auto ex = kg::Extractor::create();
  REQUIRE(ex.ok());
  size_t facts = 0, nary = 0;
  for (size_t i = 0; i < sents->size(); i += 50) {
    kg::Document d;
    d.id = "ewt";
    for (size_t k = i; k < std::min(sents->size(), i + 50); ++k) d.sentences.push_back((*sents)[k]);
    auto r = (*ex)->extract(d);
    REQUIRE(r.ok());
    facts += r->size();
    for (const kg::Triple& t : *r) {
      CHECK(t.confidence >= 0.0);
      CHECK(t.confidence <= 1.0);
      CHECK_FALSE(t.subject.empty());
      CHECK_FALSE(t.object.empty());
    }
    for (const kg::Sentence& s : d.sentences) {
      auto n = (*ex)->extract_nary(s);
      REQUIRE(n.ok());
      nary += n->size();
    }
  }
  CHECK(facts > 800);
  CHECK(nary > 2000);
}
