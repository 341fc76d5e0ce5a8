#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <sstream>
#include <thread>

#include "common/binio.h"
#include "ner/entity_tagger.h"
#include "ner/features.h"
#include "train/train.h"

using namespace kg;

namespace {

std::vector<Sentence> read(const std::string& text) {
  std::istringstream in(text);
  auto r = read_iob2(in, "test.iob2");
  REQUIRE(r.ok());
  return std::move(r).value();
}

std::vector<std::string> tags(const Sentence& s) {
  std::vector<std::string> out;
  for (const Token& t : s.tokens) out.push_back(t.entity);
  return out;
}

std::string temp_path(const std::string& name) {
  return (std::filesystem::temp_directory_path() / ("kg_ner_test_" + name)).string();
}

// A small tagger trained once for the tests that need one: 400 draft-train sentences, the
// epoch picked on 200 dev sentences.
struct Trained {
  std::vector<Sentence> train, dev;
  EntityTrainResult result;
};

const Trained& trained() {
  static const Trained* t = [] {
    auto* out = new Trained;
    const std::string dir = std::string(KG_SHARED_DATA) + "/ner/";
    auto train = read_iob2_file(dir + "en_ewt-ud-train.DRAFT-2022-12.iob2");
    auto dev = read_iob2_file(dir + "en_ewt-ud-dev.iob2");
    REQUIRE(train.ok());
    REQUIRE(dev.ok());
    out->train.assign(train->begin(), train->begin() + 400);
    out->dev.assign(dev->begin(), dev->begin() + 200);
    EntityTrainOptions options;
    options.max_epochs = 8;
    auto r = train_entity_tagger(out->train, out->dev, options);
    REQUIRE(r.ok());
    out->result = std::move(r).value();
    return out;
  }();
  return *t;
}

}  // namespace

TEST_CASE("IOB2 reader accepts the draft's 3-column O rows and maps OTH and B-O to O", "[ner]") {
  auto s = read(
      "# sent_id = doc-0001\n"
      "# text = Al-Zaman : American forces\n"
      "1\tAl\tB-ORG\t-\tstephen\n"
      "2\t-\tI-ORG\t-\tstephen\n"
      "3\tZaman\tI-ORG\t-\tstephen\n"
      "4\t:\tO\n"
      "5\tAmerican\tB-OTH\t-\tstephen\n"
      "6\tforces\tI-OTH\t-\tstephen\n"
      "\n"
      "1\tBye\tB-O\t-\tstephen\n"
      "2\tParis\tI-LOC\t-\tstephen\n"
      "\n");
  REQUIRE(s.size() == 2);
  CHECK(s[0].id == "doc-0001");
  CHECK(s[0].text == "Al-Zaman : American forces");
  CHECK(tags(s[0]) == std::vector<std::string>{"B-ORG", "I-ORG", "I-ORG", "O", "O", "O"});
  // B-O becomes O, and the I-LOC that then starts an entity becomes B-LOC.
  CHECK(tags(s[1]) == std::vector<std::string>{"O", "B-LOC"});
  CHECK(s[1].tokens[1].form == "Paris");
}

TEST_CASE("IOB2 reader names the file and line of a malformed row", "[ner]") {
  std::istringstream in("1\tHello\tO\n2\tworld\n");
  auto r = read_iob2(in, "bad.iob2");
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().message() == "bad.iob2:2: expected 3 or 5 tab-separated columns, found 2");
  std::istringstream in2("1\tHello\tX-PER\n");
  auto r2 = read_iob2(in2, "bad.iob2");
  REQUIRE_FALSE(r2.ok());
  CHECK(r2.status().message().find("bad.iob2:1: bad IOB2 tag 'X-PER'") != std::string::npos);
  CHECK(read_iob2_file("/no/such/file.iob2").status().code() == ErrorCode::kNotFound);
}

TEST_CASE("Entity scores count exact spans per type, conlleval style", "[ner]") {
  auto gold = read(
      "1\tJohn\tB-PER\n2\tSmith\tI-PER\n3\tvisited\tO\n4\tNew\tB-LOC\n5\tYork\tI-LOC\n"
      "6\tand\tO\n7\tIBM\tB-ORG\n\n");
  auto pred = gold;
  pred[0].tokens[1].entity = "O";      // John Smith -> John: wrong span
  pred[0].tokens[6].entity = "B-LOC";  // IBM as LOC: wrong type
  auto scores = score_entities(gold, pred);
  REQUIRE(scores.ok());
  CHECK(scores->overall.gold == 3);
  CHECK(scores->overall.predicted == 3);
  CHECK(scores->overall.correct == 1);
  CHECK(scores->by_type.at("LOC").predicted == 2);
  CHECK(scores->by_type.at("LOC").correct == 1);
  CHECK(scores->by_type.at("PER").correct == 0);
  CHECK(scores->overall.f1() == Approx(1.0 / 3));
  // An I- tag after O starts an entity, as in conlleval.
  Sentence s;
  s.tokens.resize(3);
  s.tokens[0].entity = "O";
  s.tokens[1].entity = "I-PER";
  s.tokens[2].entity = "I-ORG";
  CHECK(entity_spans(s) == std::vector<EntitySpan>{{1, 1, "PER"}, {2, 2, "ORG"}});
}

