#include <catch2/catch.hpp>

#include "common/binio.h"
#include "doc/conllu.h"
#include "tag/lemmatizer.h"
#include "train/lemmatizer_trainer.h"

using namespace kg;
using kg::tag::Lemmatizer;

namespace {

const Lemmatizer& ewt_lemmatizer() {
  static const Lemmatizer lem = [] {
    auto train =
        read_conllu_file(std::string(KG_SHARED_DATA) + "/ud/en_ewt/en_ewt-ud-train.conllu");
    REQUIRE(train.ok());
    return kg::train::train_lemmatizer(*train);
  }();
  return lem;
}

}  // namespace

TEST_CASE("Lemmatizer maps irregular forms seen in training", "[tag][data]") {
  const Lemmatizer& lem = ewt_lemmatizer();
  CHECK(lem.lemmatize("was", "AUX", "VBD") == "be");
  CHECK(lem.lemmatize("Was", "AUX", "VBD") == "be");
  CHECK(lem.lemmatize("children", "NOUN", "NNS") == "child");
  CHECK(lem.lemmatize("went", "VERB", "VBD") == "go");
  CHECK(lem.lemmatize("n't", "PART", "RB") == "not");
  CHECK(lem.lemmatize("better", "ADJ", "JJR") == "good");
}

TEST_CASE("Lemmatizer applies suffix rules to regular and unseen forms", "[tag][data]") {
  const Lemmatizer& lem = ewt_lemmatizer();
  CHECK(lem.lemmatize("running", "VERB", "VBG") == "run");
  CHECK(lem.lemmatize("walked", "VERB", "VBD") == "walk");
  CHECK(lem.lemmatize("blorfing", "VERB", "VBG") == "blorf");
  CHECK(lem.lemmatize("zorbs", "NOUN", "NNS") == "zorb");
  CHECK(lem.lemmatize("quibbles", "NOUN", "NNS") == "quibble");
}

TEST_CASE("Lemmatizer restores the e of unseen -ed and -ing verbs from their stem", "[tag][data]") {
  const Lemmatizer& lem = ewt_lemmatizer();
  // Neither form is in EWT train; "intervening" -> "intervene" is.
  CHECK(lem.lemmatize("convened", "VERB", "VBD") == "convene");
  CHECK(lem.lemmatize("intervened", "VERB", "VBN") == "intervene");
  CHECK(lem.lemmatize("reopened", "VERB", "VBN") == "reopen");
  CHECK(lem.lemmatize("stopped", "VERB", "VBD") == "stop");
  CHECK(lem.lemmatize("used", "VERB", "VBN") == "use");
}

TEST_CASE("Lemmatizer lowercases common words but keeps the case of proper nouns", "[tag][data]") {
  const Lemmatizer& lem = ewt_lemmatizer();
  CHECK(lem.lemmatize("The", "DET", "DT") == "the");
  CHECK(lem.lemmatize("Houses", "NOUN", "NNS") == "house");
  CHECK(lem.lemmatize("Bush", "PROPN", "NNP") == "Bush");
  CHECK(lem.lemmatize("Zyxwurst", "PROPN", "NNP") == "Zyxwurst");
  CHECK(lem.lemmatize("NATO", "PROPN", "NNP") == "NATO");
}

TEST_CASE("Lemmatizer round-trips through the model file format", "[tag][data]") {
  const Lemmatizer& lem = ewt_lemmatizer();
  BinaryWriter w("kg-test", 1);
  lem.write(w);
  auto r = BinaryReader::from_bytes(w.bytes(), "kg-test", 1);
  REQUIRE(r.ok());
  auto loaded = Lemmatizer::read(*r);
  REQUIRE(loaded.ok());
  CHECK(r->at_end());
  for (auto [form, upos, xpos] : {std::tuple{"was", "AUX", "VBD"}, {"geese", "NOUN", "NNS"},
                                  {"Kerala", "PROPN", "NNP"}, {"faster", "ADV", "RBR"}}) {
    CHECK(loaded->lemmatize(form, upos, xpos) == lem.lemmatize(form, upos, xpos));
  }
}