TEST_CASE("Entity features lowercase and shape words", "[ner]") {
  CHECK(ner::lowercase("McDonald's ÉCOLE") == "mcdonald's école");
  CHECK(ner::word_shape("McDonald's") == "XxXxxxx'x");
  CHECK(ner::word_shape("1990-2000") == "dddd-dddd");
  CHECK(ner::word_shape("U.S.") == "X.X.");
}

TEST_CASE("Entity tagger learns from a few hundred sentences", "[ner][data]") {
  const Trained& t = trained();
  REQUIRE(t.result.tagger);
  CHECK(t.result.tagger->labels().front() == "O");
  CHECK(t.result.best_epoch >= 1);
  // Far above zero after 400 sentences (the full model reaches about 0.65 on all of dev).
  CHECK(t.result.dev.overall.f1() > 0.25);
  auto self = t.train;
  for (Sentence& s : self) t.result.tagger->tag(s);
  auto on_train = score_entities(t.train, self);
  REQUIRE(on_train.ok());
  CHECK(on_train->overall.f1() > 0.8);
}

TEST_CASE("Entity tagger output is always valid IOB2", "[ner][data]") {
  const Trained& t = trained();
  for (Sentence s : t.dev) {
    t.result.tagger->tag(s);
    std::string prev = "O";
    for (const Token& tok : s.tokens) {
      INFO(s.id);
      if (tok.entity[0] == 'I') CHECK(prev.substr(2) == tok.entity.substr(2));
      CHECK((tok.entity == "O" || tok.entity[1] == '-'));
      prev = tok.entity;
    }
  }
}

TEST_CASE("Entity tagger model round-trips through save and load", "[ner][data]") {
  const Trained& t = trained();
  const std::string path = temp_path("roundtrip.bin");
  REQUIRE(t.result.tagger->save(path).ok());
  auto loaded = EntityTagger::load(path);
  REQUIRE(loaded.ok());
  CHECK((*loaded)->labels() == t.result.tagger->labels());
  CHECK((*loaded)->feature_count() == t.result.tagger->feature_count());
  for (const Sentence& g : t.dev) {
    Sentence a = g, b = g;
    t.result.tagger->tag(a);
    (*loaded)->tag(b);
    CHECK(tags(a) == tags(b));
  }
  std::remove(path.c_str());
}

TEST_CASE("Entity tagger refuses a model of another implementation or version", "[ner][data]") {
  const std::string path = temp_path("version.bin");
  REQUIRE(BinaryWriter("kg-ner-ap", 999).save(path).ok());
  auto newer = EntityTagger::load(path);
  REQUIRE_FALSE(newer.ok());
  CHECK(newer.status().code() == ErrorCode::kVersionMismatch);
  CHECK(newer.status().message().find("version 999") != std::string::npos);
  REQUIRE(BinaryWriter("kg-tagger-ap", 1).save(path).ok());
  auto other = EntityTagger::load(path);
  REQUIRE_FALSE(other.ok());
  CHECK(other.status().code() == ErrorCode::kVersionMismatch);
  CHECK(EntityTagger::load(temp_path("missing.bin")).status().code() == ErrorCode::kNotFound);
  std::remove(path.c_str());
}

TEST_CASE("Entity tagger can be shared by concurrent callers", "[ner][data]") {
  const Trained& t = trained();
  std::vector<Sentence> expected = t.dev;
  for (Sentence& s : expected) t.result.tagger->tag(s);
  std::vector<std::vector<Sentence>> outputs(2, t.dev);
  std::vector<std::thread> threads;
  for (auto& out : outputs) {
    threads.emplace_back([&] {
      for (Sentence& s : out) t.result.tagger->tag(s);
    });
  }
  for (auto& th : threads) th.join();
  for (const auto& out : outputs) {
    for (size_t i = 0; i < out.size(); ++i) CHECK(tags(out[i]) == tags(expected[i]));
  }
}
